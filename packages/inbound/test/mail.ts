import type { InboundEmail } from "../src/index.js";

/** A parsed mail for unit tests: a plain reply unless told otherwise. */
export function makeMail(overrides: Partial<InboundEmail> = {}): InboundEmail {
  return {
    messageId: "m1@example.test",
    from: "sam@example.test",
    fromName: "Sam",
    to: [],
    cc: [],
    deliveredTo: [],
    subject: "Re: After your interview: what went well?",
    text: "",
    html: null,
    markedText: null,
    headers: {},
    inReplyTo: null,
    attachments: [],
    ...overrides,
  };
}

export const DOMAIN = "reply.rebound.localhost";
