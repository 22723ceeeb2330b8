import { createApp } from "@rebound/api";
import { type Analysis, actionPlan, THEME_LABELS } from "@rebound/domain";
import {
  analysisAnswer,
  createWorld,
  eventually,
  type FakeEmail,
  FakeOpenAi,
  postMime,
  unique,
  type World,
} from "@rebound/testkit";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startWorkers } from "../src/workers.js";

/**
 * The whole path, once per analyser: a candidate enrolled through the API receives the drip, replies
 * to `analyse` through POST /inbound/mime, and the analysis email in the fake Resend carries the
 * themes, the candidate's own words as evidence, actions that fit them, and (with the LLM) its summary.
 */

type App = ReturnType<typeof createApp>;
const stepOf = (e: FakeEmail) => e.tags?.find((t) => t.name === "step")?.value;
const decode = (s: string) =>
  s
    .replace(/&#x27;|&#39;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, "&");

const REPLY =
  "I hadn't researched their product at all, so when they asked why this company I had nothing to say. " +
  "I was so nervous my voice was shaking. The best part was the pairing exercise, that went really well.";

function startWorld(env: Record<string, string>): Promise<World<App>> {
  return createWorld<App>({
    env: { DRIP_SPEEDUP: "864000", ...env },
    app: createApp,
    workers: (ctx) => startWorkers(ctx, { reconcileEveryMs: 1000, lockDurationMs: 5000 }),
  });
}

/** Enrols through the API, waits for the `analyse` email, replies to it and returns the analysis email. */
async function replyToAnalyse(world: World<App>, name: string, company: string, text = REPLY) {
  const email = `${unique("e2e")}@example.com`;
  const res = await world.postInterview({ email, name, company, role: "Backend Engineer", outcome: "rejected" });
  expect(res.status).toBe(202);
  const { candidateId } = (await res.json()) as { candidateId: string };
  const analyse = await eventually(() => world.env.resend.to(email).find((e) => stepOf(e) === "analyse"));
  const replyTo = Array.isArray(analyse.reply_to) ? analyse.reply_to[0] : analyse.reply_to;
  const raw = [
    `From: ${name} <${email}>`,
    `To: <${replyTo}>`,
    "Subject: Re: ten minutes to look back",
    `Message-ID: <${unique("m")}@mail.example.com>`,
    "MIME-Version: 1.0",
    'Content-Type: text/plain; charset="utf-8"',
    "",
    text,
    "",
    "On Mon, 3 Mar 2025 at 10:02, Rebound <coach@rebound.test> wrote:",
    "> How well had you prepared?",
    "",
  ].join("\r\n");
  expect((await postMime(world.app, raw)).status).toBe(202);
  const mail = await eventually(() => world.env.resend.to(email).find((e) => stepOf(e) === "analysis"), 20_000);
  return { email, candidateId, mail, text: decode(mail.text ?? ""), html: decode(mail.html ?? "") };
}

describe("ANALYSER=rules (the default)", () => {
  let world: World<App>;
  beforeAll(async () => {
    world = await startWorld({});
  });
  afterAll(async () => world?.close());

  it("answers a reply to analyse with an analysis email: its themes, its evidence, actions that fit", async () => {
    const { text, html, candidateId } = await replyToAnalyse(world, "Ana Silva", "Initech");
    for (const theme of ["preparation", "nonverbal"] as const) {
      expect(text).toContain(THEME_LABELS[theme]);
      expect(html).toContain(THEME_LABELS[theme]);
    }
    expect(text).toContain("hadn't researched their product");
    expect(text).toContain("nervous");
    // The actions are the plan for this evidence, company and role (not a fixed list per theme).
    const stored = await world.ctx.db.reflection.findFirstOrThrow({ where: { candidateId, step: "analyse" } });
    const analysis = stored.analysis as unknown as Analysis;
    const plan = actionPlan({ themes: analysis.themes, company: "Initech", role: "Backend Engineer" });
    expect(plan.map((p) => p.theme)).toEqual(expect.arrayContaining(["preparation", "nonverbal"]));
    for (const p of plan) for (const action of p.actions) expect(text).toContain(action);
    // No LLM: no summary section.
    expect(text).not.toContain("In short");
  });

  it("says so when a theme comes up again in a later interview", async () => {
    const email = `${unique("rep")}@example.com`;
    const first = await world.postInterview({ email, name: "Bo", company: "Globex", outcome: "rejected" });
    expect(first.status).toBe(202);
    const firstAnalyse = await eventually(() => world.env.resend.to(email).find((e) => stepOf(e) === "analyse"));
    await replyFrom(world, email, firstAnalyse, "I had not researched the company at all before the interview.");
    await eventually(() => world.env.resend.to(email).find((e) => stepOf(e) === "analysis"), 20_000);

    const second = await world.postInterview({ email, name: "Bo", company: "Umbrella", outcome: "rejected" });
    expect(second.status).toBe(202);
    const secondAnalyse = await eventually(() => world.env.resend.to(email).filter((e) => stepOf(e) === "analyse")[1]);
    await replyFrom(world, email, secondAnalyse, "Again I did not research the company, I barely knew what they do.");
    const mail = await eventually(() => world.env.resend.to(email).filter((e) => stepOf(e) === "analysis")[1], 20_000);
    const text = decode(mail.text ?? "");
    expect(text).toContain("Second time preparation");
    expect(text).toContain("this time at Umbrella");
  });
});

async function replyFrom(world: World<App>, from: string, to: FakeEmail, text: string) {
  const replyTo = Array.isArray(to.reply_to) ? to.reply_to[0] : to.reply_to;
  const raw = [
    `From: <${from}>`,
    `To: <${replyTo}>`,
    "Subject: Re: your interview",
    `Message-ID: <${unique("m")}@mail.example.com>`,
    'Content-Type: text/plain; charset="utf-8"',
    "",
    text,
    "",
  ].join("\r\n");
  expect((await postMime(world.app, raw)).status).toBe(202);
}

describe("ANALYSER=llm with the fake OpenAI-compatible server", () => {
  const llm = new FakeOpenAi();
  let world: World<App>;
  const SUMMARY = "You clearly enjoyed the pairing; the gap to close is knowing the company before you walk in.";
  beforeAll(async () => {
    await llm.start();
    llm.answer(
      analysisAnswer({
        themes: [
          { theme: "preparation", evidence: ["I hadn't researched their product at all"] },
          // Not in the reply: the analyser drops evidence it cannot find, and a theme left with none.
          { theme: "materials", evidence: ["my CV had three typos"] },
        ],
        highPoints: ["The best part was the pairing exercise, that went really well."],
        summary: SUMMARY,
      }),
    );
    world = await startWorld({
      ANALYSER: "llm",
      LLM_BASE_URL: llm.baseUrl,
      LLM_API_KEY: llm.apiKey,
      LLM_MODEL: "test-model",
    });
  });
  afterAll(async () => {
    await world?.close();
    await llm.stop();
  });

  it("sends the reflection (and nothing personal) to the LLM and mails its themes, evidence and summary", async () => {
    const { email, text, html } = await replyToAnalyse(world, "Ana Silva", "Initech");
    expect(text).toContain("In short");
    expect(text).toContain(SUMMARY);
    expect(html).toContain(SUMMARY);
    expect(text).toContain(THEME_LABELS.preparation);
    expect(text).toContain("hadn't researched their product at all");
    expect(text).not.toContain("three typos");
    expect(text).not.toContain(THEME_LABELS.materials);
    expect(text).toContain("pairing exercise");

    const sent = llm.requests.filter((r) => r.status === 200);
    expect(sent.length).toBeGreaterThan(0);
    expect(sent.some((r) => r.raw.includes("researched their product"))).toBe(true);
    for (const r of llm.requests) {
      expect(r.raw).not.toContain(email);
      expect(r.raw).not.toContain("Ana Silva");
    }
  });

  it("falls back to the offline analyser when the LLM fails, and still mails the analysis", async () => {
    llm.mode = { kind: "status", status: 500 };
    const { text } = await replyToAnalyse(world, "Cy", "Hooli");
    expect(text).toContain(THEME_LABELS.preparation);
    expect(text).toContain(THEME_LABELS.nonverbal);
    expect(text).not.toContain(SUMMARY);
    expect(text).not.toContain("In short");
  });
});
