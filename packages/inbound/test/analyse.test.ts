import { describe, expect, it } from "vitest";
import { analyseInbound } from "../src/index.js";
import { DOMAIN, makeMail } from "./mail.js";

describe("analyseInbound", () => {
  it("stores a reply with its reflection and command", () => {
    const mail = makeMail({
      to: [`reply+tok-1@${DOMAIN}`],
      text: "Stop.\n\nOn Mon, 3 Mar 2025, Rebound <x@y> wrote:\n> hi",
    });
    expect(analyseInbound(mail, DOMAIN)).toEqual({
      kind: "reply",
      token: "tok-1",
      reflection: "Stop.",
      command: "stop",
    });
  });

  it("treats start@ as a subscription and reads the company", () => {
    const mail = makeMail({
      to: [`start@${DOMAIN}`],
      subject: "Fwd: Your application to Globex",
      text: "---------- Forwarded message ---------\nFrom: Globex Careers <jobs@globex.com>\nSubject: Your application to Globex\n\nThank you for your interest in Globex.",
    });
    expect(analyseInbound(mail, DOMAIN)).toEqual({ kind: "start", company: "Globex", program: null });
  });

  it("ignores auto-replies before anything else, even to start@", () => {
    const headers = { "auto-submitted": "auto-replied" };
    expect(analyseInbound(makeMail({ to: [`reply+tok@${DOMAIN}`], headers }), DOMAIN)).toEqual({ kind: "auto-reply" });
    expect(analyseInbound(makeMail({ to: [`start@${DOMAIN}`], subject: "Out of Office" }), DOMAIN)).toEqual({
      kind: "auto-reply",
    });
  });

  it("prefers the reply token when both addresses are present", () => {
    const mail = makeMail({ to: [`start@${DOMAIN}`, `reply+tok@${DOMAIN}`], text: "hello" });
    expect(analyseInbound(mail, DOMAIN)).toMatchObject({ kind: "reply", token: "tok" });
  });

  it("calls anything else unroutable", () => {
    expect(analyseInbound(makeMail({ to: [`hello@${DOMAIN}`] }), DOMAIN)).toEqual({ kind: "unroutable" });
    expect(analyseInbound(makeMail({ to: [`reply+tok@other.example`] }), DOMAIN)).toEqual({ kind: "unroutable" });
    expect(analyseInbound(makeMail(), DOMAIN)).toEqual({ kind: "unroutable" });
  });

  it("gives an empty reflection, not a failure, when only quoted text came back", () => {
    const mail = makeMail({ to: [`reply+tok@${DOMAIN}`], text: "> quoted only" });
    expect(analyseInbound(mail, DOMAIN)).toEqual({ kind: "reply", token: "tok", reflection: "", command: null });
  });
});
