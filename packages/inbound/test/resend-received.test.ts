import { describe, expect, it } from "vitest";
import { routeInbound, fromResendReceived, InboundParseError } from "../src/index.js";
import { DOMAIN } from "./mail.js";

// The shape of `GET /emails/receiving/{id}` as the Resend SDK (6.x) types it.
function received(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    object: "email",
    id: "4ef9a417-02e9-4d39-ad75-9611e0fcc33c",
    to: [`Rebound <reply+abc-123@${DOMAIN}>`],
    from: "Sam Lee <Sam.Lee@Example.com>",
    created_at: "2025-03-03T12:41:08.674981+00:00",
    subject: "Re: After your interview: what went well?",
    bcc: [],
    cc: null,
    reply_to: [],
    received_for: [`reply+abc-123@${DOMAIN}`],
    html: null,
    text: `It went well.\r\n\r\nOn Mon, 3 Mar 2025 at 10:02, Rebound <reply+abc-123@${DOMAIN}> wrote:\r\n> What were the high points?\r\n`,
    headers: {
      "Message-ID": "<CAJx9k@mail.gmail.com>",
      "In-Reply-To": "<0195a3b2@rebound.localhost>",
      "X-Mailer": "x",
    },
    message_id: "<CAJx9k@mail.gmail.com>",
    raw: { download_url: "https://inbound-cdn.resend.com/x", expires_at: "2025-03-03T13:41:08Z" },
    attachments: [
      {
        id: "2a0c9ce0-3112-4728-976e-47ddcd16a318",
        filename: "cv.pdf",
        size: 48213,
        content_type: "application/pdf",
        content_id: null,
        content_disposition: "attachment",
      },
    ],
    ...overrides,
  };
}

describe("fromResendReceived", () => {
  it("maps the received email into an InboundEmail", () => {
    expect(fromResendReceived(received())).toEqual({
      messageId: "CAJx9k@mail.gmail.com",
      from: "sam.lee@example.com",
      fromName: "Sam Lee",
      to: [`reply+abc-123@${DOMAIN}`],
      cc: [],
      deliveredTo: [`reply+abc-123@${DOMAIN}`],
      subject: "Re: After your interview: what went well?",
      text: `It went well.\n\nOn Mon, 3 Mar 2025 at 10:02, Rebound <reply+abc-123@${DOMAIN}> wrote:\n> What were the high points?\n`,
      html: null,
      markedText: null,
      headers: {
        "message-id": "<CAJx9k@mail.gmail.com>",
        "in-reply-to": "<0195a3b2@rebound.localhost>",
        "x-mailer": "x",
      },
      inReplyTo: "0195a3b2@rebound.localhost",
      attachments: [{ filename: "cv.pdf", contentType: "application/pdf", size: 48213 }],
    });
  });

  it("feeds routeInbound like a parsed MIME message does", () => {
    expect(routeInbound(fromResendReceived(received()), DOMAIN)).toEqual({
      kind: "reply",
      token: "abc-123",
      reflection: "It went well.",
      command: null,
    });
  });

  it("converts HTML when there is no text, and finds the token in received_for alone", () => {
    const mail = fromResendReceived(
      received({
        to: ["undisclosed-recipients:;"],
        text: null,
        html: '<div dir="ltr">PAUSE</div><div class="gmail_quote">On Mon wrote:<blockquote>old</blockquote></div>',
      }),
    );
    expect(mail.text).toBe("PAUSE\nOn Mon wrote:\n\n> old");
    expect(routeInbound(mail, DOMAIN)).toMatchObject({
      kind: "reply",
      token: "abc-123",
      reflection: "PAUSE",
      command: "pause",
    });
  });

  it("sees auto-replies through the headers", () => {
    const mail = fromResendReceived(received({ headers: { "Auto-Submitted": "auto-replied" } }));
    expect(routeInbound(mail, DOMAIN)).toEqual({ kind: "auto-reply" });
  });

  it("accepts header values given as lists and keeps the first", () => {
    const mail = fromResendReceived(received({ headers: { Received: ["first", "second"], "X-Empty": [] } }));
    expect(mail.headers).toEqual({ received: "first" });
  });

  it("tolerates optional fields being absent or null", () => {
    const mail = fromResendReceived({ to: [`start@${DOMAIN}`], from: null, text: "hi" });
    expect(mail).toMatchObject({ from: null, subject: "", messageId: null, cc: [], deliveredTo: [], attachments: [] });
  });

  it.each([
    ["not an object", "nope"],
    ["an array", []],
    ["null", null],
    ["another object type", received({ object: "attachment" })],
    ["the webhook metadata (no text or html)", { email_id: "x", to: ["a@b.c"], from: "a@b.c", subject: "s" }],
    ["a missing to", received({ to: undefined })],
    ["a to that is not a list of strings", received({ to: "a@b.c" })],
    ["a numeric subject", received({ subject: 42 })],
    ["a non-string from", received({ from: { email: "a@b.c" } })],
    ["headers that are a list", received({ headers: ["a"] })],
    ["attachments that are not a list", received({ attachments: {} })],
    ["an attachment without content_type", received({ attachments: [{ filename: "a" }] })],
    ["an attachment with a negative size", received({ attachments: [{ content_type: "a/b", size: -1 }] })],
  ])("rejects %s", (_what, body) => {
    expect(() => fromResendReceived(body)).toThrow(InboundParseError);
  });
});
