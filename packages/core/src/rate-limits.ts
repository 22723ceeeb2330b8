import { createHmac } from "node:crypto";
import { RateLimiterRedis, RateLimiterRes } from "rate-limiter-flexible";
import type { AppContext } from "./context.js";
import { AppError } from "./errors.js";

/**
 * The limits of public endpoints, per subject (an IP address, an email address), counted in
 * Redis so every API process shares them (rate-limiter-flexible's atomic Redis counter).
 * Subjects are stored as keyed hashes: Redis never holds an address or an IP.
 */
export const RATE_POLICIES = {
  /** Any public page or endpoint, per IP. */
  public: { points: 300, durationS: 60 },
  /** Signups, per IP and per address (a stranger's address cannot be flooded with confirmations). */
  "subscribe-ip": { points: 20, durationS: 600 },
  "subscribe-address": { points: 5, durationS: 3600 },
  /** Admin sign-in attempts, per IP and per account. */
  "sign-in-ip": { points: 20, durationS: 900 },
  "sign-in-account": { points: 8, durationS: 900 },
} as const;
export type RatePolicy = keyof typeof RATE_POLICIES;

type Ctx = Pick<AppContext, "redis" | "config">;
const limiters = new WeakMap<object, Map<RatePolicy, RateLimiterRedis>>();

function limiter(ctx: Ctx, policy: RatePolicy): RateLimiterRedis {
  let byPolicy = limiters.get(ctx.redis);
  if (!byPolicy) {
    byPolicy = new Map();
    limiters.set(ctx.redis, byPolicy);
  }
  let l = byPolicy.get(policy);
  if (!l) {
    const { points, durationS } = RATE_POLICIES[policy];
    l = new RateLimiterRedis({
      storeClient: ctx.redis,
      keyPrefix: `${ctx.config.QUEUE_PREFIX}:rl:${policy}`,
      points,
      duration: durationS,
    });
    byPolicy.set(policy, l);
  }
  return l;
}

/** Counts one request of `subject` against `policy`; over the limit, a 429 that says when to retry. */
export async function enforceRateLimit(ctx: Ctx, policy: RatePolicy, subject: string): Promise<void> {
  const key = createHmac("sha256", ctx.config.APP_SECRET)
    .update(`${policy}\n${subject.toLowerCase()}`)
    .digest("hex")
    .slice(0, 32);
  try {
    await limiter(ctx, policy).consume(key);
  } catch (err) {
    if (!(err instanceof RateLimiterRes)) throw err;
    const retryAfterSeconds = Math.max(1, Math.ceil(err.msBeforeNext / 1000));
    throw new AppError(429, "rate_limited", `too many requests; try again in ${retryAfterSeconds} s`, {
      retryAfterSeconds,
    });
  }
}
