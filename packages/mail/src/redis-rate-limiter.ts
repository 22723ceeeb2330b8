import type { Redis } from "ioredis";

export interface Limiter {
  /** Resolves when the caller may send one request. */
  take(): Promise<void>;
  /** Nobody sends for `ms` (after a 429). */
  pause(ms: number): void | Promise<void>;
}

// A token bucket in one Redis hash, on Redis's clock, so every API and worker process
// shares the provider's limit. Returns 0 when a token was taken, else how long to wait.
const TAKE = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local rate = tonumber(ARGV[1])
local capacity = tonumber(ARGV[2])
local state = redis.call('HMGET', KEYS[1], 'tokens', 'ts', 'paused')
local tokens = tonumber(state[1]) or capacity
local ts = tonumber(state[2]) or now
local paused = tonumber(state[3]) or 0
if now < paused then return paused - now end
tokens = math.min(capacity, tokens + (now - ts) * rate / 1000)
local wait = 0
if tokens >= 1 then tokens = tokens - 1 else wait = math.ceil((1 - tokens) * 1000 / rate) end
redis.call('HSET', KEYS[1], 'tokens', tostring(tokens), 'ts', now)
redis.call('PEXPIRE', KEYS[1], 60000)
return wait
`;

const PAUSE = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local untilMs = now + tonumber(ARGV[1])
local paused = tonumber(redis.call('HGET', KEYS[1], 'paused')) or 0
if untilMs > paused then redis.call('HSET', KEYS[1], 'paused', untilMs) end
redis.call('PEXPIRE', KEYS[1], math.max(60000, tonumber(ARGV[1]) + 1000))
return 0
`;

export class RedisRateLimiter implements Limiter {
  constructor(
    private readonly redis: Redis,
    private readonly key: string,
    private readonly perSecond: number,
    private readonly sleep: (ms: number) => Promise<void> = (ms) => new Promise((r) => setTimeout(r, ms)),
  ) {}

  async take(): Promise<void> {
    const capacity = Math.max(1, this.perSecond);
    for (;;) {
      const wait = Number(await this.redis.eval(TAKE, 1, this.key, String(this.perSecond), String(capacity)));
      if (wait <= 0) return;
      await this.sleep(wait);
    }
  }

  async pause(ms: number): Promise<void> {
    await this.redis.eval(PAUSE, 1, this.key, String(Math.max(0, Math.ceil(ms))));
  }
}
