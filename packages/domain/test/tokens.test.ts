import { describe, expect, it } from "vitest";
import { signReplyToken, signToken, unsubscribeToken, verifyReplyToken, verifyToken } from "../src/index.js";

const SECRET = "s".repeat(40);
const MSG = "0b6f2f7e-52a4-4f0e-9d55-1c0f6d1c2a77";

describe("reply tokens", () => {
  it("round-trip to the message id and fit an email local part", () => {
    const t = signReplyToken(MSG, SECRET, new Date("2026-11-01T00:00:00Z"));
    expect(t).toMatch(/^[0-9a-z-]+$/);
    expect(`reply+${t}`.length).toBeLessThanOrEqual(64);
    expect(verifyReplyToken(t, SECRET, new Date("2026-11-20T00:00:00Z"))).toEqual({
      ok: true,
      value: { messageId: MSG },
    });
    expect(verifyReplyToken(t.toUpperCase(), SECRET, new Date("2026-11-20T00:00:00Z")).ok).toBe(true);
  });

  it("refuse tampering, another secret and expiry", () => {
    const t = signReplyToken(MSG, SECRET, new Date("2026-11-01T00:00:00Z"));
    const other = signReplyToken("1b6f2f7e-52a4-4f0e-9d55-1c0f6d1c2a77", SECRET, new Date("2026-11-01T00:00:00Z"));
    const forged = `${other.split("-")[0]}-${t.split("-").slice(1).join("-")}`;
    expect(verifyReplyToken(forged, SECRET)).toEqual({ ok: false, reason: "bad-signature" });
    const flipped = t.slice(0, -1) + (t.endsWith("a") ? "b" : "a");
    expect(verifyReplyToken(flipped, SECRET).ok).toBe(false);
    expect(verifyReplyToken(t, "x".repeat(40))).toEqual({ ok: false, reason: "bad-signature" });
    expect(verifyReplyToken(t, SECRET, new Date("2028-01-01T00:00:00Z"))).toEqual({ ok: false, reason: "expired" });
    expect(verifyReplyToken("nonsense", SECRET)).toEqual({ ok: false, reason: "malformed" });
  });
});

describe("purpose tokens", () => {
  it("verify for their purpose only", () => {
    const t = signToken("log", "abc-123", SECRET, new Date("2030-01-01T00:00:00Z"));
    expect(verifyToken("log", t, SECRET)).toMatchObject({ ok: true, value: { subject: "abc-123" } });
    expect(verifyToken("unsubscribe", t, SECRET)).toEqual({ ok: false, reason: "bad-signature" });
  });

  it("refuse expired, tampered and malformed tokens", () => {
    const t = signToken("log", "abc", SECRET, new Date("2026-01-01T00:00:00Z"));
    expect(verifyToken("log", t, SECRET, new Date("2026-02-01T00:00:00Z"))).toEqual({ ok: false, reason: "expired" });
    expect(verifyToken("log", t.replace("abc", "abd"), SECRET, new Date("2025-01-01T00:00:00Z"))).toEqual({
      ok: false,
      reason: "bad-signature",
    });
    expect(verifyToken("log", "a.b", SECRET).ok).toBe(false);
    expect(() => signToken("log", "has.dot", SECRET, new Date())).toThrow();
  });

  it("gives each candidate one stable unsubscribe token", () => {
    expect(unsubscribeToken("cand-1", SECRET)).toBe(unsubscribeToken("cand-1", SECRET));
    expect(verifyToken("unsubscribe", unsubscribeToken("cand-1", SECRET), SECRET)).toMatchObject({
      ok: true,
      value: { subject: "cand-1" },
    });
  });
});
