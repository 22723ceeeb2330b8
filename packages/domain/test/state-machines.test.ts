import { describe, expect, it } from "vitest";
import { enrollmentMachine, IllegalTransitionError, messageMachine } from "../src/index.js";

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
      ["sent", "scheduled"],
      ["delivered", "sending"],
      ["cancelled", "sending"],
      ["scheduled", "sent"],
      ["bounced", "delivered"],
      ["failed", "sent"],
    ] as const) {
      expect(messageMachine.can(from, to)).toBe(false);
      expect(() => messageMachine.assert(from, to)).toThrow(IllegalTransitionError);
    }
    expect(() => messageMachine.assert("sent", "scheduled")).toThrow("message: illegal transition sent -> scheduled");
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
    expect(enrollmentMachine.can("paused", "completed")).toBe(false);
  });
});
