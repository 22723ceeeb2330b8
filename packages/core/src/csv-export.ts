import type { Db } from "@rebound/db";
import { STEP_KEYS, slugSchema, stepAt, type Outcome } from "@rebound/domain";
import { stringify } from "csv-stringify/sync";
import { notFound } from "./errors.js";
import { getImport } from "./imports/imports.js";

/**
 * A spreadsheet runs a cell that starts with = + - @ (or a tab or CR before them) as a formula;
 * names and companies come from outside, so such a cell is prefixed with an apostrophe (OWASP's
 * advice against CSV injection). Numbers are written as numbers.
 */
export function safeCell(value: unknown): string | number {
  if (value === null || value === undefined) return "";
  if (typeof value === "number") return value;
  const s = String(value);
  return /^[=+\-@\t\r]/.test(s) ? `'${s}` : s;
}

/** CSV with a header row, CRLF line ends (RFC 4180) and a BOM, so Excel reads it as UTF-8. */
export function toCsv(header: readonly string[], rows: readonly (readonly unknown[])[]): string {
  const body = stringify([header as string[], ...rows.map((r) => r.map(safeCell))], { record_delimiter: "windows" });
  return `\uFEFF${body}`;
}

/** An import's per-row report: every row that was not enrolled, with its number, address, code and reason. */
export async function importErrorsCsv(db: Db, programId: string, importId: string): Promise<string> {
  const imp = await getImport(db, programId, importId);
  return toCsv(
    ["row", "email", "code", "message"],
    imp.errors.map((e) => [e.row, e.email, e.code, e.message]),
  );
}

async function cohortOf(db: Db, programId: string, slug: string) {
  if (!slugSchema.safeParse(slug).success) throw notFound("cohort");
  const cohort = await db.cohort.findUnique({ where: { programId_slug: { programId, slug } } });
  if (!cohort) throw notFound("cohort");
  return cohort;
}

export const CANDIDATE_CSV_COLUMNS = [
  "candidate_id",
  "email",
  "name",
  "status",
  "company",
  "role",
  "outcome",
  "track",
  "track_status",
  "current_step",
  "next_step",
  "next_due_at",
  "emails_sent",
  "replies",
  "last_reply_at",
  "themes",
  "enrolled_at",
] as const;

interface CandidateCsvRow {
  id: string;
  email: string | null;
  name: string | null;
  status: string;
  company: string | null;
  role: string | null;
  outcome: string | null;
  offer: boolean | null;
  track: string | null;
  trackStatus: string | null;
  nextStep: number | null;
  nextDueAt: Date | null;
  lastStep: string | null;
  sent: bigint | number;
  replies: bigint | number;
  lastReplyAt: Date | null;
  themes: string[] | null;
  createdAt: Date;
}

/**
 * Every candidate of a cohort, one row each: status, the latest interview's outcome (offer once
 * one is known), the track and the step it is at (the last step sent, and the next one due),
 * replies and their themes. Erased candidates stay as rows without personal data, as in the stats.
 */
