import { enrolMany, enrolRequests, IntakeBatcher, stopCandidate, suppress } from "@rebound/core";
import type { InterviewInput } from "@rebound/domain";
import { createWorld, unique, type World } from "@rebound/testkit";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

let world: World;
beforeAll(async () => {
  world = await createWorld();
});
afterAll(async () => world?.close());

const db = () => world.ctx.db;
const address = (label = "many") => `${unique(label)}@example.com`;
const outcome = (email: string, extra: Partial<InterviewInput> = {}): InterviewInput => ({
  email,
  company: "Acme",
  outcome: "rejected",
  ...extra,
});

async function liveTracks(email: string) {
  return db().enrollment.findMany({
    where: { candidate: { email, programId: world.programId }, status: { in: ["active", "paused"] } },
  });
}

describe("enrolMany: one answer per item, a bad item never fails its batch-mates", () => {
  it("enrols the good rows and refuses each bad one with its own code, writing nothing for it", async () => {
    const archived = await world.createCohort();
    await db().cohort.update({ where: { id: archived.id }, data: { archivedAt: new Date() } });
    const open = await world.createCohort();
    const suppressedAddress = address("suppressed");
    await suppress(db(), world.env.config.APP_SECRET, suppressedAddress, world.programId, "unsubscribed", new Date());
    const stopped = await world.createCandidate({ name: "Old Name" });
    await stopCandidate(world.ctx, stopped.candidateId, "unsubscribed", "test");
    const good = [address("good"), address("good"), address("good")];

    const results = await enrolMany(world.ctx, world.programId, [
      outcome(good[0] as string, { cohort: open.slug }),
      outcome(suppressedAddress),
      outcome(address("nocohort"), { cohort: "no-such-cohort" }),
      outcome(good[1] as string),
      outcome(address("archived"), { cohort: archived.slug }),
      outcome(stopped.email, { name: "New Name" }),
      outcome(good[2] as string, { outcome: "offer" }),
    ]);

    expect(results.map((r) => (r.ok ? r.change : `${r.status} ${r.code}`))).toEqual([
      "created",
      "409 suppressed",
      "404 not_found",
      "created",
      "409 cohort_archived",
      "409 suppressed",
      "created",
    ]);
    for (const email of good) expect(await liveTracks(email)).toHaveLength(1);
    // Refused rows wrote nothing: no candidate for the new addresses, the stopped one unchanged.
    for (const r of [results[1], results[2], results[4]]) expect(r?.ok).toBe(false);
    expect(await db().candidate.count({ where: { email: suppressedAddress } })).toBe(0);
    const stillStopped = await db().candidate.findUniqueOrThrow({ where: { id: stopped.candidateId } });
    expect([stillStopped.status, stillStopped.name]).toEqual(["unsubscribed", "Old Name"]);
    expect(await liveTracks(stopped.email)).toHaveLength(0);
    const first = results[0];
    if (!first?.ok) throw new Error("first row refused");
    const candidate = await db().candidate.findUniqueOrThrow({ where: { id: first.candidateId } });
    expect(candidate.cohortId).toBe(open.id);
    // One audit entry and one queued first step per enrolled row.
    const enrolled = results.flatMap((r) => (r.ok ? [r] : []));
    expect(
      await db().auditLog.count({
        where: { action: "interview.recorded", targetId: { in: enrolled.map((r) => r.candidateId) } },
      }),
    ).toBe(3);
    for (const r of enrolled) {
      const message = await db().message.findFirstOrThrow({ where: { enrollmentId: r.enrollmentId } });
      const job = await world.ctx.queues.drip.getJob(message.id);
      expect(job?.data.messageId).toBe(message.id);
    }
  });

  it("applies several outcomes for one address in one batch in order: the last one is the live track", async () => {
    const email = address("burst");
    const results = await enrolMany(
      world.ctx,
      world.programId,
      ["Initech", "Globex", "Umbrella"].map((company) => outcome(email, { company })),
    );
    expect(results.map((r) => r.ok && r.change)).toEqual(["created", "updated", "updated"]);
    const ids = results.map((r) => (r.ok ? r.enrollmentId : ""));
    const rows = await db().enrollment.findMany({ where: { id: { in: ids } } });
    const status = new Map(rows.map((e) => [e.id, e.status]));
    expect(ids.map((id) => status.get(id))).toEqual(["superseded", "superseded", "active"]);
    const scheduled = await db().message.findMany({ where: { enrollmentId: { in: ids }, status: "scheduled" } });
    expect(scheduled.map((m) => m.enrollmentId)).toEqual([ids[2]]);
    // Each outcome has its own audit row, written in its round's statement: who sent it, the
    // interview, and whether it superseded a running track.
    const candidateId = results[0]?.ok ? results[0].candidateId : "";
    const audits = await db().auditLog.findMany({
      where: { targetId: candidateId, action: "interview.recorded" },
      orderBy: { createdAt: "asc" },
    });
    const interviews = results.map((r) => (r.ok ? r.interviewId : ""));
    expect(
      audits
        .map((a) => ({
          ...(a.data as { interviewId: string }),
          programId: a.programId,
          actor: a.actor,
          targetType: a.targetType,
        }))
        .sort((a, b) => interviews.indexOf(a.interviewId) - interviews.indexOf(b.interviewId)),
    ).toEqual(
      interviews.map((interviewId, i) => ({
        outcome: "rejected",
        interviewId,
        superseded: i === 0 ? 0 : 1,
        programId: world.programId,
        actor: "api",
        targetType: "candidate",
      })),
    );
  });

  it("the same outcome twice in one batch is one track: the second answers with the first", async () => {
    const email = address("twice");
    const input = outcome(email, { company: "Hooli", role: "Analyst" });
    const [a, b] = await enrolMany(world.ctx, world.programId, [input, input]);
    if (!a?.ok || !b?.ok) throw new Error("refused");
    expect(b.change).toBe("unchanged");
    expect(b.enrollmentId).toBe(a.enrollmentId);
    expect(await db().interview.count({ where: { candidateId: a.candidateId } })).toBe(1);
  });

  it("keeps a known candidate's time zone and name when an outcome does not name them", async () => {
    const email = address("keep");
    await enrolMany(world.ctx, world.programId, [outcome(email, { timezone: "Asia/Tokyo", name: "Kim" })]);
    const [later] = await enrolMany(world.ctx, world.programId, [outcome(email, { company: "Globex" })]);
    if (!later?.ok) throw new Error("refused");
    const c = await db().candidate.findUniqueOrThrow({ where: { id: later.candidateId } });
    expect([c.timezone, c.name]).toEqual(["Asia/Tokyo", "Kim"]);
  });

  it("Idempotency-Keys inside one batch and across batches: same body replays, another body is 422", async () => {
    const key = unique("key");
    const input = outcome(address("idem"));
    const req = (i: InterviewInput, k = key) => ({ programId: world.programId, input: i, idempotency: { key: k } });
    const [a, b, c] = await enrolRequests(world.ctx, [req(input), req(input), req({ ...input, company: "Other" })]);
    if (!a?.ok) throw new Error("refused");
    expect(a.replayed).toBe(false);
    expect(b).toMatchObject({ ok: true, replayed: true, enrollmentId: a.enrollmentId });
    expect(c).toMatchObject({ ok: false, status: 422, code: "idempotency_key_reused" });
    const [again, other] = await enrolRequests(world.ctx, [req(input), req({ ...input, company: "Other" })]);
    expect(again).toMatchObject({ ok: true, replayed: true, enrollmentId: a.enrollmentId });
    expect(other).toMatchObject({ ok: false, status: 422 });
    expect(await db().enrollment.count({ where: { candidateId: a.candidateId } })).toBe(1);
    // A refused item records no key: once the cause is gone, its retry runs.
    const cohortKey = unique("key");
    const late = outcome(address("late"), { cohort: "late-cohort" });
    const [refused] = await enrolRequests(world.ctx, [req(late, cohortKey)]);
    expect(refused).toMatchObject({ ok: false, status: 404 });
    await world.createCohort({ slug: "late-cohort" });
    const [retried] = await enrolRequests(world.ctx, [req(late, cohortKey)]);
    expect(retried).toMatchObject({ ok: true, replayed: false });
  });

  it("concurrent batches sharing candidates in any order never deadlock and leave one live track each", async () => {
    const shared = Array.from({ length: 10 }, () => address("shared"));
    const batches = Array.from({ length: 6 }, (_, b) => {
      const order = [...shared].sort(() => Math.random() - 0.5);
      return enrolMany(
        world.ctx,
        world.programId,
        order.map((email) => outcome(email, { company: `Company ${b}` })),
      );
    });
    const results = (await Promise.all(batches)).flat();
    expect(results.filter((r) => !r.ok)).toEqual([]);
    for (const email of shared) {
      expect(await db().candidate.count({ where: { email } })).toBe(1);
      expect(await liveTracks(email)).toHaveLength(1);
    }
  });
});

