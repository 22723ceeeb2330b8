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
  startPrivateRedis,
  type TestEnv,
  unique,
} from "@rebound/testkit";
import { Redis } from "ioredis";
import { afterEach, describe, expect, it } from "vitest";
import { type RunningWorkers, startWorkers } from "../src/workers.js";

// 864000: one day of the track passes in 0.1 s, so the 7-day rejected track takes about 0.7 s.
const SPEEDUP = "864000";
const workerDir = join(dirname(fileURLToPath(import.meta.url)), "..");
const envs: TestEnv[] = [];
const workers: RunningWorkers[] = [];

afterEach(async () => {
  await Promise.all(workers.splice(0).map((w) => w.close()));
  await Promise.all(envs.splice(0).map((e) => e.close()));
});

async function world(
  overrides: Record<string, string> = {},
  opts: { inProcessWorker?: boolean } = { inProcessWorker: true },
) {
  const env = await createTestEnv({ DRIP_SPEEDUP: SPEEDUP, ...overrides });
  envs.push(env);
  const { apiKey } = await createTestProgram(env.ctx);
  const app = createApp(env.ctx);
  if (opts.inProcessWorker) workers.push(await startWorkers(env.ctx, { reconcileEveryMs: 500, lockDurationMs: 5000 }));
  const enrol = async (body: Record<string, unknown>) => {
    const res = await app.request("/v1/interviews", {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${apiKey}` },
      body: JSON.stringify(body),
    });
    expect(res.status).toBe(202);
    return (await res.json()) as { candidateId: string; enrollmentId: string };
  };
  return { env, app, enrol };
}

const stepOf = (e: FakeEmail) => e.tags?.find((t) => t.name === "step")?.value;
const completed = (env: TestEnv, enrollmentId: string) => async () =>
  (await env.ctx.db.enrollment.findUniqueOrThrow({ where: { id: enrollmentId } })).status === "completed";

describe("the drip, end to end", () => {
  it("sends exactly the track's emails, in order, each once, with the right headers", async () => {
    const { env, enrol } = await world();
    const email = `${unique("ada")}@example.com`;
    const { enrollmentId, candidateId } = await enrol({
      email,
      name: "Ada Lovelace",
      company: "Acme",
      role: "Data Engineer",
      outcome: "rejected",
    });
    await eventually(completed(env, enrollmentId));
    const got = env.resend.to(email);
    expect(got.map(stepOf)).toEqual(TRACKS.rejected.steps.map((s) => s.key));
    for (const e of got) {
      expect(e.reply_to).toMatch(/^reply\+[0-9a-z-]+@reply\.rebound\.localhost$/);
      expect(e.headers?.["List-Unsubscribe"]).toMatch(
        new RegExp(`^<http://rebound\\.test/unsubscribe/${candidateId}\\.`),
      );
      expect(e.headers?.["List-Unsubscribe-Post"]).toBe("List-Unsubscribe=One-Click");
      expect(e.tags?.find((t) => t.name === "program")?.value).toMatch(/^[0-9a-f-]{36}$/);
      expect(e.html).toContain("Acme");
      expect(e.text?.length).toBeGreaterThan(100);
      expect(e.idempotencyKey).toMatch(/^rb-[0-9a-f]{48}$/);
    }
    const feedback = got.find((e) => stepOf(e) === "feedback");
    expect(feedback?.html).toMatch(/href="mailto:\?subject=[^"]*Data%20Engineer/);
    const messages = await env.ctx.db.message.findMany({ where: { enrollmentId } });
    expect(messages.map((m) => m.status)).toEqual(["sent", "sent", "sent", "sent"]);
    expect(new Set(messages.map((m) => m.providerId)).size).toBe(4);
  });

  it("a new outcome supersedes the running track", async () => {
    const { env, enrol } = await world({ DRIP_SPEEDUP: "86400" });
    const email = `${unique("bo")}@example.com`;
    await enrol({ email, company: "Acme", outcome: "rejected" });
    await eventually(() => env.resend.to(email).length === 1);
    const offer = await enrol({ email, company: "Globex", outcome: "offer" });
    await eventually(completed(env, offer.enrollmentId));
    await new Promise((r) => setTimeout(r, 3500)); // the superseded track's day-3 step would be due by now
    expect(env.resend.to(email).map(stepOf)).toEqual(["process", "congratulations"]);
  });

  it("an unsubscribe stops the rest of the track", async () => {
    const { env, app, enrol } = await world({ DRIP_SPEEDUP: "86400" });
    const email = `${unique("cy")}@example.com`;
    const { enrollmentId } = await enrol({ email, company: "Acme", outcome: "rejected" });
    const [first] = await eventually(() => (env.resend.to(email).length ? env.resend.to(email) : undefined));
    const link = /^<(.+)>$/.exec(first?.headers?.["List-Unsubscribe"] ?? "")?.[1] ?? "";
    const res = await app.request(new URL(link).pathname, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: "List-Unsubscribe=One-Click",
    });
    expect(res.status).toBe(200);
    await new Promise((r) => setTimeout(r, 2500)); // feedback (day 1) would have gone out by now
    expect(env.resend.to(email).map(stepOf)).toEqual(["process"]);
    expect((await env.ctx.db.enrollment.findUniqueOrThrow({ where: { id: enrollmentId } })).status).toBe("stopped");
  });

  it("retries a 429 after retry-after, with the same idempotency key", async () => {
    const { env, enrol } = await world();
    env.resend.failNext(1, { status: 429, retryAfter: 1 });
    const email = `${unique("di")}@example.com`;
    const { enrollmentId } = await enrol({ email, company: "Acme", outcome: "offer" });
    await eventually(completed(env, enrollmentId));
    const sends = env.resend.requests.filter((r) => r.path === "/emails/batch");
    expect(sends.map((r) => r.status)).toEqual([429, 200]);
    const [limited, ok] = sends;
    expect((ok?.at ?? 0) - (limited?.at ?? 0)).toBeGreaterThanOrEqual(1000);
    expect(ok?.headers["idempotency-key"]).toBe(limited?.headers["idempotency-key"]);
    expect(env.resend.to(email)).toHaveLength(1);
  });
});

