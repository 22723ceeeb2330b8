import type { Db } from "@rebound/db";
import { STEP_KEYS } from "@rebound/domain";

const n = (v: bigint | number | null | undefined) => Number(v ?? 0);
const ratio = (a: number, b: number) => (b === 0 ? 0 : Math.round((a / b) * 1000) / 1000);
const DAY_MS = 86_400_000;

export interface StepFunnel {
  step: string;
  sent: number;
  delivered: number;
  replied: number;
  replyRate: number;
}

/** `GET /v1/cohorts/{slug}/stats`: the contract's shape. Erased candidates still count. */
export interface CohortStats {
  enrolled: number;
  funnel: StepFunnel[];
  replyRate: number;
  themes: Record<string, number>;
  outcomes: Record<string, number>;
  medianDaysToOffer: number | null;
}

const stepRank = (stepOrder: readonly string[]) => (s: string) => {
  const i = stepOrder.indexOf(s);
  return i < 0 ? stepOrder.length : i;
};

/**
 * Cohort statistics straight from PostgreSQL, one query per figure (run together). Every query
 * starts from the cohort's candidates (index on Candidate.cohortId). Replies per step are counted
 * from the reflections alone (each keeps its email's step), in parallel with the sends: one query
 * joining the two took 187 ms on a 10,000-candidate cohort, the two apart 79 and ~40 ms.
 */
export async function cohortStats(
  db: Db,
  cohortId: string,
  stepOrder: readonly string[] = STEP_KEYS,
): Promise<CohortStats> {
  const [[enrolled], sentRows, repliedRows, themeRows, outcomeRows, [median]] = await Promise.all([
    db.$queryRaw<{ count: bigint }[]>`SELECT count(*) FROM "Candidate" WHERE "cohortId" = ${cohortId}::uuid`,
    db.$queryRaw<{ step: string; sent: bigint; delivered: bigint }[]>`
      SELECT m.step,
        count(*) FILTER (WHERE m."sentAt" IS NOT NULL) AS sent,
        count(*) FILTER (WHERE m."deliveredAt" IS NOT NULL) AS delivered
      FROM "Message" m JOIN "Candidate" c ON c.id = m."candidateId"
      WHERE c."cohortId" = ${cohortId}::uuid AND m.kind = 'drip'
      GROUP BY m.step`,
    // A reflection carries the step of the email it answers: no join back to the messages.
    db.$queryRaw<{ step: string; replied: bigint }[]>`
      SELECT r.step, count(DISTINCT r."messageId") AS replied
      FROM "Reflection" r JOIN "Candidate" c ON c.id = r."candidateId"
      WHERE c."cohortId" = ${cohortId}::uuid AND r."messageId" IS NOT NULL AND r.step = ANY(${[...stepOrder]}::text[])
      GROUP BY r.step`,
    db.$queryRaw<{ theme: string; count: bigint }[]>`
      SELECT t AS theme, count(*) FROM "Reflection" r JOIN "Candidate" c ON c.id = r."candidateId", unnest(r.themes) t
      WHERE c."cohortId" = ${cohortId}::uuid GROUP BY t`,
    db.$queryRaw<{ outcome: string; count: bigint }[]>`
      SELECT CASE WHEN i."offerAt" IS NOT NULL THEN 'offer' ELSE i.outcome::text END AS outcome, count(*)
      FROM "Interview" i JOIN "Candidate" c ON c.id = i."candidateId"
      WHERE c."cohortId" = ${cohortId}::uuid GROUP BY 1`,
    db.$queryRaw<{ median: number | null }[]>`
      SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY days) AS median FROM (
        SELECT EXTRACT(EPOCH FROM (min(i."offerAt") - min(i."createdAt"))) / 86400 AS days
        FROM "Interview" i JOIN "Candidate" c ON c.id = i."candidateId"
        WHERE c."cohortId" = ${cohortId}::uuid GROUP BY c.id HAVING min(i."offerAt") IS NOT NULL) x`,
  ]);
  const rank = stepRank(stepOrder);
  const replied = new Map(repliedRows.map((r) => [r.step, n(r.replied)]));
  const funnel = sentRows
    .map((r) => ({
      step: r.step,
      sent: n(r.sent),
      delivered: n(r.delivered),
      replied: replied.get(r.step) ?? 0,
      replyRate: ratio(replied.get(r.step) ?? 0, n(r.sent)),
    }))
    .sort((a, b) => rank(a.step) - rank(b.step));
  const totalSent = funnel.reduce((s, f) => s + f.sent, 0);
  const totalReplied = funnel.reduce((s, f) => s + f.replied, 0);
  return {
    enrolled: n(enrolled?.count),
    funnel,
    replyRate: ratio(totalReplied, totalSent),
    themes: Object.fromEntries(themeRows.map((r) => [r.theme, n(r.count)])),
    outcomes: Object.fromEntries(outcomeRows.map((r) => [r.outcome, n(r.count)])),
    medianDaysToOffer: median?.median == null ? null : Math.round(Number(median.median) * 10) / 10,
  };
}

