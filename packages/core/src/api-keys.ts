import { createHash, randomBytes } from "node:crypto";
import type { Db } from "@rebound/db";
import { isUuid } from "@rebound/domain";
import type { Redis } from "ioredis";
import { type Actor, audit } from "./audit.js";
import { actorLabels } from "./audit-log.js";
import type { AppContext } from "./context.js";
import { AppError, notFound } from "./errors.js";

const PREFIX = "rb_live_";
/** A verified key is trusted from memory this long at most; a revocation clears it everywhere at once. */
const CACHE_TTL_MS = 60_000;
/** lastUsedAt is written at most this often per key (every request writing it would cost more than the request). */
const LAST_USED_EVERY_MS = 60_000;

export function hashSecret(secret: string): string {
  return createHash("sha256").update(secret).digest("hex");
}

export interface VerifiedKey {
  keyId: string;
  programId: string;
  prefix: string;
}

/**
 * A new program API key, shown this once: only its sha256 is stored (keys carry 192 bits of
 * randomness, so a plain hash is enough). `createdBy` is the actor ("admin:<userId>", "cli"),
 * and the audit log records the creation with the key's prefix, never the key.
 */
export async function createApiKey(
  db: Db,
  programId: string,
  name: string,
  createdBy: Actor | null = null,
): Promise<{ id: string; apiKey: string; prefix: string; name: string; createdAt: Date }> {
  const label = name.trim();
  if (!label || label.length > 80) throw new AppError(400, "invalid_name", "a key's name must be 1-80 characters");
  const apiKey = `${PREFIX}${randomBytes(24).toString("base64url")}`;
  const prefix = apiKey.slice(0, PREFIX.length + 6);
  const row = await db.$transaction(async (tx) => {
    const created = await tx.apiKey.create({
      data: { programId, name: label, prefix, hash: hashSecret(apiKey), createdBy },
    });
    await audit(tx, {
      programId,
      actor: createdBy ?? "unknown",
      action: "api-key.created",
      targetType: "api-key",
      targetId: created.id,
      data: { prefix, name: label },
    });
    return created;
  });
  return { id: row.id, apiKey, prefix, name: row.name, createdAt: row.createdAt };
}

/**
 * Checks bearer keys for the API, from a short-lived in-process cache (most requests cost no
 * query). Revoking a key publishes its hash on Redis; every process drops it from its cache on
 * the spot, so a revoked key is refused at once everywhere. Concurrent requests with a key not
 * in the cache share one lookup (64 connections arriving together, or a key whose entry just
 * expired, cost one query, not 64), and a lookup that was running when a revocation arrived is
 * answered to its callers but never cached.
 */
export class ApiKeyVerifier {
  private cache = new Map<string, { key: VerifiedKey | null; until: number }>();
  private lookups = new Map<string, Promise<VerifiedKey | null>>();
  /** Bumped by every revocation and cache drop: a lookup started before one is not cached. */
  private generation = 0;
  private lastUsed = new Map<string, number>();
  private subscriber: Redis | null = null;

  constructor(
    private readonly db: Db,
    private readonly redis: Redis,
    private readonly channel: string,
    private readonly now: () => number,
  ) {}

  private listen(): void {
    if (this.subscriber) return;
    const sub = this.redis.duplicate();
    this.subscriber = sub;
    sub.on("message", (_channel, hash) => this.drop(hash));
    // A lost subscription must not leave revoked keys trusted: drop the whole cache when it reconnects.
    sub.on("ready", () => this.drop());
    sub.on("error", () => this.drop());
    void sub.subscribe(this.channel).catch(() => this.drop());
  }

  /** Forgets one key (a revocation) or every key (the subscription was lost), lookups in flight included. */
  private drop(hash?: string): void {
    this.generation++;
    if (hash === undefined) {
      this.cache.clear();
      this.lookups.clear();
    } else {
      this.cache.delete(hash);
      this.lookups.delete(hash);
    }
  }

