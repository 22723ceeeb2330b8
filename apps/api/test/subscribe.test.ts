import { signToken } from "@rebound/domain";
import type { FakeEmail } from "@rebound/testkit";
import { createTestProgram, sendScheduledEmails, unique } from "@rebound/testkit";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type CorpusMessage, loadCorpus } from "../../../packages/inbound/test/corpus.js";
import {
  acceptMime,
  createWorld,
  expectConsistentInbound,
  expectError,
  inboundCounts,
  postMime,
  processStored,
  rawMail,
  INBOUND_DOMAIN,
  START_ADDRESS,
  type World,
} from "./support.js";

let world: World;

beforeAll(async () => {
  world = await createWorld();
});
afterAll(async () => world?.env.close());

const db = () => world.env.ctx.db;
const startLetters = loadCorpus().filter((m) => m.expected.kind === "start");
const CONFIRM_LINK = /https?:\/\/[^\s"'<>]+\/v1\/subscribe\/confirm\?token=([A-Za-z0-9_.-]+)/;

function senderOf(m: CorpusMessage): string {
  const from = /^From:.*<([^>]+)>/m.exec(m.raw)?.[1];
  if (!from) throw new Error(`${m.name} has no From address`);
  return from.toLowerCase();
}

/** The confirmation token in an email, checked in both its text and HTML parts. */
function confirmToken(email: FakeEmail | undefined): string {
  expect(email, "a confirmation email").toBeDefined();
  const token = CONFIRM_LINK.exec(email?.text ?? "")?.[1];
  expect(token, "a confirm link in the text part").toBeTruthy();
  expect(email?.html ?? "").toContain(`/v1/subscribe/confirm?token=${token}`);
  return token ?? "";
}

/** Confirmation emails are queued: this sends them as the email worker would. */
const deliver = () => sendScheduledEmails(world.env);

/** The confirmation page's button (a POST), asking for JSON; `decline` presses the "not me" button. */
const confirm = (token: string, action: "confirm" | "decline" = "confirm") =>
  world.app.request("/v1/subscribe/confirm", {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded", accept: "application/json" },
    body: new URLSearchParams({ token, action }).toString(),
  });

/**
 * The sender and confirm token of a corpus letter mailed to start@: mailed here
 * unless an earlier test already did (the corpus Message-ID makes a repeat a duplicate).
 */
async function subscribedByLetter(prefix: string) {
  const letter = startLetters.find((m) => m.name.startsWith(prefix));
  if (!letter) throw new Error(`corpus letter ${prefix} is missing`);
  const sender = senderOf(letter);
  if (world.env.resend.to(sender).length === 0) {
    const res = await postMime(world.app, letter.raw);
    expect(res.status).toBe(202);
    await processStored(world.env, ((await res.json()) as { id: string }).id);
    await deliver();
  }
  return { sender, token: confirmToken(world.env.resend.to(sender)[0]) };
}

async function mailStart(raw: string) {
  const id = await acceptMime(world.app, raw);
  const outcome = await processStored(world.env, id);
  return { outcome, row: await db().inboundMessage.findUniqueOrThrow({ where: { id } }) };
}

describe("subscribing by email to start@", () => {
  it("loads the forwarded rejection letters of the corpus", () => {
    expect(startLetters.map((m) => m.name)).toEqual(
      expect.arrayContaining(["51-start-gmail-forward", "54-start-no-company", "56-start-forward-as-attachment"]),
    );
  });

  for (const letter of startLetters) {
    it(`${letter.name}: a pending subscription for the company of the letter and a confirmation email`, async () => {
      const sender = senderOf(letter);
      const before = await inboundCounts(db());
      const { outcome, row } = await mailStart(letter.raw);
      expect(outcome).toBe("subscription");
      expect([row.status, row.result, row.programId]).toEqual(["processed", "subscription", world.programId]);

      const pending = await db().pendingSubscription.findMany({ where: { email: sender } });
      expect(pending).toHaveLength(1);
      const expectedCompany = letter.expected.kind === "start" ? letter.expected.company : "?";
      expect(pending[0]).toMatchObject({
        programId: world.programId,
        company: expectedCompany ?? "your recent interview",
        outcome: "rejected",
        source: "email",
        confirmedAt: null,
      });
      // Double opt-in: nobody is enrolled before the link is followed.
      const after = await inboundCounts(db());
      expect([after.candidates, after.enrollments, after.pending]).toEqual([
        before.candidates,
        before.enrollments,
        before.pending + 1,
      ]);
      await deliver();
      const mails = world.env.resend.to(sender);
      expect(mails).toHaveLength(1);
      confirmToken(mails[0]);
      if (expectedCompany) expect(mails[0]?.text ?? "").toContain(expectedCompany);
      await expectConsistentInbound(db());
    });
  }

  it("following the confirm link enrols once; following it again says already_confirmed", async () => {
    const { sender, token } = await subscribedByLetter("51-");

    const first = await confirm(token);
    expect(first.status).toBe(200);
    expect(await first.json()).toEqual({ status: "confirmed" });
    const candidate = await db().candidate.findUniqueOrThrow({
      where: { programId_email: { programId: world.programId, email: sender } },
      include: { interviews: true, enrollments: true },
    });
    expect(candidate.status).toBe("active");
    expect(candidate.name).toBe("Sam Lee");
    expect(candidate.interviews.map((i) => [i.company, i.outcome])).toEqual([["Kestrel Analytics", "rejected"]]);
    expect(candidate.enrollments.map((e) => [e.status, e.track])).toEqual([["active", "rejected"]]);
    const firstStep = await db().message.findMany({ where: { candidateId: candidate.id } });
    expect(firstStep.map((m) => [m.step, m.status])).toEqual([["process", "scheduled"]]);
    const pending = await db().pendingSubscription.findFirstOrThrow({ where: { email: sender } });
    expect(pending.confirmedAt).toBeInstanceOf(Date);

    const again = await confirm(token);
    expect(again.status).toBe(200);
    expect(await again.json()).toEqual({ status: "already_confirmed" });
    expect(await db().enrollment.count({ where: { candidateId: candidate.id } })).toBe(1);
    expect(await db().interview.count({ where: { candidateId: candidate.id } })).toBe(1);
    expect(await db().message.count({ where: { candidateId: candidate.id } })).toBe(1);
  });

  it("two clicks on the confirm link at the same moment enrol once", async () => {
    const email = `${unique("double")}@example.com`;
    const res = await world.app.request("/v1/subscribe", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ program: world.programId, email, company: "Hooli" }),
    });
    expect(res.status).toBe(202);
    await deliver();
    const token = confirmToken(world.env.resend.to(email)[0]);
    const answers = await Promise.all([confirm(token), confirm(token), confirm(token)]);
    expect(answers.map((a) => a.status)).toEqual([200, 200, 200]);
    const statuses = (await Promise.all(answers.map((a) => a.json()))) as { status: string }[];
    expect(statuses.filter((s) => s.status === "confirmed")).toHaveLength(1);
    const candidate = await db().candidate.findFirstOrThrow({ where: { email } });
    expect(await db().interview.count({ where: { candidateId: candidate.id } })).toBe(1);
    expect(await db().enrollment.count({ where: { candidateId: candidate.id } })).toBe(1);
  });

  it("refuses a tampered, expired or foreign confirm token with 400 and enrols nobody", async () => {
    const { sender, token } = await subscribedByLetter("52-");
    const other = await subscribedByLetter("55-");
    const pending = await db().pendingSubscription.findFirstOrThrow({ where: { email: sender } });
    const secret = world.env.config.APP_SECRET;
    const [subject = "", exp = "", mac = ""] = token.split(".");
    const otherPending = await db().pendingSubscription.findFirstOrThrow({ where: { email: other.sender } });
    const bad: [string, string][] = [
      ["a changed MAC", `${subject}.${exp}.${mac.slice(0, -1)}${mac.endsWith("a") ? "b" : "a"}`],
      ["another subscription's id under this MAC", `${otherPending.id}.${exp}.${mac}`],
      ["a later expiry under this MAC", `${subject}.${(Number.parseInt(exp, 36) + 86_400).toString(36)}.${mac}`],
      ["an expired token", signToken("subscribe", pending.id, secret, new Date(Date.now() - 60_000))],
      ["a token made for the candidate log", signToken("log", pending.id, secret, new Date(Date.now() + 86_400_000))],
      ["a token signed with another secret", signToken("subscribe", pending.id, "x".repeat(40), new Date(2100, 0, 1))],
    ];
    const before = await inboundCounts(db());
    for (const [name, forged] of bad) {
      const res = await confirm(forged);
      const err = await expectError(res, 400, "invalid_token");
      expect(err.error.message, name).not.toContain(secret);
    }
    await expectError(await confirm("short"), 400, "invalid_token");
    expect(await inboundCounts(db())).toEqual(before);
    expect((await db().pendingSubscription.findUniqueOrThrow({ where: { id: pending.id } })).confirmedAt).toBeNull();
    expect(await db().candidate.count({ where: { email: sender } })).toBe(0);
  });

  it("the decline link removes the pending subscription, and its confirm link then enrols nobody", async () => {
    const { sender, token } = await subscribedByLetter("53-");
    const declined = await confirm(token, "decline");
    expect(declined.status).toBe(200);
    expect(await declined.json()).toEqual({ status: "declined" });
    expect(await db().pendingSubscription.count({ where: { email: sender } })).toBe(0);
    await expectError(await confirm(token), 404, "not_found");
    expect(await db().candidate.count({ where: { email: sender } })).toBe(0);
  });

  const autoReplies: [string, Record<string, string>, string][] = [
    ["an Auto-Submitted header", { "Auto-Submitted": "auto-replied" }, "Fwd: Your application for Data Analyst"],
    ["an out-of-office subject", {}, "Out of Office: Fwd: Your application"],
    ["a null Return-Path", { "Return-Path": "<>" }, "Your application"],
  ];
  for (const [name, headers, subject] of autoReplies) {
    it(`an auto-reply to start@ (${name}) subscribes nobody and gets no email`, async () => {
      const from = `${unique("ooo")}@example.com`;
      const before = await inboundCounts(db());
      const sentBefore = world.env.resend.emails.length;
      const { outcome, row } = await mailStart(
        rawMail({
          to: START_ADDRESS,
          from: `Away Bot <${from}>`,
          subject,
          headers,
          body: [
            "I am out of the office until Monday.",
            "",
            "---------- Forwarded message ---------",
            "From: Kestrel Analytics Talent <talent@kestrelanalytics.com>",
            "Subject: Your application for Data Analyst",
            "",
            "Thank you for your interest in Kestrel Analytics.",
          ].join("\n"),
        }),
      );
      expect(outcome).toBe("ignored");
      expect([row.status, row.result]).toEqual(["ignored", "auto-reply"]);
      const after = await inboundCounts(db());
      expect(after).toEqual({ ...before, inbound: before.inbound + 1 });
      expect(await db().pendingSubscription.count({ where: { email: from } })).toBe(0);
      await deliver();
      expect(world.env.resend.emails.length).toBe(sentBefore);
    });
  }
});

