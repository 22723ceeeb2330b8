import { enrolInterview } from "@rebound/core";
import { renderStepEmail } from "@rebound/emails";
import { compileStepEmail } from "@rebound/emails";
import { createTestEnv, createTestProgram } from "@rebound/testkit";
import { fmt, percentile, timeIt } from "./stats.js";
import { startWorkerProcess, stopWorkerProcess } from "./worker-process.js";

/**
 * 10,000 enrolments pushed through the real pipeline: the worker runs as its
 * own process (as in production) and hands mail to the fake Resend with no
 * rate limit. The drip queue is paused while enrolling, every first step is
 * made due at the same instant T0 (and queued then), then the queue resumes:
 * latency counts from T0, throughput from T0 to the last hand-over.
 */
export async function dripBench(count: number): Promise<void> {
  const env = await createTestEnv({ NODE_ENV: "production", RESEND_RATE_LIMIT: "1000000", DRIP_SPEEDUP: "1" });
  try {
    const { programId } = await createTestProgram(env.ctx);
    await env.ctx.queues.drip.pause();

    const enrolStart = performance.now();
    let next = 0;
    await Promise.all(
      Array.from({ length: 16 }, async () => {
        while (next < count) {
          const i = next++;
          await enrolInterview(env.ctx, programId, {
            email: `bench-${i}@example.com`,
            name: `Candidate ${i}`,
            company: `Company ${i % 97}`,
            role: "Engineer",
            outcome: "rejected",
          });
        }
      }),
    );
    const enrolSecs = (performance.now() - enrolStart) / 1000;

    const worker = await startWorkerProcess(env.childEnv);
    // Real time (DRIP_SPEEDUP=1) puts each first step in its send window; make them all due at T0
    // and re-queue them the way the reconciler does, so later steps stay in the future.
    await env.ctx.queues.drip.drain(true);
    const t0 = new Date();
    await env.ctx.db.message.updateMany({ where: { status: "scheduled", step: "process" }, data: { dueAt: t0 } });
    const due = await env.ctx.db.message.findMany({
      where: { status: "scheduled" },
      select: { id: true, enrollmentId: true, step: true },
    });
    await env.ctx.queues.addDrips(
      due.map((m) => ({ data: { enrollmentId: m.enrollmentId ?? "", step: m.step, messageId: m.id }, delay: 0 })),
    );
    const rssBefore = process.memoryUsage().rss;
    await env.ctx.queues.drip.resume();
    const deadline = Date.now() + 10 * 60_000;
    while (env.resend.emails.length < count && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    await stopWorkerProcess(worker);

    const got = env.resend.emails.length;
    const latencies = env.resend.emails.map((e) => e.acceptedAt - t0.getTime()).sort((a, b) => a - b);
    const last = latencies[latencies.length - 1] ?? 0;
    const unique = new Set(env.resend.emails.map((e) => e.to[0])).size;
    const requests = env.resend.requests.filter((r) => r.path === "/emails/batch").length;

    // Render cost, same template, same run: compiled fill vs a plain React Email render().
    const props = (i: number) => ({
      firstName: `Candidate${i}`,
      company: `Company ${i}`,
      role: "Engineer",
      feedbackMailto: "mailto:?subject=Hello&body=Thanks",
      unsubscribeUrl: `http://rebound.test/unsubscribe/${i}`,
      preferencesUrl: `http://rebound.test/preferences/${i}`,
      logUrl: `http://rebound.test/log/${i}`,
    });
    const compiled = await compileStepEmail("process");
    await renderStepEmail("process", props(0)); // warm up
    const plainMs = await timeIt(200, (i) => renderStepEmail("process", props(i)));
    const fillMs = await timeIt(20_000, (i) => compiled.fill(props(i)));

    console.log(
      `\n## Drip pipeline: ${count.toLocaleString()} enrolments (rejected track, step 'process'), fake Resend, no rate limit`,
    );
    console.log(
      `enrolments created:          ${fmt(count / enrolSecs, 0)} /s (${fmt(enrolSecs)} s, through the same code as POST /v1/interviews)`,
    );
    console.log(
      `emails handed over:          ${got.toLocaleString()} of ${count.toLocaleString()} (${unique.toLocaleString()} distinct recipients, ${requests} batch requests)`,
    );
    console.log(
      `throughput, due -> handed:   ${fmt(got / (last / 1000), 0)} emails/s end to end (${fmt(last / 1000, 2)} s for all)`,
    );
    console.log(
      `latency due -> handed over:  median ${fmt(percentile(latencies, 50), 0)} ms, p99 ${fmt(percentile(latencies, 99), 0)} ms`,
    );
    console.log(
      `render per email:            compiled fill ${fmt(fillMs, 4)} ms vs plain render() ${fmt(plainMs, 2)} ms (${fmt(plainMs / fillMs, 0)}x cheaper)`,
    );
    console.log(
      `bench process RSS:           ${fmt(rssBefore / 2 ** 20, 0)} MiB before sending, ${fmt(process.memoryUsage().rss / 2 ** 20, 0)} MiB after`,
    );
    if (got !== count || unique !== count)
      throw new Error(`expected ${count} distinct emails, got ${got} (${unique} distinct)`);
  } finally {
    await env.close();
  }
}
