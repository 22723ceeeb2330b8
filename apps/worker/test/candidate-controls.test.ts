import { createPendingSubscription } from "@rebound/core";
import { eventually, type FakeEmail, type TestEnv, unique } from "@rebound/testkit";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { postMime, startWorkerWorld, type WorkerWorld } from "./support.js";

let world: WorkerWorld;
let env: TestEnv;
let app: WorkerWorld["app"];
let apiKey: string;

beforeAll(async () => {
  // One day of the track per second: the rejected track spans 7 s.
  world = await startWorkerWorld({ DRIP_SPEEDUP: "86400" }, { reconcileEveryMs: 500 });
  ({ env, app, apiKey } = world);
});
afterAll(async () => world?.close());

const call = async (method: string, path: string, body?: unknown) => {
  const res = await app.request(path, {
    method,
    headers: { authorization: `Bearer ${apiKey}`, ...(body ? { "content-type": "application/json" } : {}) },
    ...(body ? { body: JSON.stringify(body) } : {}),
  });
  return { status: res.status, json: (await res.json()) as Record<string, unknown> };
};
const stepOf = (e: FakeEmail) => e.tags?.find((t) => t.name === "step")?.value;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe("pause, resume and erase", () => {
  it("a paused candidate gets nothing until resumed, then the track goes on where it stopped", async () => {
    const email = `${unique("pau")}@example.com`;
    const { json } = await call("POST", "/v1/interviews", { email, company: "Acme", outcome: "rejected" });
    const candidateId = json.candidateId as string;
    await eventually(() => env.resend.to(email).length === 1);
    expect((await call("POST", `/v1/candidates/${candidateId}/pause`, { days: 7 })).status).toBe(200);
    await sleep(2500); // the day-1 feedback step falls due during the pause
    expect(env.resend.to(email).map(stepOf)).toEqual(["process"]);
    const paused = await call("GET", `/v1/candidates/${candidateId}`);
    expect(paused.json.status).toBe("paused");
    expect(paused.json.pausedUntil).toEqual(expect.any(String));

    expect((await call("POST", `/v1/candidates/${candidateId}/resume`)).status).toBe(200);
    await eventually(() => env.resend.to(email).length === 4, 20_000);
    expect(env.resend.to(email).map(stepOf)).toEqual(["process", "feedback", "analyse", "keep-applying"]);
  });

  it("a timed pause ends by itself", async () => {
    const email = `${unique("tim")}@example.com`;
    const { json } = await call("POST", "/v1/interviews", { email, company: "Acme", outcome: "rejected" });
    await eventually(() => env.resend.to(email).length === 1);
    // Two days of pause pass in two seconds at this speed; the reconciler resumes the candidate.
    expect((await call("POST", `/v1/candidates/${json.candidateId as string}/pause`, { days: 2 })).status).toBe(200);
    await sleep(1000);
    expect(env.resend.to(email)).toHaveLength(1);
    await eventually(() => env.resend.to(email).length === 4, 20_000);
    expect((await call("GET", `/v1/candidates/${json.candidateId as string}`)).json.status).toBe("active");
  });

  it("erasure removes personal data, keeps the counts, and lets the person come back", async () => {
    const cohort = await call("POST", "/v1/cohorts", {
      slug: unique("erase")
        .toLowerCase()
        .replace(/[^a-z0-9-]/g, "-"),
      name: "Erase",
    });
    const slug = cohort.json.slug as string;
    const email = `${unique("era")}@example.com`;
    const { json } = await call("POST", "/v1/interviews", {
      email,
      name: "Eve Erased",
      company: "Initech",
      outcome: "rejected",
      cohort: slug,
    });
    const candidateId = json.candidateId as string;
    const first = await eventually(() => env.resend.to(email)[0]);
    const replyTo = Array.isArray(first.reply_to) ? first.reply_to[0] : first.reply_to;
    await postMime(
      app,
      [
        "From: <x@example.com>",
        `To: <${replyTo}>`,
        `Message-ID: <${unique("e")}@x>`,
        "",
        "I was nervous and rambled.",
        "",
      ].join("\r\n"),
    );
    await eventually(async () => (await env.ctx.db.reflection.count({ where: { candidateId } })) === 1);
    // The reply triggers the analysis email; erasing while it is in flight is covered in send-races.test.ts.
    await eventually(() => env.resend.to(email).some((e) => stepOf(e) === "analysis"));

    // A second signup of the same person, still waiting for its confirmation click.
    await createPendingSubscription(env.ctx, {
      programId: world.programId,
      email,
      company: "Initech",
      outcome: "rejected",
      source: "web",
      consentSource: "signup page (test)",
    });

    expect((await call("DELETE", `/v1/candidates/${candidateId}`)).status).toBe(200);
    const after = await call("GET", `/v1/candidates/${candidateId}`);
    expect(after.json).toMatchObject({ status: "erased", email: null, name: null });
    expect(JSON.stringify(after.json)).not.toContain("Initech");
    const reflection = await env.ctx.db.reflection.findFirstOrThrow({ where: { candidateId } });
    expect(reflection.text).toBeNull();
    expect(reflection.analysis).toBeNull(); // it quotes the reflection
    expect(await env.ctx.db.pendingSubscription.count({ where: { email } })).toBe(0);
    expect(reflection.themes.length).toBeGreaterThan(0); // aggregate themes stay
    const stats = await call("GET", `/v1/cohorts/${slug}/stats`);
    expect(stats.json.enrolled).toBe(1);
    const sentBefore = env.resend.to(email).length;
    await sleep(2000);
    expect(env.resend.to(email).length).toBe(sentBefore); // nothing more to an erased candidate

    const again = await call("POST", "/v1/interviews", { email, company: "Globex", outcome: "offer" });
    expect(again.status).toBe(202);
    expect(again.json.candidateId).not.toBe(candidateId);
  });
});