export async function candidatesCsv(db: Db, programId: string, cohortSlug: string): Promise<string> {
  const cohort = await cohortOf(db, programId, cohortSlug);
  // One query with lateral joins: a cohort of 10,000 costs one round trip, not 40,000.
  const rows = await db.$queryRaw<CandidateCsvRow[]>`
    SELECT c.id, c.email, c.name, c.status::text AS status, c."createdAt",
      i.company, i.role, i.outcome::text AS outcome, i."offerAt" IS NOT NULL AS offer,
      e.track::text AS track, e.status::text AS "trackStatus", e."nextStep", e."nextDueAt",
      last.step AS "lastStep", COALESCE(sent.n, 0) AS sent,
      COALESCE(r.n, 0) AS replies, r.last AS "lastReplyAt", r.themes
    FROM "Candidate" c
    LEFT JOIN LATERAL (
      SELECT company, role, outcome, "offerAt" FROM "Interview" WHERE "candidateId" = c.id
      ORDER BY "createdAt" DESC LIMIT 1) i ON true
    LEFT JOIN LATERAL (
      SELECT id, track, status, "nextStep", "nextDueAt" FROM "Enrollment" WHERE "candidateId" = c.id
      ORDER BY "enrolledAt" DESC LIMIT 1) e ON true
    LEFT JOIN LATERAL (
      SELECT step FROM "Message" WHERE "enrollmentId" = e.id AND kind = 'drip' AND "sentAt" IS NOT NULL
      ORDER BY "sentAt" DESC LIMIT 1) last ON true
    LEFT JOIN LATERAL (
      SELECT count(*) AS n FROM "Message" WHERE "candidateId" = c.id AND kind = 'drip' AND "sentAt" IS NOT NULL) sent ON true
    LEFT JOIN LATERAL (
      SELECT count(*) AS n, max("receivedAt") AS last,
        (SELECT array_agg(DISTINCT t ORDER BY t) FROM "Reflection" r2, unnest(r2.themes) t WHERE r2."candidateId" = c.id) AS themes
      FROM "Reflection" WHERE "candidateId" = c.id) r ON true
    WHERE c."cohortId" = ${cohort.id}::uuid
    ORDER BY c."createdAt", c.id`;
  const live = (s: string | null) => s === "active" || s === "paused";
  return toCsv(
    CANDIDATE_CSV_COLUMNS,
    rows.map((r) => {
      const next =
        r.track && live(r.trackStatus) && r.nextStep !== null ? stepAt(r.track as Outcome, r.nextStep) : undefined;
      return [
        r.id,
        r.email,
        r.name,
        r.status,
        r.company,
        r.role,
        r.offer ? "offer" : r.outcome,
        r.track,
        r.trackStatus,
        r.lastStep,
        next?.key ?? "",
        next && r.nextDueAt ? r.nextDueAt.toISOString() : "",
        Number(r.sent),
        Number(r.replies),
        r.lastReplyAt?.toISOString() ?? "",
        (r.themes ?? []).join(";"),
        r.createdAt.toISOString(),
      ];
    }),
  );
}

export interface CohortStatsLike {
  enrolled: number;
  funnel: { step: string; sent: number; delivered: number; replied: number; replyRate: number }[];
  replyRate: number;
  themes: Record<string, number>;
  outcomes: Record<string, number>;
  medianDaysToOffer: number | null;
}

/**
 * A cohort's stats as one tidy table (metric, step or key, value), which pivots in any
 * spreadsheet: the funnel per step in track order, the reply rate, themes, outcomes.
 */
export function cohortStatsCsv(stats: CohortStatsLike): string {
  const rows: (string | number | null)[][] = [["enrolled", "", stats.enrolled]];
  const order = (s: string) => {
    const i = (STEP_KEYS as readonly string[]).indexOf(s);
    return i < 0 ? STEP_KEYS.length : i;
  };
  for (const f of [...stats.funnel].sort((a, b) => order(a.step) - order(b.step))) {
    rows.push(["sent", f.step, f.sent], ["delivered", f.step, f.delivered], ["replied", f.step, f.replied]);
    rows.push(["reply_rate", f.step, f.replyRate]);
  }
  rows.push(["reply_rate", "all", stats.replyRate]);
  for (const [theme, n] of Object.entries(stats.themes).sort((a, b) => b[1] - a[1])) rows.push(["theme", theme, n]);
  for (const [outcome, n] of Object.entries(stats.outcomes).sort()) rows.push(["outcome", outcome, n]);
  rows.push(["median_days_to_offer", "", stats.medianDaysToOffer ?? ""]);
  return toCsv(["metric", "key", "value"], rows);
}

/** The cohort a CSV export names, or 404 (another program's slug included). */
export async function exportCohort(db: Db, programId: string, slug: string) {
  return cohortOf(db, programId, slug);
}
