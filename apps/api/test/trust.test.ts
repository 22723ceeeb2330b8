/**
 * Consent that cannot be faked, and abuse that bounces off (issue "Trust"): signups limited per
 * address and per IP, a confirmation only by the page's button, declines that stick, commands
 * from another address held for the candidate, and the security headers of every HTML page.
 */
import { signToken, unsubscribeToken } from "@rebound/domain";
import { createWorld, sendScheduledEmails, unique, type World } from "@rebound/testkit";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApp } from "../src/app.js";
import { acceptMime, enrolWithSentEmail, processStored, rawMail } from "./support.js";

type App = ReturnType<typeof createApp>;
let world: World<App>;
beforeAll(async () => {
  world = await createWorld<App>({ app: createApp, env: { TRUST_PROXY: "true" } });
});
afterAll(async () => world?.close());

const db = () => world.ctx.db;
const signup = (email: string, ip: string, company = "Acme") =>
  world.app.request("/v1/subscribe", {
    method: "POST",
    headers: { "content-type": "application/json", "x-forwarded-for": ip },
    body: JSON.stringify({ program: world.programId, email, company }),
  });
let ips = 0;
/** A fresh client address per call, so one test's limit never spends another's. */
const ip = () => {
  ips++;
  return `198.51.${Math.floor(ips / 250)}.${(ips % 250) + 1}`;
};

describe("signups", () => {
  it("25 signups for one stranger's address send one confirmation, and are refused past the limit", async () => {
    const victim = `${unique("victim")}@example.com`;
    const from = ip();
    const answers = [];
    for (let i = 0; i < 25; i++) answers.push(await signup(victim, from, `Evil Corp ${i} https://phish.example`));
    const codes = answers.map((a) => a.status);
    expect(codes.slice(0, 5)).toEqual(Array(5).fill(202));
    expect(codes.slice(5).every((c) => c === 429)).toBe(true);
    expect(Number(answers[24]?.headers.get("retry-after"))).toBeGreaterThan(0);
    await sendScheduledEmails(world.env);
    const mails = world.env.resend.to(victim);
    expect(mails).toHaveLength(1);
    expect(mails[0]?.subject).not.toMatch(/Evil|phish/);
    expect(await db().pendingSubscription.count({ where: { email: victim } })).toBe(1);
  });

  it("the limit per address holds across IPs, and the limit per IP across addresses", async () => {
    const victim = `${unique("spread")}@example.com`;
    const spread = [];
    for (let i = 0; i < 8; i++) spread.push((await signup(victim, ip())).status);
    expect(spread.filter((s) => s === 429).length).toBeGreaterThanOrEqual(3);
    const one = ip();
    const burst = [];
    for (let i = 0; i < 24; i++) burst.push((await signup(`${unique("many")}@example.com`, one)).status);
    expect(burst.filter((s) => s === 429).length).toBeGreaterThanOrEqual(4);
  });

  it("answers the same for a new, a pending, an enrolled and a suppressed address", async () => {
    const enrolled = await world.createCandidate();
    const suppressed = await world.createCandidate();
    await world.app.request(`/unsubscribe/${unsubscribeToken(suppressed.candidateId, world.env.config.APP_SECRET)}`, {
      method: "POST",
    });
    const bodies = [];
    for (const email of [`${unique("fresh")}@example.com`, enrolled.email, suppressed.email]) {
      const res = await signup(email, ip());
      bodies.push([res.status, await res.text()]);
    }
    expect(new Set(bodies.map((b) => JSON.stringify(b))).size).toBe(1);
    await sendScheduledEmails(world.env);
    expect(world.env.resend.to(suppressed.email)).toHaveLength(0);
  });

  it("opening the confirmation link changes nothing; only the page's button confirms", async () => {
    const email = `${unique("scan")}@example.com`;
    expect((await signup(email, ip())).status).toBe(202);
    await sendScheduledEmails(world.env);
    const link = /https?:\/\/[^\s"'<>]+\/v1\/subscribe\/confirm\?token=([A-Za-z0-9_.-]+)/.exec(
      world.env.resend.to(email)[0]?.text ?? "",
    );
    const token = link?.[1] ?? "";
    expect(token).not.toBe("");
    // A mail scanner follows the link (and the decline link) a few times.
    for (const query of [`token=${token}`, `token=${token}&decline=1`, `token=${token}`]) {
      const page = await world.app.request(`/v1/subscribe/confirm?${query}`);
      expect(page.status).toBe(200);
      expect(page.headers.get("content-type")).toMatch(/text\/html/);
      const html = await page.text();
      expect(html).toMatch(/<form method="post" action="\/v1\/subscribe\/confirm">/);
      expect(html).not.toMatch(/"status"/);
    }
    expect(await db().candidate.count({ where: { email } })).toBe(0);
    expect((await db().pendingSubscription.findFirstOrThrow({ where: { email } })).confirmedAt).toBeNull();
    // The person presses the button.
    const done = await world.app.request("/v1/subscribe/confirm", {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ token, action: "confirm" }).toString(),
    });
    expect(done.status).toBe(200);
    expect(await done.text()).toMatch(/you are in/i);
    const candidate = await db().candidate.findFirstOrThrow({ where: { email } });
    expect(candidate.consent).toMatchObject({ method: "double-opt-in", source: "signup API" });
  });

  it("a decline suppresses further signups for that address", async () => {
    const email = `${unique("decline")}@example.com`;
    await signup(email, ip());
    await sendScheduledEmails(world.env);
    const pending = await db().pendingSubscription.findFirstOrThrow({ where: { email } });
    const token = signToken("subscribe", pending.id, world.env.config.APP_SECRET, new Date(Date.now() + 86_400_000));
    const declined = await world.app.request("/v1/subscribe/confirm", {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded", accept: "application/json" },
      body: new URLSearchParams({ token, action: "decline" }).toString(),
    });
    expect(await declined.json()).toEqual({ status: "declined" });
    expect((await signup(email, ip())).status).toBe(202);
    await sendScheduledEmails(world.env);
    expect(world.env.resend.to(email)).toHaveLength(1); // only the first confirmation, ever
    expect(await db().pendingSubscription.count({ where: { email } })).toBe(0);
  });
});

