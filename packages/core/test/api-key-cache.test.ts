/**
 * The API-key cache under a burst and under a revocation: real PostgreSQL and Redis. The
 * verifier's database is the real one, with its key query counted (and, in one test, held at
 * a gate after PostgreSQL answered), so the test sees how many queries a burst costs and what
 * happens to a lookup that a revocation overtakes.
 */
import { ApiKeyVerifier, hashSecret } from "@rebound/core";
import type { Db } from "@rebound/db";
import { createWorld, unique, type World } from "@rebound/testkit";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

let world: World;
beforeAll(async () => {
  world = await createWorld();
});
afterAll(async () => world?.close());

/** The real client, with `apiKey.findUnique` counted and optionally held until `release()`. */
function countedDb(db: Db) {
  const seen = { queries: 0, answered: 0 };
  let gate: Promise<void> | null = null;
  let open = () => {};
  const apiKey = new Proxy(db.apiKey, {
    get(target, prop, receiver) {
      if (prop !== "findUnique") return Reflect.get(target, prop, receiver);
      return async (args: Parameters<Db["apiKey"]["findUnique"]>[0]) => {
        seen.queries++;
        const row = await target.findUnique(args);
        seen.answered++;
        if (gate) await gate;
        return row;
      };
    },
  });
  const wrapped = new Proxy(db, { get: (t, p, r) => (p === "apiKey" ? apiKey : Reflect.get(t, p, r)) }) as Db;
  return {
    db: wrapped,
    seen,
    hold() {
      gate = new Promise<void>((r) => {
        open = r;
      });
    },
    release() {
      gate = null;
      open();
    },
  };
}

function verifier(db: Db) {
  // Its own revocation channel: only what this test publishes reaches it.
  return new ApiKeyVerifier(db, world.ctx.redis, unique("revoked"), () => Date.now());
}

describe("ApiKeyVerifier", () => {
  it("answers 64 concurrent requests with a key it has not cached with one query", async () => {
    const counted = countedDb(world.ctx.db);
    const keys = verifier(counted.db);
    try {
      const answers = await Promise.all(Array.from({ length: 64 }, () => keys.verify(world.apiKey)));
      expect(new Set(answers.map((a) => a?.programId))).toEqual(new Set([world.programId]));
      expect(counted.seen.queries).toBe(1);
      // Cached from then on.
      await keys.verify(world.apiKey);
      expect(counted.seen.queries).toBe(1);
    } finally {
      await keys.close();
    }
  });

  it("never caches a lookup that a revocation overtook: the next request is refused", async () => {
    const { apiKey, programId } = await world.createProgram();
    const counted = countedDb(world.ctx.db);
    const keys = verifier(counted.db);
    try {
      // PostgreSQL answers the lookup (the key is valid at that moment), but the answer is held...
      counted.hold();
      const pending = keys.verify(apiKey);
      await expect.poll(() => counted.seen.answered).toBe(1);
      // ...while the key is revoked and the revocation reaches this process.
      await world.ctx.db.apiKey.update({ where: { hash: hashSecret(apiKey) }, data: { revokedAt: new Date() } });
      await keys.forget(hashSecret(apiKey));
      counted.release();
      // The request that started before the revocation gets the answer it asked for...
      expect((await pending)?.programId).toBe(programId);
      // ...and nothing after it trusts that answer.
      expect(await keys.verify(apiKey)).toBeNull();
      expect(counted.seen.queries).toBe(2);
    } finally {
      await keys.close();
    }
  });

  it("warm() runs the key query once before any request, and caches nothing a request could use", async () => {
    const counted = countedDb(world.ctx.db);
    const keys = verifier(counted.db);
    try {
      await keys.warm();
      expect(counted.seen.queries).toBe(1);
      expect((await keys.verify(world.apiKey))?.programId).toBe(world.programId);
      expect(counted.seen.queries).toBe(2);
    } finally {
      await keys.close();
    }
  });
});
