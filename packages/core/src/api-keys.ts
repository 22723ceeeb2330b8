import { createHash, randomBytes } from "node:crypto";
import type { Db } from "@rebound/db";
import type { Redis } from "ioredis";
import { type Actor, audit } from "./audit.js";
import type { AppContext } from "./context.js";
import { notFound } from "./errors.js";

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

/** Keys carry 192 bits of randomness, so a plain sha256 is enough to store them. */
export async function createApiKey(
  db: Db,
  programId: string,
  name: string,
  createdBy: string | null = null,
): Promise<{ id: string; apiKey: string; prefix: string }> {
  const apiKey = `${PREFIX}${randomBytes(24).toString("base64url")}`;
  const prefix = apiKey.slice(0, PREFIX.length + 6);
  const row = await db.apiKey.create({ data: { programId, name, prefix, hash: hashSecret(apiKey), createdBy } });
  return { id: row.id, apiKey, prefix };
}

/**
 * Checks bearer keys for the API, from a short-lived in-process cache (most requests cost no
 * query). Revoking a key publishes its hash on Redis; every process drops it from its cache on
 * the spot, so a revoked key is refused at once everywhere.
 */
export class ApiKeyVerifier {
  private cache = new Map<string, { key: VerifiedKey | null; until: number }>();
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
    sub.on("message", (_channel, hash) => this.cache.delete(hash));
    // A lost subscription must not leave revoked keys trusted: drop the whole cache when it reconnects.
    sub.on("ready", () => this.cache.clear());
    sub.on("error", () => this.cache.clear());
    void sub.subscribe(this.channel).catch(() => this.cache.clear());
  }

  async verify(apiKey: string): Promise<VerifiedKey | null> {
    if (!apiKey.startsWith(PREFIX) || apiKey.length > 100) return null;
    this.listen();
    const hash = hashSecret(apiKey);
    const now = this.now();
    const hit = this.cache.get(hash);
    let key: VerifiedKey | null;
    if (hit && hit.until > now) key = hit.key;
    else {
      const row = await this.db.apiKey.findUnique({
        where: { hash },
        select: { id: true, programId: true, prefix: true, revokedAt: true },
      });
      key = row && !row.revokedAt ? { keyId: row.id, programId: row.programId, prefix: row.prefix } : null;
      if (this.cache.size > 10_000) this.cache.clear();
      this.cache.set(hash, { key, until: now + CACHE_TTL_MS });
    }
    if (key && (this.lastUsed.get(key.keyId) ?? 0) < now - LAST_USED_EVERY_MS) {
      this.lastUsed.set(key.keyId, now);
      void this.db.apiKey.updateMany({ where: { id: key.keyId }, data: { lastUsedAt: new Date(now) } }).catch(() => {});
    }
    return key;
  }

  /** Forgets a key in every process now (called on revocation). */
  async forget(hash: string): Promise<void> {
    this.cache.delete(hash);
    await this.redis.publish(this.channel, hash);
  }

  async close(): Promise<void> {
    const sub = this.subscriber;
    this.subscriber = null;
    if (sub) await sub.quit().catch(() => sub.disconnect());
  }
}

export async function listApiKeys(db: Db, programId: string) {
  return db.apiKey.findMany({
    where: { programId },
    orderBy: { createdAt: "desc" },
    select: { id: true, name: true, prefix: true, createdBy: true, createdAt: true, lastUsedAt: true, revokedAt: true },
  });
}

/** Revokes a key: refused at once by every API process; the audit log says who did it. */
export async function revokeApiKey(
  ctx: Pick<AppContext, "db" | "apiKeys" | "clock">,
  programId: string,
  keyId: string,
  actor: Actor,
): Promise<void> {
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
