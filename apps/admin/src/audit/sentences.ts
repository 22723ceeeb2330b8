import { humanize } from "@/lib/utils";
import { hour, WEEKDAYS } from "@/settings/form";
import type { AuditEntry, AuditGroup } from "./queries";

/** The filter's names for the API's groups; a Record, so a group the API adds fails the typecheck here. */
export const AUDIT_GROUP_LABELS: Record<AuditGroup, string> = {
  imports: "Imports",
  keys: "API keys",
  settings: "Settings",
  members: "Team and roles",
  candidates: "Candidates",
  cohorts: "Cohorts",
};

/**
 * Who did it, for people: the API names admins ("Dana <dana@…>"), keys and imports; the actors
 * that are not people (a candidate's reply, the mail provider) get a plain description here.
 */
export function actorOf(e: Pick<AuditEntry, "actor" | "actorLabel">): string {
  const [kind, rest = ""] = splitOnce(e.actor, ":");
  if (e.actorLabel !== e.actor) return e.actorLabel;
  switch (kind) {
    case "api":
      return "The program API";
    case "reply":
      return "The candidate, by email";
    case "provider":
      return rest.includes("bounced") ? "The mail provider (bounce)" : "The mail provider (complaint)";
    case "signup":
      return "The candidate, on the signup page";
    case "candidate":
    case "preferences":
      return "The candidate, on their preference page";
    case "retention":
      return "Data retention";
    default:
      return e.actor === "unknown" ? "Unknown" : e.actorLabel;
  }
}

const SETTING_NAMES: Record<string, string> = {
  name: "program name",
  senderName: "sender name",
  fromEmail: "sending address",
  signature: "signature",
  replyFooter: "reply footer",
  sendWindowStart: "send window start",
  sendWindowEnd: "send window end",
  sendWeekdays: "send days",
  retentionMonths: "retention",
};

const obj = (v: unknown): Record<string, unknown> =>
  v && typeof v === "object" && !Array.isArray(v) ? (v as Record<string, unknown>) : {};
const str = (v: unknown) => (typeof v === "string" ? v : typeof v === "number" ? String(v) : "");
const count = (n: unknown, one: string, many = `${one}s`) => `${str(n) || "0"} ${Number(n) === 1 ? one : many}`;

/** A setting's value as the settings page shows it. */
function settingValue(key: string, v: unknown): string {
  if (v === null || v === undefined || v === "") return "none";
  if (key === "sendWindowStart" || key === "sendWindowEnd") return typeof v === "number" ? hour(v) : str(v);
  if (key === "sendWeekdays" && Array.isArray(v)) {
    return v.map((d) => WEEKDAYS.find(([n]) => n === d)?.[1] ?? String(d)).join(", ");
  }
  if (key === "retentionMonths") return `${str(v)} months`;
  const s = str(v) || JSON.stringify(v);
  return `"${s.length > 80 ? `${s.slice(0, 80)}…` : s}"`;
}

export interface Described {
  /** What happened, as a sentence that follows the actor's name. */
  sentence: string;
  /** Details worth a line each (a setting's old and new value, an import's counts). */
  details: string[];
  /** The sentence is about the actor's thing ("Dana's CSV import finished"), not something they did. */
  possessive?: boolean;
}

/** One human sentence per action, with its details; an action this page does not know yet reads from its name. */
export function describe(e: AuditEntry): Described {
  const d = obj(e.data);
  const none: string[] = [];
  switch (e.action) {
    case "api-key.created":
      return { sentence: `created the API key "${str(d.name)}" (${str(d.prefix)}…)`, details: none };
    case "api-key.revoked":
      return { sentence: `revoked the API key ${str(d.prefix)}…`, details: none };
    case "settings.updated": {
      const keys = Object.keys(d);
      return {
        sentence: `changed the ${list(keys.map((k) => SETTING_NAMES[k] ?? humanize(k)))}`,
        details: keys.map((k) => {
          const c = obj(d[k]);
          return `${cap(SETTING_NAMES[k] ?? k)}: ${settingValue(k, c.from)} → ${settingValue(k, c.to)}`;
        }),
      };
    }
    case "program.created":
      return { sentence: `created the program, with ${str(d.admin) || "its first admin"} as owner`, details: none };
    case "import.created":
      return {
        sentence: `started a CSV import of ${count(d.rows, "row")} into the cohort ${str(d.cohort)}`,
        details: d.filename ? [`File: ${str(d.filename)}`] : none,
      };
    case "import.completed":
      return {
        possessive: true,
        sentence: `CSV import finished: ${count(d.processed, "row")} read, ${str(d.created) || 0} new, ${str(d.updated) || 0} updated, ${str(d.skipped) || 0} skipped`,
        details: Number(d.errors) > 0 ? [`${count(d.errors, "row")} with errors (see the import's report)`] : none,
      };
    case "import.failed":
      return {
        possessive: true,
        sentence: `CSV import failed after ${count(d.processed, "row")}`,
        details: d.reason ? [str(d.reason)] : none,
      };
    case "candidate.erased":
      return { sentence: "erased a candidate's personal data (the counts stay)", details: none };
    case "candidate.paused":
      return { sentence: "paused a candidate's emails", details: none };
    case "candidate.resumed":
      return { sentence: "resumed a candidate's emails", details: none };
    case "candidate.unsubscribed":
      return { sentence: "unsubscribed a candidate", details: none };
    case "candidate.bounced":
      return { sentence: "stopped a candidate's emails after a bounce", details: none };
    case "candidate.complained":
      return { sentence: "stopped a candidate's emails after a spam complaint", details: none };
    case "candidate.offer":
      return { sentence: "recorded an offer for a candidate; their track stopped", details: none };
    case "reflection.deleted":
      return { sentence: "deleted a reflection", details: none };
    case "cohort.created":
    case "cohort.renamed":
    case "cohort.archived":
    case "cohort.restored":
      return { sentence: `${e.action.slice(7)} a cohort`, details: none };
    case "signup.declined":
      return { sentence: "declined a signup confirmation", details: none };
    default: {
      // Team changes and anything newer: the action's own words, and its data as it was written.
      const [noun = "", verb = ""] = splitOnce(e.action, ".");
      return {
        sentence: `${humanize(verb).toLowerCase()} (${humanize(noun).toLowerCase()})`,
        details: Object.entries(d).map(
          ([k, v]) => `${humanize(k)}: ${typeof v === "object" ? JSON.stringify(v) : str(v)}`,
        ),
      };
    }
  }
}

function splitOnce(s: string, sep: string): [string, string] {
  const i = s.indexOf(sep);
  return i < 0 ? [s, ""] : [s.slice(0, i), s.slice(i + 1)];
}
const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
const list = (xs: string[]) =>
  xs.length <= 1 ? (xs[0] ?? "settings") : `${xs.slice(0, -1).join(", ")} and ${xs[xs.length - 1]}`;
