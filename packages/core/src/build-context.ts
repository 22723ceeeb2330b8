import type { Config } from "@rebound/config";
import { createDb } from "@rebound/db";
import { createTransport, type MailTransport, ProviderGate, RedisRateLimiter } from "@rebound/mail";
import { createQueues, createRedis } from "@rebound/queue";
import { ApiKeyVerifier } from "./api-keys.js";
import { type AppContext, type Clock, systemClock } from "./context.js";
import { createLogger, type Logger } from "./logger.js";

/** Builds the shared services once; `close()` releases them in reverse order. */
export function buildContext(
  config: Config,
  opts: { clock?: Clock; mail?: MailTransport; log?: Logger; dbPoolSize?: number } = {},
): AppContext & { close(): Promise<void> } {
  const db = createDb(config.DATABASE_URL, { max: opts.dbPoolSize ?? config.DATABASE_POOL_SIZE });
  const redis = createRedis(config.REDIS_URL, { forWorker: true });
  const queues = createQueues(redis, config.QUEUE_PREFIX);
  const log = opts.log ?? createLogger(config.LOG_LEVEL);
  const clock = opts.clock ?? systemClock;
  const apiKeys = new ApiKeyVerifier(db, redis, `${config.QUEUE_PREFIX}:api-keys:revoked`, () => clock.now().getTime());
  return {
    config,
    db,
    redis,
    queues,
    // One provider limit for every process: the bucket lives in Redis.
    mail:
      opts.mail ??
      createTransport(config, db, {
        limiter: new RedisRateLimiter(redis, `${config.QUEUE_PREFIX}:ratelimit:resend`, config.RESEND_RATE_LIMIT),
      }),
    provider: new ProviderGate(redis, `${config.QUEUE_PREFIX}:provider`, config.PROVIDER_BACKOFF_MAX_MS),
    clock,
    log,
    apiKeys,
    async close() {
      await apiKeys.close();
      await queues.close();
      await redis.quit().catch(() => redis.disconnect());
      await db.$disconnect();
    },
  };
}
