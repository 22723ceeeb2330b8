import { isAutoReply } from "./auto-reply.js";
import { type ReplyCommand, parseCommand } from "./commands.js";
import { extractForwardedCompany } from "./forwarded.js";
import type { InboundEmail } from "./inbound-email.js";
import { findReplyToken, findStartAddress } from "./reply-address.js";
import { replyOf } from "./reply-text.js";

export type InboundRoute =
  | { kind: "auto-reply" }
  /** `program`: the tag of a `start+<program>@` address, if any. */
  | { kind: "start"; company: string | null; program: string | null }
  | { kind: "reply"; token: string; reflection: string; command: ReplyCommand | null }
  | { kind: "unroutable" };

/**
 * What to do with an inbound mail: ignore it (automatic), subscribe the sender (start@ or start+<program>@),
 * store a reflection (reply+token@), or log it as unroutable. Auto-replies win over
 * everything, so an out-of-office to start@ subscribes nobody.
 */
export function routeInbound(mail: InboundEmail, inboundDomain: string): InboundRoute {
  if (isAutoReply(mail)) return { kind: "auto-reply" };
  const token = findReplyToken(mail, inboundDomain);
  if (token) {
    const reflection = replyOf(mail);
    return { kind: "reply", token, reflection, command: parseCommand(reflection) };
  }
  const start = findStartAddress(mail, inboundDomain);
  if (start) return { kind: "start", company: extractForwardedCompany(mail), program: start.program };
  return { kind: "unroutable" };
}
