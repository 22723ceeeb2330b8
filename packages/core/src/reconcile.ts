import { jobIds, type Queue } from "@rebound/queue";
import { resumeExpiredPauses } from "./candidates.js";
import type { AppContext } from "./context.js";
import { advanceEnrollments } from "./drip-sender.js";

type Ctx = Pick<AppContext, "db" | "queues" | "clock" | "log" | "config">;

/** How long a claimed message may stay in `sending` before the reconciler assumes its job is gone. */
export const STUCK_SENDING_MS = 5 * 60_000;
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

/**
 * PostgreSQL says which steps are due; Redis may have lost their jobs (flush,
 * failover, a failed add after commit). Every scheduled drip message due within
 * the look-ahead gets its job re-added; ids are derived, so existing jobs are
 * untouched. Messages stuck in `sending` get their job back too: the sender
 * resends their group under the same idempotency key.
 */
export async function reconcile(ctx: Ctx, lookAheadMs: number): Promise<{ requeued: number }> {
  const now = ctx.clock.now();
  await resumeExpiredPauses(ctx);
  const due = await ctx.db.message.findMany({
    where: {
      kind: "drip",
      OR: [
        {
          status: "scheduled",
          dueAt: { lte: new Date(now.getTime() + lookAheadMs) },
          enrollment: { status: "active" },
        },
        { status: "sending", dueAt: { lte: new Date(now.getTime() - STUCK_SENDING_MS) } },
      ],
    },
    select: { id: true, enrollmentId: true, step: true, dueAt: true, status: true },
    take: 50_000,
  });
  const jobs = due.flatMap((m) =>
    m.enrollmentId
      ? [
          {
            data: { enrollmentId: m.enrollmentId, step: m.step, messageId: m.id },
            delay: m.dueAt.getTime() - Date.now(),
          },
        ]
      : [],
  );
  let retried = 0;
  const overdue = jobs.filter((j) => j.delay < -OVERDUE_MS).slice(0, MAX_FAILED_CHECKS);
  for (const j of overdue) {
    if ((await reviveFailed(ctx.queues.drip, jobIds.drip(j.data.enrollmentId, j.data.step))) === "retried") retried++;
  }
  for (let i = 0; i < jobs.length; i += 1000) await ctx.queues.addDrips(jobs.slice(i, i + 1000));
  // Inbound mail stored but never processed (its job lost with Redis, or failed for good).
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
  const stalled = await advanceStalled(ctx, now);
  if (jobs.length || staleInbound.length || stalled)
    ctx.log.debug("reconciled", { drips: jobs.length, retried, inbound: staleInbound.length, stalled });
  return { requeued: jobs.length + staleInbound.length + stalled };
}

/** How long after its hand-over a sent step may wait for its enrolment to move on. */
const STALLED_AFTER_MS = 30_000;

/**
 * Enrolments whose latest step was handed over but never moved on (the sender died
 * between the two, and its job went with Redis): they have no message waiting, so
 * nothing else would ever schedule their next step.
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
      AND m."sentAt" <= ${new Date(now.getTime() - STALLED_AFTER_MS)}
    ORDER BY m."enrollmentId", m."sentAt" DESC
    LIMIT 1000`;
  if (rows.length === 0) return 0;
  await advanceEnrollments(
    ctx,
    rows.map((r) => r.id),
  );
  return rows.length;
}
