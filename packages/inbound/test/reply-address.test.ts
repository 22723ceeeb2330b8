import { signReplyToken, verifyReplyToken } from "@rebound/domain";
import { describe, expect, it } from "vitest";
import { findReplyToken, findStartAddress } from "../src/index.js";
import { DOMAIN, makeMail } from "./mail.js";

describe("findReplyToken", () => {
  const token = signReplyToken("0195a3b2-7c1e-7d40-9a51-1f2e3d4c5b6a", "s3cret", new Date("2025-03-03T10:00:00Z"));

  it("finds a real signed token that then verifies", () => {
    const found = findReplyToken(makeMail({ to: [`reply+${token}@${DOMAIN}`] }), DOMAIN);
    expect(found).toBe(token);
    expect(verifyReplyToken(found ?? "", "s3cret", new Date("2025-03-04T00:00:00Z")).ok).toBe(true);
  });

  it("looks in To, then Cc, then the envelope", () => {
    expect(
      findReplyToken(
        makeMail({ to: ["x@y.z"], cc: [`reply+cc1@${DOMAIN}`], deliveredTo: [`reply+env@${DOMAIN}`] }),
        DOMAIN,
      ),
    ).toBe("cc1");
    expect(findReplyToken(makeMail({ to: ["x@y.z"], deliveredTo: [`reply+env@${DOMAIN}`] }), DOMAIN)).toBe("env");
    expect(findReplyToken(makeMail({ to: [`reply+first@${DOMAIN}`, `reply+second@${DOMAIN}`] }), DOMAIN)).toBe("first");
  });

  it("compares the domain without regard to case, and accepts the domain as configured in any case", () => {
    expect(findReplyToken(makeMail({ to: [`reply+abc@REPLY.Rebound.localhost`] }), DOMAIN)).toBe("abc");
    expect(findReplyToken(makeMail({ to: [`reply+abc@${DOMAIN}`] }), "Reply.Rebound.Localhost")).toBe("abc");
  });

  it("ignores other domains, look-alike domains, other local parts and bad token characters", () => {
    const cases = [
      `reply+abc@evil.example`,
      `reply+abc@${DOMAIN}.evil.example`,
      `reply+abc@sub.${DOMAIN}`,
      `noreply+abc@${DOMAIN}`,
      `reply@${DOMAIN}`,
      `reply+@${DOMAIN}`,
      `reply+a_b@${DOMAIN}`,
      `reply+a.b@${DOMAIN}`,
      `reply+__TOKEN__@${DOMAIN}`,
    ];
    for (const address of cases) expect(findReplyToken(makeMail({ to: [address] }), DOMAIN), address).toBeNull();
  });

  it("treats the domain literally, not as a pattern", () => {
    expect(findReplyToken(makeMail({ to: ["reply+abc@replyXrebound.localhost"] }), DOMAIN)).toBeNull();
  });

  it("returns null for an empty domain", () => {
    expect(findReplyToken(makeMail({ to: ["reply+abc@"] }), "")).toBeNull();
  });
});

describe("findStartAddress", () => {
  it("finds start@ as a recipient anywhere", () => {
    expect(findStartAddress(makeMail({ to: [`start@${DOMAIN}`] }), DOMAIN)).toEqual({ program: null });
    expect(findStartAddress(makeMail({ cc: [`START@${DOMAIN.toUpperCase()}`] }), DOMAIN)).toEqual({ program: null });
    expect(findStartAddress(makeMail({ deliveredTo: [`start@${DOMAIN}`] }), `@${DOMAIN}`)).toEqual({ program: null });
  });

  it("reads the program of start+<program>@", () => {
    const id = "0b7c4b8e-9d2f-4c1a-8e3b-5f6a7d8c9e0f";
    expect(findStartAddress(makeMail({ to: [`start+${id}@${DOMAIN}`] }), DOMAIN)).toEqual({ program: id });
    expect(findStartAddress(makeMail({ to: [`Start+${id.toUpperCase()}@${DOMAIN}`] }), DOMAIN)).toEqual({
      program: id,
    });
  });

  it("finds nothing otherwise", () => {
    expect(findStartAddress(makeMail({ to: [`reply+abc@${DOMAIN}`] }), DOMAIN)).toBeNull();
    expect(findStartAddress(makeMail({ to: [`start@other.example`] }), DOMAIN)).toBeNull();
    expect(findStartAddress(makeMail({ to: [`restart@${DOMAIN}`] }), DOMAIN)).toBeNull();
    expect(findStartAddress(makeMail({ to: [`start+@${DOMAIN}`] }), DOMAIN)).toBeNull();
    expect(findStartAddress(makeMail({ to: [`start+a.b@${DOMAIN}`] }), DOMAIN)).toBeNull();
    expect(findStartAddress(makeMail({ to: [`start@${DOMAIN}`] }), "")).toBeNull();
  });
});
