import { createHash, randomUUID } from "node:crypto";
import { isOutcome, type Outcome, type StepKey, stepAt } from "@rebound/domain";
import { type OutgoingEmail, PermanentSendError } from "@rebound/mail";
import type { JobData } from "@rebound/queue";
import { composeDripEmail, type TemplateCache } from "./compose.js";
import type { AppContext } from "./context.js";
import { dripKey } from "./enrol.js";
import { recordSent } from "./record-sent.js";
import { dueAtForStep, programWindow } from "./schedule.js";

export type DripItem = JobData<"drip">;
type Ctx = Pick<AppContext, "db" | "queues" | "mail" | "config" | "clock" | "log">;

/** The provider idempotency key of a batch: derived from the messages it carries. */
export function batchKeyFor(messageIds: readonly string[]): string {
  return `rb-${createHash("sha256")
    .update([...messageIds].sort().join(","))
    .digest("hex")
    .slice(0, 48)}`;
}

/** Tolerance for jobs that fire a moment before the row says the step is due. */
const EARLY_MS = 2000;

/**
 * Sends a batch of due drip messages, exactly once each:
 * 1. claim: scheduled -> sending with one batch key, atomically (a message is claimed once);
 * 2. messages left in `sending` by a crashed attempt are re-sent as the same group with the same key,
 *    so the provider's idempotency turns the retry into a no-op if the first request got through;
 * 3. render (template compiled once per step) and hand over in one provider request per group;
 * 4. mark sent, then advance each enrolment and schedule its next step (idempotent: guarded by nextStep).
 */
export async function sendDueDrips(ctx: Ctx, templates: TemplateCache, items: readonly DripItem[]): Promise<void> {
  const ids = [...new Set(items.map((i) => i.messageId))];
  if (ids.length === 0) return;
  const key = batchKeyFor(ids);
  const dueBefore = new Date(ctx.clock.now().getTime() + EARLY_MS);

  const claimed = await ctx.db.$queryRaw<{ id: string }[]>`
    UPDATE "Message" m SET status = 'sending', "batchKey" = ${key}, attempts = m.attempts + 1
    FROM "Enrollment" e, "Candidate" c
    WHERE m.id = ANY(${ids}::uuid[]) AND m.status = 'scheduled' AND m.kind = 'drip'
      AND m."dueAt" <= ${dueBefore}
      AND e.id = m."enrollmentId" AND e.status = 'active'
      AND c.id = m."candidateId" AND c.status = 'active'
    RETURNING m.id`;
  const claimedIds = new Set(claimed.map((r) => r.id));

  // Groups from earlier attempts that never got marked sent (crash or provider failure).
  // When every message was just claimed (the normal case), none can be stuck.
  const stuck =
    claimedIds.size === ids.length
      ? []
      : await ctx.db.$queryRaw<{ batchKey: string }[]>`
    SELECT DISTINCT "batchKey" FROM "Message"
    WHERE id = ANY(${ids}::uuid[]) AND status = 'sending' AND "batchKey" IS NOT NULL AND NOT (id = ANY(${[...claimedIds]}::uuid[]))`;
  const groups = new Set<string>(stuck.map((s) => s.batchKey));
  if (claimedIds.size > 0) groups.add(key);

  for (const group of groups) await sendGroup(ctx, templates, group);
  await advanceEnrollments(ctx, ids);
}

interface GroupRow {
  id: string;
  idempotencyKey: string;
  programId: string;
  step: string;
  dueAt: Date;
  enrollmentId: string | null;
  candidateId: string;
  email: string | null;
  name: string | null;
  company: string | null;
  role: string | null;
  interviewer: string | null;
}

type LiveRow = GroupRow & { email: string; company: string };

