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

/** True when `start@<domain>` is among the recipients: a subscription by email. */
export function isStartAddress(mail: InboundEmail, inboundDomain: string): boolean {
  const domain = normaliseDomain(inboundDomain);
  if (domain === "") return false;
  const start = `start@${domain}`;
  return recipients(mail).some((address) => address.toLowerCase() === start);
}
