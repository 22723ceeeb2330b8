import { jobIds, type Queue } from "@rebound/queue";
import type { AppContext } from "./context.js";
import { advanceEnrollments } from "./drip-sender.js";
import { reconcileImports } from "./imports/imports.js";
import { applyPendingEvents } from "./lifecycle/delivery-events.js";
import { resumeExpiredPauses } from "./lifecycle/candidate.js";

type Ctx = Pick<AppContext, "db" | "queues" | "clock" | "log" | "config">;

/**
 * How long a claimed message may stay in `sending` before the reconciler assumes its sender is
 * gone: twice the provider request's own timeout (30 s by default). A crashed send is resent
 * (same group, same key: the provider drops it if the first attempt got through) within this
 * plus one reconciler round.
 */
export const stuckSendingMs = (config: Pick<AppContext["config"], "RESEND_TIMEOUT_MS">) => 2 * config.RESEND_TIMEOUT_MS;
const OVERDUE_MS = 60_000;
const MAX_FAILED_CHECKS = 500;

/** A job that failed for good keeps its id, so adding it again is a no-op: retry it instead. */
async function reviveFailed(queue: Queue, jobId: string): Promise<"retried" | "present" | "missing"> {
  const job = await queue.getJob(jobId);
  if (!job) return "missing";
  if (!(await job.isFailed())) return "present";
  await job.retry();
  return "retried";
}

interface DueRow {
  id: string;
  kind: string;
  enrollmentId: string | null;
  step: string;
  dueAt: Date;
}

/**
 * PostgreSQL says what is due; Redis may have lost its jobs (flush, failover, a failed add after
 * commit, a sender killed mid-send). Every scheduled message due within the look-ahead, and every
 * claim held longer than a send can take, gets its job back; ids are derived, so jobs still there
 * are untouched. Drip steps and event-driven emails (analysis, confirmations) alike. Then: stale
 * inbound mail, delivery events waiting for their email, tracks that stalled between two steps,
 * and pauses that are over.
 */
export async function reconcile(ctx: Ctx, lookAheadMs: number): Promise<{ requeued: number }> {
  const now = ctx.clock.now();
  await resumeExpiredPauses(ctx);
  const due = await ctx.db.$queryRaw<DueRow[]>`
    SELECT m.id, m.kind::text AS kind, m."enrollmentId", m.step, m."dueAt"
    FROM "Message" m
    LEFT JOIN "Enrollment" e ON e.id = m."enrollmentId"
    LEFT JOIN "Candidate" c ON c.id = m."candidateId"
    WHERE m.status IN ('scheduled', 'sending') AND m."dueAt" <= ${new Date(now.getTime() + lookAheadMs)}
      AND (m.status = 'scheduled' OR m."claimedAt" IS NULL OR m."claimedAt" <= ${new Date(now.getTime() - stuckSendingMs(ctx.config))})
      AND (m."candidateId" IS NULL OR c.status = 'active')
      AND (m.kind <> 'drip' OR e.status = 'active' OR m.status = 'sending')
    LIMIT 50000`;
  const drips = due.flatMap((m) =>
    m.kind === "drip" && m.enrollmentId
      ? [
          {
            data: { enrollmentId: m.enrollmentId, step: m.step, messageId: m.id },
            delay: m.dueAt.getTime() - now.getTime(),
          },
        ]
      : [],
  );
  const emails = due.filter((m) => m.kind !== "drip");
  let retried = 0;
  for (const j of drips.filter((d) => d.delay < -OVERDUE_MS).slice(0, MAX_FAILED_CHECKS)) {
    if ((await reviveFailed(ctx.queues.drip, jobIds.drip(j.data.messageId))) === "retried") retried++;
  }
  for (let i = 0; i < drips.length; i += 1000) await ctx.queues.addDrips(drips.slice(i, i + 1000));
  for (const m of emails.slice(0, MAX_FAILED_CHECKS)) {
    const state = await reviveFailed(ctx.queues.email, jobIds.email(m.id));
    if (state === "retried") retried++;
    if (state === "missing") {
      await ctx.queues.add("email", { messageId: m.id }, { delay: m.dueAt.getTime() - now.getTime() });
    }
  }
  // Inbound mail stored but never processed (its job lost with Redis).
  const staleInbound = await ctx.db.inboundMessage.findMany({
    where: { status: "queued", createdAt: { lte: new Date(now.getTime() - lookAheadMs) } },
    select: { id: true },
    take: 1000,
  });
  for (const m of staleInbound) {
    if ((await reviveFailed(ctx.queues.inbound, jobIds.inbound(m.id))) === "missing") {
      await ctx.queues.add("inbound", { inboundId: m.id });
    }
  }
  const events = await applyPendingEvents(ctx);
  // CSV imports whose job was lost or failed for good: resumed, or failed with the reason.
  await reconcileImports(ctx);
  const stalled = await advanceStalled(ctx, now);
  if (due.length || staleInbound.length || stalled || events)
    ctx.log.debug("reconciled", {
      drips: drips.length,
      emails: emails.length,
      retried,
      inbound: staleInbound.length,
      stalled,
      events,
    });
  return { requeued: due.length + staleInbound.length + stalled };
}

/** How long after its hand-over a finished step may wait for its enrolment to move on. */
const STALLED_AFTER_MS = 30_000;

/**
 * Enrolments whose latest step is over but which never moved on (the sender died between the
 * two, and its job went with Redis): they have no message waiting, so nothing else would ever
 * schedule their next step.
 */
async function advanceStalled(ctx: Ctx, now: Date): Promise<number> {
  const rows = await ctx.db.$queryRaw<{ id: string }[]>`
    SELECT DISTINCT ON (m."enrollmentId") m.id
    FROM "Enrollment" e
    JOIN "Message" m ON m."enrollmentId" = e.id AND m.kind = 'drip'
    WHERE e.status IN ('active', 'paused')
      AND m.status IN ('sent', 'delivered', 'bounced', 'complained', 'failed')
      AND NOT EXISTS (
        SELECT 1 FROM "Message" w WHERE w."enrollmentId" = e.id AND w.status IN ('scheduled', 'sending'))
      AND COALESCE(m."sentAt", m."claimedAt", m."dueAt") <= ${new Date(now.getTime() - STALLED_AFTER_MS)}
    ORDER BY m."enrollmentId", COALESCE(m."sentAt", m."claimedAt", m."dueAt") DESC
    LIMIT 1000`;
  if (rows.length === 0) return 0;
  await advanceEnrollments(
    ctx,
    rows.map((r) => r.id),
  );
  return rows.length;
}