async function sendGroup(ctx: Ctx, templates: TemplateCache, batchKey: string): Promise<void> {
  // One flat query: this is the hot path, and nested ORM includes cost more CPU than the send itself.
  const messages = await ctx.db.$queryRaw<GroupRow[]>`
    SELECT m.id, m."idempotencyKey", m."programId", m.step, m."dueAt", m."enrollmentId", m."candidateId",
           c.email, c.name, i.company, i.role, i.interviewer
    FROM "Message" m
    JOIN "Candidate" c ON c.id = m."candidateId"
    LEFT JOIN "Enrollment" e ON e.id = m."enrollmentId"
    LEFT JOIN "Interview" i ON i.id = e."interviewId"
    WHERE m."batchKey" = ${batchKey} AND m.status = 'sending'
    ORDER BY m.id`;
  // A retried group can hold a candidate erased since the first attempt: nothing more goes to them.
  const live = messages.filter((m): m is LiveRow => m.email !== null && m.company !== null);
  if (live.length < messages.length) {
    const gone = messages.filter((m) => m.email === null || m.company === null).map((m) => m.id);
    await ctx.db.message.updateMany({ where: { id: { in: gone }, status: "sending" }, data: { status: "cancelled" } });
  }
  if (live.length === 0) return;
  const batch: { id: string; email: OutgoingEmail }[] = [];
  for (const m of live) {
    const step = m.step as StepKey;
    batch.push({
      id: m.id,
      email: composeDripEmail(ctx.config, await templates.get(step), {
        messageId: m.id,
        idempotencyKey: m.idempotencyKey,
        programId: m.programId,
        step,
        issuedAt: m.dueAt,
        candidate: { id: m.candidateId, email: m.email, name: m.name },
        interview: { company: m.company, role: m.role, interviewer: m.interviewer },
      }),
    });
  }
  let providerIds: string[];
  try {
    providerIds = await ctx.mail.send({ idempotencyKey: batchKey, emails: batch.map((b) => b.email) });
  } catch (err) {
    if (!(err instanceof PermanentSendError)) throw err;
    ctx.log.error("provider refused a batch", { batchKey, error: err.message });
    await ctx.db.message.updateMany({
      where: { batchKey, status: "sending" },
      data: { status: "failed", error: err.message },
    });
    const enrollmentIds = live.flatMap((m) => (m.enrollmentId ? [m.enrollmentId] : []));
    await ctx.db.enrollment.updateMany({
      where: { id: { in: enrollmentIds }, status: "active" },
      data: { status: "stopped", stopReason: "provider refused the email", nextDueAt: null },
    });
    return;
  }
  const sent = batch.map((b, i) => ({
    id: b.id,
    providerId: providerIds[i] ?? null,
    subject: b.email.subject,
    to: b.email.to,
  }));
  await recordSent(ctx.db, batchKey, sent, ctx.clock.now());
}

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
}

/**
 * Moves each enrolment whose current step was sent to its next step (or completes it).
 * A paused enrolment moves too: a pause that lands between the hand-over and this
 * step must not leave the track without a next message. That message waits,
 * unclaimed, until the candidate is active again.
 */
export async function advanceEnrollments(
  ctx: Pick<AppContext, "db" | "queues" | "config" | "clock">,
  messageIds: readonly string[],
): Promise<void> {
  const rows = await ctx.db.$queryRaw<AdvanceRow[]>`
    SELECT m.id AS "messageId", m.step, e.id AS "enrollmentId", e.track::text AS track, e."nextStep", e."enrolledAt",
           e."programId", e."candidateId", e."interviewId", c.timezone,
           p."sendWindowStart", p."sendWindowEnd", p."sendWeekdays"
    FROM "Message" m
    JOIN "Enrollment" e ON e.id = m."enrollmentId"
    JOIN "Candidate" c ON c.id = e."candidateId"
    JOIN "Program" p ON p.id = e."programId"
    WHERE m.id = ANY(${[...messageIds]}::uuid[]) AND m.kind = 'drip'
      AND m.status IN ('sent', 'delivered', 'bounced', 'complained', 'failed') AND e.status IN ('active', 'paused')`;
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
      ? dueAtForStep(track, nextIndex, r.enrolledAt, r.timezone, ctx.config.DRIP_SPEEDUP, programWindow(r))
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
  const nowMs = Date.now();
  await ctx.queues.addDrips(
    stored.flatMap((m) =>
      m.enrollmentId
        ? [{ data: { enrollmentId: m.enrollmentId, step: m.step, messageId: m.id }, delay: m.dueAt.getTime() - nowMs }]
        : [],
    ),
  );
}
