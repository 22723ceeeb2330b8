import { THEME_LABELS } from "@rebound/domain";
import { eventually, type FakeEmail, type TestEnv, unique } from "@rebound/testkit";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { postMime, startWorkerWorld, type WorkerWorld } from "./support.js";

let world: WorkerWorld;
let env: TestEnv;
let app: WorkerWorld["app"];
let apiKey: string;

beforeAll(async () => {
  world = await startWorkerWorld({ DRIP_SPEEDUP: "864000" });
  ({ env, app, apiKey } = world);
});
afterAll(async () => world?.close());

const stepOf = (e: FakeEmail) => e.tags?.find((t) => t.name === "step")?.value;

async function enrol(body: Record<string, unknown>) {
  const res = await app.request("/v1/interviews", {
    method: "POST",
    headers: { "content-type": "application/json", authorization: `Bearer ${apiKey}` },
    body: JSON.stringify(body),
  });
  expect(res.status).toBe(202);
  return (await res.json()) as { candidateId: string; enrollmentId: string; interviewId: string };
}

let mailCounter = 0;
function reply(to: string, from: string, text: string, subject = "Re: your interview") {
  return [
    `From: Candidate <${from}>`,
    `To: Rebound <${to}>`,
    `Subject: ${subject}`,
    `Message-ID: <reply-${++mailCounter}-${unique("m")}@mail.example.com>`,
    "MIME-Version: 1.0",
    'Content-Type: text/plain; charset="utf-8"',
    "",
    text,
    "",
    "On Mon, 3 Mar 2025 at 10:02, Rebound <coach@rebound.test> wrote:",
    "> What were the high points of this interview?",
    "",
  ].join("\r\n");
}

async function sendReply(email: FakeEmail, from: string, text: string) {
  const to = Array.isArray(email.reply_to) ? email.reply_to[0] : email.reply_to;
  const res = await postMime(app, reply(to ?? "", from, text));
  expect(res.status).toBe(202);
  const { id } = (await res.json()) as { id: string };
  return eventually(async () => {
    const row = await env.ctx.db.inboundMessage.findUnique({ where: { id } });
    return row && row.status !== "queued" ? row : undefined;
  });
}

const ANALYSE_REPLY =
  "Honestly I was so nervous my voice was shaking and I avoided eye contact the whole time. " +
  "I rambled on the system design question and never got to the point. " +
  "I hadnt researched their product at all, so when they asked why this company I had nothing. " +
  "The best part was the pairing exercise, that went really well.";

