import { advanceEnrollments, enrolMany, setCandidateSendWindow, setCandidateTimezone } from "@rebound/core";
import { createWorld, TestClock, unique, type World } from "@rebound/testkit";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

// Monday 1 December 2025, 08:00 UTC = 09:00 in Paris: inside the program's 09:00-18:00 window.
const clock = new TestClock("2025-12-01T08:00:00Z");
let world: World;
beforeAll(async () => {
  world = await createWorld({ clock });
});
afterAll(async () => world?.close());

const db = () => world.ctx.db;
const local = (d: Date, timeZone = "Europe/Paris") =>
  new Intl.DateTimeFormat("en-GB", { timeZone, weekday: "short", hour: "2-digit", minute: "2-digit" }).format(d);
const scheduled = (candidateId: string) =>
  db().message.findFirstOrThrow({ where: { candidateId, kind: "drip", status: "scheduled" } });

async function parisCandidate() {
  clock.set("2025-12-01T08:00:00Z");
  return world.createCandidate({ email: `${unique("win")}@example.com`, timezone: "Europe/Paris" });
}

describe("a candidate's own send window", () => {
  it("moves the email already scheduled into the new window, never earlier", async () => {
    const c = await parisCandidate();
    const before = await scheduled(c.candidateId);
    expect(local(before.dueAt)).toMatch(/^Mon 09:0/);

    // Saturdays 07:00-10:00 only.
    await setCandidateSendWindow(world.ctx, c.candidateId, { startHour: 7, endHour: 10, weekdays: [6] }, "test");
    const moved = await scheduled(c.candidateId);
    expect(local(moved.dueAt)).toBe("Sat 07:00");
    expect(moved.dueAt.getTime()).toBeGreaterThan(before.dueAt.getTime());
    const enrollment = await db().enrollment.findUniqueOrThrow({ where: { id: c.enrollmentId } });
    expect(enrollment.nextDueAt?.getTime()).toBe(moved.dueAt.getTime());

    // A window that already holds the email's time leaves it where it is.
    await setCandidateSendWindow(world.ctx, c.candidateId, { startHour: 6, endHour: 12, weekdays: [6, 7] }, "test");
    expect((await scheduled(c.candidateId)).dueAt.getTime()).toBe(moved.dueAt.getTime());
  });

  it("places the next step of the track in the candidate's window, not the program's", async () => {
    const c = await parisCandidate();
    await setCandidateSendWindow(world.ctx, c.candidateId, { startHour: 19, endHour: 22, weekdays: [2, 3, 4] }, "test");
    const first = await scheduled(c.candidateId);
    await db().message.update({ where: { id: first.id }, data: { status: "sent", sentAt: clock.now() } });
    await advanceEnrollments(world.ctx, [first.id]);
    const next = await db().message.findFirstOrThrow({ where: { enrollmentId: c.enrollmentId, step: "feedback" } });
    // `feedback` is a day after enrolment (Tuesday); the window opens at 19:00.
    expect(local(next.dueAt)).toBe("Tue 19:00");
  });

  it("follows a new time zone for the email already scheduled", async () => {
    const c = await parisCandidate();
    await setCandidateSendWindow(
      world.ctx,
      c.candidateId,
      { startHour: 9, endHour: 12, weekdays: [1, 2, 3, 4, 5] },
      "test",
    );
    // 09:00 in Paris is 03:00 in New York: outside the window there, so it moves to 09:00 New York time.
    await setCandidateTimezone(world.ctx, c.candidateId, "America/New_York", "test");
    expect(local((await scheduled(c.candidateId)).dueAt, "America/New_York")).toBe("Mon 09:00");
  });

  it("refuses a bad window or zone and changes nothing", async () => {
    const c = await parisCandidate();
    const before = [
      await db().candidate.findUniqueOrThrow({ where: { id: c.candidateId } }),
      await scheduled(c.candidateId),
    ];
    for (const w of [
      { startHour: 18, endHour: 9, weekdays: [1] },
      { startHour: 9, endHour: 10, weekdays: [1] },
      { startHour: 9, endHour: 17, weekdays: [] },
      { startHour: 9, endHour: 17, weekdays: [0] },
      { startHour: Number.NaN, endHour: 17, weekdays: [1] },
    ]) {
      await expect(setCandidateSendWindow(world.ctx, c.candidateId, w, "test")).rejects.toMatchObject({
        status: 400,
        code: "invalid_send_window",
      });
    }
    await expect(setCandidateTimezone(world.ctx, c.candidateId, "Mars/Olympus", "test")).rejects.toMatchObject({
      code: "invalid_timezone",
    });
    const after = [
      await db().candidate.findUniqueOrThrow({ where: { id: c.candidateId } }),
      await scheduled(c.candidateId),
    ];
    expect(after).toEqual(before);
  });

  it("places the first step of a new interview's track in the candidate's own window", async () => {
    const c = await parisCandidate();
    // Saturdays 07:00-10:00 only; then a new outcome arrives through the batched intake.
    await setCandidateSendWindow(world.ctx, c.candidateId, { startHour: 7, endHour: 10, weekdays: [6] }, "test");
    const [r] = await enrolMany(world.ctx, world.programId, [
      { email: c.email, company: "Globex", outcome: "rejected" },
    ]);
    expect(r).toMatchObject({ ok: true, change: "updated" });
    const first = await db().message.findFirstOrThrow({
      where: { enrollmentId: r?.ok ? r.enrollmentId : "", step: "process" },
    });
    expect(local(first.dueAt)).toBe("Sat 07:00");
  });

  it("keeps the program's weekdays when the candidate chose only hours (weekdays NULL or empty)", async () => {
    for (const weekdays of [null, []]) {
      const c = await parisCandidate();
      await db().$executeRaw`
        UPDATE "Candidate" SET "sendWindowStart" = 15, "sendWindowEnd" = 17, "sendWeekdays" = ${weekdays}::int[]
        WHERE id = ${c.candidateId}::uuid`;
      const [r] = await enrolMany(world.ctx, world.programId, [
        { email: c.email, company: "Initech", outcome: "rejected" },
      ]);
      const first = await db().message.findFirstOrThrow({
        where: { enrollmentId: r?.ok ? r.enrollmentId : "", step: "process" },
      });
      // Monday is one of the program's weekdays: the same day, when the candidate's hours open.
      expect(local(first.dueAt)).toBe("Mon 15:00");
    }
  });
});
