import { describe, expect, it } from "vitest";
import { isValidTimeZone, localParts, nextInWindow, stepDueAt, zonedTime } from "../src/index.js";

const at = (iso: string) => new Date(iso);
const local = (d: Date, tz: string) => {
  const p = localParts(d, tz);
  return `${p.year}-${String(p.month).padStart(2, "0")}-${String(p.day).padStart(2, "0")} ${String(p.hour).padStart(2, "0")}:${String(p.minute).padStart(2, "0")} d${p.weekday}`;
};

describe("send windows", () => {
  it("leaves a time inside the window alone", () => {
    const t = at("2026-03-11T10:30:00Z"); // Wed 11:30 in Paris
    expect(nextInWindow(t, "Europe/Paris")).toEqual(t);
  });

  it("moves an evening time to 09:00 the next weekday, local time", () => {
    const t = at("2026-03-11T19:00:00Z"); // Wed 20:00 Paris
    expect(local(nextInWindow(t, "Europe/Paris"), "Europe/Paris")).toBe("2026-03-12 09:00 d4");
  });

  it("moves an early time to 09:00 the same day", () => {
    expect(nextInWindow(at("2026-03-11T05:00:00Z"), "Europe/Paris").toISOString()).toBe("2026-03-11T08:00:00.000Z");
  });

  it("skips the weekend: Friday night goes to Monday morning", () => {
    const t = at("2026-03-13T20:00:00Z"); // Fri 21:00 Paris
    expect(local(nextInWindow(t, "Europe/Paris"), "Europe/Paris")).toBe("2026-03-16 09:00 d1");
  });

  it("honours configured weekdays and hours", () => {
    const t = at("2026-03-13T20:00:00Z");
    const w = { startHour: 10, endHour: 12, weekdays: [6] };
    expect(local(nextInWindow(t, "Europe/Paris", w), "Europe/Paris")).toBe("2026-03-14 10:00 d6");
  });

  it("keeps 09:00 local across the spring-forward change in Europe", () => {
    // Paris moves from UTC+1 to UTC+2 on 29 March 2026.
    const before = nextInWindow(at("2026-03-27T18:00:00Z"), "Europe/Paris"); // Fri 19:00 -> Mon 30 Mar 09:00 (UTC+2)
    expect(before.toISOString()).toBe("2026-03-30T07:00:00.000Z");
  });

  it("keeps 09:00 local across the autumn change in the US", () => {
    // New York moves from UTC-4 to UTC-5 on 1 November 2026.
    const t = nextInWindow(at("2026-10-30T23:00:00Z"), "America/New_York"); // Fri 19:00 EDT -> Mon 2 Nov 09:00 EST
    expect(t.toISOString()).toBe("2026-11-02T14:00:00.000Z");
  });

  it("handles zones with half-hour offsets and the southern hemisphere", () => {
    expect(nextInWindow(at("2026-06-10T15:00:00Z"), "Asia/Kolkata").toISOString()).toBe("2026-06-11T03:30:00.000Z");
    // Sydney leaves DST on 5 April 2026 (UTC+11 -> UTC+10).
    expect(nextInWindow(at("2026-04-03T10:00:00Z"), "Australia/Sydney").toISOString()).toBe("2026-04-05T23:00:00.000Z");
  });

  it("resolves a wall time skipped by DST to just after the gap", () => {
    // 02:30 does not exist in Paris on 29 March 2026.
    expect(zonedTime("Europe/Paris", 2026, 3, 29, 2, 30).toISOString()).toBe("2026-03-29T01:30:00.000Z");
    // 01:30 happens twice in New York on 1 November 2026: the first one is chosen.
    expect(zonedTime("America/New_York", 2026, 11, 1, 1, 30).toISOString()).toBe("2026-11-01T05:30:00.000Z");
  });

  it("computes due dates from days, compressed by DRIP_SPEEDUP (which ignores windows)", () => {
    const enrolled = at("2026-03-11T10:00:00Z");
    expect(stepDueAt(enrolled, 3, { timezone: "Europe/Paris", speedup: 86400 }).toISOString()).toBe(
      "2026-03-11T10:00:03.000Z",
    );
    // 7 days after a Wednesday 11:00 is a Wednesday 11:00: inside the window.
    expect(stepDueAt(enrolled, 7, { timezone: "Europe/Paris", speedup: 1 }).toISOString()).toBe(
      "2026-03-18T10:00:00.000Z",
    );
    // 3 days after is a Saturday: moved to Monday 09:00.
    expect(local(stepDueAt(enrolled, 3, { timezone: "Europe/Paris", speedup: 1 }), "Europe/Paris")).toBe(
      "2026-03-16 09:00 d1",
    );
  });

  it("validates time zones", () => {
    expect(isValidTimeZone("Europe/Paris")).toBe(true);
    expect(isValidTimeZone("Mars/Olympus")).toBe(false);
    expect(isValidTimeZone("")).toBe(false);
  });
});
