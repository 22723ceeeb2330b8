import { createHash, randomBytes } from "node:crypto";
import type { Db } from "@rebound/db";

const PREFIX = "rb_live_";

export function hashSecret(secret: string): string {
  return createHash("sha256").update(secret).digest("hex");
}

/** Keys carry 192 bits of randomness, so a plain sha256 is enough to store them. */
export async function createApiKey(db: Db, programId: string, name: string): Promise<{ id: string; apiKey: string }> {
  const apiKey = `${PREFIX}${randomBytes(24).toString("base64url")}`;
  const row = await db.apiKey.create({
    data: { programId, name, prefix: apiKey.slice(0, PREFIX.length + 6), hash: hashSecret(apiKey) },
  });
  return { id: row.id, apiKey };
}

/** The program a bearer key belongs to, or null for unknown, malformed or revoked keys. */
export async function programForApiKey(db: Db, apiKey: string): Promise<string | null> {
  if (!apiKey.startsWith(PREFIX) || apiKey.length > 100) return null;
  const row = await db.apiKey.findUnique({
    where: { hash: hashSecret(apiKey) },
    select: { programId: true, revokedAt: true },
  });
  if (!row || row.revokedAt) return null;
  return row.programId;
}
