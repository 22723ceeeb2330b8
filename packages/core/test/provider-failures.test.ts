import { createHash } from "node:crypto";
import { type DripItem, SendingPausedError, sendDueDrips, TemplateCache } from "@rebound/core";
import { createWorld, unique, type World } from "@rebound/testkit";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";

let world: World;
const templates = new TemplateCache();
beforeAll(async () => {
  // A short backoff: the tests move through an outage in a second instead of minutes.
  world = await createWorld({ env: { PROVIDER_BACKOFF_MAX_MS: "200", RESEND_TIMEOUT_MS: "600" } });
  await templates.warm();
});
afterAll(async () => world?.close());
beforeEach(async () => {
  await world.ctx.provider.clear();
  world.env.resend.refused.clear();
  world.env.resend.sendDelayMs = 0;
});

const db = () => world.ctx.db;

/** Candidates whose first step is due now, as drip items. */
async function dueFirstSteps(
  n: number,
  program = world.programId,
): Promise<(DripItem & { enrollmentId: string; email: string })[]> {
  const out: (DripItem & { enrollmentId: string; email: string })[] = [];
  for (let i = 0; i < n; i++) {
    const c = await world.createCandidate({ programId: program, email: `${unique("due")}@example.com` });
    const m = await db().message.findFirstOrThrow({ where: { enrollmentId: c.enrollmentId } });
    await db().message.update({ where: { id: m.id }, data: { dueAt: new Date(Date.now() - 1000) } });
    out.push({ enrollmentId: c.enrollmentId, step: m.step, messageId: m.id, email: c.email });
  }
  return out;
}

/** Sends like the drip worker: a paused provider means "wait and try again", as the queue does. */
async function sendUntilDone(items: DripItem[], maxRounds = 60): Promise<number> {
  let pauses = 0;
  for (let round = 0; round < maxRounds; round++) {
    try {
      await sendDueDrips(world.ctx, templates, items);
      return pauses;
    } catch (err) {
      if (!(err instanceof SendingPausedError)) throw err;
      pauses++;
      await new Promise((r) => setTimeout(r, err.waitMs));
    }
  }
  throw new Error("still paused");
}

async function statuses(items: DripItem[]) {
  const rows = await db().message.findMany({ where: { id: { in: items.map((i) => i.messageId) } } });
  return rows.map((r) => r.status).sort();
}

const receivedBy = (items: { email: string }[]) => items.map((i) => world.env.resend.to(i.email).length);

