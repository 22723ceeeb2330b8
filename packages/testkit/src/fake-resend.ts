import { createHash, randomUUID } from "node:crypto";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

/**
 * A local stand-in for Resend's HTTP API: POST /emails, POST /emails/batch and
 * GET /emails/receiving/:id. It honours Idempotency-Key like Resend (same key
 * and body: the first answer again, nothing re-sent; same key, other body: 409),
 * records every request, and can be told to answer 429 (with retry-after) or 500.
 */
export interface FakeEmail {
  id: string;
  from: string;
  to: string[];
  subject: string;
  html?: string;
  text?: string;
  reply_to?: string | string[];
  headers?: Record<string, string>;
  tags?: { name: string; value: string }[];
  idempotencyKey: string | null;
  acceptedAt: number;
}

export interface FakeRequest {
  method: string;
  path: string;
  headers: Record<string, string | string[] | undefined>;
  body: unknown;
  status: number;
  at: number;
}

export interface ReceivedEmailFixture {
  id: string;
  from: string;
  to: string[];
  cc?: string[];
  subject: string;
  text: string | null;
  html: string | null;
  headers: Record<string, string>;
  message_id?: string;
  created_at?: string;
}

type Failure = { status: number; retryAfter?: number; name?: string; hangMs?: number };

export class FakeResend {
  readonly emails: FakeEmail[] = [];
  readonly requests: FakeRequest[] = [];
  readonly received = new Map<string, ReceivedEmailFixture>();
  apiKey = "re_test_key";
  /** Delay before answering a send request, to widen crash windows in tests (or outlast a client's timeout). */
  sendDelayMs = 0;
  /** Addresses the provider refuses as invalid (a 422 in strict mode, an `errors[]` entry in permissive mode). */
  readonly refused = new Set<string>();
  /** Behave like a provider that is always strict, whatever `x-batch-validation` says. */
  ignoreBatchValidation = false;
  private failures: Failure[] = [];
  private presetIds: string[] = [];
  private inFlight = new Set<string>();
  private idempotency = new Map<string, { hash: string; status: number; body: unknown }>();
  private server: Server | null = null;
  url = "";

  /** The next `count` send requests fail with this answer. */
  failNext(count: number, failure: Failure): void {
    for (let i = 0; i < count; i++) this.failures.push(failure);
  }

  /** Pending injected failures (to wait for a storm to pass). */
  get failuresLeft(): number {
    return this.failures.length;
  }

  /** The ids the next accepted emails get, in order (so a test knows an id before the sender does). */
  presetNextIds(...ids: string[]): void {
    this.presetIds.push(...ids);
  }

  /** The provider already holds `key` for another request body, as after a lost first attempt. */
  holdKey(key: string, body = "an earlier, different request"): void {
    this.idempotency.set(key, {
      hash: createHash("sha256").update(body).digest("hex"),
      status: 200,
      body: { data: [] },
    });
  }

