/**
 * Send windows: a step that falls due outside the candidate's local window
 * (default 09:00-18:00, Monday-Friday) moves to the next opening. All
 * arithmetic goes through Intl so DST changes in any zone are respected.
 */
export interface SendWindow {
  startHour: number;
  endHour: number;
  /** ISO weekdays, 1 = Monday ... 7 = Sunday. */
  weekdays: readonly number[];
}

export const DEFAULT_SEND_WINDOW: SendWindow = { startHour: 9, endHour: 18, weekdays: [1, 2, 3, 4, 5] };

/** Zones already checked: building a DateTimeFormat costs more than the rest of validating an API request. */
const knownZones = new Map<string, boolean>();

export function isValidTimeZone(tz: string): boolean {
  if (!tz || tz.length > 64) return false;
  const known = knownZones.get(tz);
  if (known !== undefined) return known;
  let valid: boolean;
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: tz });
    valid = true;
  } catch {
    valid = false;
  }
  // Bounded: arbitrary strings from requests must not grow it without end.
  if (knownZones.size < 2000) knownZones.set(tz, valid);
  return valid;
}

interface LocalParts {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  weekday: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(tz: string): Intl.DateTimeFormat {
  let f = formatters.get(tz);
  if (!f) {
    f = new Intl.DateTimeFormat("en-US", {
      timeZone: tz,
      hourCycle: "h23",
      year: "numeric",
      month: "numeric",
      day: "numeric",
      hour: "numeric",
      minute: "numeric",
      second: "numeric",
      weekday: "short",
    });
    formatters.set(tz, f);
  }
  return f;
}

const WEEKDAYS: Record<string, number> = { Mon: 1, Tue: 2, Wed: 3, Thu: 4, Fri: 5, Sat: 6, Sun: 7 };

export function localParts(instant: Date, tz: string): LocalParts {
  const parts = Object.fromEntries(
    formatter(tz)
      .formatToParts(instant)
      .map((p) => [p.type, p.value]),
  );
  return {
    year: Number(parts.year),
    month: Number(parts.month),
    day: Number(parts.day),
    hour: Number(parts.hour),
    minute: Number(parts.minute),
    second: Number(parts.second),
    weekday: WEEKDAYS[parts.weekday ?? ""] ?? 0,
  };
}

/** The zone's offset from UTC (ms) at an instant. */
function offsetAt(instant: Date, tz: string): number {
  const p = localParts(instant, tz);
  const asUtc = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
  return asUtc - Math.floor(instant.getTime() / 1000) * 1000;
}

/**
 * The instant at which the wall clock in `tz` shows the given local time. A
 * time skipped by a spring-forward change resolves to the first valid instant
 * after it; an ambiguous fall-back time resolves to its first occurrence.
 */
export function zonedTime(tz: string, year: number, month: number, day: number, hour: number, minute = 0): Date {
  const wall = Date.UTC(year, month - 1, day, hour, minute);
  const candidates = [offsetAt(new Date(wall - 14 * 3600_000), tz), offsetAt(new Date(wall + 14 * 3600_000), tz)];
  const matches = candidates
    .map((off) => wall - off)
    .filter((t) => {
      const p = localParts(new Date(t), tz);
      return p.hour === hour && p.minute === minute && p.day === day;
    })
    .sort((a, b) => a - b);
  if (matches[0] !== undefined) return new Date(matches[0]);
  // Skipped by DST: take the later offset, which lands just after the gap.
  return new Date(wall - Math.min(...candidates));
}

/** Moves `due` forward to the first instant inside the window; unchanged if already inside. */
export function nextInWindow(due: Date, tz: string, window: SendWindow = DEFAULT_SEND_WINDOW): Date {
  if (window.weekdays.length === 0) throw new Error("send window has no weekdays");
  if (!(window.startHour >= 0 && window.endHour <= 24 && window.startHour < window.endHour)) {
    throw new Error("send window hours are invalid");
  }
  const p = localParts(due, tz);
  if (window.weekdays.includes(p.weekday) && p.hour >= window.startHour && p.hour < window.endHour) return due;
  // Walk local calendar days (at most 8) to the next allowed day's opening.
  const startToday = p.hour < window.startHour ? 0 : 1;
  for (let i = startToday; i <= 8; i++) {
    const d = new Date(Date.UTC(p.year, p.month - 1, p.day + i));
    const weekday = ((d.getUTCDay() + 6) % 7) + 1;
    if (!window.weekdays.includes(weekday)) continue;
    const opening = zonedTime(tz, d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate(), window.startHour);
    if (opening.getTime() >= due.getTime()) return opening;
  }
  throw new Error("no send window opening found within 8 days");
}

const DAY_MS = 86_400_000;

/**
 * When a step is due: `delayDays` after enrolment, compressed by `speedup`,
 * then placed in the send window. A speedup above 1 is a demo/test mode where
 * time is compressed and windows are ignored.
 */
export function stepDueAt(
  enrolledAt: Date,
  delayDays: number,
  opts: { timezone: string; speedup: number; window?: SendWindow },
): Date {
  const due = new Date(enrolledAt.getTime() + (delayDays * DAY_MS) / opts.speedup);
  if (opts.speedup > 1) return due;
  return nextInWindow(due, opts.timezone, opts.window ?? DEFAULT_SEND_WINDOW);
}
