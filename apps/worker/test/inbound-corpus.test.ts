import { eventually, type TestEnv } from "@rebound/testkit";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type CorpusMessage, loadCorpus, withToken } from "../../../packages/inbound/test/corpus.js";
import { candidateWithSentEmail, deliverViaResend, postMime, startWorkerWorld, type WorkerWorld } from "./support.js";

let world: WorkerWorld;
let env: TestEnv;
let app: WorkerWorld["app"];
let programId: string;

beforeAll(async () => {
  world = await startWorkerWorld();
  ({ env, app, programId } = world);
});
afterAll(async () => world?.close());
const corpus = loadCorpus();

type Path = "mime" | "resend";

/** Sends one corpus message down one inbound path and reports whether the stored result is exactly the expected one. */
async function runOne(msg: CorpusMessage, path: Path): Promise<{ name: string; ok: boolean; detail: string }> {
  const who = await candidateWithSentEmail(env, programId);
  // A distinct Message-ID per path, so the MIME path's idempotency does not merge the two runs.
  let raw = withToken(msg.raw, who.token).replace(/^Message-ID:\s*<([^>]+)>/im, `Message-ID: <${path}.$1>`);
  // A command takes effect only from the candidate's own address (from another one it waits for
  // their confirmation): here the candidate is the corpus message's author.
  if (msg.expected.kind === "reply" && msg.expected.command) raw = raw.replace(/^From:.*$/im, `From: <${who.email}>`);
  const res = path === "mime" ? await postMime(app, raw) : await deliverViaResend(env, app, raw);
  if (res.status !== 202) return { name: msg.name, ok: false, detail: `HTTP ${res.status} ${await res.text()}` };
  const { id } = (await res.json()) as { id: string };
  const inbound = await eventually(async () => {
    const row = await env.ctx.db.inboundMessage.findUnique({ where: { id } });
    return row && row.status !== "queued" ? row : undefined;
  }, 20_000);
  const reflections = await env.ctx.db.reflection.findMany({ where: { candidateId: who.candidateId } });
  const candidate = await env.ctx.db.candidate.findUniqueOrThrow({ where: { id: who.candidateId } });
  const exp = msg.expected;
  if (exp.kind === "auto-reply") {
    const ok = inbound.status === "ignored" && reflections.length === 0;
    return { name: msg.name, ok, detail: `status ${inbound.status}, ${reflections.length} reflections` };
  }
  if (exp.kind === "start") {
    // One pending signup per address: the second path's run updates the first one's.
    const sender = /^From:.*?<?([^\s<>]+@[^\s<>]+)>?\s*$/im.exec(raw)?.[1]?.toLowerCase() ?? "";
    const pending = await env.ctx.db.pendingSubscription.findMany({ where: { email: sender } });
    const ok =
      inbound.result === "subscription" && pending.some((p) => p.company === (exp.company ?? "your recent interview"));
    return {
      name: msg.name,
      ok,
      detail: `result ${inbound.result}, companies ${pending.map((p) => p.company).join("|")}`,
    };
  }
  if (exp.command) {
    const interview = await env.ctx.db.interview.findUniqueOrThrow({ where: { id: who.interviewId } });
    const effect = {
      stop: candidate.status === "unsubscribed",
      pause: candidate.status === "paused",
      offer: interview.offerAt !== null,
    }[exp.command];
    return {
      name: msg.name,
      ok: effect && reflections.length === 0,
      detail: `command ${exp.command}: candidate ${candidate.status}`,
    };
  }
  const text = reflections[0]?.text ?? null;
  const ok = reflections.length === 1 && text === exp.reflection && reflections[0]?.interviewId === who.interviewId;
  return {
    name: msg.name,
    ok,
    detail: ok ? "" : `stored ${JSON.stringify(text)}\nexpected ${JSON.stringify(exp.reflection)}`,
  };
}

describe("the inbound corpus, through both inbound paths", () => {
  it("has at least 40 messages", () => {
    expect(corpus.length).toBeGreaterThanOrEqual(40);
  });

  for (const path of ["mime", "resend"] as const) {
    it(`stores exactly the expected result for every message via ${path === "mime" ? "POST /inbound/mime" : "POST /webhooks/resend + GET /emails/receiving"}`, async () => {
      const results = [];
      for (const msg of corpus) results.push(await runOne(msg, path));
      const exact = results.filter((r) => r.ok).length;
      console.log(
        `inbound corpus via ${path}: ${exact}/${results.length} exact (${((exact / results.length) * 100).toFixed(1)}%)`,
      );
      expect(results.filter((r) => !r.ok).map((r) => `${r.name}: ${r.detail}`)).toEqual([]);
    }, 240_000);
  }
});
