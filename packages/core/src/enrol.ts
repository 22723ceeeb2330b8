import { randomUUID } from "node:crypto";
import type { Prisma } from "@rebound/db";
import { type InterviewInput, isStoppedCandidate, stepAt, TRACK_VERSION } from "@rebound/domain";
import { type Actor, audit } from "./audit.js";
import type { AppContext } from "./context.js";
import { AppError } from "./errors.js";
import { endLiveTracks } from "./lifecycle/tracks.js";
import { dueAtForStep, programWindow } from "./schedule.js";
import { isSuppressed } from "./suppression.js";

export interface EnrolResult {
  candidateId: string;
  interviewId: string;
  enrollmentId: string;
}

export function dripKey(enrollmentId: string, step: string): string {
  return `drip-${enrollmentId}-${step}`;
}

export interface Consent {
  at: string;
  method: "api" | "double-opt-in" | "import" | "admin";
  source: string;
  askedAt?: string;
}

export interface EnrolOptions {
  source?: Actor;
  idempotency?: { key: string; requestHash: string };
  /** How the candidate agreed to the emails; kept with the candidate. */
  consent?: Consent;
}

const suppressedError = () =>
  new AppError(409, "suppressed", "this address unsubscribed or cannot receive mail; it will not be enrolled");

/**
 * Records an interview outcome and starts its track, in one transaction: the candidate (created
 * or updated, and locked), the interview, the superseding of the running track, the enrolment
 * and its first scheduled message. One live track per candidate is enforced by PostgreSQL (a
 * partial unique index); the candidate's row lock orders concurrent outcomes, so each supersedes
 * the one before it and they all succeed. The same outcome for the interview already running
 * (an LMS that re-sends it) changes nothing and answers with the running track. The delayed job
 * is added after commit; if that fails, the reconciler adds it later.
 */
export async function enrolInterview(
  ctx: Pick<AppContext, "db" | "queues" | "clock" | "config">,
  programId: string,
  input: InterviewInput,
  opts: EnrolOptions = {},
): Promise<EnrolResult> {
  const now = ctx.clock.now();
  const email = input.email.trim().toLowerCase();
  const result = await ctx.db.$transaction(async (tx) => {
    const program = await tx.program.findUnique({ where: { id: programId } });
    if (!program) throw new AppError(404, "not_found", "program not found");
    let cohortId: string | null = null;
    if (input.cohort) {
      const cohort = await tx.cohort.findUnique({ where: { programId_slug: { programId, slug: input.cohort } } });
      if (!cohort) throw new AppError(404, "not_found", `cohort '${input.cohort}' not found`);
      if (cohort.archivedAt) throw new AppError(409, "cohort_archived", `cohort '${input.cohort}' is archived`);
      cohortId = cohort.id;
    }
    if (await isSuppressed(tx, ctx.config.APP_SECRET, programId, email)) throw suppressedError();
    const candidate = await upsertCandidate(tx, programId, email, input, cohortId, opts.consent ?? null, now);
    if (isStoppedCandidate(candidate.status)) throw suppressedError();

    const running = await sameInterviewRunning(tx, candidate.id, input);
    if (running) {
      const out: EnrolResult = { candidateId: candidate.id, ...running };
      if (opts.idempotency) await recordIdempotency(tx, programId, candidate.id, opts.idempotency, out);
      return { out, job: null };
    }
    const interview = await tx.interview.create({
      data: {
        programId,
        candidateId: candidate.id,
        company: input.company,
        role: input.role ?? null,
        interviewer: input.interviewer ?? null,
        interviewedAt: input.interviewedAt ? new Date(input.interviewedAt) : null,
        outcome: input.outcome,
        offerAt: input.outcome === "offer" ? now : null,
      },
    });
    // A new outcome supersedes whatever track was running for this candidate.
    const superseded = await endLiveTracks(tx, [candidate.id], "superseded", "new outcome", now);
    const enrollmentId = randomUUID();
    const first = stepAt(input.outcome, 0);
    const dueAt = dueAtForStep(
      input.outcome,
      0,
      now,
      candidate.timezone,
      ctx.config.DRIP_SPEEDUP,
      programWindow(program),
    );
    const paused = candidate.status === "paused";
    await tx.enrollment.create({
      data: {
        id: enrollmentId,
        programId,
        candidateId: candidate.id,
        interviewId: interview.id,
        track: input.outcome,
        trackVersion: TRACK_VERSION,
        status: paused ? "paused" : "active",
        nextStep: 0,
        nextDueAt: dueAt,
        enrolledAt: now,
      },
    });
    let job: { messageId: string; step: string; dueAt: Date } | null = null;
    if (first && dueAt) {
      const messageId = randomUUID();
      await tx.message.create({
        data: {
          id: messageId,
          programId,
          candidateId: candidate.id,
          enrollmentId,
          interviewId: interview.id,
          step: first.key,
          status: "scheduled",
          idempotencyKey: dripKey(enrollmentId, first.key),
          dueAt,
          createdAt: now,
        },
      });
      if (!paused) job = { messageId, step: first.key, dueAt };
    }
    const out: EnrolResult = { candidateId: candidate.id, interviewId: interview.id, enrollmentId };
    if (opts.idempotency) await recordIdempotency(tx, programId, candidate.id, opts.idempotency, out);
    await audit(tx, {
      programId,
      actor: opts.source ?? "api",
      action: "interview.recorded",
      targetType: "candidate",
      targetId: candidate.id,
      data: { outcome: input.outcome, interviewId: interview.id, superseded: superseded.ended },
    });
    return { out, job };
  });
  if (result.job) {
    const { job } = result;
    await ctx.queues
      .addDrips([
        {
          data: { enrollmentId: result.out.enrollmentId, step: job.step, messageId: job.messageId },
          delay: job.dueAt.getTime() - ctx.clock.now().getTime(),
        },
      ])
      .catch(() => {
        // PostgreSQL has the scheduled message; the reconciler will enqueue it.
      });
  }
  return result.out;
}

