import { enrolInterview } from "@rebound/core";
import { createWorld, unique, type World } from "@rebound/testkit";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

let world: World;
beforeAll(async () => {
  world = await createWorld();
});
afterAll(async () => world?.close());

const db = () => world.ctx.db;

async function liveTracksOf(email: string) {
  const candidates = await db().candidate.findMany({ where: { email, programId: world.programId } });
  const enrollments = await db().enrollment.findMany({ where: { candidateId: { in: candidates.map((c) => c.id) } } });
  const scheduled = await db().message.findMany({
    where: { candidateId: { in: candidates.map((c) => c.id) }, status: "scheduled" },
  });
  return {
    candidates,
    enrollments,
    live: enrollments.filter((e) => e.status === "active" || e.status === "paused"),
    scheduled,
  };
}

/** Twelve outcomes for one address at the same moment, each for another interview. */
const burst = (email: string) =>
  Promise.allSettled(
    Array.from({ length: 12 }, (_, i) =>
      enrolInterview(world.ctx, world.programId, { email, company: `Company ${i}`, outcome: "rejected" }),
    ),
  );

describe("one live track per candidate", () => {
  it("twelve simultaneous outcomes for an existing candidate all succeed and leave one live track", async () => {
    const { email } = await world.createCandidate();
    const results = await burst(email);
    expect(results.map((r) => r.status)).toEqual(Array(12).fill("fulfilled"));
    const { candidates, enrollments, live, scheduled } = await liveTracksOf(email);
    expect(candidates).toHaveLength(1);
    expect(enrollments).toHaveLength(13);
    expect(live).toHaveLength(1);
    expect(enrollments.filter((e) => e.status === "superseded")).toHaveLength(12);
    // Only the live track has a step waiting: every superseded one had its step cancelled.
    expect(scheduled.map((m) => m.enrollmentId)).toEqual([live[0]?.id]);
  });

  it("twelve simultaneous first outcomes for a new address all succeed and make one candidate", async () => {
    const email = `${unique("new")}@example.com`;
    const results = await burst(email);
    expect(results.map((r) => r.status)).toEqual(Array(12).fill("fulfilled"));
    const ids = new Set(results.map((r) => (r.status === "fulfilled" ? r.value.candidateId : "")));
    expect(ids.size).toBe(1);
    const { candidates, live, scheduled } = await liveTracksOf(email);
    expect(candidates).toHaveLength(1);
    expect(live).toHaveLength(1);
    expect(scheduled).toHaveLength(1);
  });

  it("the same outcome sent again for the interview already running changes nothing", async () => {
    const email = `${unique("same")}@example.com`;
    const input = { email, company: "Initech", role: "Analyst", outcome: "rejected" as const };
    const results = await Promise.all(
      Array.from({ length: 6 }, () => enrolInterview(world.ctx, world.programId, input)),
    );
    expect(new Set(results.map((r) => r.enrollmentId)).size).toBe(1);
    const { enrollments } = await liveTracksOf(email);
    expect(enrollments).toHaveLength(1);
    expect(await db().interview.count({ where: { candidateId: results[0]?.candidateId } })).toBe(1);
    // A different outcome for it is news: it supersedes.
    const offer = await enrolInterview(world.ctx, world.programId, { ...input, outcome: "offer" });
    expect(offer.enrollmentId).not.toBe(results[0]?.enrollmentId);
  });

  it("PostgreSQL itself refuses a second live track for a candidate", async () => {
    const c = await world.createCandidate();
    const live = await db().enrollment.findUniqueOrThrow({ where: { id: c.enrollmentId } });
    await expect(
      db().enrollment.create({
        data: {
          programId: live.programId,
          candidateId: live.candidateId,
          interviewId: live.interviewId,
          track: "rejected",
          trackVersion: 1,
          status: "paused",
        },
      }),
    ).rejects.toThrow(/Unique constraint/);
  });
});
