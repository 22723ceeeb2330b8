import { randomUUID } from "node:crypto";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

/**
 * A local stand-in for an OpenAI-compatible Chat Completions API: POST
 * /v1/chat/completions with a Bearer key, answering in the real response shape.
 * It records every request body (so tests can check what left Rebound) and can be
 * told to answer valid JSON, malformed content, 429, 500, or to hang past the
 * caller's timeout.
 */

export type FakeOpenAiMode =
  | { kind: "answer"; content: (request: FakeChatRequest) => string }
  | { kind: "malformed" }
  | { kind: "status"; status: number; retryAfter?: number }
  | { kind: "hang"; ms: number };

export interface FakeChatRequest {
  model?: string;
  messages?: { role: string; content: string }[];
  response_format?: { type?: string; json_schema?: { name?: string; strict?: boolean; schema?: unknown } };
  temperature?: number;
  [key: string]: unknown;
}

export interface FakeOpenAiRequest {
  method: string;
  path: string;
  authorization: string | undefined;
  /** The raw body as received, for "nothing personal left Rebound" checks. */
  raw: string;
  body: FakeChatRequest | null;
  status: number;
}

/** A valid answer for the analysis schema: themes with evidence quoted from the reflection. */
export function analysisAnswer(answer: {
  themes?: { theme: string; evidence: string[] }[];
  distress?: boolean;
  distressEvidence?: string[];
  highPoints?: string[];
  summary?: string;
}): string {
  return JSON.stringify({
    themes: answer.themes ?? [],
    distress: answer.distress ?? false,
    distressEvidence: answer.distressEvidence ?? [],
    highPoints: answer.highPoints ?? [],
    summary: answer.summary ?? "",
  });
}

export class FakeOpenAi {
  readonly requests: FakeOpenAiRequest[] = [];
  apiKey = "sk-test-key";
  mode: FakeOpenAiMode = { kind: "answer", content: () => analysisAnswer({}) };
  private server: Server | null = null;
  private timers = new Set<NodeJS.Timeout>();
  url = "";

  /** The base URL to give as LLM_BASE_URL (".../v1", as for the real API). */
  get baseUrl(): string {
    return `${this.url}/v1`;
  }

  answer(content: string | ((request: FakeChatRequest) => string)): void {
    this.mode = { kind: "answer", content: typeof content === "string" ? () => content : content };
  }

  async start(): Promise<string> {
    this.server = createServer((req, res) => {
      this.handle(req, res).catch((err) => {
        if (!res.headersSent) res.writeHead(500, { "content-type": "application/json" });
        res.end(JSON.stringify({ error: { message: String(err), type: "server_error" } }));
      });
    });
    await new Promise<void>((resolve) => this.server?.listen(0, "127.0.0.1", resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this.url;
  }

  async stop(): Promise<void> {
    for (const t of this.timers) clearTimeout(t);
    this.timers.clear();
    const s = this.server;
    if (!s) return;
    s.closeAllConnections();
    await new Promise<void>((resolve) => s.close(() => resolve()));
    this.server = null;
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const raw = Buffer.concat(chunks).toString("utf8");
    let body: FakeChatRequest | null = null;
    try {
      body = raw ? (JSON.parse(raw) as FakeChatRequest) : null;
    } catch {
      body = null;
    }
    const path = (req.url ?? "/").split("?")[0] ?? "/";
    const record = (status: number): void => {
      this.requests.push({
        method: req.method ?? "",
        path,
        authorization: req.headers.authorization,
        raw,
        body,
        status,
      });
    };
    const send = (status: number, payload: unknown, headers: Record<string, string> = {}) => {
      record(status);
      res.writeHead(status, { "content-type": "application/json", ...headers });
      res.end(JSON.stringify(payload));
    };
    const error = (status: number, type: string, message: string, headers?: Record<string, string>) =>
      send(status, { error: { message, type, code: type } }, headers);

    if (req.method !== "POST" || path !== "/v1/chat/completions") return error(404, "not_found", `no route ${path}`);
    if (req.headers.authorization !== `Bearer ${this.apiKey}`) {
      return error(401, "invalid_api_key", "Incorrect API key provided");
    }
    if (!body || typeof body.model !== "string" || !Array.isArray(body.messages)) {
      return error(400, "invalid_request_error", "model and messages are required");
    }
    const mode = this.mode;
    if (mode.kind === "status") {
      const headers = mode.retryAfter !== undefined ? { "retry-after": String(mode.retryAfter) } : undefined;
      return error(mode.status, mode.status === 429 ? "rate_limit_exceeded" : "server_error", "injected", headers);
    }
    if (mode.kind === "hang") {
      // Answers late (or never, if the caller gave up and the server stops first).
      await new Promise<void>((resolve) => {
        const t = setTimeout(resolve, mode.ms);
        this.timers.add(t);
        req.socket.once("close", () => {
          clearTimeout(t);
          this.timers.delete(t);
          resolve();
        });
      });
      if (res.destroyed || res.writableEnded) return record(0);
    }
    const content = mode.kind === "answer" ? mode.content(body) : '{"themes": [ {"theme": "nonverbal", "evid';
    send(200, {
      id: `chatcmpl-${randomUUID()}`,
      object: "chat.completion",
      created: Math.floor(Date.now() / 1000),
      model: body.model,
      choices: [{ index: 0, message: { role: "assistant", content, refusal: null }, finish_reason: "stop" }],
      usage: { prompt_tokens: 0, completion_tokens: 0, total_tokens: 0 },
    });
  }
}
