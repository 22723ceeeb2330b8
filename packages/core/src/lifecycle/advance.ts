import { randomUUID } from "node:crypto";
import { FINISHED_STEP_STATUSES, isOutcome, type Outcome, stepAt } from "@rebound/domain";
import type { AppContext } from "../context.js";
import { dripKey } from "../enrol.js";
import { candidateWindow, dueAtForStep } from "../schedule.js";

interface AdvanceRow {
  messageId: string;
  step: string;
  enrollmentId: string;
  track: string;
  nextStep: number;
  enrolledAt: Date;
  programId: string;
  candidateId: string;
  interviewId: string;
  timezone: string;
  sendWindowStart: number;
  sendWindowEnd: number;
  sendWeekdays: number[];
  /** The candidate's own window from the preference page (null / empty: the program's). */
  ownStart: number | null;
  ownEnd: number | null;
  ownWeekdays: number[];
}

/**
 * Moves each enrolment whose current step is over (handed over, or refused for good) to its
 * next step, or completes it. A paused enrolment moves too: a pause that lands between the
 * hand-over and this step must not leave the track without a next message. That message waits,
 * unclaimed, until the candidate is active again.
 */
const ownWindow = (r: AdvanceRow) =>
  candidateWindow(r, { sendWindowStart: r.ownStart, sendWindowEnd: r.ownEnd, sendWeekdays: r.ownWeekdays });

export async function advanceEnrollments(
  ctx: Pick<AppContext, "db" | "queues" | "config" | "clock">,
  messageIds: readonly string[],
): Promise<void> {
  const rows = await ctx.db.$queryRaw<AdvanceRow[]>`
    SELECT m.id AS "messageId", m.step, e.id AS "enrollmentId", e.track::text AS track, e."nextStep", e."enrolledAt",
           e."programId", e."candidateId", e."interviewId", c.timezone,
           p."sendWindowStart", p."sendWindowEnd", p."sendWeekdays",
           c."sendWindowStart" AS "ownStart", c."sendWindowEnd" AS "ownEnd", c."sendWeekdays" AS "ownWeekdays"
    FROM "Message" m
    JOIN "Enrollment" e ON e.id = m."enrollmentId"
    JOIN "Candidate" c ON c.id = e."candidateId"
    JOIN "Program" p ON p.id = e."programId"
    WHERE m.id = ANY(${[...messageIds]}::uuid[]) AND m.kind = 'drip'
      AND m.status::text = ANY(${[...FINISHED_STEP_STATUSES]}::text[]) AND e.status IN ('active', 'paused')`;
  const newMessages: {
    id: string;
    programId: string;
    candidateId: string;
    enrollmentId: string;
    interviewId: string;
    step: string;
    idempotencyKey: string;
    dueAt: Date;
  }[] = [];
  const updates: { id: string; from: number; to: number; dueAt: Date | null; done: boolean }[] = [];
  for (const r of rows) {
    if (!isOutcome(r.track)) continue;
    const track: Outcome = r.track;
    if (stepAt(track, r.nextStep)?.key !== r.step) continue; // already advanced
    const nextIndex = r.nextStep + 1;
    const next = stepAt(track, nextIndex);
    const dueAt = next
      ? dueAtForStep(track, nextIndex, r.enrolledAt, r.timezone, ctx.config.DRIP_SPEEDUP, ownWindow(r))
      : null;
    updates.push({ id: r.enrollmentId, from: r.nextStep, to: nextIndex, dueAt, done: !next });
    if (next && dueAt) {
      newMessages.push({
        id: randomUUID(),
        programId: r.programId,
        candidateId: r.candidateId,
        enrollmentId: r.enrollmentId,
        interviewId: r.interviewId,
        step: next.key,
        idempotencyKey: dripKey(r.enrollmentId, next.key),
        dueAt,
      });
    }
  }
  if (updates.length === 0) return;
  const now = ctx.clock.now();
  const col = <K extends keyof (typeof newMessages)[number]>(k: K) => newMessages.map((m) => m[k]);
  // One atomic statement: move each enrolment on (guarded by its current step, so a repeat moves
  // nothing) and schedule the next step only for enrolments that actually moved.
  const stored = await ctx.db.$queryRaw<{ id: string; enrollmentId: string | null; step: string; dueAt: Date }[]>`
    WITH moved AS (
      UPDATE "Enrollment" e SET "nextStep" = v.to_step, "nextDueAt" = v.due_at,
        status = CASE WHEN v.done THEN 'completed'::"EnrollmentStatus" ELSE e.status END,
        "completedAt" = CASE WHEN v.done THEN ${now}::timestamp ELSE e."completedAt" END,
        "updatedAt" = ${now}::timestamp
      FROM unnest(${updates.map((u) => u.id)}::uuid[], ${updates.map((u) => u.from)}::int[], ${updates.map((u) => u.to)}::int[],
                  ${updates.map((u) => u.dueAt)}::timestamp[], ${updates.map((u) => u.done)}::boolean[])
        AS v(id, from_step, to_step, due_at, done)
      WHERE e.id = v.id AND e."nextStep" = v.from_step AND e.status IN ('active', 'paused')
      RETURNING e.id
    )
    INSERT INTO "Message" (id, "programId", "candidateId", "enrollmentId", "interviewId", kind, step, status, "idempotencyKey", "dueAt", "createdAt", attempts)
    SELECT n.id, n.program_id, n.candidate_id, n.enrollment_id, n.interview_id, 'drip', n.step, 'scheduled', n.idem, n.due_at, ${now}::timestamp, 0
    FROM unnest(${col("id")}::uuid[], ${col("programId")}::uuid[], ${col("candidateId")}::uuid[], ${col("enrollmentId")}::uuid[],
                ${col("interviewId")}::uuid[], ${col("step")}::text[], ${col("idempotencyKey")}::text[], ${col("dueAt")}::timestamp[])
      AS n(id, program_id, candidate_id, enrollment_id, interview_id, step, idem, due_at)
    WHERE n.enrollment_id IN (SELECT id FROM moved)
    ON CONFLICT DO NOTHING
    RETURNING id, "enrollmentId", step, "dueAt"`;
  if (stored.length === 0) return;
  const nowMs = ctx.clock.now().getTime();
  await ctx.queues.addDrips(
    stored.flatMap((m) =>
      m.enrollmentId
        ? [{ data: { enrollmentId: m.enrollmentId, step: m.step, messageId: m.id }, delay: m.dueAt.getTime() - nowMs }]
        : [],
    ),
  );
}
