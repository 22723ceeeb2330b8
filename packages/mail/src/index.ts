import type { Db } from "@rebound/db";
import { createOutboxTransport } from "./outbox-transport.js";
import { createResendTransport } from "./resend-transport.js";
import type { Limiter } from "./redis-rate-limiter.js";
import type { MailTransport } from "./transport.js";

export * from "./transport.js";
export { RateLimiter } from "./rate-limiter.js";
export { createResendReader } from "./resend-reader.js";
export { type Limiter, RedisRateLimiter } from "./redis-rate-limiter.js";
export { createOutboxTransport, createResendTransport };
export { ProviderGate, type ProviderState } from "./provider-gate.js";

export interface MailConfig {
  RESEND_API_KEY?: string;
  RESEND_BASE_URL: string;
  RESEND_RATE_LIMIT: number;
  RESEND_TIMEOUT_MS: number;
}

/** Chosen once at start-up: Resend when a key is configured, the local outbox otherwise. */
export function createTransport(config: MailConfig, db: Db, opts: { limiter?: Limiter } = {}): MailTransport {
  return config.RESEND_API_KEY
    ? createResendTransport({
        apiKey: config.RESEND_API_KEY,
        baseUrl: config.RESEND_BASE_URL,
        rateLimit: config.RESEND_RATE_LIMIT,
        timeoutMs: config.RESEND_TIMEOUT_MS,
        ...(opts.limiter ? { limiter: opts.limiter } : {}),
      })
    : createOutboxTransport(db);
}
