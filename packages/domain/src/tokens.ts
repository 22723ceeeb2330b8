import { createHmac, timingSafeEqual } from "node:crypto";

/**
 * Signed tokens. Every token names its purpose, so a token minted for one use
 * (say, unsubscribe) is refused for another (say, reading the log).
 *
 * Reply tokens live in an email local part (`reply+<token>@domain`). Some
 * mail systems lower-case local parts, so they use only [0-9a-z] and '-'.
 */
export type TokenPurpose = "reply" | "unsubscribe" | "log" | "subscribe" | "prefs" | "command";

const B32 = "0123456789abcdefghjkmnpqrstvwxyz";

function base32(buf: Buffer): string {
  let bits = 0;
  let value = 0;
  let out = "";
  for (const byte of buf) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += B32[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  if (bits > 0) out += B32[(value << (5 - bits)) & 31];
  return out;
}

function mac(secret: string, purpose: TokenPurpose, payload: string, chars: number): string {
  return base32(createHmac("sha256", secret).update(`${purpose}\n${payload}`).digest()).slice(0, chars);
}

function safeEqual(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

function unbase32(text: string): Buffer | null {
  let bits = 0;
  let value = 0;
  const out: number[] = [];
  for (const ch of text) {
    const v = B32.indexOf(ch);
    if (v < 0) return null;
    value = (value << 5) | v;
    bits += 5;
    if (bits >= 8) {
      out.push((value >>> (bits - 8)) & 255);
      bits -= 8;
    }
  }
  return Buffer.from(out);
}

const UUID_HEX = /^[0-9a-f]{32}$/;
const DAY = 86_400_000;
/** A reply to an old email still counts, within reason. */
export const REPLY_TOKEN_TTL_DAYS = 365;

/**
 * `<message uuid, 26 base32>-<issued day, base36>-<20 char MAC (100 bits)>`: 52
 * characters, so `reply+<token>` stays within the 64-octet local-part limit.
 */
export function signReplyToken(messageId: string, secret: string, issuedAt: Date = new Date()): string {
  const hex = messageId.replace(/-/g, "").toLowerCase();
  if (!UUID_HEX.test(hex)) throw new Error("reply tokens name a message uuid");
  const day = Math.floor(issuedAt.getTime() / DAY).toString(36);
  const payload = `${base32(Buffer.from(hex, "hex"))}-${day}`;
  return `${payload}-${mac(secret, "reply", payload, 20)}`;
}

export type TokenCheck<T> = { ok: true; value: T } | { ok: false; reason: "malformed" | "bad-signature" | "expired" };

export function verifyReplyToken(
  token: string,
  secret: string,
  now: Date = new Date(),
): TokenCheck<{ messageId: string }> {
  const m = /^([0-9a-z]{26})-([0-9a-z]{1,6})-([0-9a-z]{20})$/.exec(token.toLowerCase());
  if (!m) return { ok: false, reason: "malformed" };
  const [, id = "", day = "", sig = ""] = m;
  if (!safeEqual(sig, mac(secret, "reply", `${id}-${day}`, 20))) return { ok: false, reason: "bad-signature" };
  const issued = Number.parseInt(day, 36) * DAY;
  if (now.getTime() - issued > REPLY_TOKEN_TTL_DAYS * DAY) return { ok: false, reason: "expired" };
  const bytes = unbase32(id);
  if (!bytes || bytes.length < 16) return { ok: false, reason: "malformed" };
  const hex = bytes.subarray(0, 16).toString("hex");
  const messageId = `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
  return { ok: true, value: { messageId } };
}

/**
 * General purpose URL tokens: `<subject>.<expiry unix s base36>.<mac>`.
 * The subject is an id (uuid) or other URL-safe string without dots.
 */
export function signToken(purpose: TokenPurpose, subject: string, secret: string, expiresAt: Date): string {
  if (!/^[A-Za-z0-9_-]+$/.test(subject)) throw new Error("token subject must be URL safe without dots");
  const exp = Math.floor(expiresAt.getTime() / 1000).toString(36);
  const payload = `${subject}.${exp}`;
  return `${payload}.${mac(secret, purpose, payload, 32)}`;
}

export function verifyToken(
  purpose: TokenPurpose,
  token: string,
  secret: string,
  now: Date = new Date(),
): TokenCheck<{ subject: string; expiresAt: Date }> {
  const m = /^([A-Za-z0-9_-]{1,200})\.([0-9a-z]{1,10})\.([0-9a-z]{32})$/.exec(token);
  if (!m) return { ok: false, reason: "malformed" };
  const [, subject = "", exp = "", sig = ""] = m;
  if (!safeEqual(sig, mac(secret, purpose, `${subject}.${exp}`, 32))) return { ok: false, reason: "bad-signature" };
  const expiresAt = new Date(Number.parseInt(exp, 36) * 1000);
  if (expiresAt.getTime() < now.getTime()) return { ok: false, reason: "expired" };
  return { ok: true, value: { subject, expiresAt } };
}

/** Unsubscribe links must keep working for as long as mail might be read. */
export const UNSUBSCRIBE_TTL_DAYS = 3650;

export function unsubscribeToken(candidateId: string, secret: string): string {
  // Fixed expiry far ahead so the link is stable for a candidate (good for batching and caching).
  return signToken("unsubscribe", candidateId, secret, new Date(Date.UTC(2100, 0, 1)));
}