describe("provider failures", () => {
  for (const [name, failure] of [
    ["a 401 outage (rotated key)", { status: 401, name: "invalid_api_key" }],
    ["a 403 (unverified domain)", { status: 403, name: "invalid_access" }],
    ["a 500 storm", { status: 500 }],
    ["a timeout storm", { status: 500, hangMs: 1500 }],
  ] as const) {
    it(`${name} pauses sending, then every email goes out once and none fails`, async () => {
      const items = await dueFirstSteps(12);
      world.env.resend.failNext(4, failure);
      const pauses = await sendUntilDone(items);
      expect(pauses).toBeGreaterThanOrEqual(1);
      expect(await statuses(items)).toEqual(Array(12).fill("sent"));
      expect(receivedBy(items)).toEqual(Array(12).fill(1));
      expect(
        await db().enrollment.count({ where: { id: { in: items.map((i) => i.enrollmentId) }, status: "stopped" } }),
      ).toBe(0);
      // The gate is open again once the provider answered.
      expect((await world.ctx.provider.state()).status).toBe("healthy");
    });
  }

  it("while the provider is paused, nobody claims new work", async () => {
    const items = await dueFirstSteps(2);
    await world.ctx.provider.trip("auth", 5000);
    await expect(sendDueDrips(world.ctx, templates, items)).rejects.toBeInstanceOf(SendingPausedError);
    expect(await statuses(items)).toEqual(["scheduled", "scheduled"]);
  });

  it("one refused address in a batch of 50 costs only that address (permissive validation)", async () => {
    const items = await dueFirstSteps(50);
    const bad = items[17] as (typeof items)[number];
    world.env.resend.refused.add(bad.email);
    await sendDueDrips(world.ctx, templates, items);
    const rows = await db().message.findMany({ where: { id: { in: items.map((i) => i.messageId) } } });
    expect(rows.filter((r) => r.status === "sent")).toHaveLength(49);
    const failed = rows.filter((r) => r.status === "failed");
    expect(failed.map((r) => r.id)).toEqual([bad.messageId]);
    expect(failed[0]?.error).toMatch(/provider refused this email/);
    expect(receivedBy(items).filter((n) => n === 1)).toHaveLength(49);
    // Only the refused step failed; the track goes on to its next step.
    expect(await db().message.count({ where: { enrollmentId: bad.enrollmentId, step: "feedback" } })).toBe(1);
    // Each batch-mate's track moved on too, and nobody's was stopped.
    expect(
      await db().enrollment.count({ where: { id: { in: items.map((i) => i.enrollmentId) }, status: "stopped" } }),
    ).toBe(0);
  });

  it("a strict-mode 422 for one address in a batch of 50 is split until only that address fails", async () => {
    const items = await dueFirstSteps(50);
    const bad = items[31] as (typeof items)[number];
    world.env.resend.refused.add(bad.email);
    world.env.resend.ignoreBatchValidation = true; // a provider (or API version) that is always strict
    try {
      await sendDueDrips(world.ctx, templates, items);
    } finally {
      world.env.resend.ignoreBatchValidation = false;
    }
    const rows = await db().message.findMany({ where: { id: { in: items.map((i) => i.messageId) } } });
    expect(rows.filter((r) => r.status === "sent")).toHaveLength(49);
    expect(rows.filter((r) => r.status === "failed").map((r) => r.id)).toEqual([bad.messageId]);
    expect(receivedBy(items).reduce((a, b) => a + b, 0)).toBe(49);
  });

  it("the group's key covers exactly the messages it claimed", async () => {
    const items = await dueFirstSteps(3);
    const later = items[2] as (typeof items)[number];
    await db().message.update({ where: { id: later.messageId }, data: { dueAt: new Date(Date.now() + 3_600_000) } });
    await sendDueDrips(world.ctx, templates, items);
    const claimed = items
      .slice(0, 2)
      .map((i) => i.messageId)
      .sort();
    const expected = `rb-${createHash("sha256")
      .update(claimed.map((id) => `${id}:0`).join(","))
      .digest("hex")
      .slice(0, 48)}`;
    const rows = await db().message.findMany({ where: { id: { in: claimed } } });
    expect(rows.map((r) => r.batchKey)).toEqual([expected, expected]);
    expect(world.env.resend.requests.at(-1)?.headers["idempotency-key"]).toBe(expected);
    expect((await db().message.findUniqueOrThrow({ where: { id: later.messageId } })).status).toBe("scheduled");
  });

  it("a 409 invalid_idempotent_request rebuilds the group under a new key and sends each email once", async () => {
    const items = await dueFirstSteps(2);
    // A first attempt claimed the group and was lost; since then the content changed (a deploy),
    // and the provider still holds the key for the old body.
    const key = unique("lost-group").replace(/[^a-z0-9-]/gi, "-");
    await db().message.updateMany({
      where: { id: { in: items.map((i) => i.messageId) } },
      data: { status: "sending", batchKey: key, claimedAt: new Date(Date.now() - 60_000) },
    });
    world.env.resend.holdKey(key);
    await sendDueDrips(world.ctx, templates, items);
    const rows = await db().message.findMany({ where: { id: { in: items.map((i) => i.messageId) } } });
    expect(rows.map((r) => r.status)).toEqual(["sent", "sent"]);
    expect(new Set(rows.map((r) => r.batchKey)).size).toBe(1);
    expect(rows[0]?.batchKey).not.toBe(key);
    expect(receivedBy(items)).toEqual([1, 1]);
    const conflicts = world.env.resend.requests.filter((r) => r.status === 409);
    expect(conflicts).toHaveLength(1); // once, not a loop
  });

  it("a group retried after an outage sends the same bytes under the same key", async () => {
    const items = await dueFirstSteps(3);
    world.env.resend.failNext(1, { status: 503 });
    await sendUntilDone(items);
    const sends = world.env.resend.requests.filter((r) => r.path.startsWith("/emails/batch")).slice(-2);
    expect(sends.map((s) => s.status)).toEqual([503, 200]);
    expect(sends[1]?.headers["idempotency-key"]).toBe(sends[0]?.headers["idempotency-key"]);
    expect(JSON.stringify(sends[1]?.body)).toBe(JSON.stringify(sends[0]?.body));
    // The kept bytes are dropped once the email is sent.
    const rows = await db().message.findMany({ where: { id: { in: items.map((i) => i.messageId) } } });
    expect(rows.every((r) => r.content === null)).toBe(true);
  });
});