describe("reply to analyse -> analysis email", () => {
  it("stores the reflection with its themes and sends one analysis email with actions", async () => {
    const email = `${unique("ana")}@example.com`;
    const first = await enrol({
      email,
      name: "Ana Silva",
      company: "Initech",
      role: "Backend Engineer",
      outcome: "rejected",
    });
    await eventually(() => env.resend.to(email).length === 4);
    const byStep = Object.fromEntries(env.resend.to(email).map((e) => [stepOf(e), e]));

    // High points, answered to the first email.
    const processOutcome = await sendReply(
      byStep.process as FakeEmail,
      email,
      "The pairing exercise went great and they liked my questions.",
    );
    expect(processOutcome.result).toBe("reflection");
    const analyse = await sendReply(byStep.analyse as FakeEmail, email, ANALYSE_REPLY);
    expect(analyse.result).toBe("reflection");

    const reflections = await env.ctx.db.reflection.findMany({
      where: { candidateId: first.candidateId },
      orderBy: { receivedAt: "asc" },
    });
    expect(reflections.map((r) => r.step)).toEqual(["process", "analyse"]);
    expect(reflections[1]?.themes).toEqual(expect.arrayContaining(["nonverbal", "communication", "preparation"]));
    expect(reflections[1]?.prompt).toMatch(/prepared/);

    const analysisMail = await eventually(() => env.resend.to(email).find((e) => stepOf(e) === "analysis"));
    for (const theme of ["nonverbal", "communication", "preparation"] as const)
      expect(analysisMail.html).toContain(THEME_LABELS[theme]);
    expect(analysisMail.text).toContain("rambled");
    expect(analysisMail.reply_to).toMatch(/^reply\+/);
    expect(analysisMail.headers?.["List-Unsubscribe-Post"]).toBe("List-Unsubscribe=One-Click");
    const message = await eventually(async () => {
      const m = await env.ctx.db.message.findFirst({ where: { candidateId: first.candidateId, kind: "analysis" } });
      return m?.status === "sent" ? m : undefined;
    });
    expect(message.providerId).toBe(analysisMail.id);

    // A second reply to the same prompt is kept, in order, and does not send a second analysis.
    await sendReply(
      byStep.analyse as FakeEmail,
      email,
      "One more thing: my resume had typos and was badly formatted, I should fix that before the next one.",
    );
    const after = await env.ctx.db.reflection.findMany({
      where: { candidateId: first.candidateId },
      orderBy: { receivedAt: "asc" },
    });
    expect(after.map((r) => r.step)).toEqual(["process", "analyse", "analyse"]);
    await new Promise((r) => setTimeout(r, 1000));
    expect(env.resend.to(email).filter((e) => stepOf(e) === "analysis")).toHaveLength(1);

    // The API lists them newest first.
    const res = await app.request(`/v1/candidates/${first.candidateId}/reflections`, {
      headers: { authorization: `Bearer ${apiKey}` },
    });
    const body = (await res.json()) as {
      reflections: { step: string; text: string; themes: string[]; prompt: string; messageId: string }[];
    };
    expect(body.reflections.map((r) => r.step)).toEqual(["analyse", "analyse", "process"]);
    expect(body.reflections[0]?.themes).toContain("materials");
  });

  it("compares with earlier interviews, and a reply to an old email lands on its own interview", async () => {
    const email = `${unique("bea")}@example.com`;
    await enrol({ email, name: "Bea", company: "Globex", outcome: "rejected" });
    await eventually(() => env.resend.to(email).length === 4);
    const globex = Object.fromEntries(env.resend.to(email).map((e) => [stepOf(e), e]));
    await sendReply(
      globex.analyse as FakeEmail,
      email,
      "I froze when they asked a brain teaser and my answers had no structure, no STAR at all. I was nervous.",
    );
    await eventually(() => env.resend.to(email).find((e) => stepOf(e) === "analysis"));

    const second = await enrol({ email, name: "Bea", company: "Umbrella", outcome: "rejected" });
    await eventually(() => env.resend.to(email).filter((e) => stepOf(e) === "analyse").length === 2);
    const umbrellaAnalyse = env.resend.to(email).filter((e) => stepOf(e) === "analyse")[1] as FakeEmail;
    await sendReply(
      umbrellaAnalyse,
      email,
      "Again I was so nervous I could barely speak, and I blanked on an unexpected question about estimating piano tuners.",
    );
    const umbrellaAnalysis = await eventually(() => env.resend.to(email).filter((e) => stepOf(e) === "analysis")[1]);
    expect(umbrellaAnalysis.text).toContain("Globex");

    // Bea now answers the old Globex feedback email: it belongs to the Globex interview, not the running one.
    await sendReply(
      globex.feedback as FakeEmail,
      email,
      "Globex finally answered: they wanted someone with more Kubernetes experience.",
    );
    const globexInterview = await env.ctx.db.interview.findFirstOrThrow({
      where: { candidateId: second.candidateId, company: "Globex" },
    });
    const latest = await env.ctx.db.reflection.findFirstOrThrow({
      where: { candidateId: second.candidateId },
      orderBy: { receivedAt: "desc" },
    });
    expect(latest.interviewId).toBe(globexInterview.id);
    expect(latest.step).toBe("feedback");
  });

  it("flags distress in a reflection for coaches", async () => {
    const email = `${unique("cal")}@example.com`;
    const { candidateId } = await enrol({ email, company: "Hooli", outcome: "rejected" });
    await eventually(() => env.resend.to(email).length === 4);
    const processMail = env.resend.to(email).find((e) => stepOf(e) === "process") as FakeEmail;
    await sendReply(processMail, email, "honestly i want to give up, whats the point of applying anymore");
    const r = await env.ctx.db.reflection.findFirstOrThrow({ where: { candidateId } });
    expect(r.distress).toBe(true);
    expect(r.themes).toContain("mindset");
  });

  it("a reply to the pending check-in starts the matching track", async () => {
    const email = `${unique("dee")}@example.com`;
    const { candidateId } = await enrol({ email, company: "Vandelay", outcome: "pending" });
    const checkIn = await eventually(() => env.resend.to(email).find((e) => stepOf(e) === "check-in"), 20_000);
    await sendReply(checkIn, email, "They rejected me last week unfortunately.");
    const enrolments = await eventually(async () => {
      const rows = await env.ctx.db.enrollment.findMany({ where: { candidateId }, orderBy: { enrolledAt: "asc" } });
      return rows.length === 2 ? rows : undefined;
    });
    expect(enrolments.map((e) => e.track)).toEqual(["pending", "rejected"]);
    await eventually(() => env.resend.to(email).some((e) => stepOf(e) === "process"));
  });
});
