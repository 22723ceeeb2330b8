import {
  addressHash,
  createPendingSubscription,
  EVERY_PROGRAM,
  recordDeliveryEvent,
  sendDueDrips,
  TemplateCache,
} from "@rebound/core";
import { createWorld, eventually, sendScheduledEmails, svixId, unique, type World } from "@rebound/testkit";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

let world: World;
const templates = new TemplateCache();
beforeAll(async () => {
  world = await createWorld({ env: { DRIP_SPEEDUP: "864000" } });
  await templates.warm();
});
afterAll(async () => world?.close());

const db = () => world.ctx.db;
const event = (type: string, providerId: string, bounceType?: string) =>
  recordDeliveryEvent(world.ctx, {
    eventId: svixId(),
    type,
    providerId,
    createdAt: new Date().toISOString(),
    bounceType,
  });

async function dueCandidate() {
  const c = await world.createCandidate({ email: `${unique("ev")}@example.com` });
  const m = await db().message.findFirstOrThrow({ where: { enrollmentId: c.enrollmentId } });
  await db().message.update({ where: { id: m.id }, data: { dueAt: new Date(Date.now() - 1000) } });
  return { ...c, messageId: m.id, item: { enrollmentId: c.enrollmentId, step: m.step, messageId: m.id } };
}

describe("delivery events", () => {
  it("a bounce that arrives before the provider id is stored is kept, then applied when the id lands", async () => {
    const c = await dueCandidate();
    const providerId = `re_${unique("early").replace(/-/g, "")}`;
    world.env.resend.presetNextIds(providerId);
    world.env.resend.sendDelayMs = 600;
    const sending = sendDueDrips(world.ctx, templates, [c.item]);
    // The provider has the email and its bounce webhook overtakes the sender's own bookkeeping.
    await eventually(
      async () => (await db().message.findUniqueOrThrow({ where: { id: c.messageId } })).status === "sending",
    );
    expect(await event("email.bounced", providerId, "Permanent")).toBe("pending");
    expect((await db().message.findUniqueOrThrow({ where: { id: c.messageId } })).status).toBe("sending");
    await sending;
    world.env.resend.sendDelayMs = 0;
    const m = await db().message.findUniqueOrThrow({ where: { id: c.messageId } });
    expect([m.status, m.providerId]).toEqual(["bounced", providerId]);
    expect((await db().candidate.findUniqueOrThrow({ where: { id: c.candidateId } })).status).toBe("bounced");
    const stored = await db().emailEvent.findFirstOrThrow({ where: { providerId } });
    expect(stored.appliedAt).toBeInstanceOf(Date);
    expect(stored.messageId).toBe(c.messageId);
    // Nothing more goes to a bounced address: the next step was never scheduled, or is cancelled.
    expect(await db().message.count({ where: { candidateId: c.candidateId, status: "scheduled" } })).toBe(0);
  });

  it("applies events in any order: a late delivered never undoes a bounce", async () => {
    const c = await dueCandidate();
    await sendDueDrips(world.ctx, templates, [c.item]);
    const providerId = (await db().message.findUniqueOrThrow({ where: { id: c.messageId } })).providerId ?? "";
    expect(await event("email.bounced", providerId, "Permanent")).toBe("applied");
    expect(await event("email.delivered", providerId)).toBe("applied");
    const m = await db().message.findUniqueOrThrow({ where: { id: c.messageId } });
    expect([m.status, m.deliveredAt]).toEqual(["bounced", null]);
  });

  it("a soft bounce sends the step again, within its limit, as a new request", async () => {
    const c = await dueCandidate();
    await sendDueDrips(world.ctx, templates, [c.item]);
    const first = await db().message.findUniqueOrThrow({ where: { id: c.messageId } });
    expect(await event("email.bounced", first.providerId ?? "", "Transient")).toBe("applied");
    const retry = await db().message.findUniqueOrThrow({ where: { id: c.messageId } });
    expect([retry.status, retry.softBounces, retry.providerId]).toEqual(["scheduled", 1, null]);
    expect((await db().candidate.findUniqueOrThrow({ where: { id: c.candidateId } })).status).toBe("active");
    await db().message.update({ where: { id: c.messageId }, data: { dueAt: new Date(Date.now() - 1000) } });
    await sendDueDrips(world.ctx, templates, [c.item]);
    const again = await db().message.findUniqueOrThrow({ where: { id: c.messageId } });
    expect(again.status).toBe("sent");
    expect(again.batchKey).not.toBe(first.batchKey);
    expect(world.env.resend.to(c.email)).toHaveLength(2);
  });

  it("a complaint about a signup's confirmation email suppresses the address everywhere", async () => {
    const email = `${unique("signup")}@example.com`;
    await createPendingSubscription(world.ctx, {
      programId: world.programId,
      email,
      company: "Acme",
      outcome: "rejected",
      source: "web",
      consentSource: "signup page (test)",
    });
    await sendScheduledEmails(world.env);
    const confirmation = await db().message.findFirstOrThrow({ where: { kind: "confirmation", toEmail: email } });
    expect(confirmation.status).toBe("sent");
    expect(await event("email.complained", confirmation.providerId ?? "")).toBe("applied");
    expect((await db().message.findUniqueOrThrow({ where: { id: confirmation.id } })).status).toBe("complained");
    const suppression = await db().suppression.findUnique({
      where: { scope_emailHash: { scope: EVERY_PROGRAM, emailHash: addressHash(world.env.config.APP_SECRET, email) } },
    });
    expect(suppression?.reason).toBe("complained");
  });

  it("a hard bounce in program A stops a step already queued in program B", async () => {
    const other = await world.createProgram();
    const email = `${unique("both")}@example.com`;
    const inA = await world.createCandidate({ email });
    const inB = await world.createCandidate({ email, programId: other.programId });
    const a = await db().message.findFirstOrThrow({ where: { enrollmentId: inA.enrollmentId } });
    const b = await db().message.findFirstOrThrow({ where: { enrollmentId: inB.enrollmentId } });
    await db().message.updateMany({
      where: { id: { in: [a.id, b.id] } },
      data: { dueAt: new Date(Date.now() - 1000) },
    });
    await sendDueDrips(world.ctx, templates, [{ enrollmentId: inA.enrollmentId, step: a.step, messageId: a.id }]);
    const sentA = await db().message.findUniqueOrThrow({ where: { id: a.id } });
    expect(await event("email.bounced", sentA.providerId ?? "", "Permanent")).toBe("applied");
    // B's job fires after the bounce: nothing is sent.
    await sendDueDrips(world.ctx, templates, [{ enrollmentId: inB.enrollmentId, step: b.step, messageId: b.id }]);
    expect((await db().message.findUniqueOrThrow({ where: { id: b.id } })).status).toBe("cancelled");
    expect((await db().candidate.findUniqueOrThrow({ where: { id: inB.candidateId } })).status).toBe("bounced");
    expect(world.env.resend.to(email)).toHaveLength(1);
  });
});
