import type { InboundEmail } from "./inbound-email.js";

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

// One pattern per address shape and domain; a process serves one or two domains.
const RECIPIENT_PATTERNS = new Map<string, RegExp>();

function normaliseDomain(domain: string): string {
  return domain.trim().replace(/^@/, "").replace(/\.$/, "").toLowerCase();
}

/**
 * The first recipient, in To, then Cc, then the envelope (Delivered-To), whose
 * address is `<local>@<domain>`; `local` is a regular expression whose first group,
 * if any, is the sub-address. `null` when none matches or the domain is empty.
 */
function findRecipient(mail: InboundEmail, inboundDomain: string, local: string): RegExpExecArray | null {
  const domain = normaliseDomain(inboundDomain);
  if (domain === "") return null;
  const key = `${local}@${domain}`;
  let pattern = RECIPIENT_PATTERNS.get(key);
  if (!pattern) {
    pattern = new RegExp(`^${local}@${escapeRegExp(domain)}$`);
    if (RECIPIENT_PATTERNS.size > 64) RECIPIENT_PATTERNS.clear();
    RECIPIENT_PATTERNS.set(key, pattern);
  }
  for (const address of [...mail.to, ...mail.cc, ...mail.deliveredTo]) {
    const m = pattern.exec(address.toLowerCase());
    if (m) return m;
  }
  return null;
}

/**
 * The token of the first `reply+<token>@<domain>` recipient. The token is not
 * verified here: that needs the secret and belongs to the caller
 * (`verifyReplyToken` in @rebound/domain).
 */
export function findReplyToken(mail: InboundEmail, inboundDomain: string): string | null {
  return findRecipient(mail, inboundDomain, "reply\\+([0-9a-z-]{1,128})")?.[1] ?? null;
}

/**
 * The signup address among the recipients: `start@<domain>`, or
 * `start+<program>@<domain>` to sign up with one program of several.
 */
export function findStartAddress(mail: InboundEmail, inboundDomain: string): { program: string | null } | null {
  const m = findRecipient(mail, inboundDomain, "start(?:\\+([0-9a-z-]{1,64}))?");
  return m ? { program: m[1] ?? null } : null;
}
