import { describe, expect, it } from "vitest";
import { routeInbound } from "../src/index.js";
import { DOMAIN, makeMail } from "./mail.js";

describe("routeInbound", () => {
  it("stores a reply with its reflection and command", () => {
    const mail = makeMail({
      to: [`reply+tok-1@${DOMAIN}`],
      text: "Stop.\n\nOn Mon, 3 Mar 2025, Rebound <x@y> wrote:\n> hi",
    });
    expect(routeInbound(mail, DOMAIN)).toEqual({
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
    expect(routeInbound(mail, DOMAIN)).toEqual({ kind: "start", company: "Globex", program: null });
  });

  it("ignores auto-replies before anything else, even to start@", () => {
    const headers = { "auto-submitted": "auto-replied" };
    expect(routeInbound(makeMail({ to: [`reply+tok@${DOMAIN}`], headers }), DOMAIN)).toEqual({ kind: "auto-reply" });
    expect(routeInbound(makeMail({ to: [`start@${DOMAIN}`], subject: "Out of Office" }), DOMAIN)).toEqual({
      kind: "auto-reply",
    });
  });

  it("prefers the reply token when both addresses are present", () => {
    const mail = makeMail({ to: [`start@${DOMAIN}`, `reply+tok@${DOMAIN}`], text: "hello" });
    expect(routeInbound(mail, DOMAIN)).toMatchObject({ kind: "reply", token: "tok" });
  });

  it("calls anything else unroutable", () => {
    expect(routeInbound(makeMail({ to: [`hello@${DOMAIN}`] }), DOMAIN)).toEqual({ kind: "unroutable" });
    expect(routeInbound(makeMail({ to: [`reply+tok@other.example`] }), DOMAIN)).toEqual({ kind: "unroutable" });
    expect(routeInbound(makeMail(), DOMAIN)).toEqual({ kind: "unroutable" });
  });

  it("gives an empty reflection, not a failure, when only quoted text came back", () => {
    const mail = makeMail({ to: [`reply+tok@${DOMAIN}`], text: "> quoted only" });
    expect(routeInbound(mail, DOMAIN)).toEqual({ kind: "reply", token: "tok", reflection: "", command: null });
  });
});
