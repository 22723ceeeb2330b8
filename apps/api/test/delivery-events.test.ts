import { createApp } from "../src/app.js";
import { addressHash, EVERY_PROGRAM, sendDueDrips, TemplateCache } from "@rebound/core";
import type { Db } from "@rebound/db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createWorld, enrol, expectError, postSignedEvent, resendEvent, svixId, type World } from "./support.js";

// 864000: one day of the track passes in 0.1 s, so the next step is due almost at once.
let world: World;
const templates = new TemplateCache();

beforeAll(async () => {
  world = await createWorld({ DRIP_SPEEDUP: "864000" });
  await templates.warm();
});
afterAll(async () => world?.env.close());

const db = () => world.env.ctx.db;

/** A candidate whose first drip email went out through the fake Resend. */
async function sentDrip() {
  const enrolled = await enrol(world);
  const first = await db().message.findFirstOrThrow({ where: { enrollmentId: enrolled.enrollmentId } });
  expect(first.step).toBe("process");
  await sendDueDrips(world.env.ctx, templates, [
    { enrollmentId: enrolled.enrollmentId, step: "process", messageId: first.id },
  ]);
  const sent = await db().message.findUniqueOrThrow({ where: { id: first.id } });
  expect(sent.status).toBe("sent");
  const emails = world.env.resend.to(enrolled.email);
  expect(emails.map((e) => e.id)).toEqual([sent.providerId]);
  const providerId = sent.providerId ?? "";
  // Sending advanced the track: the next step is scheduled.
  const next = await db().message.findFirstOrThrow({
    where: { enrollmentId: enrolled.enrollmentId, step: "feedback" },
  });
  expect(next.status).toBe("scheduled");
  return { ...enrolled, messageId: first.id, providerId, nextMessageId: next.id };
}

async function event(type: string, providerId: string, opts: { id?: string } = {}) {
  const res = await postSignedEvent(world.app, resendEvent(type, providerId), opts);
  expect(res.status).toBe(200);
  expect(await res.json()).toEqual({ status: "processed" });
}

const message = (id: string) => db().message.findUniqueOrThrow({ where: { id } });

/** Every effect of a bounce or complaint: the candidate is stopped for good and no more mail goes out. */
async function expectStopped(drip: Awaited<ReturnType<typeof sentDrip>>, reason: "bounced" | "complained") {
  const candidate = await db().candidate.findUniqueOrThrow({ where: { id: drip.candidateId } });
  expect(candidate.status).toBe(reason);
  const enrollment = await db().enrollment.findUniqueOrThrow({ where: { id: drip.enrollmentId } });
  expect([enrollment.status, enrollment.stopReason, enrollment.nextDueAt]).toEqual(["stopped", reason, null]);
  expect((await message(drip.nextMessageId)).status).toBe("cancelled");
  expect(await db().message.count({ where: { candidateId: drip.candidateId, status: "scheduled" } })).toBe(0);
  // A hard bounce or a complaint is about the address: it is suppressed in every program, as a keyed hash.
  const suppression = await db().suppression.findUnique({
    where: {
      scope_emailHash: { scope: EVERY_PROGRAM, emailHash: addressHash(world.env.config.APP_SECRET, drip.email) },
    },
  });
  expect(suppression?.reason).toBe(reason);

  // The next step's job fires anyway (it was queued before the event): nothing is sent.
  await new Promise((r) => setTimeout(r, 150));
  await sendDueDrips(world.env.ctx, templates, [
    { enrollmentId: drip.enrollmentId, step: "feedback", messageId: drip.nextMessageId },
  ]);
  expect(world.env.resend.to(drip.email)).toHaveLength(1);
  expect((await message(drip.nextMessageId)).status).toBe("cancelled");

  // A new interview for the same address is refused, and so is a signup.
  const again = await world.app.request("/v1/interviews", {
    method: "POST",
    headers: { "content-type": "application/json", authorization: `Bearer ${world.apiKey}` },
    body: JSON.stringify({ email: drip.email, company: "Globex", outcome: "rejected" }),
  });
  await expectError(again, 409, "suppressed");
  const signup = await world.app.request("/v1/subscribe", {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ program: world.programId, email: drip.email, company: "Globex" }),
  });
  expect(signup.status).toBe(202);
  expect(world.env.resend.to(drip.email)).toHaveLength(1);
}

