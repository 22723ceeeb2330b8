import { applyRetention, createLogger, monthsBefore, redact } from "@rebound/core";
import { createWorld, TestClock, unique, type World } from "@rebound/testkit";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const clock = new TestClock("2026-06-15T12:00:00Z");
let world: World;
beforeAll(async () => {
  world = await createWorld({ clock });
});
afterAll(async () => world?.close());

const db = () => world.ctx.db;

async function reflectionAt(
  candidate: { candidateId: string; interviewId: string; programId: string },
  receivedAt: Date,
  text: string,
) {
  return db().reflection.create({
    data: {
      programId: candidate.programId,
      candidateId: candidate.candidateId,
      interviewId: candidate.interviewId,
      step: "process",
      prompt: "What went well?",
      text,
      themes: ["nonverbal"],
      analysis: { themes: [], evidence: text },
      sourceKey: unique("src"),
      receivedAt,
    },
  });
}

describe("retention", () => {
  it("removes reflections and raw mail older than the program's months, keeping their themes", async () => {
    await db().program.update({ where: { id: world.programId }, data: { retentionMonths: 6 } });
    const c = { ...(await world.createCandidate()), programId: world.programId };
    const old = await reflectionAt(c, new Date("2025-11-30T00:00:00Z"), "an old answer");
    const recent = await reflectionAt(c, new Date("2026-03-01T00:00:00Z"), "a recent answer");
    await db().inboundMessage.create({
      data: {
        sourceKey: unique("old"),
        source: "mime",
        status: "failed",
        programId: world.programId,
        raw: Buffer.from("From: a@b.c"),
        createdAt: new Date("2025-10-01T00:00:00Z"),
      },
    });
    const other = await world.createProgram(); // no retention set: keeps everything
    const kept = { ...(await world.createCandidate({ programId: other.programId })), programId: other.programId };
    const untouched = await reflectionAt(kept, new Date("2020-01-01T00:00:00Z"), "kept forever");

    const result = await applyRetention(world.ctx);
    expect(result).toMatchObject({ reflections: 1, inbound: 1 });
    const after = await db().reflection.findUniqueOrThrow({ where: { id: old.id } });
    expect([after.text, after.analysis, after.themes]).toEqual([null, null, ["nonverbal"]]);
    expect((await db().reflection.findUniqueOrThrow({ where: { id: recent.id } })).text).toBe("a recent answer");
    expect((await db().reflection.findUniqueOrThrow({ where: { id: untouched.id } })).text).toBe("kept forever");
    expect(await db().inboundMessage.count({ where: { programId: world.programId, raw: { not: null } } })).toBe(0);
    expect(await applyRetention(world.ctx)).toMatchObject({ reflections: 0, inbound: 0 }); // idempotent
  });

  it("counts months on the calendar", () => {
    expect(monthsBefore(new Date("2026-03-31T10:00:00Z"), 1).toISOString()).toBe("2026-02-28T10:00:00.000Z");
    expect(monthsBefore(new Date("2026-01-15T00:00:00Z"), 13).toISOString()).toBe("2024-12-15T00:00:00.000Z");
  });
});

describe("logs hold no personal data", () => {
  it("scrubs addresses from every string and drops personal fields", () => {
    const lines: string[] = [];
    const log = createLogger("debug", (l) => lines.push(l));
    log.warn("refused sam@example.com", {
      error: new Error("Invalid `to` field: sam.lee+x@example.co.uk"),
      email: "sam@example.com",
      name: "Sam Lee",
      nested: { text: "my reflection", detail: "write to boss@corp.example" },
      apiKey: "rb_live_secret",
    });
    const out = lines.join("\n");
    for (const leak of [
      "sam@example.com",
      "sam.lee+x@example.co.uk",
      "Sam Lee",
      "my reflection",
      "boss@corp.example",
      "rb_live_secret",
    ]) {
      expect(out).not.toContain(leak);
    }
    expect(out).toContain("[email]");
    expect(redact({ to: "x@y.z" })).toEqual({ to: "[redacted]" });
  });
});
