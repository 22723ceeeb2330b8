import { randomBytes } from "node:crypto";
import { loadConfig } from "@rebound/config";
import { Redis } from "ioredis";
import { afterAll, describe, expect, it } from "vitest";
import { RedisRateLimiter } from "../src/index.js";

// Two connections stand in for two processes (say, two workers) sharing one provider limit.
const url = loadConfig(process.env, { secret: "ephemeral" }).REDIS_URL;
const a = new Redis(url);
const b = new Redis(url);
const key = () => `test-ratelimit-${randomBytes(6).toString("hex")}`;
afterAll(() => {
  a.disconnect();
  b.disconnect();
});

describe("the shared provider rate limit", () => {
  it("holds two processes together to 2 requests per second", async () => {
    const k = key();
    const limiters = [new RedisRateLimiter(a, k, 2), new RedisRateLimiter(b, k, 2)];
    const start = Date.now();
    const times = await Promise.all(
      Array.from({ length: 6 }, async (_, i) => {
        await limiters[i % 2]?.take();
        return Date.now() - start;
      }),
    );
    times.sort((x, y) => x - y);
    // A burst of 2 (the bucket's capacity), then one every 500 ms, whichever process asks.
    expect(times[1]).toBeLessThan(300);
    for (let i = 2; i < times.length; i++) expect(times[i]).toBeGreaterThanOrEqual((i - 1) * 500 - 60);
    expect(times[5]).toBeLessThan(3500);
  });

  it("a 429 seen by one process pauses the other", async () => {
    const k = key();
    const first = new RedisRateLimiter(a, k, 100);
    const second = new RedisRateLimiter(b, k, 100);
    await first.pause(800);
    const start = Date.now();
    await second.take();
    expect(Date.now() - start).toBeGreaterThanOrEqual(750);
  });
});
