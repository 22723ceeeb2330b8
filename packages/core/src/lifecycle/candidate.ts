import type { Prisma } from "@rebound/db";
import { type CandidateStatus, candidateMachine, enrollmentMachine, stepDueAt } from "@rebound/domain";
import { type Actor, audit } from "../audit.js";
import type { AppContext } from "../context.js";
import { AppError, notFound } from "../errors.js";
import { candidateWindow } from "../schedule.js";
import { EVERY_PROGRAM, suppress } from "../suppression.js";
import { endLiveTracks } from "./tracks.js";

type Tx = Prisma.TransactionClient;
type Ctx = Pick<AppContext, "db" | "queues" | "clock" | "config">;

export interface LockedCandidate {
  id: string;
  programId: string;
  email: string | null;
  status: CandidateStatus;
  timezone: string;
  pausedUntil: Date | null;
}

/**
 * Locks a candidate's row for the rest of the transaction (FOR UPDATE): every status change of a
 * candidate reads its state under this lock, so a STOP, a pause and a resume landing together
 * are applied one after the other, each on what the other left.
 */
export async function lockCandidate(tx: Tx, candidateId: string): Promise<LockedCandidate | null> {
  const [row] = await tx.$queryRaw<LockedCandidate[]>`
    SELECT id, "programId", email, status::text AS status, timezone, "pausedUntil"
    FROM "Candidate" WHERE id = ${candidateId}::uuid FOR UPDATE`;
  return row ?? null;
}

async function setStatus(tx: Tx, c: LockedCandidate, to: CandidateStatus, pausedUntil: Date | null, now: Date) {
  candidateMachine.assert(c.status, to);
  await tx.$executeRaw`
    UPDATE "Candidate" SET status = ${to}::"CandidateStatus", "pausedUntil" = ${pausedUntil}, "updatedAt" = ${now}
    WHERE id = ${c.id}::uuid`;
}

const DAY = 86_400_000;

/** Pauses a candidate's mail, for `days` (compressed by DRIP_SPEEDUP like every duration of a track) or until resumed. */
export async function pauseCandidate(ctx: Ctx, candidateId: string, days: number | null, actor: Actor): Promise<void> {
  const now = ctx.clock.now();
  await ctx.db.$transaction(async (tx) => {
    const c = await lockCandidate(tx, candidateId);
    if (!c) throw notFound("candidate");
    if (c.status !== "active" && c.status !== "paused") {
      throw new AppError(409, "not_active", `candidate is ${c.status}`);
    }
    const until = days ? new Date(now.getTime() + (days * DAY) / ctx.config.DRIP_SPEEDUP) : null;
    if (c.status === "paused") {
      await tx.$executeRaw`UPDATE "Candidate" SET "pausedUntil" = ${until}, "updatedAt" = ${now} WHERE id = ${c.id}::uuid`;
    } else {
      await setStatus(tx, c, "paused", until, now);
    }
    await tx.$executeRaw`
      UPDATE "Enrollment" SET status = 'paused', "updatedAt" = ${now}
      WHERE "candidateId" = ${c.id}::uuid AND status::text = ANY(${enrollmentMachine.sourcesOf("paused")}::text[])`;
    await audit(tx, {
      programId: c.programId,
      actor,
      action: "candidate.paused",
      targetType: "candidate",
      targetId: c.id,
      data: { days },
    });
  });
}

/**
 * Resumes a paused candidate. The next step keeps its place in the track but is never sent
 * in the past, nor outside the send window: one that fell due during the pause is placed at
 * the next opening of the candidate's window (now, when it is open).
 */
