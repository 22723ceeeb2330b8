import { describe, expect, it } from "vitest";
import { findStep, OUTCOMES, STEP_KEYS, stepAt, TRACKS, trackFor } from "../src/index.js";

describe("track selection", () => {
  it("picks the rejected track: process, feedback, analyse, keep-applying on days 0, 1, 3, 7", () => {
    const t = trackFor("rejected");
    expect(t.steps.map((s) => [s.key, s.delayDays])).toEqual([
      ["process", 0],
      ["feedback", 1],
      ["analyse", 3],
      ["keep-applying", 7],
    ]);
    expect(t.steps[0]?.prompts).toEqual(["What were the high points of this interview?"]);
    expect(t.steps[2]?.prompts.length).toBeGreaterThanOrEqual(4);
  });

  it("gives every outcome its own track, starting as PRODUCT.md says", () => {
    expect(trackFor("no_response").steps.map((s) => s.key)).toEqual([
      "follow-up-nudge",
      "process",
      "analyse",
      "keep-applying",
    ]);
    expect(trackFor("withdrawn").steps.map((s) => s.key)).toEqual(["fit-reflection", "keep-applying"]);
    expect(trackFor("offer").steps.map((s) => s.key)).toEqual(["congratulations"]);
    expect(trackFor("pending").steps.map((s) => [s.key, s.delayDays])).toEqual([["check-in", 7]]);
  });

  it("keeps every track ordered by day, with known step keys and at least one prompt per step", () => {
    for (const outcome of OUTCOMES) {
      const days = TRACKS[outcome].steps.map((s) => s.delayDays);
      expect([...days].sort((a, b) => a - b)).toEqual(days);
      for (const s of TRACKS[outcome].steps) {
        expect(STEP_KEYS).toContain(s.key);
        expect(s.prompts.length).toBeGreaterThan(0);
      }
    }
  });

  it("finds steps by index and key, and nothing past the end", () => {
    expect(stepAt("rejected", 3)?.key).toBe("keep-applying");
    expect(stepAt("rejected", 4)).toBeUndefined();
    expect(findStep("rejected", "analyse")?.index).toBe(2);
    expect(findStep("offer", "analyse")).toBeUndefined();
  });
});