export type AttentionReason = "distress" | "bounced" | "complained" | "no-reply";

export interface AttentionItem {
  candidateId: string;
  name: string | null;
  email: string | null;
  reason: AttentionReason;
  /** When it happened: the reflection, the bounce, or the last email without an answer. */
  at: string;
  /** For distress: the sentence(s) of the reflection that raised it. */
  evidence: string[];
}

/** The coach's view of a cohort: the contract's stats plus the funnel by candidate, time series and who needs attention. */
export interface CohortDashboard extends CohortStats {
  /** Candidates at each stage: enrolled → each step sent → delivered → replied → offer. */
  stages: { key: string; label: string; count: number }[];
  /** Share of candidates whose latest interview outcome is known (rejected, withdrawn or offer). */
  knowledgeRate: number;
  /** Interviews per week (of when they were recorded), by outcome; an interview with an offer counts as offer. */
  outcomesOverTime: { week: string; outcomes: Record<string, number> }[];
  needsAttention: AttentionItem[];
  /** Candidates by status (active, paused, unsubscribed, ...). */
  statuses: Record<string, number>;
}

const ATTENTION_LIMIT = 50;

/**
 * The dashboard: `cohortStats` and the figures a coach acts on. "No reply for a week" is an
 * active candidate first emailed at least a week ago (a track week, shortened by DRIP_SPEEDUP)
 * with no reflection in the last week. Distress comes first, with the sentences that raised it.
 */
