import { Prisma } from "@rebound/db";
import { type Actor, audit } from "./audit.js";
import type { AppContext } from "./context.js";
import { notFound } from "./errors.js";
import { lockCandidate, markErased } from "./lifecycle/candidate.js";

export {
  pauseCandidate,
  recordOffer,
  resumeCandidate,
  resumeExpiredPauses,
  type StopStatus,
  stopCandidate,
} from "./lifecycle/candidate.js";

type Ctx = Pick<AppContext, "db" | "queues" | "clock" | "redis" | "config">;
type Tx = Prisma.TransactionClient;

/**
 * The lock every writer of personal data takes first, in its own transaction:
 * share-locks the candidates' rows, so an erasure running at the same time is
 * waited for, and the transaction's later statements see it. A query, not yet
 * run: it also fits an array `$transaction`.
 */
export function shareLockCandidates(db: Pick<Tx, "$queryRaw">, candidateIds: readonly string[]) {
  return db.$queryRaw<{ id: string; status: string }[]>`
    SELECT id, status::text AS status FROM "Candidate" WHERE id = ANY(${[...new Set(candidateIds)]}::uuid[])
    ORDER BY id FOR SHARE`;
}

/** Inside a transaction about to store personal data: takes the lock and returns the candidates not erased. */
export async function lockLiveCandidates(tx: Tx, candidateIds: readonly string[]): Promise<Set<string>> {
  if (candidateIds.length === 0) return new Set();
  const rows = await shareLockCandidates(tx, candidateIds);
  return new Set(rows.filter((r) => r.status !== "erased").map((r) => r.id));
}

/**
 * Erasure: every piece of personal data about the candidate goes, in every table, and rows that
 * feed aggregate counts stay, anonymised (a reflection's themes, message states and timestamps,
 * the enrolment, the interview's outcome). Suppressions stay, as keyed hashes that cannot be
 * reversed: erasure is not an opt-out, but an earlier opt-out survives it.
 */
export async function eraseCandidate(ctx: Ctx, candidateId: string, actor: Actor): Promise<void> {
  const now = ctx.clock.now();
  await ctx.db.$transaction(async (tx) => {
    const c = await lockCandidate(tx, candidateId);
    if (!c) throw notFound("candidate");
    const email = c.email;
    await markErased(tx, c, now);
    await tx.candidate.update({
      where: { id: c.id },
      data: { email: null, name: null, erasedAt: now, pausedUntil: null, consent: Prisma.DbNull, locale: "en" },
    });
    await tx.interview.updateMany({
      where: { candidateId },
      data: { company: "[erased]", role: null, interviewer: null, interviewedAt: null },
    });
    // Sent mail keeps its status and timestamps for the funnel; what it said and to whom goes.
    await tx.message.updateMany({
      where: { candidateId },
      data: { toEmail: null, subject: null, content: Prisma.DbNull, error: null },
    });
    // The stored analysis quotes the reflection (evidence, high points): it goes with the text.
    await tx.reflection.updateMany({
      where: { candidateId },
      data: { text: null, analysis: Prisma.DbNull, distress: false, prompt: "" },
    });
    await tx.idempotencyRecord.deleteMany({ where: { candidateId } });
    if (email) await eraseAddress(tx, c.programId, email);
    await audit(tx, {
      programId: c.programId,
      actor,
      action: "candidate.erased",
      targetType: "candidate",
      targetId: c.id,
    });
  });
}

/** Everything else that may hold the address itself: mail kept for development, inbound mail, signups, imports. */
async function eraseAddress(tx: Tx, programId: string, email: string): Promise<void> {
  const needle = email.toLowerCase();
  await tx.$executeRaw`DELETE FROM "OutboxEmail" WHERE lower("toAddress") = ${needle}`;
  await tx.$executeRaw`
    DELETE FROM "Message" WHERE "candidateId" IS NULL AND lower("toEmail") = ${needle}`;
  await tx.pendingSubscription.deleteMany({ where: { email: needle } });
  // Raw inbound mail not processed yet (queued, or failed for good) from or about this address.
  await tx.$executeRaw`
    UPDATE "InboundMessage" SET raw = NULL, payload = NULL, status = CASE WHEN status = 'queued' THEN 'dropped' ELSE status END,
      result = CASE WHEN status = 'queued' THEN 'candidate erased' ELSE result END
    WHERE (raw IS NOT NULL AND position(${needle} in lower(encode(raw, 'escape'))) > 0)
       OR (payload IS NOT NULL AND lower(payload::text) LIKE ${`%${needle}%`})`;
  await tx.$executeRaw`
    UPDATE "CsvImport" SET errors = COALESCE((
      SELECT jsonb_agg(CASE WHEN lower(e->>'email') = ${needle} THEN e - 'email' || '{"email": "[erased]"}'::jsonb ELSE e END)
      FROM jsonb_array_elements(errors) e), '[]'::jsonb)
    WHERE "programId" = ${programId}::uuid AND lower(errors::text) LIKE ${`%${needle}%`}`;
}