describe("POST /v1/subscribe (the web form)", () => {
  const post = (body: unknown) =>
    world.app.request("/v1/subscribe", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: typeof body === "string" ? body : JSON.stringify(body),
    });
  const valid = () => ({
    program: world.programId,
    email: `${unique("web")}@example.com`,
    name: "Ada Lovelace",
    company: "Acme",
    role: "Engineer",
    timezone: "Europe/Paris",
  });

  const bad: [string, () => unknown, number, string][] = [
    ["a missing email", () => ({ ...valid(), email: undefined }), 400, "invalid_body"],
    ["a malformed email", () => ({ ...valid(), email: "not-an-email" }), 400, "invalid_body"],
    ["a missing company", () => ({ ...valid(), company: undefined }), 400, "invalid_body"],
    ["a blank company", () => ({ ...valid(), company: "   " }), 400, "invalid_body"],
    ["a program that is not a uuid", () => ({ ...valid(), program: "acme" }), 400, "invalid_body"],
    ["an unknown outcome", () => ({ ...valid(), outcome: "ghosted" }), 400, "invalid_body"],
    ["a bad time zone", () => ({ ...valid(), timezone: "Mars/Olympus" }), 400, "invalid_body"],
    ["an unknown field", () => ({ ...valid(), admin: true }), 400, "invalid_body"],
    ["malformed JSON", () => "{ not json", 400, "bad_request"],
    ["an unknown program", () => ({ ...valid(), program: "6f1c1c2e-2b7a-4d4c-9a55-3f0e8c1b2a77" }), 404, "not_found"],
    ["an unknown cohort", () => ({ ...valid(), cohort: "nope" }), 404, "not_found"],
  ];
  for (const [name, body, status, code] of bad) {
    it(`refuses ${name} with ${status} ${code}, storing and sending nothing`, async () => {
      const before = await inboundCounts(db());
      const sentBefore = world.env.resend.emails.length;
      await expectError(await post(body()), status, code);
      expect(await inboundCounts(db())).toEqual(before);
      await deliver();
      expect(world.env.resend.emails.length).toBe(sentBefore);
    });
  }

  it("answers 202 to a good signup, sends a confirmation, and enrols into the cohort on confirm", async () => {
    const cohort = await world.app.request("/v1/cohorts", {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${world.apiKey}` },
      body: JSON.stringify({ slug: "spring", name: "Spring" }),
    });
    expect(cohort.status).toBe(201);
    const body = { ...valid(), cohort: "spring" };
    const res = await post(body);
    expect(res.status).toBe(202);
    expect(await res.json()).toEqual({ status: "confirmation_sent" });
    const pending = await db().pendingSubscription.findMany({ where: { email: body.email } });
    expect(pending.map((p) => [p.company, p.role, p.timezone, p.source, p.confirmedAt])).toEqual([
      ["Acme", "Engineer", "Europe/Paris", "web", null],
    ]);
    expect(await db().candidate.count({ where: { email: body.email } })).toBe(0);
    await deliver();
    const mails = world.env.resend.to(body.email);
    expect(mails).toHaveLength(1);
    const token = confirmToken(mails[0]);

    const ok = await confirm(token);
    expect(ok.status).toBe(200);
    expect(await ok.json()).toEqual({ status: "confirmed" });
    const candidate = await db().candidate.findFirstOrThrow({
      where: { email: body.email },
      include: { cohort: true },
    });
    expect([candidate.name, candidate.timezone, candidate.cohort?.slug]).toEqual([
      "Ada Lovelace",
      "Europe/Paris",
      "spring",
    ]);
    expect(await db().enrollment.count({ where: { candidateId: candidate.id, status: "active" } })).toBe(1);
  });
});

// Last in the file: it adds a second program, after which a plain start@ no longer names one.
describe("which program a signup by email joins", () => {
  const letter = (to: string, from: string) =>
    rawMail({
      to,
      from: `Kim Park <${from}>`,
      subject: "Fwd: Your application to Initrode",
      body: [
        "---------- Forwarded message ---------",
        "From: Initrode Careers <careers@initrode.com>",
        "Subject: Your application to Initrode",
        "",
        "Thank you for your interest in Initrode. We will not be moving forward.",
      ].join("\n"),
    });

  it("start+<programId>@ joins that program, and with several programs a plain start@ joins none", async () => {
    const other = await createTestProgram(world.env.ctx);

    const tagged = `${unique("tag")}@example.com`;
    const viaTag = await mailStart(letter(`start+${other.programId}@${INBOUND_DOMAIN}`, tagged));
    expect(viaTag.outcome).toBe("subscription");
    expect(viaTag.row.programId).toBe(other.programId);
    expect(await db().pendingSubscription.findMany({ where: { email: tagged } })).toMatchObject([
      { programId: other.programId, company: "Initrode" },
    ]);
    await deliver();
    expect(world.env.resend.to(tagged)).toHaveLength(1);

    const refusals: [string, string][] = [
      [START_ADDRESS, "start: several programs; write to start+<programId>@ to choose one"],
      [`start+0b7c4b8e-9d2f-4c1a-8e3b-5f6a7d8c9e0f@${INBOUND_DOMAIN}`, "start: no such program"],
      [`start+not-a-program@${INBOUND_DOMAIN}`, "start: no such program"],
    ];
    for (const [to, result] of refusals) {
      const from = `${unique("amb")}@example.com`;
      const before = await inboundCounts(db());
      const { outcome, row } = await mailStart(letter(to, from));
      expect(outcome, to).toBe("dropped");
      expect([row.status, row.result, row.raw], to).toEqual(["dropped", result, null]);
      expect(await inboundCounts(db()), to).toEqual({ ...before, inbound: before.inbound + 1 }); // only the logged drop
      await deliver();
      expect(world.env.resend.to(from), to).toHaveLength(0);
    }
  });
});
