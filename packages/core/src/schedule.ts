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

/** A candidate's own window from the preference page: unset parts (null hours, no weekdays) are the program's. */
export interface CandidateWindow {
  sendWindowStart: number | null;
  sendWindowEnd: number | null;
  sendWeekdays: number[];
}

/** The window a candidate's mail lands in: their own where they chose one, the program's elsewhere. */
export function candidateWindow(program: ProgramWindow | null | undefined, candidate: CandidateWindow): SendWindow {
  const base = programWindow(program);
  // Start and end are chosen together on the preference page; one without the other is not a window.
  const own = candidate.sendWindowStart !== null && candidate.sendWindowEnd !== null;
  return {
    startHour: own ? (candidate.sendWindowStart ?? base.startHour) : base.startHour,
    endHour: own ? (candidate.sendWindowEnd ?? base.endHour) : base.endHour,
    weekdays: (candidate.sendWeekdays ?? []).length > 0 ? candidate.sendWeekdays : base.weekdays,
  };
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
