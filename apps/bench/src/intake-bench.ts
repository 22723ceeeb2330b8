import { createTestEnv, createTestProgram } from "@rebound/testkit";
import { buildApi, startApi } from "./api-process.js";
import { bareHono, noopWorker, printQueueBaseline } from "./baselines.js";
import { type LoadResult, load, printLoad } from "./http-load.js";

/** One interview outcome per request, each for a new candidate (`{{n}}` is unique per request). */
/** wrk's keep-alive connections: also the most requests that can be in flight when it stops. */
const CONNECTIONS = 64;
/** A fresh process compiles and optimises its hot paths in its first seconds: measured apart. */
const WARM_UP_SECONDS = 3;

export const INTERVIEW_BODY = JSON.stringify({
  email: "bench-{{n}}@example.com",
  name: "Bench Candidate",
  company: "Acme",
  role: "Engineer",
  outcome: "rejected",
  timezone: "Europe/Paris",
});

/**
 * `POST /v1/interviews` against the built API (bundled server on a real port, production mode)
 * at 64 keep-alive connections, beside `GET /healthz` of the same processes, a bare Hono route
 * and a no-op BullMQ worker in the same run, so each figure reads as a ratio to what this
 * machine can do. For each API process count given. Each run starts with a short warm-up of
 * the same load (printed as such: a cold process's first seconds are the JIT's, not the
 * steady state's). Checks that every 202 was committed (one candidate and one queued first
 * step per 202) and that nothing failed. A request wrk had sent when it stopped may still
 * commit without its 202 being counted, so up to one extra candidate per connection is
 * expected; more than that is a problem.
 */
export async function intakeBench(processCounts: readonly number[], seconds = 15): Promise<void> {
  const env = await createTestEnv({ NODE_ENV: "production", DRIP_SPEEDUP: "1", LOG_LEVEL: "warn" });
  try {
    const { apiKey } = await createTestProgram(env.ctx);
    const bundle = buildApi();
    console.log(
      `\n## Intake: POST /v1/interviews, built API, 64 connections, ${seconds} s, a new candidate per request`,
    );
    const baseline = await bareHono(Math.min(seconds, 10));
    const rows: LoadResult[] = [baseline];
    const problems: string[] = [];
    const notes: string[] = [];
    for (const n of processCounts) {
      const api = await startApi(bundle, env.childEnv, n);
      try {
        const intakeLoad = (label: string, s: number) =>
          load({
            label,
            url: `${api.url}/v1/interviews`,
            method: "POST",
            headers: { authorization: `Bearer ${apiKey}`, "content-type": "application/json" },
            body: INTERVIEW_BODY,
            connections: CONNECTIONS,
            seconds: s,
          });
        rows.push(await intakeLoad(`  warm-up ${WARM_UP_SECONDS} s (${n} API proc)`, WARM_UP_SECONDS));
        // Let the warm-up's last requests commit before counting.
        await new Promise((r) => setTimeout(r, 500));
        const before = await env.ctx.db.candidate.count();
        const jobsBefore = await env.ctx.queues.drip.getDelayedCount();
        const intake = await intakeLoad(`POST /v1/interviews (${n} API proc)`, seconds);
        const health = await load({
          label: `GET /healthz (${n} API proc)`,
          url: `${api.url}/healthz`,
          seconds: Math.min(seconds, 10),
        });
        rows.push(intake, health);
        const created = (await env.ctx.db.candidate.count()) - before;
        const queued = (await env.ctx.queues.drip.getDelayedCount()) - jobsBefore;
        if (intake.bad > 0) problems.push(`${intake.label}: ${intake.bad} errors`);
        const inFlight = (count: number) => count >= intake.ok && count - intake.ok <= CONNECTIONS;
        if (!inFlight(created) || !inFlight(queued)) {
          problems.push(`${intake.label}: ${intake.ok} answered 202, ${created} candidates, ${queued} queued steps`);
        } else {
          notes.push(
            `${intake.label}: ${intake.ok} answered 202, ${created} candidates, ${queued} queued steps (the ${created - intake.ok} beyond are requests in flight when wrk stopped, at most ${CONNECTIONS})`,
          );
        }
      } finally {
        await api.stop();
      }
    }
    printLoad(rows, baseline);
    printQueueBaseline(await noopWorker(env.config.REDIS_URL));
    for (const note of notes) console.log(note);
    console.log(
      problems.length === 0
        ? "every 202 was committed: one candidate and one queued first step each, no error"
        : `PROBLEMS: ${problems.join("; ")}`,
    );
  } finally {
    await env.close();
  }
}
