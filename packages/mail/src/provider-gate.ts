import type { Redis } from "ioredis";

export interface ProviderState {
  /**
   * healthy: sending. paused: every process waits until `pausedUntil` (ms since epoch, Redis clock).
   * probing: the pause is over and the next request tells whether the provider is back.
   */
  status: "healthy" | "paused" | "probing";
  kind: string | null;
  /** Consecutive failed attempts since the provider last accepted a request. */
  failures: number;
  pausedUntil: number;
  since: number | null;
}

// One hash in Redis, on Redis's clock, so every API and worker process pauses and resumes together.
// Backoff doubles per consecutive failure (1 s, 2 s, 4 s ... up to the cap) unless the provider named a wait.
const TRIP = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local failures = (tonumber(redis.call('HGET', KEYS[1], 'failures')) or 0) + 1
local wait = tonumber(ARGV[2])
if wait < 0 then wait = math.min(tonumber(ARGV[3]), 1000 * 2 ^ (failures - 1)) end
local since = tonumber(redis.call('HGET', KEYS[1], 'since')) or now
local untilMs = math.max(tonumber(redis.call('HGET', KEYS[1], 'until')) or 0, now + wait)
redis.call('HSET', KEYS[1], 'failures', failures, 'kind', ARGV[1], 'until', untilMs, 'since', since)
redis.call('PEXPIRE', KEYS[1], 24 * 3600 * 1000)
return { failures, untilMs - now }
`;

const WAIT = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local untilMs = tonumber(redis.call('HGET', KEYS[1], 'until')) or 0
return math.max(0, untilMs - now)
`;

export class ProviderGate {
  constructor(
    private readonly redis: Redis,
    private readonly key: string,
    private readonly maxBackoffMs = 60_000,
  ) {}

  /** Records a provider-wide failure; returns how long every sender now waits, and whether it just started. */
  async trip(kind: string, retryAfterMs: number | null): Promise<{ waitMs: number; first: boolean }> {
    const [failures, wait] = (await this.redis.eval(
      TRIP,
      1,
      this.key,
      kind,
      String(retryAfterMs === null ? -1 : Math.ceil(retryAfterMs)),
      String(this.maxBackoffMs),
    )) as [number, number];
    return { waitMs: Math.max(0, Number(wait)), first: Number(failures) === 1 };
  }

  /** The provider accepted a request: sending is healthy again. Returns whether it had been paused. */
  async clear(): Promise<boolean> {
    return (await this.redis.del(this.key)) > 0;
  }

  /** How long senders must still wait (0 when healthy). */
  async waitMs(): Promise<number> {
    return Number(await this.redis.eval(WAIT, 1, this.key));
  }

  async state(): Promise<ProviderState> {
    const [h, wait] = await Promise.all([this.redis.hgetall(this.key), this.waitMs()]);
    if (!h.failures) return { status: "healthy", kind: null, failures: 0, pausedUntil: 0, since: null };
    return {
      status: wait > 0 ? "paused" : "probing",
      kind: h.kind ?? null,
      failures: Number(h.failures),
      pausedUntil: Number(h.until ?? 0),
      since: h.since ? Number(h.since) : null,
    };
  }
}
