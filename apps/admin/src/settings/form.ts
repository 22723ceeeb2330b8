import { ApiError } from "@/lib/api";
import type { Settings, SettingsPatch } from "./queries";

/** The settings form as typed: text stays text until it is sent. */
export interface SettingsForm {
  name: string;
  senderName: string;
  fromEmail: string;
  signature: string;
  replyFooter: string;
  sendWindowStart: number;
  sendWindowEnd: number;
  sendWeekdays: number[];
  retentionMonths: string;
}
export type Field = keyof SettingsForm;

export const formOf = (s: Settings): SettingsForm => ({
  name: s.name,
  senderName: s.senderName ?? "",
  fromEmail: s.fromEmail ?? "",
  signature: s.signature ?? "",
  replyFooter: s.replyFooter ?? "",
  sendWindowStart: s.sendWindowStart,
  sendWindowEnd: s.sendWindowEnd,
  sendWeekdays: s.sendWeekdays,
  retentionMonths: s.retentionMonths === null ? "" : String(s.retentionMonths),
});

/** The form as the API takes it: empty optional fields clear (null). */
function patchOf(f: SettingsForm): Required<SettingsPatch> {
  const months = f.retentionMonths.trim();
  return {
    name: f.name.trim(),
    senderName: f.senderName.trim() || null,
    fromEmail: f.fromEmail.trim() || null,
    signature: f.signature.trim() || null,
    replyFooter: f.replyFooter.trim() || null,
    sendWindowStart: f.sendWindowStart,
    sendWindowEnd: f.sendWindowEnd,
    sendWeekdays: [...f.sendWeekdays].sort((a, b) => a - b),
    // Not a number is left for the API to refuse by name (JSON would turn NaN into null, "keep forever").
    retentionMonths: months === "" ? null : Number.isFinite(Number(months)) ? Number(months) : -1,
  };
}

/**
 * Only what changed since the saved settings: a save or preview never re-sends a field the
 * person did not touch (an address whose domain the operator has since unverified, say).
 */
export function changesOf(saved: SettingsForm, now: SettingsForm): SettingsPatch {
  const a = patchOf(saved);
  const b = patchOf(now);
  const out: Record<string, unknown> = {};
  for (const k of Object.keys(b) as (keyof typeof b)[]) {
    if (JSON.stringify(a[k]) !== JSON.stringify(b[k])) out[k] = b[k];
  }
  return out as SettingsPatch;
}

/**
 * The API's refusal, put next to the field it is about. Validation errors name their fields
 * ("senderName: must be one line…; signature: …"); the two whole-settings rules have codes.
 */
export function errorsOf(error: unknown): { fields: Partial<Record<Field, string>>; other: string | null } {
  if (!(error instanceof ApiError)) return { fields: {}, other: error ? "Something went wrong; try again." : null };
  if (error.code === "invalid_send_window") return { fields: { sendWindowEnd: error.message }, other: null };
  if (error.code === "sender_domain_not_verified") return { fields: { fromEmail: error.message }, other: null };
  if (error.code !== "invalid_body") return { fields: {}, other: error.message };
  const fields: Partial<Record<Field, string>> = {};
  const rest: string[] = [];
  for (const part of error.message.split("; ")) {
    const m = /^([A-Za-z]+)(?:\.\d+)?: (.*)$/.exec(part);
    const field = m?.[1] as Field | undefined;
    if (m && field && field in EMPTY) fields[field] = fields[field] ?? m[2];
    else rest.push(part);
  }
  return { fields, other: rest.length ? rest.join("; ") : null };
}
const EMPTY: Record<Field, true> = {
  name: true,
  senderName: true,
  fromEmail: true,
  signature: true,
  replyFooter: true,
  sendWindowStart: true,
  sendWindowEnd: true,
  sendWeekdays: true,
  retentionMonths: true,
};

export const WEEKDAYS = [
  [1, "Mon", "Monday"],
  [2, "Tue", "Tuesday"],
  [3, "Wed", "Wednesday"],
  [4, "Thu", "Thursday"],
  [5, "Fri", "Friday"],
  [6, "Sat", "Saturday"],
  [7, "Sun", "Sunday"],
] as const;

export const hour = (h: number) => `${String(h).padStart(2, "0")}:00`;
