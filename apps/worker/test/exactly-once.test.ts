/**
 * "One email per step, never twice; nothing lost", end to end: the API, the workers and the fake
 * Resend, with the outcomes and the provider misbehaving the way the issue found them.
 */
import { createApp } from "@rebound/api";
import { TRACKS } from "@rebound/domain";
import { createWorld, eventually, type FakeEmail, unique, type World } from "@rebound/testkit";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startWorkers } from "../src/workers.js";

type App = ReturnType<typeof createApp>;
let world: World<App>;
beforeAll(async () => {
  world = await createWorld<App>({
    // One day of a track passes in 0.1 s; a short provider timeout and backoff keep storms brief.
    env: { DRIP_SPEEDUP: "864000", RESEND_TIMEOUT_MS: "800", PROVIDER_BACKOFF_MAX_MS: "300" },
    app: createApp,
    workers: (ctx) => startWorkers(ctx, { reconcileEveryMs: 500, lockDurationMs: 5000 }),
  });
});
afterAll(async () => world?.close());

const stepOf = (e: FakeEmail) => e.tags?.find((t) => t.name === "step")?.value;
const REJECTED = TRACKS.rejected.steps.map((s) => s.key);
const db = () => world.ctx.db;

/** Waits until every address has its whole track, then checks it came once each, in order. */
async function expectWholeTrackOnce(emails: string[], steps: readonly string[] = REJECTED) {
  await eventually(() => emails.every((e) => world.env.resend.to(e).length >= steps.length), 45_000, 100);
  // Nothing more arrives after the track is done: wait for every enrolment to complete first.
  await eventually(
    async () =>
      (await db().enrollment.count({
        where: { status: { in: ["active", "paused"] }, candidate: { email: { in: emails } } },
      })) === 0,
    15_000,
  );
  for (const email of emails) expect(world.env.resend.to(email).map(stepOf), email).toEqual([...steps]);
  expect(await db().message.count({ where: { status: "failed", candidate: { email: { in: emails } } } })).toBe(0);
}

const post = (body: Record<string, unknown>) => world.postInterview(body);

describe("simultaneous outcomes", () => {
  for (const existing of [true, false]) {
    it(`12 simultaneous outcomes for ${existing ? "an existing" : "a new"} candidate: all 202, one live track, one copy of each step`, async () => {
      const email = `${unique(existing ? "old" : "new")}@example.com`;
      if (existing) {
        const first = await post({ email, company: "Acme", outcome: "pending" });
        expect(first.status).toBe(202);
      }
      const answers = await Promise.all(
        Array.from({ length: 12 }, (_, i) =>
          post({ email, company: `Company ${i}`, role: "Engineer", outcome: "rejected" }),
        ),
      );
      expect(answers.map((a) => a.status)).toEqual(Array(12).fill(202));
      const candidates = await db().candidate.findMany({ where: { email } });
      expect(candidates).toHaveLength(1);
      const live = await db().enrollment.count({
        where: { candidateId: candidates[0]?.id, status: { in: ["active", "paused"] } },
      });
      expect(live).toBe(1);
      await expectWholeTrackOnce([email]);
    });
  }
});

describe("the provider misbehaving while tracks run", () => {
  for (const [name, failure, count] of [
    ["a 401 outage (rotated key)", { status: 401, name: "invalid_api_key" }, 12],
    ["a 500 storm", { status: 500 }, 12],
    ["a timeout storm", { status: 500, hangMs: 1200 }, 4],
  ] as const) {
    it(`${name}: every email delivered once, none failed, no track stopped`, async () => {
      world.env.resend.failNext(count, failure);
      const emails = Array.from({ length: 12 }, () => `${unique("storm")}@example.com`);
      const answers = await Promise.all(emails.map((email) => post({ email, company: "Globex", outcome: "rejected" })));
      expect(answers.map((a) => a.status)).toEqual(Array(12).fill(202));
      await expectWholeTrackOnce(emails);
      expect(world.env.resend.failuresLeft).toBe(0);
      expect(await db().enrollment.count({ where: { status: "stopped", candidate: { email: { in: emails } } } })).toBe(
        0,
      );
    });
  }

  it("one address the provider refuses costs only that address, not its batch-mates", async () => {
    const other = await world.createProgram();
    const bad = `${unique("bad")}@example.com`;
    world.env.resend.refused.add(bad);
    const good = Array.from({ length: 10 }, () => `${unique("good")}@example.com`);
    await Promise.all([
      world.postInterview({ email: bad, company: "Umbrella", outcome: "rejected" }, other.apiKey),
      ...good.map((email) => post({ email, company: "Globex", outcome: "rejected" })),
    ]);
    await expectWholeTrackOnce(good);
    await eventually(
      async () =>
        (await db().message.count({ where: { candidate: { email: bad }, status: "failed" } })) === REJECTED.length,
      20_000,
    );
    expect(world.env.resend.to(bad)).toHaveLength(0);
  });
});
