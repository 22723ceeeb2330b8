import { availableParallelism } from "node:os";
import type { Db } from "@rebound/db";
import { createTestEnv, createTestProgram, startPrivateRedis } from "@rebound/testkit";
import { Redis } from "ioredis";
import { buildApi, startApi } from "./api-process.js";
import { load, printLoad } from "./http-load.js";
import { INTERVIEW_BODY } from "./intake-bench.js";
import { LeanResend } from "./lean-resend.js";
import { fmt } from "./stats.js";
import { startWorkerProcess, stopWorkerProcess } from "./worker-process.js";

const TABLES = ["Candidate", "Interview", "Enrollment", "Message", "AuditLog", "IdempotencyRecord"];
const STEPS = ["process", "feedback", "analyse", "keep-applying"];

async function usedMemory(url: string): Promise<number> {
  const r = new Redis(url);
  try {
    return Number(/used_memory:(\d+)/.exec(await r.info("memory"))?.[1]);
  } finally {
    r.disconnect();
  }
}

type Sizes = Map<string, { heap: number; index: number }>;

/** Bytes on disk of each table (with its TOAST) and of its indexes. */
async function tableSizes(db: Db): Promise<Sizes> {
  const rows = await db.$queryRaw<{ relname: string; heap: bigint; index: bigint }[]>`
    SELECT c.relname, pg_relation_size(c.oid) + COALESCE(pg_total_relation_size(NULLIF(c.reltoastrelid, 0)), 0) AS heap,
           pg_indexes_size(c.oid) AS index
    FROM pg_class c WHERE c.relkind = 'r' AND c.relname = ANY(${TABLES}::text[])`;
  return new Map(rows.map((r) => [r.relname, { heap: Number(r.heap), index: Number(r.index) }]));
}

function printSizes(label: string, before: Sizes, after: Sizes, count: number) {
  let total = 0;
  const parts = TABLES.map((t) => {
    const a = after.get(t);
    const b = before.get(t);
    const bytes = (a ? a.heap + a.index : 0) - (b ? b.heap + b.index : 0);
    total += bytes;
    const idx = (a?.index ?? 0) - (b?.index ?? 0);
    return `${t} ${fmt(bytes / count, 0)} (${fmt(idx / count, 0)} in indexes)`;
  });
  console.log(`${label.padEnd(34)} ${fmt(total / count, 0)} B per candidate: ${parts.join(", ")}`);
}

/**
 * `pnpm bench 100k [count]`: `count` interviews posted to the built API (one new candidate
 * each), then the whole rejected track sent to every one of them by the real worker into a lean
 * Resend stand-in. Prints the intake time, Redis bytes per enrolment (INFO memory of a private
 * Redis, before and after), PostgreSQL bytes per candidate (tables and indexes, after intake and
 * after the drip), and the drip's rate; asserts every email went out exactly once.
 */
