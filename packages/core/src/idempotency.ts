import { createHash } from "node:crypto";
import { Prisma } from "@rebound/db";
import type { AppContext } from "./context.js";
import { AppError } from "./errors.js";

export interface IdempotencyClaim {
  programId: string;
  key: string;
  requestHash: string;
}

/** The canonical hash of a request body: key order does not matter. */
export function requestHash(body: unknown): string {
  const canonical = JSON.stringify(body, Object.keys(body as object).sort());
  return createHash("sha256").update(canonical).digest("hex");
}

const isUniqueViolation = (err: unknown) => err instanceof Prisma.PrismaClientKnownRequestError && err.code === "P2002";

/**
 * Runs a verb at most once per (program, key). The verb writes the idempotency record in its
 * own transaction, with its effect, so both commit together. A repeat with the same body gets
 * the first answer; with another body, a 422. Two concurrent first calls: one commits, the other
 * hits the record's primary key, and answers with the winner's result.
 */
export async function withIdempotency<T>(
  ctx: Pick<AppContext, "db">,
  claim: IdempotencyClaim,
  run: (idempotency: { key: string; requestHash: string }) => Promise<T>,
): Promise<{ value: T; replayed: boolean }> {
  const recorded = async () => {
    const prior = await ctx.db.idempotencyRecord.findUnique({
      where: { programId_key: { programId: claim.programId, key: claim.key } },
    });
    if (!prior) return null;
    if (prior.requestHash !== claim.requestHash) {
      throw new AppError(422, "idempotency_key_reused", "this Idempotency-Key was used with a different body");
    }
    return prior.response as unknown as T;
  };
  const earlier = await recorded();
  if (earlier) return { value: earlier, replayed: true };
  try {
    return { value: await run({ key: claim.key, requestHash: claim.requestHash }), replayed: false };
  } catch (err) {
    if (!isUniqueViolation(err)) throw err;
    const raced = await recorded();
    if (raced) return { value: raced, replayed: true };
    throw err;
  }
}
