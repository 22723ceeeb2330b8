import { createHash, randomUUID } from "node:crypto";
import type { Prisma } from "@rebound/db";
import { type InterviewInput, stepAt, TRACK_VERSION } from "@rebound/domain";
import type { AppContext } from "./context.js";
import { AppError } from "./errors.js";
import { dueAtForStep, programWindow } from "./schedule.js";

export interface EnrolResult {
  candidateId: string;
  interviewId: string;
  enrollmentId: string;
}

export function emailHash(email: string): string {
  return createHash("sha256").update(email.trim().toLowerCase()).digest("hex");
}

export function dripKey(enrollmentId: string, step: string): string {
  return `drip-${enrollmentId}-${step}`;
}

/**
 * Records an interview outcome and starts its track. In one transaction: the
 * candidate (created or updated), the interview, the superseding of any
 * running track, the enrolment and its first scheduled message. The delayed
 * job is added after commit; if that fails, the reconciler adds it later.
 */
export async function enrolInterview(
  ctx: Pick<AppContext, "db" | "queues" | "clock" | "config">,
  programId: string,
  input: InterviewInput,
  opts: { source?: string; idempotency?: { key: string; requestHash: string } } = {},
): Promise<EnrolResult> {
  const now = ctx.clock.now();
  const result = await ctx.db.$transaction(async (tx) => {
    const program = await tx.program.findUnique({ where: { id: programId } });
    if (!program) throw new AppError(404, "not_found", "program not found");
    let cohortId: string | null = null;
    if (input.cohort) {
      const cohort = await tx.cohort.findUnique({ where: { programId_slug: { programId, slug: input.cohort } } });
      if (!cohort) throw new AppError(404, "not_found", `cohort '${input.cohort}' not found`);
      cohortId = cohort.id;
    }
    const suppressed = await tx.suppression.findUnique({
      where: { programId_emailHash: { programId, emailHash: emailHash(input.email) } },
    });
    const existing = await tx.candidate.findUnique({ where: { programId_email: { programId, email: input.email } } });
    if (suppressed || (existing && ["unsubscribed", "bounced", "complained"].includes(existing.status))) {
      throw new AppError(
        409,
        "suppressed",
        "this address unsubscribed or cannot receive mail; it will not be enrolled",
      );
    }
    const candidate = await tx.candidate.upsert({
      where: { programId_email: { programId, email: input.email } },
      create: {
        programId,
        email: input.email,
        name: input.name ?? null,
        timezone: input.timezone ?? "UTC",
        locale: input.locale ?? "en",
        cohortId,
      },
      update: {
        ...(input.name ? { name: input.name } : {}),
        ...(input.timezone ? { timezone: input.timezone } : {}),
        ...(input.locale ? { locale: input.locale } : {}),
        ...(cohortId ? { cohortId } : {}),
      },
    });
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
    const running = await tx.enrollment.findMany({
      where: { candidateId: candidate.id, status: { in: ["active", "paused"] } },
      select: { id: true },
    });
    if (running.length) {
      const ids = running.map((r) => r.id);
      await tx.enrollment.updateMany({
        where: { id: { in: ids } },
        data: { status: "superseded", stopReason: "new outcome", nextDueAt: null },
      });
      await tx.message.updateMany({
        where: { enrollmentId: { in: ids }, status: "scheduled" },
        data: { status: "cancelled" },
      });
    }
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
        },
      });
      if (!paused) job = { messageId, step: first.key, dueAt };
    }
    const out: EnrolResult = { candidateId: candidate.id, interviewId: interview.id, enrollmentId };
    if (opts.idempotency) {
      await tx.idempotencyRecord.create({
        data: {
          programId,
          key: opts.idempotency.key,
          requestHash: opts.idempotency.requestHash,
          status: 202,
          response: out as unknown as Prisma.InputJsonValue,
        },
      });
    }
    await tx.auditLog.create({
      data: {
        programId,
        actor: opts.source ?? "api",
        action: "interview.recorded",
        targetType: "candidate",
        targetId: candidate.id,
        data: { outcome: input.outcome, interviewId: interview.id, superseded: running.length },
      },
    });
    return { out, job };
  });
  if (result.job) {
    const { job } = result;
    await ctx.queues
      .addDrips([
        {
          data: { enrollmentId: result.out.enrollmentId, step: job.step, messageId: job.messageId },
          delay: job.dueAt.getTime() - Date.now(),
        },
      ])
      .catch(() => {
        // PostgreSQL has the scheduled message; the reconciler will enqueue it.
      });
  }
  return result.out;
}