describe("IntakeBatcher: concurrent outcomes share a transaction", () => {
  it("groups concurrent submissions into few transactions, each caller with its own answer", async () => {
    let transactions = 0;
    const db = new Proxy(world.ctx.db, {
      get(target, prop, receiver) {
        if (prop === "$transaction") {
          return (...args: unknown[]) => {
            transactions++;
            return (target.$transaction as (...a: unknown[]) => unknown).apply(target, args);
          };
        }
        return Reflect.get(target, prop, receiver);
      },
    });
    const intake = new IntakeBatcher({ ...world.ctx, db }, { maxInFlight: 1, lingerMs: 5 });
    const emails = Array.from({ length: 40 }, () => address("grouped"));
    const settled = await Promise.allSettled(
      emails.map((email, i) =>
        intake.submit({
          programId: world.programId,
          input: outcome(email, i === 7 ? { cohort: "nope" } : {}),
        }),
      ),
    );
    expect(settled.filter((s) => s.status === "rejected").map((s) => (s as PromiseRejectedResult).reason.code)).toEqual(
      ["not_found"],
    );
    expect(transactions).toBeGreaterThanOrEqual(1);
    expect(transactions).toBeLessThanOrEqual(4);
    const ids = settled.flatMap((s) => (s.status === "fulfilled" ? [s.value.candidateId] : []));
    expect(new Set(ids).size).toBe(39);
  });

  it("an outcome PostgreSQL refuses fails alone; its batch-mates are enrolled", async () => {
    const intake = new IntakeBatcher(world.ctx, { maxInFlight: 1, lingerMs: 5 });
    const emails = Array.from({ length: 9 }, () => address("poison"));
    const settled = await Promise.allSettled(
      emails.map((email, i) =>
        intake.submit({
          programId: world.programId,
          // A NUL byte passes validation but not PostgreSQL's text type.
          input: outcome(email, i === 4 ? { company: "Bad\u0000Corp" } : {}),
        }),
      ),
    );
    expect(settled.map((s) => s.status)).toEqual([
      ...Array(4).fill("fulfilled"),
      "rejected",
      ...Array(4).fill("fulfilled"),
    ]);
    expect((settled[4] as PromiseRejectedResult).reason.status).toBe(500);
    for (const [i, email] of emails.entries()) {
      expect(await db().candidate.count({ where: { email } })).toBe(i === 4 ? 0 : 1);
    }
  });
});
