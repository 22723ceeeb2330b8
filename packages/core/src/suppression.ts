import { createHash, createHmac } from "node:crypto";
import type { Db } from "@rebound/db";

type Sql = Pick<Db, "$queryRaw" | "$executeRaw">;

/** Every program: hard bounces and complaints are about the address, not about one program. */
export const EVERY_PROGRAM = "all";

const normal = (email: string) => email.trim().toLowerCase();

/**
 * The stored form of a suppressed address: HMAC-SHA256 keyed by APP_SECRET, so the row outlives
 * an erasure without keeping the address, and a leaked table cannot be reversed with a dictionary.
 */
export function addressHash(secret: string, email: string): string {
  return createHmac("sha256", secret).update(normal(email)).digest("hex");
}

/** The unsalted sha256 of rows written before keyed hashes (hashVersion 1); still honoured. */
function legacyHash(email: string): string {
  return createHash("sha256").update(normal(email)).digest("hex");
}

/** Whether an address may not be mailed by this program (its own opt-outs, or any hard bounce or complaint). */
export async function isSuppressed(db: Sql, secret: string, programId: string, email: string): Promise<boolean> {
  const rows = await db.$queryRaw<{ one: number }[]>`
    SELECT 1 AS one FROM "Suppression"
    WHERE (scope = ${EVERY_PROGRAM} OR scope = ${programId})
      AND ((("hashVersion" = 2) AND "emailHash" = ${addressHash(secret, email)})
        OR ("hashVersion" = 1 AND "emailHash" = ${legacyHash(email)}))
    LIMIT 1`;
  return rows.length > 0;
}

/** Suppresses an address in one program or in every program; idempotent. */
export async function suppress(
  db: Sql,
  secret: string,
  email: string,
  scope: string,
  reason: string,
  now: Date,
): Promise<void> {
  const programId = scope === EVERY_PROGRAM ? null : scope;
  await db.$executeRaw`
    INSERT INTO "Suppression" (id, scope, "programId", "emailHash", "hashVersion", reason, "createdAt")
    VALUES (gen_random_uuid(), ${scope}, ${programId}::uuid, ${addressHash(secret, email)}, 2, ${reason}, ${now})
    ON CONFLICT (scope, "emailHash") DO NOTHING`;
}

/**
 * For many addresses at once (a CSV import's chunk): the reason each suppressed one may not be
 * mailed by this program ("unsubscribed", "declined-signup", "bounced", "complained"); addresses
 * that may be mailed are absent. One query, the same rule as isSuppressed.
 */
export async function suppressionReasons(
  db: Sql,
  secret: string,
  programId: string,
  emails: readonly string[],
): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  if (emails.length === 0) return out;
  const byHash = new Map<string, string>();
  for (const e of emails) {
    byHash.set(addressHash(secret, e), normal(e));
    byHash.set(legacyHash(e), normal(e));
  }
  const rows = await db.$queryRaw<{ emailHash: string; reason: string }[]>`
    SELECT "emailHash", reason FROM "Suppression"
    WHERE (scope = ${EVERY_PROGRAM} OR scope = ${programId}) AND "emailHash" = ANY(${[...byHash.keys()]})`;
  for (const r of rows) {
    const email = byHash.get(r.emailHash);
    if (email && !out.has(email)) out.set(email, r.reason);
  }
  return out;
}