describe("replies from someone else", () => {
  it("a forwarded STOP from another sender does not unsubscribe until the candidate confirms", async () => {
    const c = await enrolWithSentEmail({
      env: world.env,
      app: world.app,
      programId: world.programId,
      apiKey: world.apiKey,
    });
    const id = await acceptMime(world.app, rawMail({ to: c.replyTo, from: "Boss <boss@other.example>", body: "STOP" }));
    expect(await processStored(world.env, id)).toBe("command");
    expect((await db().candidate.findUniqueOrThrow({ where: { id: c.candidateId } })).status).toBe("active");
    await sendScheduledEmails(world.env);
    const ask = world.env.resend.to(c.email).find((e) => /confirm/i.test(e.subject));
    const path = /\/confirm-command\/[A-Za-z0-9_.-]+/.exec(ask?.text ?? "")?.[0] ?? "";
    expect(path).not.toBe("");
    expect((await world.app.request(path)).status).toBe(200); // opening it changes nothing
    expect((await db().candidate.findUniqueOrThrow({ where: { id: c.candidateId } })).status).toBe("active");
    expect((await world.app.request(path, { method: "POST" })).status).toBe(200);
    expect((await db().candidate.findUniqueOrThrow({ where: { id: c.candidateId } })).status).toBe("unsubscribed");
  });

  it("a reply from another address is stored, marked as such", async () => {
    const c = await enrolWithSentEmail({
      env: world.env,
      app: world.app,
      programId: world.programId,
      apiKey: world.apiKey,
    });
    const id = await acceptMime(
      world.app,
      rawMail({ to: c.replyTo, from: "Sam <sam.work@other.example>", body: "The high point was the case study." }),
    );
    expect(await processStored(world.env, id)).toBe("reflection");
    const r = await db().reflection.findFirstOrThrow({ where: { candidateId: c.candidateId } });
    expect(r.fromOther).toBe(true);
  });
});

describe("security headers", () => {
  async function pages(app: App) {
    const c = await world.createCandidate();
    const secret = world.env.config.APP_SECRET;
    const later = new Date(Date.now() + 86_400_000);
    return [
      `/unsubscribe/${unsubscribeToken(c.candidateId, secret)}`,
      `/preferences/${signToken("prefs", c.candidateId, secret, later)}`,
      `/log/${signToken("log", c.candidateId, secret, later)}`,
      `/v1/subscribe/confirm?token=${signToken("subscribe", c.candidateId, secret, later)}`,
      `/confirm-command/${signToken("command", `${c.candidateId}_stop_${c.interviewId}`, secret, later)}`,
      "/docs",
    ].map(async (path) => ({ path, res: await app.request(path) }));
  }

  it("every HTML page has CSP, nosniff, no-referrer and no framing", async () => {
    for (const p of await pages(world.app)) {
      const { path, res } = await p;
      expect(res.headers.get("content-type"), path).toMatch(/text\/html/);
      const csp = res.headers.get("content-security-policy") ?? "";
      expect(csp, path).toMatch(/default-src 'none'/);
      expect(csp, path).toMatch(/frame-ancestors 'none'/);
      expect(res.headers.get("x-content-type-options"), path).toBe("nosniff");
      expect(res.headers.get("referrer-policy"), path).toBe("no-referrer");
      expect(res.headers.get("strict-transport-security"), path).toBeNull(); // not in development or tests
    }
  });

  it("HSTS is on in production", async () => {
    const prod = createApp({ ...world.ctx, config: { ...world.ctx.config, NODE_ENV: "production" } });
    const res = await prod.request("/healthz");
    expect(res.headers.get("strict-transport-security")).toMatch(/max-age=\d+/);
  });

  it("request bodies over the limits are refused", async () => {
    const big = "x".repeat(70 * 1024);
    const res = await world.app.request("/v1/subscribe", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ program: world.programId, email: "a@example.com", company: big }),
    });
    expect(res.status).toBe(413);
  });
});
