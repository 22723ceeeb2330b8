import { pauseCandidate, reconcile, resumeCandidate, stopCandidate } from "@rebound/core";
import { jobIds } from "@rebound/queue";
import { createWorld, TestClock, unique, type World } from "@rebound/testkit";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

// Tuesday 2 December 2025, 02:00 UTC = 03:00 in Paris: outside the 09:00-18:00 window.
const NIGHT = "2025-12-02T02:00:00Z";
const clock = new TestClock(NIGHT);
let world: World;
beforeAll(async () => {
  world = await createWorld({ clock });
});
afterAll(async () => world?.close());

const db = () => world.ctx.db;
const local = (d: Date) =>
  new Intl.DateTimeFormat("en-GB", {
    timeZone: "Europe/Paris",
    weekday: "short",
    hour: "2-digit",
    minute: "2-digit",
  }).format(d);

async function pausedCandidateWithDueStep() {
  clock.set("2025-12-01T08:00:00Z"); // Monday 09:00 in Paris: enrolled, first step due now
  const c = await world.createCandidate({ email: `${unique("night")}@example.com`, timezone: "Europe/Paris" });
  await pauseCandidate(world.ctx, c.candidateId, null, "test");
  return c;
}

describe("resume respects the send window", () => {
  it("a resume at 03:00 local waits for 09:00 instead of sending at once", async () => {
    const c = await pausedCandidateWithDueStep();
    clock.set(NIGHT);
    await resumeCandidate(world.ctx, c.candidateId, "test");
    const m = await db().message.findFirstOrThrow({ where: { enrollmentId: c.enrollmentId, status: "scheduled" } });
    expect(local(m.dueAt)).toBe("Tue 09:00");
    const e = await db().enrollment.findUniqueOrThrow({ where: { id: c.enrollmentId } });
    expect(e.nextDueAt?.toISOString()).toBe(m.dueAt.toISOString());
    // The job is queued for then, not now.
    const job = await world.ctx.queues.drip.getJob(jobIds.drip(m.id));
    expect(job?.delay).toBe(m.dueAt.getTime() - clock.now().getTime());
  });

  it("a timed pause that ends at night is resumed by the reconciler into the next window", async () => {
    const c = await pausedCandidateWithDueStep();
    await db().candidate.update({
      where: { id: c.candidateId },
      data: { pausedUntil: new Date("2025-12-02T01:00:00Z") },
    });
    clock.set(NIGHT);
    await reconcile(world.ctx, 1000);
    expect((await db().candidate.findUniqueOrThrow({ where: { id: c.candidateId } })).status).toBe("active");
    const m = await db().message.findFirstOrThrow({ where: { enrollmentId: c.enrollmentId, status: "scheduled" } });
    expect(local(m.dueAt)).toBe("Tue 09:00");
  });

  it("a candidate's own window (from the preference page) wins over the program's", async () => {
    const c = await pausedCandidateWithDueStep();
    await db().candidate.update({ where: { id: c.candidateId }, data: { sendWindowStart: 14, sendWindowEnd: 16 } });
    clock.set("2025-12-02T08:00:00Z"); // Tuesday 09:00 in Paris: inside the program's window, not in theirs
    await resumeCandidate(world.ctx, c.candidateId, "test");
    const m = await db().message.findFirstOrThrow({ where: { enrollmentId: c.enrollmentId, status: "scheduled" } });
    expect(local(m.dueAt)).toBe("Tue 14:00");
  });

  it("a step planned for later than the resume keeps its own time", async () => {
    const c = await pausedCandidateWithDueStep();
    const planned = new Date("2025-12-04T10:00:00Z");
    await db().message.updateMany({
      where: { enrollmentId: c.enrollmentId, status: "scheduled" },
      data: { dueAt: planned },
    });
    clock.set("2025-12-02T10:00:00Z");
    await resumeCandidate(world.ctx, c.candidateId, "test");
    const m = await db().message.findFirstOrThrow({ where: { enrollmentId: c.enrollmentId, status: "scheduled" } });
    expect(m.dueAt.toISOString()).toBe(planned.toISOString());
  });
});

describe("pause, resume and STOP are atomic", () => {
  it("a STOP racing a resume and a pause always ends unsubscribed, with no live track", async () => {
    clock.set("2025-12-02T10:00:00Z");
    for (let round = 0; round < 8; round++) {
      const c = await world.createCandidate({ email: `${unique("race")}@example.com` });
      await pauseCandidate(world.ctx, c.candidateId, null, "test");
      await Promise.allSettled([
        resumeCandidate(world.ctx, c.candidateId, "test"),
        stopCandidate(world.ctx, c.candidateId, "unsubscribed", "test"),
        pauseCandidate(world.ctx, c.candidateId, 7, "test"),
        resumeCandidate(world.ctx, c.candidateId, "test"),
      ]);
      const after = await db().candidate.findUniqueOrThrow({ where: { id: c.candidateId } });
      expect(after.status).toBe("unsubscribed");
      expect(
        await db().enrollment.count({ where: { candidateId: c.candidateId, status: { in: ["active", "paused"] } } }),
      ).toBe(0);
      expect(await db().message.count({ where: { candidateId: c.candidateId, status: "scheduled" } })).toBe(0);
    }
  });
});
