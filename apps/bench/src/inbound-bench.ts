import { Agent, request } from "node:http";
import type { AddressInfo } from "node:net";
import { serve } from "@hono/node-server";
import { createApp } from "@rebound/api";
import { enrolInterview } from "@rebound/core";
import { signReplyToken } from "@rebound/domain";
import { routeInbound, parseMime } from "@rebound/inbound";
import { createTestEnv, createTestProgram, TEST_MIME_SECRET } from "@rebound/testkit";
import {
  CORPUS_INBOUND_DOMAIN,
  loadCorpus,
  SEALED_CORPUS_DIR,
  withToken,
} from "../../../packages/inbound/test/corpus.js";
import { exactMatchRate } from "../../../packages/inbound/test/corpus-match.js";
import { fmt, percentile } from "./stats.js";
import { startWorkerProcess, stopWorkerProcess } from "./worker-process.js";

/**
 * Inbound throughput: `count` replies (the corpus's real client formats, each
 * with its own Message-ID and a real reply token) posted over HTTP to
 * POST /inbound/mime by 16 concurrent senders; the worker process parses,
 * strips, analyses and stores them. Measured until every reflection is stored.
 */
// Keep-alive connections, like an SMTP relay posting continuously (and cheaper for the harness than fetch).
const agent = new Agent({ keepAlive: true, maxSockets: 16 });
function post(url: string, body: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request(
      url,
      {
        method: "POST",
        agent,
        headers: { authorization: `Bearer ${TEST_MIME_SECRET}`, "content-type": "message/rfc822" },
      },
      (res) => {
        res.resume();
        res.on("end", () => resolve(res.statusCode ?? 0));
      },
    );
    req.on("error", reject);
    req.end(body);
  });
}

export async function inboundBench(count: number): Promise<void> {
  // Production mode, as deployed (React, for one, is several times slower in development mode).
  const env = await createTestEnv({ NODE_ENV: "production" });
  const server = serve({ fetch: createApp(env.ctx).fetch, port: 0, hostname: "127.0.0.1" });
  await new Promise((r) => server.once("listening", r));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/inbound/mime`;
  try {
    const { programId } = await createTestProgram(env.ctx);
    const replies = loadCorpus().filter((m) => m.expected.kind === "reply" && m.expected.command === null);
    const tokens: string[] = [];
    for (let i = 0; i < 200; i++) {
      const e = await enrolInterview(env.ctx, programId, {
        email: `inbound-${i}@example.com`,
        company: "Acme",
        outcome: "rejected",
      });
      const m = await env.ctx.db.message.findFirstOrThrow({ where: { enrollmentId: e.enrollmentId } });
      tokens.push(signReplyToken(m.id, env.config.APP_SECRET));
    }
    const bodies = Array.from({ length: count }, (_, i) => {
      const msg = replies[i % replies.length];
      const raw = withToken(msg?.raw ?? "", tokens[i % tokens.length] ?? "");
      return raw.replace(/^Message-ID:\s*<([^>]+)>/im, `Message-ID: <bench-${i}.$1>`);
    });
    const worker = await startWorkerProcess(env.childEnv);
    const latencies: number[] = [];
    const start = performance.now();
    let next = 0;
    await Promise.all(
      Array.from({ length: 16 }, async () => {
        while (next < count) {
          const body = bodies[next++];
          const t = performance.now();
          const status = await post(url, body ?? "");
          if (status !== 202) throw new Error(`POST /inbound/mime answered ${status}`);
          latencies.push(performance.now() - t);
        }
      }),
    );
    const acceptedSecs = (performance.now() - start) / 1000;
    let stored = 0;
    const deadline = Date.now() + 5 * 60_000;
    while (Date.now() < deadline) {
      stored = await env.ctx.db.reflection.count();
      const pending = await env.ctx.db.inboundMessage.count({ where: { status: "queued" } });
      if (pending === 0) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    const doneSecs = (performance.now() - start) / 1000;
    await stopWorkerProcess(worker);
    latencies.sort((a, b) => a - b);
    console.log(
      `\n## Inbound: ${count.toLocaleString()} replies through POST /inbound/mime (HTTP, 16 senders) and the worker process`,
    );
    console.log(
      `accepted (stored + queued):  ${fmt(count / acceptedSecs, 0)} /s, HTTP latency median ${fmt(percentile(latencies, 50), 1)} ms, p99 ${fmt(percentile(latencies, 99), 1)} ms`,
    );
    console.log(
      `parsed, stripped, stored:    ${fmt(stored / doneSecs, 0)} reflections/s end to end (${stored.toLocaleString()} stored in ${fmt(doneSecs, 2)} s)`,
    );
    if (stored !== count) throw new Error(`expected ${count} reflections, stored ${stored}`);
  } finally {
    server.close();
    await env.close();
  }
}

/**
 * The parser and stripper alone, in process: the whole open corpus, many rounds, after a
 * warm-up; then the exact-match rates of the open corpus (tuned on) and the sealed one
 * (written after the code, never tuned on), reported apart as the analyser's sets are.
 */
export async function parseBench(rounds = 20): Promise<void> {
  const token = "0195a3b27c1e7d409a511f2e3d4c5b6a-k2-abcdefghjkmnpqrstvwxyz01";
  const raws = loadCorpus().map((m) => withToken(m.raw, token));
  for (const raw of raws) routeInbound(await parseMime(raw), CORPUS_INBOUND_DOMAIN);
  const start = performance.now();
  for (let round = 0; round < rounds; round++) {
    for (const raw of raws) routeInbound(await parseMime(raw), CORPUS_INBOUND_DOMAIN);
  }
  const secs = (performance.now() - start) / 1000;
  console.log(
    `parse + strip alone:         ${fmt((raws.length * rounds) / secs, 0)} messages/s in process (${raws.length * rounds} corpus messages)`,
  );
  const open = await exactMatchRate(loadCorpus());
  const sealed = await exactMatchRate(loadCorpus(SEALED_CORPUS_DIR));
  console.log(`inbound exact match:         sealed ${sealed.summary}, open corpus ${open.summary}`);
}
