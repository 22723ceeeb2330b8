import type { Db } from "@rebound/db";

const n = (v: bigint | number | null | undefined) => Number(v ?? 0);
const ratio = (a: number, b: number) => (b === 0 ? 0 : Math.round((a / b) * 1000) / 1000);

/** Cohort statistics straight from PostgreSQL; erased candidates still count. */
export async function cohortStats(db: Db, cohortId: string, stepOrder: readonly string[]) {
  const [enrolled] = await db.$queryRaw<
    { count: bigint }[]
  >`SELECT count(*) FROM "Candidate" WHERE "cohortId" = ${cohortId}::uuid`;
  const funnelRows = await db.$queryRaw<{ step: string; sent: bigint; delivered: bigint; replied: bigint }[]>`
    SELECT m.step,
      count(*) FILTER (WHERE m."sentAt" IS NOT NULL) AS sent,
      count(*) FILTER (WHERE m."deliveredAt" IS NOT NULL) AS delivered,
      count(*) FILTER (WHERE EXISTS (SELECT 1 FROM "Reflection" r WHERE r."messageId" = m.id)) AS replied
    FROM "Message" m JOIN "Candidate" c ON c.id = m."candidateId"
    WHERE c."cohortId" = ${cohortId}::uuid AND m.kind = 'drip'
    GROUP BY m.step`;
  const themeRows = await db.$queryRaw<{ theme: string; count: bigint }[]>`
    SELECT t AS theme, count(*) FROM "Reflection" r JOIN "Candidate" c ON c.id = r."candidateId", unnest(r.themes) t
    WHERE c."cohortId" = ${cohortId}::uuid GROUP BY t`;
  const outcomeRows = await db.$queryRaw<{ outcome: string; count: bigint }[]>`
    SELECT CASE WHEN i."offerAt" IS NOT NULL THEN 'offer' ELSE i.outcome::text END AS outcome, count(*)
    FROM "Interview" i JOIN "Candidate" c ON c.id = i."candidateId"
    WHERE c."cohortId" = ${cohortId}::uuid GROUP BY 1`;
  const [median] = await db.$queryRaw<{ median: number | null }[]>`
    SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY days) AS median FROM (
      SELECT EXTRACT(EPOCH FROM (min(i."offerAt") - min(i."createdAt"))) / 86400 AS days
      FROM "Interview" i JOIN "Candidate" c ON c.id = i."candidateId"
      WHERE c."cohortId" = ${cohortId}::uuid GROUP BY c.id HAVING min(i."offerAt") IS NOT NULL) x`;

  const order = (s: string) => {
    const i = stepOrder.indexOf(s);
    return i < 0 ? stepOrder.length : i;
  };
  const funnel = funnelRows
    .map((r) => ({
      step: r.step,
      sent: n(r.sent),
      delivered: n(r.delivered),
      replied: n(r.replied),
      replyRate: ratio(n(r.replied), n(r.sent)),
    }))
    .sort((a, b) => order(a.step) - order(b.step));
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