type Tx = Prisma.TransactionClient;

/** Creates or updates the candidate and locks its row (INSERT ... ON CONFLICT DO UPDATE takes the lock). */
async function upsertCandidate(
  tx: Tx,
  programId: string,
  email: string,
  input: InterviewInput,
  cohortId: string | null,
  consent: Consent | null,
  now: Date,
) {
  const [row] = await tx.$queryRaw<{ id: string; status: string; timezone: string }[]>`
    INSERT INTO "Candidate" (id, "programId", "cohortId", email, name, timezone, locale, status, consent, "createdAt", "updatedAt")
    VALUES (gen_random_uuid(), ${programId}::uuid, ${cohortId}::uuid, ${email}, ${input.name ?? null},
            ${input.timezone ?? "UTC"}, ${input.locale ?? "en"}, 'active', ${consent ? JSON.stringify(consent) : null}::jsonb,
            ${now}, ${now})
    ON CONFLICT ("programId", email) DO UPDATE SET
      name = COALESCE(${input.name ?? null}, "Candidate".name),
      timezone = COALESCE(${input.timezone ?? null}, "Candidate".timezone),
      locale = COALESCE(${input.locale ?? null}, "Candidate".locale),
      "cohortId" = COALESCE(${cohortId}::uuid, "Candidate"."cohortId"),
      consent = COALESCE("Candidate".consent, ${consent ? JSON.stringify(consent) : null}::jsonb),
      "updatedAt" = ${now}
    RETURNING id, status::text AS status, timezone`;
  if (!row) throw new Error("candidate upsert returned nothing");
  return row;
}

/** The live track, when it already runs this very outcome for this very interview. */
async function sameInterviewRunning(tx: Tx, candidateId: string, input: InterviewInput) {
  const [row] = await tx.$queryRaw<{ interviewId: string; enrollmentId: string }[]>`
    SELECT i.id AS "interviewId", e.id AS "enrollmentId"
    FROM "Enrollment" e JOIN "Interview" i ON i.id = e."interviewId"
    WHERE e."candidateId" = ${candidateId}::uuid AND e.status IN ('active', 'paused')
      AND e.track = ${input.outcome}::"Outcome"
      AND lower(i.company) = lower(${input.company})
      AND i.role IS NOT DISTINCT FROM ${input.role ?? null}
      AND i.interviewer IS NOT DISTINCT FROM ${input.interviewer ?? null}
      AND i."interviewedAt" IS NOT DISTINCT FROM ${input.interviewedAt ? new Date(input.interviewedAt) : null}::timestamp
    LIMIT 1`;
  return row ?? null;
}

async function recordIdempotency(
  tx: Tx,
  programId: string,
  candidateId: string,
  idempotency: { key: string; requestHash: string },
  out: EnrolResult,
) {
  await tx.idempotencyRecord.create({
    data: {
      programId,
      key: idempotency.key,
      candidateId,
      requestHash: idempotency.requestHash,
      status: 202,
      response: out as unknown as Prisma.InputJsonValue,
    },
  });
}