  async start(): Promise<string> {
    this.server = createServer((req, res) => {
      this.handle(req, res).catch((err) => {
        res.writeHead(500, { "content-type": "application/json" });
        res.end(JSON.stringify({ statusCode: 500, name: "internal_server_error", message: String(err) }));
      });
    });
    await new Promise<void>((resolve) => this.server?.listen(0, "127.0.0.1", resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this.url;
  }

  async stop(): Promise<void> {
    const s = this.server;
    if (!s) return;
    s.closeAllConnections();
    await new Promise<void>((resolve) => s.close(() => resolve()));
    this.server = null;
  }

  /** Emails addressed to one recipient, in the order they were accepted. */
  to(address: string): FakeEmail[] {
    return this.emails.filter((e) => e.to.includes(address));
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const raw = Buffer.concat(chunks).toString("utf8");
    let body: unknown = null;
    try {
      body = raw ? JSON.parse(raw) : null;
    } catch {
      return this.reply(req, res, body, 400, { statusCode: 400, name: "validation_error", message: "invalid JSON" });
    }
    const path = (req.url ?? "/").split("?")[0] ?? "/";
    if (req.headers.authorization !== `Bearer ${this.apiKey}`) {
      return this.reply(req, res, body, 401, {
        statusCode: 401,
        name: "missing_api_key",
        message: "API key is invalid",
      });
    }
    const receiving = /^\/emails\/receiving\/([^/]+)$/.exec(path);
    if (req.method === "GET" && receiving?.[1]) {
      const found = this.received.get(decodeURIComponent(receiving[1]));
      if (!found)
        return this.reply(req, res, body, 404, { statusCode: 404, name: "not_found", message: "Email not found" });
      return this.reply(req, res, body, 200, { object: "email", ...found });
    }
    if (req.method === "POST" && (path === "/emails" || path === "/emails/batch")) {
      const failure = this.failures.shift();
      if (failure) {
        // A hang outlasts the client's timeout: the client gives up before this answer comes.
        if (failure.hangMs) await new Promise((r) => setTimeout(r, failure.hangMs));
        const headers = failure.retryAfter !== undefined ? { "retry-after": String(failure.retryAfter) } : undefined;
        return this.reply(
          req,
          res,
          body,
          failure.status,
          {
            statusCode: failure.status,
            name: failure.name ?? (failure.status === 429 ? "rate_limit_exceeded" : "internal_server_error"),
            message: "injected failure",
          },
          headers,
        );
      }
      const key = typeof req.headers["idempotency-key"] === "string" ? req.headers["idempotency-key"] : null;
      const hash = createHash("sha256").update(`${path}\n${raw}`).digest("hex");
      if (key) {
        const prior = this.idempotency.get(key);
        if (prior && prior.hash !== hash) {
          return this.reply(req, res, body, 409, {
            statusCode: 409,
            name: "invalid_idempotent_request",
            message: "Same idempotency key used with a different request payload",
          });
        }
        if (prior) return this.reply(req, res, body, prior.status, prior.body);
        if (this.inFlight.has(key)) {
          return this.reply(req, res, body, 409, {
            statusCode: 409,
            name: "concurrent_idempotent_requests",
            message: "Same idempotency key used while original request is still in progress",
          });
        }
      }
      const items = path === "/emails" ? [body] : Array.isArray(body) ? body : null;
      if (!items || items.length === 0 || items.length > 100) {
        return this.reply(req, res, body, 422, {
          statusCode: 422,
          name: "validation_error",
          message: "batch must hold 1 to 100 emails",
        });
      }
      // Strict mode (the default) refuses the whole batch for one invalid email; permissive mode
      // creates the valid ones and lists the others by index.
      const permissive =
        path === "/emails/batch" && !this.ignoreBatchValidation && req.headers["x-batch-validation"] === "permissive";
      const invalid = (item: Record<string, unknown>): string | null => {
        const to = Array.isArray(item.to) ? (item.to as string[]) : [String(item.to ?? "")];
        if (!item.from || !item.subject || !to[0]?.includes("@")) return "from, to and subject are required";
        if (to.some((t) => this.refused.has(t.toLowerCase())))
          return "Invalid `to` field. The email address is not valid.";
        return null;
      };
      const accepted: FakeEmail[] = [];
      const errors: { index: number; message: string }[] = [];
      (items as Record<string, unknown>[]).forEach((item, index) => {
        const why = invalid(item);
        if (why) errors.push({ index, message: why });
      });
      if (errors.length && !permissive) {
        return this.reply(req, res, body, 422, {
          statusCode: 422,
          name: "validation_error",
          message: errors[0]?.message,
        });
      }
      if (key) this.inFlight.add(key);
      try {
        if (this.sendDelayMs > 0) await new Promise((r) => setTimeout(r, this.sendDelayMs));
        (items as Record<string, unknown>[]).forEach((item, index) => {
          if (errors.some((e) => e.index === index)) return;
          const to = Array.isArray(item.to) ? (item.to as string[]) : [String(item.to ?? "")];
          accepted.push({
            ...(item as object),
            id: this.presetIds.shift() ?? randomUUID(),
            to,
            idempotencyKey: key,
            acceptedAt: Date.now(),
          } as FakeEmail);
        });
        this.emails.push(...accepted);
        const data = accepted.map((a) => ({ id: a.id }));
        const answer = path === "/emails" ? { id: accepted[0]?.id } : permissive ? { data, errors } : { data };
        if (key) this.idempotency.set(key, { hash, status: 200, body: answer });
        return this.reply(req, res, body, 200, answer);
      } finally {
        if (key) this.inFlight.delete(key);
      }
    }
    return this.reply(req, res, body, 404, {
      statusCode: 404,
      name: "not_found",
      message: `no route ${req.method} ${path}`,
    });
  }

  private reply(
    req: IncomingMessage,
    res: ServerResponse,
    body: unknown,
    status: number,
    payload: unknown,
    headers: Record<string, string> = {},
  ) {
    this.requests.push({
      method: req.method ?? "",
      path: req.url ?? "",
      headers: req.headers,
      body,
      status,
      at: Date.now(),
    });
    res.writeHead(status, { "content-type": "application/json", ...headers });
    res.end(JSON.stringify(payload));
  }
}
