import { Resend } from "resend";
import { RateLimiter } from "./rate-limiter.js";
import type { Limiter } from "./redis-rate-limiter.js";
import {
  IdempotencyConflictError,
  type MailTransport,
  type OutgoingBatch,
  PermanentSendError,
  ProviderUnavailableError,
  type SendResult,
  TransientSendError,
} from "./transport.js";

export interface ResendTransportOptions {
  apiKey: string;
  baseUrl: string;
  /** Requests per second allowed by the provider (Resend's default is 2). */
  rateLimit: number;
  /** Attempts per request for answers worth repeating at once (a short 429, a key still being processed). */
  maxAttempts?: number;
  /** Longest `retry-after` we wait in-process; a longer one pauses sending everywhere instead. */
  maxRetryAfterMs?: number;
  /** How long one request may take (RESEND_TIMEOUT_MS); it also bounds how long a crash delays mail. */
  timeoutMs: number;
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

const AUTH_ERRORS = new Set(["missing_api_key", "invalid_api_key", "restricted_api_key", "invalid_access"]);

/**
 * Resend through its SDK: the batch endpoint in permissive validation mode (one refused email
 * never stops its batch-mates), idempotency keys, the shared rate limit, and every failure
 * classified by whose fault it is (see the error types in transport.ts).
 */
export function createResendTransport(opts: ResendTransportOptions): MailTransport {
  const client = new Resend(opts.apiKey, { baseUrl: opts.baseUrl.replace(/\/$/, "") });
  const sleep = opts.sleep ?? sleepMs;
  const limiter: Limiter = opts.limiter ?? new RateLimiter(opts.rateLimit, Date.now, sleep);
  const maxAttempts = opts.maxAttempts ?? 4;
  const maxRetryAfterMs = opts.maxRetryAfterMs ?? 2_000;
  const timeoutMs = opts.timeoutMs;

  return {
    name: "resend",
    maxBatch: 100,
    async send(batch: OutgoingBatch): Promise<SendResult> {
      if (batch.emails.length === 0) return { ids: [], refused: [] };
      if (batch.emails.length > 100) throw new PermanentSendError("Resend batches hold at most 100 emails");
      const payload = batch.emails.map((e) => ({
        from: e.from,
        to: [e.to],
        subject: e.subject,
        html: e.html,
        text: e.text,
        replyTo: e.replyTo,
        // Canonical order: a retry from the stored copy (jsonb reorders keys) must be byte-identical.
        headers: Object.fromEntries(Object.entries(e.headers).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))),
        tags: e.tags,
      }));
      let lastError = "no attempt made";
      for (let attempt = 1; attempt <= maxAttempts; attempt++) {
        await limiter.take();
        const signal = AbortSignal.timeout(timeoutMs);
        const { data, error, headers } = await client.batch.send(payload, {
          idempotencyKey: batch.idempotencyKey,
          batchValidation: "permissive",
          signal,
        });
        if (!error) return mapPermissive(data, batch.emails.length);
        const status = (error as { statusCode?: number | null }).statusCode ?? null;
        lastError = `${status ?? "network"} ${error.name}: ${error.message}`;
        if (status === null) {
          throw new ProviderUnavailableError(signal.aborted ? "timeout" : "outage", lastError);
        }
        if (status === 401 || status === 403 || AUTH_ERRORS.has(error.name)) {
          throw new ProviderUnavailableError("auth", lastError);
        }
        if (status === 429) {
          const wait = retryAfterMs(headers) ?? 1000 * attempt;
          if (wait > maxRetryAfterMs || attempt === maxAttempts) {
            throw new ProviderUnavailableError("rate-limit", lastError, wait);
          }
          await limiter.pause(wait);
          continue;
        }
        if (status === 409 && error.name === "invalid_idempotent_request")
          throw new IdempotencyConflictError(lastError);
        if (status === 409) {
          // concurrent_idempotent_requests: another process is sending this very group; its answer settles it.
          await sleep(500 * attempt);
          continue;
        }
        if (status >= 500) throw new ProviderUnavailableError("outage", lastError);
        throw new PermanentSendError(lastError);
      }
      throw new TransientSendError(lastError);
    },
  };
}

/**
 * Permissive mode answers `data` for the emails it created, in request order, and `errors`
 * with the index of each email it refused.
 */
function mapPermissive(data: unknown, count: number): SendResult {
  const body = (data ?? {}) as { data?: { id: string }[]; errors?: { index: number; message: string }[] };
  const created = body.data ?? [];
  const refused = (body.errors ?? []).filter((e) => Number.isInteger(e.index) && e.index >= 0 && e.index < count);
  const refusedAt = new Set(refused.map((e) => e.index));
  if (created.length !== count - refusedAt.size) {
    throw new TransientSendError(`Resend returned ${created.length} ids for ${count - refusedAt.size} accepted emails`);
  }
  const ids: (string | null)[] = [];
  let next = 0;
  for (let i = 0; i < count; i++) ids.push(refusedAt.has(i) ? null : (created[next++]?.id ?? null));
  return { ids, refused: refused.map((e) => ({ index: e.index, message: String(e.message ?? "refused") })) };
}
