import { isValidTimeZone, type SendWindow, stepDueAt } from "@rebound/domain";
import { type Actor, audit } from "./audit.js";
import type { AppContext } from "./context.js";
import { AppError, notFound } from "./errors.js";
import { lockCandidate } from "./lifecycle/candidate.js";
import { candidateWindow } from "./schedule.js";

/**
 * What a candidate changes on their preference page besides pausing and stopping (those are
 * lifecycle verbs): their time zone and their own send window. Either change re-places the
 * emails already scheduled, so the very next one respects it: an email inside the new window keeps
 * its time, one outside it moves to the window's next opening. Nothing ever moves earlier.
 */

type Ctx = Pick<AppContext, "db" | "queues" | "clock" | "config">;

export interface OwnWindow {
  startHour: number;
  endHour: number;
  /** ISO weekdays, 1 = Monday ... 7 = Sunday. */
  weekdays: number[];
}

/** The rules a send window obeys, as a message for the candidate; null when it is fine. */
export function sendWindowProblem(w: OwnWindow): string | null {
  if (!Number.isInteger(w.startHour) || w.startHour < 0 || w.startHour > 23) return "The start hour is not valid.";
  if (!Number.isInteger(w.endHour) || w.endHour < 1 || w.endHour > 24) return "The end hour is not valid.";
  if (w.endHour <= w.startHour) return "The end of the window must be later than its start.";
  if (w.endHour - w.startHour < 2) return "Please leave at least two hours between start and end.";
  if (w.weekdays.length === 0) return "Please choose at least one day.";
  if (w.weekdays.some((d) => !Number.isInteger(d) || d < 1 || d > 7)) return "One of the days is not valid.";
  return null;
}

/** Sets the candidate's time zone; refuses a name that is not an IANA zone, changing nothing. */
export async function setCandidateTimezone(ctx: Ctx, candidateId: string, timezone: string, actor: Actor) {
  if (!isValidTimeZone(timezone)) {
    throw new AppError(400, "invalid_timezone", "time zone must be an IANA name such as Europe/Paris");
  }
  await changeSchedule(ctx, candidateId, actor, "candidate.timezone_changed", { timezone }, { timezone });
}

/** Sets the candidate's own send window, or (null) goes back to the program's. */
export async function setCandidateSendWindow(ctx: Ctx, candidateId: string, window: OwnWindow | null, actor: Actor) {
  if (window) {
    const problem = sendWindowProblem(window);
    if (problem) throw new AppError(400, "invalid_send_window", problem);
  }
  const weekdays = window ? [...new Set(window.weekdays)].sort((a, b) => a - b) : [];
  const data = {
    sendWindowStart: window?.startHour ?? null,
    sendWindowEnd: window?.endHour ?? null,
    sendWeekdays: weekdays,
  };
  await changeSchedule(ctx, candidateId, actor, "candidate.send_window_changed", data, data);
}

async function changeSchedule(
  ctx: Ctx,
  candidateId: string,
  actor: Actor,
  action: string,
  data: { timezone?: string; sendWindowStart?: number | null; sendWindowEnd?: number | null; sendWeekdays?: number[] },
  auditData: Record<string, string | number | number[] | null>,
) {
  const now = ctx.clock.now();
  const moved = await ctx.db.$transaction(async (tx) => {
    const c = await lockCandidate(tx, candidateId);
    if (!c || c.status === "erased") throw notFound("candidate");
    const updated = await tx.candidate.update({ where: { id: c.id }, data, include: { program: true } });
    await audit(tx, {
      programId: c.programId,
      actor,
      action,
      targetType: "candidate",
      targetId: c.id,
      data: auditData,
    });
    // A paused candidate's emails are re-placed when they resume; nothing to move now.
    if (updated.status !== "active") return [];
    const window: SendWindow = candidateWindow(updated.program, updated);
    const scheduled = await tx.message.findMany({
      where: { candidateId: c.id, kind: "drip", status: "scheduled", enrollment: { status: "active" } },
      select: { id: true, enrollmentId: true, step: true, dueAt: true },
    });
    const changes = scheduled.flatMap((m) => {
      const from = m.dueAt.getTime() < now.getTime() ? now : m.dueAt;
      const dueAt = stepDueAt(from, 0, { timezone: updated.timezone, speedup: ctx.config.DRIP_SPEEDUP, window });
      return m.enrollmentId && dueAt.getTime() !== m.dueAt.getTime()
        ? [{ id: m.id, enrollmentId: m.enrollmentId, step: m.step, dueAt }]
        : [];
    });
    for (const m of changes) {
      // Guarded by the status, so a message claimed meanwhile is left alone.
      const done = await tx.message.updateMany({ where: { id: m.id, status: "scheduled" }, data: { dueAt: m.dueAt } });
      if (done.count) {
        await tx.enrollment.updateMany({
          where: { id: m.enrollmentId, status: "active" },
          data: { nextDueAt: m.dueAt },
        });
      }
    }
    return changes;
  });
  if (moved.length === 0) return;
  await ctx.queues
    .rescheduleDrips(
      moved.map((m) => ({
        data: { enrollmentId: m.enrollmentId, step: m.step, messageId: m.id },
        delay: m.dueAt.getTime() - ctx.clock.now().getTime(),
      })),
    )
    .catch(() => {
      // PostgreSQL holds the new times; the reconciler enqueues what is missing.
    });
}

/** What the preference page shows: status, time zone, and the window in force (theirs or the program's). */
export async function candidatePreferences(ctx: Pick<AppContext, "db">, candidateId: string) {
  const c = await ctx.db.candidate.findUnique({ where: { id: candidateId }, include: { program: true } });
  if (!c || c.status === "erased") throw notFound("candidate");
  const own = c.sendWindowStart !== null && c.sendWindowEnd !== null;
  return {
    email: c.email,
    status: c.status,
    pausedUntil: c.pausedUntil,
    timezone: c.timezone,
    window: candidateWindow(c.program, c),
    programWindow: candidateWindow(c.program, { sendWindowStart: null, sendWindowEnd: null, sendWeekdays: [] }),
    ownWindow: own || c.sendWeekdays.length > 0,
  };
}