describe("failures of the moving parts", () => {
  function spawnWorker(env: TestEnv, extra: Record<string, string> = {}): ChildProcess {
    return spawn(process.execPath, ["--import", "tsx", "src/main.ts"], {
      cwd: workerDir,
      env: { ...process.env, ...env.childEnv, WORKER_LOCK_MS: "2000", RECONCILE_EVERY_MS: "1000", ...extra },
      stdio: "ignore",
    });
  }

  it("a worker killed mid-track and restarted neither loses nor repeats an email", async () => {
    const { env, enrol } = await world({ DRIP_SPEEDUP: "86400" }, { inProcessWorker: false });
    env.resend.sendDelayMs = 150; // widen the window between hand-over and marking sent
    const people = Array.from({ length: 20 }, () => `${unique("kill")}@example.com`);
    const enrolments = [];
    for (const email of people) enrolments.push(await enrol({ email, company: "Acme", outcome: "rejected" }));
    let worker = spawnWorker(env);
    let atKill = 0;
    try {
      await eventually(() => env.resend.emails.length >= 25, 30_000, 20); // some way into the track
      worker.kill("SIGKILL");
      await new Promise((r) => worker.once("exit", r));
      atKill = env.resend.emails.length;
      worker = spawnWorker(env);
      await eventually(
        async () => (await env.ctx.db.enrollment.count({ where: { status: "completed" } })) === people.length,
        60_000,
        200,
      );
    } finally {
      // Never leave a worker process behind, whatever failed above.
      if (worker.exitCode === null && worker.signalCode === null) {
        worker.kill("SIGTERM");
        await new Promise((r) => worker.once("exit", r));
      }
    }
    expect(atKill).toBeLessThan(people.length * 4);
    for (const email of people)
      expect(env.resend.to(email).map(stepOf)).toEqual(["process", "feedback", "analyse", "keep-applying"]);
    expect(env.resend.emails).toHaveLength(people.length * 4);
  });

  it("after FLUSHALL mid-track, the reconciler re-enqueues from PostgreSQL and the track completes", async () => {
    const redis = await startPrivateRedis();
    try {
      const { env, enrol } = await world({ DRIP_SPEEDUP: "86400", REDIS_URL: redis.url });
      const people = Array.from({ length: 5 }, () => `${unique("flush")}@example.com`);
      const enrolments = [];
      for (const email of people) enrolments.push(await enrol({ email, company: "Acme", outcome: "rejected" }));
      await eventually(() => people.every((p) => env.resend.to(p).length >= 2), 20_000, 20);
      const admin = new Redis(redis.url);
      // Every job and key is gone (the workers, still running, start writing again at once).
      expect(await admin.flushall()).toBe("OK");
      admin.disconnect();
      for (const e of enrolments) await eventually(completed(env, e.enrollmentId), 30_000, 100);
      for (const email of people)
        expect(env.resend.to(email).map(stepOf)).toEqual(["process", "feedback", "analyse", "keep-applying"]);
    } finally {
      await Promise.all(workers.splice(0).map((w) => w.close()));
      await Promise.all(envs.splice(0).map((e) => e.close()));
      await redis.stop();
    }
  });
});