describe("cohort statistics", () => {
  it("counts enrolment, the funnel per step, replies, themes, outcomes and days to offer", async () => {
    const slug = `stats-${Date.now().toString(36)}`;
    expect((await call("POST", "/v1/cohorts", { slug, name: "Stats" })).status).toBe(201);
    expect((await call("POST", "/v1/cohorts", { slug, name: "Again" })).status).toBe(409);
    const people = [`${unique("s1")}@example.com`, `${unique("s2")}@example.com`, `${unique("s3")}@example.com`];
    for (const email of people)
      await call("POST", "/v1/interviews", { email, company: "Acme", outcome: "rejected", cohort: slug });
    await eventually(() => people.every((p) => env.resend.to(p).length === 4), 20_000);
    // One candidate replies to "process"; one later gets an offer.
    const processMail = env.resend.to(people[0] ?? "").find((e) => stepOf(e) === "process") as FakeEmail;
    const replyTo = Array.isArray(processMail.reply_to) ? processMail.reply_to[0] : processMail.reply_to;
    await postMime(
      app,
      [
        "From: <a@example.com>",
        `To: <${replyTo}>`,
        `Message-ID: <${unique("s")}@x>`,
        "",
        "I hadn't researched the company and I froze on a brain teaser.",
        "",
      ].join("\r\n"),
    );
    await eventually(
      async () => (await env.ctx.db.reflection.count({ where: { candidate: { email: people[0] } } })) === 1,
    );
    await call("POST", "/v1/interviews", { email: people[1], company: "Globex", outcome: "offer", cohort: slug });

    const { status, json } = await call("GET", `/v1/cohorts/${slug}/stats`);
    expect(status).toBe(200);
    expect(json.enrolled).toBe(3);
    const funnel = json.funnel as { step: string; sent: number; replied: number; replyRate: number }[];
    expect(funnel.map((f) => f.step).slice(0, 4)).toEqual(["process", "feedback", "analyse", "keep-applying"]);
    expect(funnel[0]).toMatchObject({ step: "process", sent: 3, replied: 1, replyRate: 0.333 });
    expect(json.themes).toMatchObject({ preparation: 1, "unexpected-questions": 1 });
    expect(json.outcomes).toEqual({ rejected: 3, offer: 1 });
    expect(json.medianDaysToOffer).toEqual(expect.any(Number));
    expect(json.replyRate).toBeGreaterThan(0);
    expect((await call("GET", "/v1/cohorts/no-such-cohort/stats")).status).toBe(404);
  });
});