describe("delivery events from Resend", () => {
  it("email.delivered marks the message delivered and records the event against it", async () => {
    const drip = await sentDrip();
    const id = svixId();
    await event("email.delivered", drip.providerId, { id });
    const m = await message(drip.messageId);
    expect(m.status).toBe("delivered");
    expect(m.deliveredAt).toBeInstanceOf(Date);
    const stored = await db().emailEvent.findUniqueOrThrow({ where: { providerEventId: id } });
    expect([stored.type, stored.messageId]).toEqual(["email.delivered", drip.messageId]);
  });

  it("email.opened and email.clicked stamp the message without changing its status", async () => {
    const drip = await sentDrip();
    await event("email.delivered", drip.providerId);
    await event("email.opened", drip.providerId);
    let m = await message(drip.messageId);
    expect(m.status).toBe("delivered");
    expect(m.openedAt).toBeInstanceOf(Date);
    expect(m.clickedAt).toBeNull();
    await event("email.clicked", drip.providerId);
    m = await message(drip.messageId);
    expect(m.status).toBe("delivered");
    expect(m.clickedAt).toBeInstanceOf(Date);
  });

  it("a repeated event under a new svix-id keeps the first timestamp", async () => {
    const drip = await sentDrip();
    await event("email.delivered", drip.providerId);
    const first = (await message(drip.messageId)).deliveredAt;
    await new Promise((r) => setTimeout(r, 20));
    await event("email.delivered", drip.providerId);
    expect((await message(drip.messageId)).deliveredAt).toEqual(first);
  });

  it("email.bounced marks the message bounced and stops every further email to the candidate", async () => {
    const drip = await sentDrip();
    await event("email.delivered", drip.providerId);
    await event("email.bounced", drip.providerId);
    const m = await message(drip.messageId);
    expect(m.status).toBe("bounced");
    expect(m.bouncedAt).toBeInstanceOf(Date);
    await expectStopped(drip, "bounced");
  });

  it("email.complained marks the message complained and stops every further email to the candidate", async () => {
    const drip = await sentDrip();
    await event("email.complained", drip.providerId);
    const m = await message(drip.messageId);
    expect(m.status).toBe("complained");
    expect(m.complainedAt).toBeInstanceOf(Date);
    await expectStopped(drip, "complained");
  });

  it("a late email.delivered after email.bounced does not move the status back or count as delivered", async () => {
    const drip = await sentDrip();
    await event("email.bounced", drip.providerId);
    await event("email.delivered", drip.providerId);
    const after = await message(drip.messageId);
    expect(after.status).toBe("bounced");
    expect(after.deliveredAt).toBeNull(); // the funnel counts deliveredAt: a refused move leaves no stamp
    const candidate = await db().candidate.findUniqueOrThrow({ where: { id: drip.candidateId } });
    expect(candidate.status).toBe("bounced");
    expect((await db().enrollment.findUniqueOrThrow({ where: { id: drip.enrollmentId } })).status).toBe("stopped");
  });

  it("keeps an event for an email it does not know yet, changing nothing until the email is known", async () => {
    const drip = await sentDrip();
    const snapshot = async () => ({
      messages: await db().message.findMany({ orderBy: { id: "asc" } }),
      candidates: await db().candidate.findMany({ orderBy: { id: "asc" } }),
      enrollments: await db().enrollment.findMany({ orderBy: { id: "asc" } }),
      suppressions: await db().suppression.count(),
    });
    const before = await snapshot();
    for (const type of ["email.delivered", "email.bounced", "email.complained", "email.opened"]) {
      const id = svixId();
      const res = await postSignedEvent(world.app, resendEvent(type, "re_unknown_email_0001"), { id });
      expect(res.status).toBe(200);
      expect(await res.json()).toEqual({ status: "kept" });
      const stored = await db().emailEvent.findUniqueOrThrow({ where: { providerEventId: id } });
      expect([stored.messageId, stored.appliedAt, stored.providerId]).toEqual([null, null, "re_unknown_email_0001"]);
    }
    expect(await snapshot()).toEqual(before);
    expect((await message(drip.messageId)).status).toBe("sent");
  });

  it("applies an event whose first delivery failed half-way when Resend retries it", async () => {
    const drip = await sentDrip();
    // The first delivery meets a database hiccup after the signature was checked.
    const flaky = createApp({ ...world.env.ctx, db: failingOnce(world.env.ctx.db) });
    const id = svixId();
    const body = resendEvent("email.bounced", drip.providerId);
    const failed = await postSignedEvent(flaky, body, { id });
    await expectError(failed, 500, "internal");
    expect((await message(drip.messageId)).status).toBe("sent");

    // Resend retries the same svix-id: the bounce must still take effect.
    const retry = await postSignedEvent(world.app, body, { id });
    expect(retry.status).toBe(200);
    expect(await retry.json()).toEqual({ status: "processed" });
    expect((await message(drip.messageId)).status).toBe("bounced");
    await expectStopped(drip, "bounced");

    // Once processed, the same svix-id is a replay.
    const replay = await postSignedEvent(world.app, body, { id });
    expect(replay.status).toBe(200);
    expect(await replay.json()).toEqual({ status: "duplicate" });
    expect(await db().emailEvent.count({ where: { providerEventId: id } })).toBe(1);
  });
});

/** The database, except that the first transaction fails like a dropped connection. */
function failingOnce(real: Db): Db {
  let failed = false;
  return new Proxy(real, {
    get(target, prop) {
      if (prop === "$transaction" && !failed) {
        return async () => {
          failed = true;
          throw new Error("Connection terminated unexpectedly");
        };
      }
      const value: unknown = Reflect.get(target, prop);
      return typeof value === "function" ? value.bind(target) : value;
    },
  });
}
