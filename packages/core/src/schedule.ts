import {
  DEFAULT_SEND_WINDOW,
  FIRST_STEP_SETTLE_MS,
  type Outcome,
  type SendWindow,
  stepAt,
  stepDueAt,
} from "@rebound/domain";

export interface ProgramWindow {
  sendWindowStart: number;
  sendWindowEnd: number;
  sendWeekdays: number[];
}

export function programWindow(p: ProgramWindow | null | undefined): SendWindow {
  if (!p) return DEFAULT_SEND_WINDOW;
  return { startHour: p.sendWindowStart, endHour: p.sendWindowEnd, weekdays: p.sendWeekdays };
}

/**
 * When step `index` of an enrolment's track is due, or null when the track has no such step.
 * The track starts a moment after enrolment, so outcomes that arrive together settle on the last
 * one before its first email is sent.
 */
export function dueAtForStep(
  track: Outcome,
  index: number,
  enrolledAt: Date,
  timezone: string,
  speedup: number,
  window: SendWindow,
): Date | null {
  const step = stepAt(track, index);
  if (!step) return null;
  return stepDueAt(new Date(enrolledAt.getTime() + FIRST_STEP_SETTLE_MS), step.delayDays, {
    timezone,
    speedup,
    window,
  });
}