export async function resumeCandidate(ctx: Ctx, candidateId: string, actor: Actor): Promise<void> {
  const now = ctx.clock.now();
  const due = await ctx.db.$transaction(async (tx) => {
    const c = await lockCandidate(tx, candidateId);
    if (!c) throw notFound("candidate");
    if (c.status === "active") return [];
    if (c.status !== "paused") throw new AppError(409, "not_paused", `candidate is ${c.status}`);
    await setStatus(tx, c, "active", null, now);
    const program = await tx.program.findUniqueOrThrow({ where: { id: c.programId } });
    const own = await tx.candidate.findUniqueOrThrow({
      where: { id: c.id },
      select: { sendWindowStart: true, sendWindowEnd: true, sendWeekdays: true },
    });
    const placed = stepDueAt(now, 0, {
      timezone: c.timezone,
      speedup: ctx.config.DRIP_SPEEDUP,
      window: candidateWindow(program, { ...own, sendWeekdays: own.sendWeekdays ?? [] }),
    });
    const moved = await tx.$queryRaw<{ id: string; enrollmentId: string; step: string; dueAt: Date }[]>`
      WITH resumed AS (
        UPDATE "Enrollment" SET status = 'active', "updatedAt" = ${now}
        WHERE "candidateId" = ${c.id}::uuid AND status::text = ANY(${enrollmentMachine.sourcesOf("active")}::text[])
        RETURNING id
      )
      UPDATE "Message" m SET "dueAt" = GREATEST(m."dueAt", ${placed})
      FROM resumed r WHERE m."enrollmentId" = r.id AND m.status = 'scheduled'
      RETURNING m.id, m."enrollmentId", m.step, m."dueAt"`;
    await tx.$executeRaw`
      UPDATE "Enrollment" e SET "nextDueAt" = m."dueAt" FROM "Message" m
      WHERE m."enrollmentId" = e.id AND e."candidateId" = ${c.id}::uuid AND m.status = 'scheduled' AND m.kind = 'drip'`;
    await audit(tx, {
      programId: c.programId,
      actor,
      action: "candidate.resumed",
      targetType: "candidate",
      targetId: c.id,
    });
    return moved;
  });
  await ctx.queues
    .rescheduleDrips(
      due.map((m) => ({
        data: { enrollmentId: m.enrollmentId, step: m.step, messageId: m.id },
        delay: m.dueAt.getTime() - ctx.clock.now().getTime(),
      })),
    )
    .catch(() => {
      // PostgreSQL has the rescheduled messages; the reconciler enqueues them.
    });
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

export type StopStatus = Extract<CandidateStatus, "unsubscribed" | "bounced" | "complained">;

/**
 * Stops every future email to a candidate: status, tracks, scheduled mail, suppression and
 * audit in one transaction. An unsubscribe suppresses the address in its program; a hard
 * bounce or a complaint is about the address itself, so it suppresses it in every program and
 * stops the same address's candidates elsewhere too (their queued steps are refused at send
 * time because the claim requires an active candidate). Idempotent.
 */
export async function stopCandidate(ctx: Ctx, candidateId: string, status: StopStatus, actor: Actor): Promise<boolean> {
  const now = ctx.clock.now();
  return ctx.db.$transaction(async (tx) => {
    const c = await lockCandidate(tx, candidateId);
    if (!c) return false;
    await stopLocked(tx, ctx, c, status, actor, now);
    return true;
  });
}

/** `stopCandidate` inside a transaction that already holds the candidate's lock. */
export async function stopLocked(
  tx: Tx,
  ctx: Pick<AppContext, "config">,
  c: LockedCandidate,
  status: StopStatus,
  actor: Actor,
  now: Date,
): Promise<void> {
  await stopOne(tx, c, status, actor, now);
  if (!c.email) return;
  if (status === "unsubscribed") {
    await suppress(tx, ctx.config.APP_SECRET, c.email, c.programId, status, now);
    return;
  }
  await suppress(tx, ctx.config.APP_SECRET, c.email, EVERY_PROGRAM, status, now);
  const elsewhere = await tx.$queryRaw<{ id: string }[]>`
    SELECT id FROM "Candidate" WHERE email = ${c.email} AND id <> ${c.id}::uuid AND status::text <> 'erased' ORDER BY id`;
  for (const other of elsewhere) {
    const o = await lockCandidate(tx, other.id);
    if (o) await stopOne(tx, o, status, `${actor} (same address, another program)`, now);
  }
}

async function stopOne(tx: Tx, c: LockedCandidate, status: StopStatus, actor: Actor, now: Date) {
  if (c.status !== status && candidateMachine.can(c.status, status)) await setStatus(tx, c, status, null, now);
  await endLiveTracks(tx, [c.id], "stopped", status, now, { allMail: true });
  await audit(tx, {
    programId: c.programId,
    actor,
    action: `candidate.${status}`,
    targetType: "candidate",
    targetId: c.id,
  });
}

/** "GOT THE JOB": the interview is marked as an offer and the running track stops. */
export async function recordOffer(ctx: Ctx, candidateId: string, interviewId: string, actor: Actor): Promise<void> {
  const now = ctx.clock.now();
  await ctx.db.$transaction(async (tx) => {
    const c = await lockCandidate(tx, candidateId);
    if (!c) throw notFound("candidate");
    await tx.interview.updateMany({ where: { id: interviewId, candidateId, offerAt: null }, data: { offerAt: now } });
    await endLiveTracks(tx, [c.id], "stopped", "offer", now);
    await audit(tx, {
      programId: c.programId,
      actor,
      action: "candidate.offer",
      targetType: "candidate",
      targetId: c.id,
    });
  });
}

/** The status half of an erasure: the candidate is erased and nothing more is sent. Inside the erasure's transaction. */
export async function markErased(tx: Tx, c: LockedCandidate, now: Date): Promise<void> {
  if (c.status !== "erased") await setStatus(tx, c, "erased", null, now);
  await endLiveTracks(tx, [c.id], "stopped", "erased", now, { allMail: true });
  // A message being handed over for an erased candidate is not retried (the sender cancels it).
}