export async function cohortDashboard(
  db: Db,
  cohortId: string,
  opts: { now: Date; speedup?: number; stepOrder?: readonly string[] },
): Promise<CohortDashboard> {
  const weekAgo = new Date(opts.now.getTime() - (7 * DAY_MS) / (opts.speedup ?? 1));
  const [stats, [people], statusRows, [known], weekly, attention] = await Promise.all([
    cohortStats(db, cohortId, opts.stepOrder),
    db.$queryRaw<{ delivered: bigint; replied: bigint; offers: bigint }[]>`
      WITH cands AS (SELECT id FROM "Candidate" WHERE "cohortId" = ${cohortId}::uuid)
      SELECT
        (SELECT count(DISTINCT m."candidateId") FROM "Message" m JOIN cands c ON c.id = m."candidateId"
          WHERE m.kind = 'drip' AND m."deliveredAt" IS NOT NULL) AS delivered,
        (SELECT count(DISTINCT r."candidateId") FROM "Reflection" r JOIN cands c ON c.id = r."candidateId") AS replied,
        (SELECT count(DISTINCT i."candidateId") FROM "Interview" i JOIN cands c ON c.id = i."candidateId"
          WHERE i."offerAt" IS NOT NULL OR i.outcome = 'offer') AS offers`,
    db.$queryRaw<{ status: string; count: bigint }[]>`
      SELECT status::text AS status, count(*) FROM "Candidate" WHERE "cohortId" = ${cohortId}::uuid GROUP BY 1`,
    db.$queryRaw<{ known: bigint; total: bigint }[]>`
      SELECT count(*) FILTER (WHERE latest.outcome IN ('rejected', 'withdrawn', 'offer') OR latest."offerAt" IS NOT NULL) AS known,
             count(*) AS total
      FROM (SELECT DISTINCT ON (i."candidateId") i.outcome::text AS outcome, i."offerAt"
            FROM "Interview" i JOIN "Candidate" c ON c.id = i."candidateId"
            WHERE c."cohortId" = ${cohortId}::uuid ORDER BY i."candidateId", i."createdAt" DESC) latest`,
    db.$queryRaw<{ week: Date; outcome: string; count: bigint }[]>`
      SELECT date_trunc('week', i."createdAt") AS week,
             CASE WHEN i."offerAt" IS NOT NULL THEN 'offer' ELSE i.outcome::text END AS outcome, count(*)
      FROM "Interview" i JOIN "Candidate" c ON c.id = i."candidateId"
      WHERE c."cohortId" = ${cohortId}::uuid GROUP BY 1, 2 ORDER BY 1`,
    db.$queryRaw<
      {
        candidateId: string;
        name: string | null;
        email: string | null;
        reason: AttentionReason;
        at: Date;
        evidence: string[] | null;
        text: string | null;
      }[]
    >`
      WITH cands AS (SELECT id, name, email, status FROM "Candidate" WHERE "cohortId" = ${cohortId}::uuid AND status <> 'erased'),
      distress AS (
        SELECT DISTINCT ON (r."candidateId") r."candidateId", 'distress' AS reason, r."receivedAt" AS at,
               ARRAY(SELECT jsonb_array_elements_text(COALESCE(r.analysis->'distressEvidence', '[]'::jsonb))) AS evidence,
               r.text
        FROM "Reflection" r JOIN cands c ON c.id = r."candidateId"
        WHERE r.distress ORDER BY r."candidateId", r."receivedAt" DESC),
      stopped AS (
        SELECT c.id AS "candidateId", c.status::text AS reason,
               COALESCE((SELECT max(COALESCE(m."bouncedAt", m."complainedAt")) FROM "Message" m WHERE m."candidateId" = c.id), ${opts.now}) AS at,
               NULL::text[] AS evidence, NULL::text AS text
        FROM cands c WHERE c.status IN ('bounced', 'complained')),
      silent AS (
        SELECT c.id AS "candidateId", 'no-reply' AS reason, max(m."sentAt") AS at, NULL::text[] AS evidence, NULL::text AS text
        FROM cands c JOIN "Message" m ON m."candidateId" = c.id AND m.kind = 'drip' AND m."sentAt" IS NOT NULL
        WHERE c.status = 'active'
          AND EXISTS (SELECT 1 FROM "Enrollment" e WHERE e."candidateId" = c.id AND e.status = 'active')
          AND NOT EXISTS (SELECT 1 FROM "Reflection" r WHERE r."candidateId" = c.id AND r."receivedAt" > ${weekAgo})
        GROUP BY c.id HAVING min(m."sentAt") <= ${weekAgo}),
      ranked AS (
        SELECT DISTINCT ON (a."candidateId") a.*,
               CASE a.reason WHEN 'distress' THEN 0 WHEN 'no-reply' THEN 2 ELSE 1 END AS rank
        FROM (SELECT * FROM distress UNION ALL SELECT * FROM stopped UNION ALL SELECT * FROM silent) a
        ORDER BY a."candidateId", rank)
      SELECT a."candidateId", c.name, c.email, a.reason, a.at, a.evidence, a.text
      FROM ranked a JOIN cands c ON c.id = a."candidateId"
      ORDER BY a.rank, a.at DESC
      LIMIT ${ATTENTION_LIMIT}`,
  ]);
  const sentByStep = stats.funnel.map((f) => ({ key: `sent:${f.step}`, label: `${f.step} sent`, count: f.sent }));
  const byWeek = new Map<string, Record<string, number>>();
  for (const row of weekly) {
    const week = row.week.toISOString().slice(0, 10);
    const bucket = byWeek.get(week) ?? {};
    bucket[row.outcome] = n(row.count);
    byWeek.set(week, bucket);
  }
  return {
    ...stats,
    stages: [
      { key: "enrolled", label: "Enrolled", count: stats.enrolled },
      ...sentByStep,
      { key: "delivered", label: "Delivered", count: n(people?.delivered) },
      { key: "replied", label: "Replied", count: n(people?.replied) },
      { key: "offer", label: "Offer", count: n(people?.offers) },
    ],
    knowledgeRate: ratio(n(known?.known), n(known?.total)),
    outcomesOverTime: [...byWeek].map(([week, outcomes]) => ({ week, outcomes })),
    statuses: Object.fromEntries(statusRows.map((r) => [r.status, n(r.count)])),
    needsAttention: attention.map((a) => ({
      candidateId: a.candidateId,
      name: a.name,
      email: a.email,
      reason: a.reason,
      at: a.at.toISOString(),
      evidence: evidenceSentences(a.text, a.evidence ?? []),
    })),
  };
}

/**
 * The whole sentences of a reflection that hold the analyser's distress phrases, so the coach
 * reads what the person wrote, not a fragment. A phrase not found as such is shown as it is.
 */
export function evidenceSentences(text: string | null, phrases: readonly string[]): string[] {
  if (!text) return [...phrases];
  const sentences = text
    .split(/(?<=[.!?])\s+|\n+/)
    .map((x) => x.trim())
    .filter(Boolean);
  const out: string[] = [];
  for (const phrase of phrases) {
    const needle = phrase.toLowerCase().replace(/[“”"]/g, "");
    const hit = sentences.find((x) => x.toLowerCase().includes(needle)) ?? phrase;
    if (!out.includes(hit)) out.push(hit);
  }
  return out;
}
