import { type CandidateStatus, Prisma } from "@rebound/db";
import type { AppContext } from "./context.js";
import { emailHash } from "./enrol.js";
import { AppError, notFound } from "./errors.js";

type Ctx = Pick<AppContext, "db" | "queues" | "clock">;

/** Stops every future email to a candidate. Idempotent; suppression outlives erasure. */
export async function stopCandidate(
  ctx: Ctx,
  candidateId: string,
  status: Extract<CandidateStatus, "unsubscribed" | "bounced" | "complained">,
  actor: string,
): Promise<boolean> {
  return ctx.db.$transaction(async (tx) => {
    const c = await tx.candidate.findUnique({ where: { id: candidateId } });
    if (!c) return false;
    if (c.status !== "erased" && c.status !== status) {
      await tx.candidate.update({ where: { id: c.id }, data: { status } });
    }
    await tx.enrollment.updateMany({
      where: { candidateId, status: { in: ["active", "paused"] } },
      data: { status: "stopped", stopReason: status, nextDueAt: null },
    });
    await tx.message.updateMany({ where: { candidateId, status: "scheduled" }, data: { status: "cancelled" } });
    if (c.email) {
      await tx.suppression.upsert({
        where: { programId_emailHash: { programId: c.programId, emailHash: emailHash(c.email) } },
        create: { programId: c.programId, emailHash: emailHash(c.email), reason: status },
        update: {},
      });
    }
    await tx.auditLog.create({
      data: { programId: c.programId, actor, action: `candidate.${status}`, targetType: "candidate", targetId: c.id },
    });
    return true;
  });
}

const DAY = 86_400_000;

export async function pauseCandidate(
  ctx: Ctx & Pick<AppContext, "config">,
  candidateId: string,
  days: number | null,
  actor: string,
): Promise<void> {
  const c = await ctx.db.candidate.findUnique({ where: { id: candidateId } });
  if (!c) throw notFound("candidate");
  if (c.status !== "active" && c.status !== "paused") throw new AppError(409, "not_active", `candidate is ${c.status}`);
  // Like every duration of a track, a pause is compressed by DRIP_SPEEDUP.
  const until = days ? new Date(ctx.clock.now().getTime() + (days * DAY) / ctx.config.DRIP_SPEEDUP) : null;
  await ctx.db.$transaction([
    ctx.db.candidate.update({ where: { id: c.id }, data: { status: "paused", pausedUntil: until } }),
    ctx.db.enrollment.updateMany({ where: { candidateId, status: "active" }, data: { status: "paused" } }),
    ctx.db.auditLog.create({
      data: {
        programId: c.programId,
        actor,
        action: "candidate.paused",
        targetType: "candidate",
        targetId: c.id,
        data: { days },
      },
    }),
  ]);
}

/**
 * Resumes a paused candidate: the next step keeps its place in the track but is
 * never sent in the past; it is due now (or at its planned time if later).
 */
export async function resumeCandidate(ctx: Ctx, candidateId: string, actor: string): Promise<void> {
  const c = await ctx.db.candidate.findUnique({ where: { id: candidateId } });
  if (!c) throw notFound("candidate");
  if (c.status === "active") return;
  if (c.status !== "paused") throw new AppError(409, "not_paused", `candidate is ${c.status}`);
  const now = ctx.clock.now();
  const messages = await ctx.db.$transaction(async (tx) => {
    await tx.candidate.update({ where: { id: c.id }, data: { status: "active", pausedUntil: null } });
    const resumed = await tx.enrollment.findMany({ where: { candidateId, status: "paused" }, select: { id: true } });
    await tx.enrollment.updateMany({ where: { id: { in: resumed.map((e) => e.id) } }, data: { status: "active" } });
    await tx.message.updateMany({
      where: { enrollmentId: { in: resumed.map((e) => e.id) }, status: "scheduled", dueAt: { lt: now } },
      data: { dueAt: now },
    });
    await tx.auditLog.create({
      data: { programId: c.programId, actor, action: "candidate.resumed", targetType: "candidate", targetId: c.id },
    });
    return tx.message.findMany({
      where: { enrollmentId: { in: resumed.map((e) => e.id) }, status: "scheduled" },
      select: { id: true, enrollmentId: true, step: true, dueAt: true },
    });
  });
  await ctx.queues
    .addDrips(
      messages.flatMap((m) =>
        m.enrollmentId
          ? [
              {
                data: { enrollmentId: m.enrollmentId, step: m.step, messageId: m.id },
                delay: m.dueAt.getTime() - Date.now(),
              },
            ]
          : [],
      ),
    )
    .catch(() => {});
}

/** Resumes every candidate whose timed pause is over (run by the reconciler). */
export async function resumeExpiredPauses(ctx: Ctx): Promise<number> {
  const due = await ctx.db.candidate.findMany({
    where: { status: "paused", pausedUntil: { lte: ctx.clock.now() } },
    select: { id: true },
    take: 1000,
  });
  for (const c of due) await resumeCandidate(ctx, c.id, "pause-expired");
  return due.length;
}

type Tx = Parameters<Parameters<AppContext["db"]["$transaction"]>[0]>[0];

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
 * Erasure: personal data goes, rows that feed aggregate counts stay (anonymised):
 * the themes of each reflection, message states and timestamps, the enrolment.
 */
export async function eraseCandidate(ctx: Ctx, candidateId: string, actor: string): Promise<void> {
  const c = await ctx.db.candidate.findUnique({ where: { id: candidateId } });
  if (!c) throw notFound("candidate");
  // Erasure removes data; it is not an opt-out, so it adds no suppression (earlier ones stay).
  await ctx.db.$transaction(async (tx) => {
    await tx.candidate.update({
      where: { id: c.id },
      data: { status: "erased", email: null, name: null, erasedAt: ctx.clock.now(), pausedUntil: null },
    });
    await tx.interview.updateMany({
      where: { candidateId },
      data: { company: "[erased]", role: null, interviewer: null },
    });
    await tx.enrollment.updateMany({
      where: { candidateId, status: { in: ["active", "paused"] } },
      data: { status: "stopped", stopReason: "erased", nextDueAt: null },
    });
    await tx.message.updateMany({ where: { candidateId, status: "scheduled" }, data: { status: "cancelled" } });
    await tx.message.updateMany({ where: { candidateId }, data: { toEmail: null, subject: null } });
    // The stored analysis quotes the reflection (evidence, high points): it goes with the text.
    await tx.reflection.updateMany({ where: { candidateId }, data: { text: null, analysis: Prisma.DbNull } });
    if (c.email) {
      await tx.pendingSubscription.deleteMany({ where: { programId: c.programId, email: c.email.toLowerCase() } });
    }
    await tx.auditLog.create({
      data: { programId: c.programId, actor, action: "candidate.erased", targetType: "candidate", targetId: c.id },
    });
  });
}