export async function intake100k(count = 100_000): Promise<void> {
  const redis = await startPrivateRedis();
  const resend = new LeanResend();
  await resend.start();
  const env = await createTestEnv({
    NODE_ENV: "production",
    LOG_LEVEL: "warn",
    REDIS_URL: redis.url,
    RESEND_BASE_URL: resend.url,
    RESEND_API_KEY: resend.apiKey,
    RESEND_RATE_LIMIT: "1000000",
    // One day of a track passes in one second (send windows ignored): the 7-day track takes 7 s.
    DRIP_SPEEDUP: "86400",
  });
  const processes = availableParallelism();
  try {
    const { apiKey } = await createTestProgram(env.ctx);
    const bundle = buildApi();
    console.log(`\n## ${count.toLocaleString()} enrolments: intake, Redis, PostgreSQL, then the whole track for each`);
    const redisBefore = await usedMemory(redis.url);
    const pgBefore = await tableSizes(env.ctx.db);
    const api = await startApi(bundle, env.childEnv, processes);
    let intake: Awaited<ReturnType<typeof load>>;
    let settleSecs = 0;
    try {
      intake = await load({
        label: `intake (${processes} API proc, 64 conn)`,
        url: `${api.url}/v1/interviews`,
        method: "POST",
        headers: { authorization: `Bearer ${apiKey}`, "content-type": "application/json" },
        body: INTERVIEW_BODY,
        amount: count,
        seconds: 1800,
      });
      // wrk stops at `count` 2xx answers, fillers (GET /healthz) included: the last outcomes may
      // still be committing. The intake ends when the last candidate is in PostgreSQL.
      const t = performance.now();
      while ((await env.ctx.db.candidate.count()) < count && performance.now() - t < 30_000) {
        await new Promise((r) => setTimeout(r, 100));
      }
      settleSecs = (performance.now() - t) / 1000;
    } finally {
      await api.stop();
    }
    printLoad([intake]);
    const candidates = await env.ctx.db.candidate.count();
    const jobs = await env.ctx.queues.drip.getJobCountByTypes("delayed", "wait", "prioritized");
    const redisAfter = await usedMemory(redis.url);
    const pgAfter = await tableSizes(env.ctx.db);
    console.log(
      `intake:                            ${fmt(intake.seconds + settleSecs, 1)} s (${fmt(count / (intake.seconds + settleSecs), 0)}/s) for ${candidates.toLocaleString()} candidates (${jobs.toLocaleString()} queued steps), ${intake.bad} errors`,
    );
    console.log(
      `Redis per enrolment:               ${fmt((redisAfter - redisBefore) / count, 0)} B (INFO used_memory ${fmt(redisBefore / 2 ** 20, 1)} -> ${fmt(redisAfter / 2 ** 20, 1)} MiB)`,
    );
    printSizes("PostgreSQL after intake:", pgBefore, pgAfter, count);

    const started = performance.now();
    const worker = await startWorkerProcess({ ...env.childEnv, LOG_LEVEL: "warn" });
    const expected = count * STEPS.length;
    const deadline = Date.now() + 60 * 60_000;
    let lastReport = Date.now();
    try {
      for (;;) {
        const live = await env.ctx.db.enrollment.count({ where: { status: { in: ["active", "paused"] } } });
        if (resend.accepted >= expected && live === 0) break;
        if (Date.now() > deadline) throw new Error(`drip incomplete: ${resend.accepted} of ${expected} emails`);
        if (Date.now() - lastReport > 30_000) {
          lastReport = Date.now();
          console.log(`  ... ${resend.accepted.toLocaleString()} of ${expected.toLocaleString()} emails`);
        }
        await new Promise((r) => setTimeout(r, 500));
      }
    } finally {
      await stopWorkerProcess(worker);
    }
    const dripSecs = (performance.now() - started) / 1000;
    const pgDrip = await tableSizes(env.ctx.db);
    let exact = 0;
    for (const steps of resend.got.values()) {
      if (STEPS.every((s) => steps.get(s) === 1) && steps.size === STEPS.length) exact++;
    }
    console.log(
      `drip:                              ${resend.accepted.toLocaleString()} emails in ${fmt(dripSecs, 0)} s (${fmt(resend.accepted / dripSecs, 0)} emails/s, ${resend.requests.toLocaleString()} provider requests, 1 worker process)`,
    );
    console.log(
      `exactly once:                      ${exact.toLocaleString()} of ${count.toLocaleString()} candidates got each of the ${STEPS.length} steps exactly once`,
    );
    printSizes("PostgreSQL after the drip:", pgBefore, pgDrip, count);
    console.log(`Redis after the drip:              ${fmt((await usedMemory(redis.url)) / 2 ** 20, 1)} MiB`);
    if (exact !== count || resend.accepted !== expected || candidates !== count || intake.bad > 0) {
      throw new Error("the 100k run lost, duplicated or refused something (see above)");
    }
  } finally {
    await env.close();
    await resend.stop();
    await redis.stop();
  }
}
