/**
 * The import job as the worker runs it: uploaded through the API and finished by the worker; a
 * worker SIGKILLed in the middle of a file, with the next one resuming it (counts exact, nobody
 * enrolled twice); a job lost with Redis re-added by the reconciler; a job that failed for good
 * failing its import with the reason.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { createApp } from "@rebound/api";
import { createImport, reconcileImports } from "@rebound/core";
import { jobIds, QUEUE_NAMES, Worker } from "@rebound/queue";
import { createWorld, eventually, importFixture, prepareImportFixture, TestClock, type World } from "@rebound/testkit";
import { afterAll, afterEach, describe, expect, it } from "vitest";
import { startWorkers } from "../src/workers.js";

type App = ReturnType<typeof createApp>;
const workerDir = join(dirname(fileURLToPath(import.meta.url)), "..");
const worlds: World<App>[] = [];
const children: ChildProcess[] = [];

afterEach(async () => {
  for (const c of children.splice(0)) if (c.exitCode === null) c.kill("SIGKILL");
});
afterAll(async () => {
  for (const w of worlds.splice(0)) await w.close();
});

async function world(opts: Parameters<typeof createWorld<App>>[0] = {}) {
  const w = await createWorld<App>({ app: createApp, ...opts });
  worlds.push(w);
  return w;
}

const importRow = (w: World<App>, id: string) => w.ctx.db.csvImport.findUniqueOrThrow({ where: { id } });

async function upload(w: World<App>, slug: string, csv: string) {
  const res = await w.app.request(`/v1/cohorts/${slug}/imports`, {
    method: "POST",
    headers: { "content-type": "text/csv", authorization: `Bearer ${w.apiKey}` },
    body: csv,
  });
  expect(res.status).toBe(202);
  return ((await res.json()) as { importId: string }).importId;
}

describe("the import worker", () => {
  it("finishes a file uploaded through the API", async () => {
    const w = await world({ workers: (ctx) => startWorkers(ctx, { reconcileEveryMs: 1000, lockDurationMs: 5000 }) });
    const cohort = await w.createCohort();
    const fixture = importFixture({ rows: 300, badPerKind: 3 });
    await prepareImportFixture(w.ctx, w.programId, fixture);
    const id = await upload(w, cohort.slug, fixture.csv);
    const done = await eventually(async () => {
      const row = await importRow(w, id);
      return row.status === "completed" && row;
    }, 60_000);
    expect([done.total, done.processed, done.created, done.skipped]).toEqual([300, 300, fixture.good.length, 30]);
    expect(done.body).toBeNull();
    expect(await w.ctx.db.candidate.count({ where: { cohortId: cohort.id } })).toBe(fixture.good.length);
  });

  it("resumes a file after its worker is killed mid-way, enrolling nobody twice and counting exactly", async () => {
    const w = await world({ env: { WORKER_LOCK_MS: "5000", RECONCILE_EVERY_MS: "1000", LOG_LEVEL: "error" } });
    const cohort = await w.createCohort();
    const fixture = importFixture({ rows: 3000, badPerKind: 10 });
    await prepareImportFixture(w.ctx, w.programId, fixture);
    const spawnWorker = () => {
      const child = spawn(process.execPath, ["--import", "tsx", "src/main.ts"], {
        cwd: workerDir,
        env: { ...process.env, ...w.env.childEnv, WORKER_PROCESSES: "1" },
        stdio: ["ignore", "ignore", "pipe"],
      });
      child.stderr?.on("data", (d) => process.stderr.write(`[worker] ${d}`));
      children.push(child);
      return child;
    };
    const first = spawnWorker();
    const id = await upload(w, cohort.slug, fixture.csv);
    // Killed once some rows are in, well before the end.
    const partway = await eventually(
      async () => {
        const row = await importRow(w, id);
        return row.processed > 0 && row;
      },
      60_000,
      10,
    );
    const exited = new Promise((r) => first.once("exit", r));
    first.kill("SIGKILL");
    await exited;
    expect(partway.processed).toBeLessThan(3000);
    spawnWorker();
    const done = await eventually(
      async () => {
        const row = await importRow(w, id);
        return row.status === "completed" && row;
      },
      120_000,
      500,
    );
    expect(done.processed).toBe(3000);
    expect(done.created).toBe(fixture.good.length);
    expect(done.updated).toBe(0);
    expect(done.skipped).toBe(fixture.bad.size);
    const errors = done.errors as { row: number; code: string }[];
    expect(new Map(errors.map((e) => [e.row, e.code]))).toEqual(fixture.bad);
    // Every good address exactly once: one candidate, one interview, one track.
    const interviews = await w.ctx.db.interview.groupBy({
      by: ["candidateId"],
      where: { candidate: { email: { in: fixture.good } } },
      _count: true,
    });
    expect(interviews).toHaveLength(fixture.good.length);
    expect(interviews.every((i) => i._count === 1)).toBe(true);
  }, 180_000);
});

describe("the reconciler and imports", () => {
  it("adds back the job of an import that Redis lost, and the import resumes", async () => {
    const clock = new TestClock();
    const w = await world({ clock });
    const cohort = await w.createCohort();
    const { importId } = await createImport(w.ctx, w.programId, {
      cohortSlug: cohort.slug,
      body: new TextEncoder().encode("email,company,outcome\r\nlost@example.com,Acme,rejected\r\n"),
      actor: "test",
    });
    await w.ctx.queues.import.remove(jobIds.import(importId));
    expect(await w.ctx.queues.import.getJob(jobIds.import(importId))).toBeUndefined();
    // Within the grace period the reconciler leaves it alone (its add may still be on the way).
    expect(await reconcileImports(w.ctx)).toBe(0);
    clock.advance(5 * 60_000);
    expect(await reconcileImports(w.ctx)).toBe(1);
    expect(await w.ctx.queues.import.getJob(jobIds.import(importId))).toBeTruthy();
  });

  it("fails an import whose job failed for good, with the job's reason, and removes the file", async () => {
    const clock = new TestClock();
    const w = await world({ clock });
    const cohort = await w.createCohort();
    const { importId } = await createImport(w.ctx, w.programId, {
      cohortSlug: cohort.slug,
      body: new TextEncoder().encode("email,company,outcome\r\ndoomed@example.com,Acme,rejected\r\n"),
      actor: "test",
    });
    // A worker that can only fail, on a job allowed one attempt.
    await w.ctx.queues.import.remove(jobIds.import(importId));
    await w.ctx.queues.import.add("import", { importId }, { jobId: jobIds.import(importId), attempts: 1 });
    const failing = new Worker(
      QUEUE_NAMES.import,
      async () => {
        throw new Error("the disk is on fire");
      },
      { connection: w.ctx.redis, prefix: w.ctx.config.QUEUE_PREFIX },
    );
    await eventually(async () => (await w.ctx.queues.import.getJob(jobIds.import(importId)))?.isFailed());
    await failing.close();
    clock.advance(5 * 60_000);
    expect(await reconcileImports(w.ctx)).toBe(1);
    const row = await importRow(w, importId);
    expect(row.status).toBe("failed");
    expect(row.error).toBe("the import job failed: the disk is on fire");
    expect(row.body).toBeNull();
    const audit = await w.ctx.db.auditLog.findFirst({ where: { action: "import.failed", targetId: importId } });
    expect(audit?.actor).toBe("test");
  });
});
