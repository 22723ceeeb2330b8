import { createApp } from "@rebound/api";
import { createTestEnv, createTestProgram, importFixture, prepareImportFixture } from "@rebound/testkit";
import { fmt } from "./stats.js";
import { startWorkerProcess, stopWorkerProcess } from "./worker-process.js";

/**
 * CSV import end to end: a 20,000-row file (1% bad rows of every kind) posted to
 * POST /v1/cohorts/{slug}/imports, processed by the real worker in its own process, timed from
 * the upload until the import says completed, which is when every row is enrolled (each good
 * row's candidate, interview, track and first message committed). The drip queue is paused so
 * the first emails do not compete with the import for the two cores.
 */
export async function importBench(rows: number): Promise<void> {
  const env = await createTestEnv({ NODE_ENV: "production", RESEND_RATE_LIMIT: "1000000" });
  try {
    const app = createApp(env.ctx);
    const { programId, apiKey } = await createTestProgram(env.ctx);
    const cohort = await env.ctx.db.cohort.create({ data: { programId, slug: "bench-import", name: "Bench import" } });
    const fixture = importFixture({ rows, badPerKind: Math.max(1, Math.floor(rows / 1000)) });
    await prepareImportFixture(env.ctx, programId, fixture);
    await env.ctx.queues.drip.pause();
    const worker = await startWorkerProcess(env.childEnv);
    try {
      const t0 = performance.now();
      const res = await app.request(`/v1/cohorts/${cohort.slug}/imports`, {
        method: "POST",
        headers: { "content-type": "text/csv", authorization: `Bearer ${apiKey}` },
        body: fixture.csv,
      });
      if (res.status !== 202) throw new Error(`upload answered ${res.status}: ${await res.text()}`);
      const accepted = performance.now() - t0;
      const { importId } = (await res.json()) as { importId: string };
      const deadline = Date.now() + 10 * 60_000;
      let row = await env.ctx.db.csvImport.findUniqueOrThrow({ where: { id: importId } });
      let firstProgress: number | null = null;
      while (row.status !== "completed" && row.status !== "failed" && Date.now() < deadline) {
        await new Promise((r) => setTimeout(r, 25));
        row = await env.ctx.db.csvImport.findUniqueOrThrow({ where: { id: importId } });
        if (firstProgress === null && row.processed > 0) firstProgress = performance.now() - t0;
      }
      const total = performance.now() - t0;
      const enrolled = await env.ctx.db.enrollment.count({ where: { candidate: { cohortId: cohort.id } } });
      const ok = row.status === "completed" && row.created === fixture.good.length && enrolled === fixture.good.length;
      console.log(
        `\n## CSV import: ${rows.toLocaleString()} rows (${fixture.bad.size} bad), API upload + worker process`,
      );
      console.log(`- upload answered 202 in ${fmt(accepted)} ms (file read once: header checked, rows counted)`);
      console.log(`- first progress written after ${fmt(firstProgress ?? total)} ms`);
      console.log(
        `- every row done in ${fmt(total / 1000, 2)} s: **${fmt(rows / (total / 1000))} rows/s** end to end (target ≥ 1,000 on 2 cores)`,
      );
      console.log(
        `- ${row.status}: created ${row.created}, updated ${row.updated}, skipped ${row.skipped}, errors ${(row.errors as unknown[]).length}; enrolments in the cohort ${enrolled} ${ok ? "(as expected)" : "(MISMATCH)"}`,
      );
      if (!ok) process.exitCode = 1;
    } finally {
      await stopWorkerProcess(worker);
    }
  } finally {
    await env.close();
  }
}
