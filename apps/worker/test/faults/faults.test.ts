/**
 * The fault suite (`pnpm test:faults`, also part of `pnpm test`): 200 candidates' tracks run on two
 * worker processes sharing one Redis and one PostgreSQL while everything that can fail does:
 * a worker SIGKILLed every few seconds, Redis flushed, Redis restarted (empty), PostgreSQL's
 * connections dropped and refused for a while, and the provider answering 401, 429 and 500
 * storms. Every candidate must end with exactly the four emails of the track, in order, once each,
 * within the bound below.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { createApp } from "@rebound/api";
import { TRACKS } from "@rebound/domain";
import {
  createTestEnv,
  createTestProgram,
  eventually,
  type FakeEmail,
  type PrivateRedis,
  startPrivateRedis,
  TcpProxy,
  type TestEnv,
  unique,
} from "@rebound/testkit";
import { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const CANDIDATES = 200;
/** Everything delivered within this of the last enrolment, faults included (the track itself takes ~15 s). */
const BOUND_MS = 150_000;
const workerDir = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
const STEPS = TRACKS.rejected.steps.map((s) => s.key);
const stepOf = (e: FakeEmail) => e.tags?.find((t) => t.name === "step")?.value;

let redis: PrivateRedis;
let pgProxy: TcpProxy;
let env: TestEnv;
const workers: (ChildProcess | null)[] = [null, null];
const log: string[] = [];

function startWorker(slot: number) {
  const child = spawn(process.execPath, ["--import", "tsx", "src/main.ts"], {
    cwd: workerDir,
    env: { ...process.env, ...env.childEnv, LOG_LEVEL: "error" },
    stdio: ["ignore", "ignore", "pipe"],
  });
  child.stderr?.on("data", (d) => log.push(String(d)));
  workers[slot] = child;
}

async function killWorker(slot: number) {
  const child = workers[slot];
  if (!child || child.exitCode !== null) return;
  const exited = new Promise((r) => child.once("exit", r));
  child.kill("SIGKILL");
  await exited;
}

beforeAll(async () => {
  redis = await startPrivateRedis();
  pgProxy = new TcpProxy("127.0.0.1", 5432);
  const port = await pgProxy.start();
  // Everything, the test's own context included, reaches PostgreSQL through the proxy.
  env = await createTestEnv(
    {
      REDIS_URL: redis.url,
      DRIP_SPEEDUP: "43200", // one day of the track in 2 s: the 7-day track takes about 15 s
      RESEND_TIMEOUT_MS: "1500",
      PROVIDER_BACKOFF_MAX_MS: "1000",
      RECONCILE_EVERY_MS: "1000",
      WORKER_LOCK_MS: "3000",
      RESEND_RATE_LIMIT: "1000",
    },
    { databaseProxyPort: port },
  );
  startWorker(0);
  startWorker(1);
}, 60_000);

afterAll(async () => {
  await Promise.all([killWorker(0), killWorker(1)]);
  await env?.close();
  await pgProxy?.stop();
  await redis?.stop();
});

describe("faults while 200 tracks run on two workers", () => {
  it(
    "every candidate gets exactly the four emails of the track, in order, once each",
    async () => {
      const { apiKey } = await createTestProgram(env.ctx);
      const app = createApp(env.ctx);
      const emails = Array.from({ length: CANDIDATES }, (_, i) => `${unique(`fault${i}`)}@example.com`);
      const started = Date.now();
      let faultsDone = false;
      const faults = (async () => {
        const at = (ms: number) => new Promise((r) => setTimeout(r, Math.max(0, started + ms - Date.now())));
        await at(1_000);
        env.resend.failNext(20, { status: 401, name: "invalid_api_key" });
        for (let t = 3_000, slot = 0; t <= 24_000; t += 3_000, slot = 1 - slot) {
          await at(t);
          await killWorker(slot);
          log.push(`${t}: killed worker ${slot}`);
          if (t === 6_000) {
            const admin = new Redis(redis.url);
            await admin.flushdb();
            admin.disconnect();
            log.push(`${t}: FLUSHDB`);
            env.resend.failNext(20, { status: 429, retryAfter: 1 });
          }
          if (t === 12_000) {
            await redis.restart(1_000);
            log.push(`${t}: Redis restarted (empty)`);
            env.resend.failNext(20, { status: 500 });
          }
          if (t === 18_000) {
            pgProxy.cut(2_000);
            log.push(`${t}: PostgreSQL connections dropped, refused for 2 s`);
          }
          setTimeout(() => startWorker(slot), 500);
        }
        faultsDone = true;
      })();

      // Outcomes arrive while the first faults hit; the API retries nothing for us: each is a 202 or a test failure.
      for (let i = 0; i < emails.length; i += 5) {
        const answers = await Promise.all(
          emails.slice(i, i + 5).map((email) =>
            app.request("/v1/interviews", {
              method: "POST",
              headers: { "content-type": "application/json", authorization: `Bearer ${apiKey}` },
              body: JSON.stringify({ email, company: "Faultline", outcome: "rejected" }),
            }),
          ),
        );
        expect(answers.map((a) => a.status)).toEqual(Array(answers.length).fill(202));
      }
      const enrolledAt = Date.now();
      await faults;
      expect(faultsDone).toBe(true);

      await eventually(
        () => emails.every((e) => env.resend.to(e).length >= STEPS.length),
        BOUND_MS - (Date.now() - enrolledAt),
        250,
      ).catch((err) => {
        const short = emails.filter((e) => env.resend.to(e).length < STEPS.length).length;
        throw new Error(
          `${short} candidates short of their track after ${BOUND_MS} ms (${String(err)})\n${log.join("\n")}`,
        );
      });
      const deliveredIn = Date.now() - enrolledAt;
      // A duplicate would show up late: wait until every enrolment is complete, then look again.
      await eventually(
        async () => (await env.ctx.db.enrollment.count({ where: { status: { not: "completed" } } })) === 0,
        30_000,
        250,
      );
      for (const email of emails) expect(env.resend.to(email).map(stepOf), email).toEqual(STEPS);
      expect(new Set(env.resend.emails.map((e) => e.id)).size).toBe(env.resend.emails.length);
      expect(await env.ctx.db.message.count({ where: { status: "failed" } })).toBe(0);
      expect(await env.ctx.db.message.count({ where: { kind: "drip", status: "sent" } })).toBe(
        CANDIDATES * STEPS.length,
      );
      console.log(`faults injected: ${log.filter((l) => /^\d+: /.test(l)).join("; ")}`);
      console.log(
        `fault suite: ${CANDIDATES} candidates x ${STEPS.length} emails delivered exactly once in ${(deliveredIn / 1000).toFixed(1)} s after the last enrolment (bound ${BOUND_MS / 1000} s); provider requests ${env.resend.requests.length}, refused by injected faults ${env.resend.requests.filter((r) => r.status >= 400).length}`,
      );
    },
    BOUND_MS + 90_000,
  );
});
