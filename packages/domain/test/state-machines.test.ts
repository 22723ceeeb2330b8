import { describe, expect, it } from "vitest";
import { candidateMachine, enrollmentMachine, IllegalTransitionError, messageMachine } from "../src/index.js";

describe("message state machine", () => {
  it("allows the delivery path and its side exits", () => {
    for (const [from, to] of [
      ["scheduled", "sending"],
      ["sending", "sent"],
      ["sent", "delivered"],
      ["sent", "bounced"],
      ["delivered", "complained"],
      ["scheduled", "cancelled"],
      ["sending", "failed"],
    ] as const) {
      expect(messageMachine.can(from, to)).toBe(true);
      expect(() => messageMachine.assert(from, to)).not.toThrow();
    }
  });

  it("refuses illegal moves loudly", () => {
    for (const [from, to] of [
      ["delivered", "scheduled"],
      ["delivered", "sending"],
      ["cancelled", "sending"],
      ["scheduled", "sent"],
      ["bounced", "delivered"],
      ["failed", "sent"],
    ] as const) {
      expect(messageMachine.can(from, to)).toBe(false);
      expect(() => messageMachine.assert(from, to)).toThrow(IllegalTransitionError);
    }
    expect(() => messageMachine.assert("delivered", "scheduled")).toThrow(
      "message: illegal transition delivered -> scheduled",
    );
  });

  it("treats bounced, complained, failed and cancelled as final", () => {
    expect(["bounced", "complained", "failed", "cancelled"].every((s) => messageMachine.isFinal(s as "bounced"))).toBe(
      true,
    );
    expect(messageMachine.isFinal("sent")).toBe(false);
  });
});

describe("enrolment state machine", () => {
  it("pauses, resumes, completes, supersedes and stops from active", () => {
    expect(enrollmentMachine.can("active", "paused")).toBe(true);
    expect(enrollmentMachine.can("paused", "active")).toBe(true);
    expect(enrollmentMachine.can("active", "superseded")).toBe(true);
    expect(enrollmentMachine.can("paused", "stopped")).toBe(true);
  });
  it("never brings back a finished enrolment", () => {
    for (const from of ["completed", "superseded", "stopped"] as const) {
      expect(() => enrollmentMachine.assert(from, "active")).toThrow(IllegalTransitionError);
    }
    // A pause landing while the last step is handed over still completes the track.
    expect(enrollmentMachine.can("paused", "completed")).toBe(true);
  });
  it("gives each bulk change its from-set", () => {
    expect(enrollmentMachine.sourcesOf("stopped").sort()).toEqual(["active", "paused"]);
    expect(enrollmentMachine.sourcesOf("paused")).toEqual(["active"]);
    expect(messageMachine.sourcesOf("cancelled").sort()).toEqual(["scheduled", "sending"]);
    expect(messageMachine.sourcesOf("delivered")).toEqual(["sent"]);
  });
});

describe("candidate state machine", () => {
  it("never takes back an opt-out, a bounce or an erasure", () => {
    for (const from of ["unsubscribed", "bounced", "complained", "erased"] as const) {
      expect(candidateMachine.can(from, "active")).toBe(false);
      expect(candidateMachine.can(from, "paused")).toBe(false);
    }
    expect(candidateMachine.isFinal("erased")).toBe(true);
    expect(candidateMachine.sourcesOf("erased").sort()).toEqual([
      "active",
      "bounced",
      "complained",
      "paused",
      "unsubscribed",
    ]);
  });
  it("pauses and resumes only live candidates", () => {
    expect(candidateMachine.can("active", "paused")).toBe(true);
    expect(candidateMachine.can("paused", "active")).toBe(true);
    expect(candidateMachine.sourcesOf("active")).toEqual(["paused"]);
  });
});
