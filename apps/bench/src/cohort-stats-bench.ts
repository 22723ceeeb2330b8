import { cohortDashboard, cohortStats } from "@rebound/core";
import type { Db } from "@rebound/db";
import { createTestEnv, createTestProgram } from "@rebound/testkit";
import { fmt, percentile } from "./stats.js";

const STEPS = ["process", "feedback", "analyse", "keep-applying"];
const THEMES = ["preparation", "communication", "structure", "nonverbal", "skills-gap", "mindset"];

/**
 * A cohort of `candidates` people, four drip messages each and two reflections for every
 * candidate (10,000 / 40,000 / 20,000 by default), written by SQL in a few statements. Delivery,
 * bounces, distress and offers are spread over it so every branch of the queries has rows.
 */
async function seedCohort(db: Db, programId: string, slug: string, candidates: number): Promise<string> {
  const cohort = await db.cohort.create({ data: { programId, slug, name: slug } });
  await db.$executeRaw`
    INSERT INTO "Candidate" (id, "programId", "cohortId", email, name, status, "createdAt", "updatedAt")
    SELECT gen_random_uuid(), ${programId}::uuid, ${cohort.id}::uuid, ${slug} || '-' || i || '@bench.test', 'Candidate ' || i,
      (CASE WHEN i % 97 = 0 THEN 'bounced' WHEN i % 41 = 0 THEN 'paused' ELSE 'active' END)::"CandidateStatus",
      now() - (i % 60) * interval '1 day', now()
    FROM generate_series(1, ${candidates}) i`;
  await db.$executeRaw`
    INSERT INTO "Interview" (id, "programId", "candidateId", company, outcome, "offerAt", "createdAt")
    SELECT gen_random_uuid(), c."programId", c.id, 'Acme',
      (CASE WHEN row_number() OVER () % 7 = 0 THEN 'pending' ELSE 'rejected' END)::"Outcome",
      CASE WHEN row_number() OVER () % 20 = 0 THEN c."createdAt" + interval '12 days' END, c."createdAt"
    FROM "Candidate" c WHERE c."cohortId" = ${cohort.id}::uuid`;
  await db.$executeRaw`
    INSERT INTO "Message" (id, "programId", "candidateId", "interviewId", kind, step, status, "idempotencyKey",
                           "sentAt", "deliveredAt", "bouncedAt", "dueAt", "createdAt")
    SELECT gen_random_uuid(), c."programId", c.id, i.id, 'drip', s.step,
      (CASE WHEN c.status = 'bounced' THEN 'bounced' ELSE 'delivered' END)::"MessageStatus",
      'bench-' || c.id || '-' || s.step,
      c."createdAt" + s.n * interval '2 days', c."createdAt" + s.n * interval '2 days' + interval '1 minute',
      CASE WHEN c.status = 'bounced' THEN c."createdAt" + s.n * interval '2 days' END,
      c."createdAt" + s.n * interval '2 days', c."createdAt"
    FROM "Candidate" c JOIN "Interview" i ON i."candidateId" = c.id,
      unnest(${STEPS}::text[]) WITH ORDINALITY AS s(step, n)
    WHERE c."cohortId" = ${cohort.id}::uuid`;
  await db.$executeRaw`
    INSERT INTO "Reflection" (id, "programId", "candidateId", "interviewId", "messageId", step, prompt, text, themes,
                              analysis, distress, "sourceKey", "receivedAt")
    SELECT gen_random_uuid(), m."programId", m."candidateId", m."interviewId", m.id, m.step, 'Prompt', 'A reply',
      ARRAY[(${THEMES}::text[])[1 + (abs(hashtext(m.id::text)) % 6)], (${THEMES}::text[])[1 + (abs(hashtext(m."candidateId"::text)) % 6)]],
      CASE WHEN abs(hashtext(m.id::text)) % 100 = 0 THEN '{"distressEvidence": ["I feel hopeless."]}'::jsonb ELSE '{}'::jsonb END,
      abs(hashtext(m.id::text)) % 100 = 0, 'bench:' || m.id, m."sentAt" + interval '3 hours'
    FROM "Message" m JOIN "Candidate" c ON c.id = m."candidateId"
    WHERE c."cohortId" = ${cohort.id}::uuid AND m.step IN ('process', 'analyse')`;
  await db.$executeRaw`ANALYZE`;
  return cohort.id;
}

async function time(runs: number, fn: () => Promise<unknown>): Promise<{ median: number; p95: number }> {
  await fn(); // warm: plans cached, pages in memory
  const ms: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await fn();
    ms.push(performance.now() - start);
  }
  ms.sort((a, b) => a - b);
  return { median: percentile(ms, 50), p95: percentile(ms, 95) };
}

/** `pnpm bench stats [candidates]`: the cohort statistics and the dashboard over a big cohort (target ≤ 200 ms). */
export async function cohortStatsBench(candidates = 10_000): Promise<void> {
  const env = await createTestEnv({ NODE_ENV: "production" });
  try {
    const { programId } = await createTestProgram(env.ctx);
    const seedStart = performance.now();
    const cohortId = await seedCohort(env.ctx.db, programId, "bench-big", candidates);
    // A second cohort of the same size in the same program: the queries must not read it.
    await seedCohort(env.ctx.db, programId, "bench-other", candidates);
    const counts = await env.ctx.db.$queryRaw<{ c: bigint; m: bigint; r: bigint }[]>`
      SELECT (SELECT count(*) FROM "Candidate" WHERE "cohortId" = ${cohortId}::uuid) AS c,
        (SELECT count(*) FROM "Message" m JOIN "Candidate" c ON c.id = m."candidateId" WHERE c."cohortId" = ${cohortId}::uuid) AS m,
        (SELECT count(*) FROM "Reflection" r JOIN "Candidate" c ON c.id = r."candidateId" WHERE c."cohortId" = ${cohortId}::uuid) AS r`;
    const row = counts[0];
    console.log(
      `\n== cohort stats: ${row?.c} candidates, ${row?.m} messages, ${row?.r} reflections (seeded in ${fmt((performance.now() - seedStart) / 1000)} s, plus a second cohort as large)`,
    );
    const stats = await time(10, () => cohortStats(env.ctx.db, cohortId));
    const dash = await time(10, () => cohortDashboard(env.ctx.db, cohortId, { now: new Date() }));
    console.log(
      `GET /v1/cohorts/{slug}/stats queries: median ${fmt(stats.median)} ms, p95 ${fmt(stats.p95)} ms (target ≤ 200 ms)`,
    );
    console.log(
      `admin dashboard (stats + stages, knowledge rate, outcomes per week, needs attention): median ${fmt(dash.median)} ms, p95 ${fmt(dash.p95)} ms`,
    );
  } finally {
    await env.close();
  }
}
