import { Resend } from "resend";
import { RateLimiter } from "./rate-limiter.js";
import type { Limiter } from "./redis-rate-limiter.js";
import { type MailTransport, type OutgoingBatch, PermanentSendError, TransientSendError } from "./transport.js";

export interface ResendTransportOptions {
  apiKey: string;
  baseUrl: string;
  /** Requests per second allowed by the provider (Resend's default is 2). */
  rateLimit: number;
  /** Attempts per request before giving the failure back to the job queue. */
  maxAttempts?: number;
  /** Longest `retry-after` we wait in-process; longer waits go back to the queue. */
  maxRetryAfterMs?: number;
  sleep?: (ms: number) => Promise<void>;
  /** Shared limiter (Redis) so several processes respect one provider limit; in-process otherwise. */
  limiter?: Limiter;
}

const sleepMs = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

function retryAfterMs(headers: Record<string, string> | null): number | null {
  const raw = headers?.["retry-after"];
  if (!raw) return null;
  const secs = Number(raw);
  if (Number.isFinite(secs)) return Math.max(0, secs * 1000);
  const date = Date.parse(raw);
  return Number.isNaN(date) ? null : Math.max(0, date - Date.now());
}

/** Resend through its SDK: batch endpoint, idempotency keys, rate limit and 429 handling. */
export function createResendTransport(opts: ResendTransportOptions): MailTransport {
  const client = new Resend(opts.apiKey, { baseUrl: opts.baseUrl.replace(/\/$/, "") });
  const sleep = opts.sleep ?? sleepMs;
  const limiter: Limiter = opts.limiter ?? new RateLimiter(opts.rateLimit, Date.now, sleep);
  const maxAttempts = opts.maxAttempts ?? 6;
  const maxRetryAfterMs = opts.maxRetryAfterMs ?? 60_000;

  return {
    name: "resend",
    maxBatch: 100,
    async send(batch: OutgoingBatch): Promise<string[]> {
      if (batch.emails.length === 0) return [];
      if (batch.emails.length > 100) throw new PermanentSendError("Resend batches hold at most 100 emails");
      const payload = batch.emails.map((e) => ({
        from: e.from,
        to: [e.to],
        subject: e.subject,
        html: e.html,
        text: e.text,
        replyTo: e.replyTo,
        headers: e.headers,
        tags: e.tags,
      }));
      let lastError = "no attempt made";
      for (let attempt = 1; attempt <= maxAttempts; attempt++) {
        await limiter.take();
        const { data, error, headers } = await client.batch.send(payload, { idempotencyKey: batch.idempotencyKey });
        if (!error) {
          const ids = (data?.data ?? []).map((d) => d.id);
          if (ids.length !== batch.emails.length) {
            throw new TransientSendError(`Resend returned ${ids.length} ids for ${batch.emails.length} emails`);
          }
          return ids;
        }
        const status = (error as { statusCode?: number | null }).statusCode ?? null;
        lastError = `${status ?? "network"} ${error.name}: ${error.message}`;
        if (status === 429 || status === 409) {
          // 409: the same key is still being processed by the provider; wait and repeat it.
          const wait = retryAfterMs(headers) ?? 1000 * attempt;
          if (wait > maxRetryAfterMs) throw new TransientSendError(`${lastError} (retry-after ${wait} ms)`);
          await limiter.pause(wait);
          continue;
        }
        if (status !== null && status >= 400 && status < 500) throw new PermanentSendError(lastError);
        await sleep(Math.min(30_000, 250 * 2 ** attempt));
      }
      throw new TransientSendError(lastError);
    },
  };
}
