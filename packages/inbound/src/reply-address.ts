import type { InboundEmail } from "./inbound-email.js";

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

function normaliseDomain(domain: string): string {
  return domain.trim().replace(/^@/, "").replace(/\.$/, "").toLowerCase();
}

function recipients(mail: InboundEmail): string[] {
  return [...mail.to, ...mail.cc, ...mail.deliveredTo];
}

/**
 * The token of the first `reply+<token>@<domain>` recipient, looking in To, then Cc,
 * then the envelope (Delivered-To). The token is not verified here: that needs the
 * secret and belongs to the caller (`verifyReplyToken` in @rebound/domain).
 */
export function findReplyToken(mail: InboundEmail, inboundDomain: string): string | null {
  const domain = normaliseDomain(inboundDomain);
  if (domain === "") return null;
  const pattern = new RegExp(`^reply\\+([0-9a-z-]{1,128})@${escapeRegExp(domain)}$`);
  for (const address of recipients(mail)) {
    const m = pattern.exec(address.toLowerCase());
    if (m?.[1]) return m[1];
  }
  return null;
}

/**
 * The signup address among the recipients, looking in To, then Cc, then the
 * envelope: `start@<domain>`, or `start+<program>@<domain>` to sign up with one
 * program of several. `null` when there is none.
 */
export function findStartAddress(mail: InboundEmail, inboundDomain: string): { program: string | null } | null {
  const domain = normaliseDomain(inboundDomain);
  if (domain === "") return null;
  const pattern = new RegExp(`^start(?:\\+([0-9a-z-]{1,64}))?@${escapeRegExp(domain)}$`);
  for (const address of recipients(mail)) {
    const m = pattern.exec(address.toLowerCase());
    if (m) return { program: m[1] ?? null };
  }
  return null;
}