  /**
   * Before a process takes traffic: subscribes to revocations and runs the key query once (for a
   * key that cannot exist), so the first requests do not all wait for the pool's first
   * connection and the query's first compilation. A database that is down only logs at start.
   */
  async warm(): Promise<void> {
    this.listen();
    await this.lookup(hashSecret(`${PREFIX}warm-up-${randomBytes(8).toString("hex")}`));
  }

  async verify(apiKey: string): Promise<VerifiedKey | null> {
    if (!apiKey.startsWith(PREFIX) || apiKey.length > 100) return null;
    this.listen();
    const hash = hashSecret(apiKey);
    const now = this.now();
    const hit = this.cache.get(hash);
    const key = hit && hit.until > now ? hit.key : await this.lookup(hash);
    if (key && (this.lastUsed.get(key.keyId) ?? 0) < now - LAST_USED_EVERY_MS) {
      this.lastUsed.set(key.keyId, now);
      void this.db.apiKey.updateMany({ where: { id: key.keyId }, data: { lastUsedAt: new Date(now) } }).catch(() => {});
    }
    return key;
  }

  /** One query per hash at a time; its answer is cached unless a revocation came while it ran. */
  private lookup(hash: string): Promise<VerifiedKey | null> {
    const running = this.lookups.get(hash);
    if (running) return running;
    const generation = this.generation;
    const query = this.db.apiKey
      .findUnique({ where: { hash }, select: { id: true, programId: true, prefix: true, revokedAt: true } })
      .then((row) => {
        const key = row && !row.revokedAt ? { keyId: row.id, programId: row.programId, prefix: row.prefix } : null;
        if (generation === this.generation) {
          if (this.cache.size > 10_000) this.cache.clear();
          this.cache.set(hash, { key, until: this.now() + CACHE_TTL_MS });
        }
        return key;
      })
      .finally(() => {
        if (this.lookups.get(hash) === query) this.lookups.delete(hash);
      });
    this.lookups.set(hash, query);
    return query;
  }

  /** Forgets a key in every process now (called on revocation). */
  async forget(hash: string): Promise<void> {
    this.drop(hash);
    await this.redis.publish(this.channel, hash);
  }

  async close(): Promise<void> {
    const sub = this.subscriber;
    this.subscriber = null;
    if (sub) await sub.quit().catch(() => sub.disconnect());
  }
}

/** The program's keys, newest first: never the key itself, only its prefix, who made it and when it was last used. */
export async function listApiKeys(db: Db, programId: string) {
  const keys = await db.apiKey.findMany({
    where: { programId },
    orderBy: [{ revokedAt: { sort: "desc", nulls: "first" } }, { createdAt: "desc" }],
    select: { id: true, name: true, prefix: true, createdBy: true, createdAt: true, lastUsedAt: true, revokedAt: true },
  });
  const labels = await actorLabels(
    db,
    keys.flatMap((k) => (k.createdBy ? [k.createdBy] : [])),
  );
  return keys.map((k) => ({ ...k, createdByLabel: k.createdBy ? (labels.get(k.createdBy) ?? k.createdBy) : null }));
}

/** Revokes a key: refused at once by every API process; the audit log says who did it. */
export async function revokeApiKey(
  ctx: Pick<AppContext, "db" | "apiKeys" | "clock">,
  programId: string,
  keyId: string,
  actor: Actor,
): Promise<void> {
  if (!isUuid(keyId)) throw notFound("API key");
  const hash = await ctx.db.$transaction(async (tx) => {
    const key = await tx.apiKey.findFirst({ where: { id: keyId, programId } });
    if (!key) throw notFound("API key");
    if (!key.revokedAt) {
      await tx.apiKey.update({ where: { id: key.id }, data: { revokedAt: ctx.clock.now() } });
      await audit(tx, {
        programId,
        actor,
        action: "api-key.revoked",
        targetType: "api-key",
        targetId: key.id,
        data: { prefix: key.prefix },
      });
    }
    return key.hash;
  });
  await ctx.apiKeys.forget(hash);
}
