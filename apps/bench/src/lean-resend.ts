import { createHash, randomUUID } from "node:crypto";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";

/**
 * A Resend stand-in for hundreds of thousands of emails: POST /emails/batch honouring
 * Idempotency-Key (same key and body: the first answer, nothing recorded twice), keeping only
 * (recipient, step) counts instead of every email's bytes (testkit's FakeResend keeps those,
 * which is right for tests and too much for 400,000 emails).
 */
export class LeanResend {
  /** How many times each recipient got each step. */
  readonly got = new Map<string, Map<string, number>>();
  accepted = 0;
  requests = 0;
  firstAt = 0;
  lastAt = 0;
  readonly apiKey = "re_bench_key";
  url = "";
  private readonly answers = new Map<string, { hash: string; body: string }>();
  private server: Server | null = null;

  async start(): Promise<void> {
    this.server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on("data", (c: Buffer) => chunks.push(c));
      req.on("end", () => {
        this.requests++;
        const raw = Buffer.concat(chunks).toString();
        const reply = (status: number, body: string) => {
          res.writeHead(status, { "content-type": "application/json" });
          res.end(body);
        };
        if (req.method !== "POST" || req.url !== "/emails/batch") return reply(404, '{"name":"not_found"}');
        const key = req.headers["idempotency-key"];
        const hash = createHash("sha256").update(raw).digest("hex");
        const prior = typeof key === "string" ? this.answers.get(key) : undefined;
        if (prior) {
          if (prior.hash !== hash) return reply(409, '{"statusCode":409,"name":"invalid_idempotent_request"}');
          return reply(200, prior.body);
        }
        const items = JSON.parse(raw) as { to: string | string[]; tags?: { name: string; value: string }[] }[];
        const now = Date.now();
        this.firstAt ||= now;
        this.lastAt = now;
        for (const item of items) {
          const to = Array.isArray(item.to) ? (item.to[0] ?? "") : item.to;
          const step = item.tags?.find((t) => t.name === "step")?.value ?? "?";
          const steps = this.got.get(to) ?? new Map<string, number>();
          steps.set(step, (steps.get(step) ?? 0) + 1);
          this.got.set(to, steps);
        }
        this.accepted += items.length;
        const body = JSON.stringify({ data: items.map(() => ({ id: randomUUID() })), errors: [] });
        if (typeof key === "string") this.answers.set(key, { hash, body });
        reply(200, body);
      });
    });
    const server = this.server;
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", () => r()));
    this.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  }

  async stop(): Promise<void> {
    await new Promise((r) => this.server?.close(r));
  }
}
