import { describe, expect, it } from "vitest";
import { InboundParseError, MAX_RAW_BYTES, parseMime } from "../src/index.js";

const TO = "reply+abc-123@reply.rebound.localhost";

function mime(headers: string, body = "Hello\r\n"): string {
  return `${headers.trim().replace(/\n/g, "\r\n")}\r\n\r\n${body}`;
}

function latin1(s: string): Uint8Array {
  return Uint8Array.from(Buffer.from(s, "latin1"));
}

describe("parseMime: fields", () => {
  it("reads addresses, ids, subject and headers into the InboundEmail shape", async () => {
    const raw = mime(`
Return-Path: <Sam.Lee@Example.COM>
Delivered-To: ${TO.toUpperCase()}
Delivered-To: rebound-inbound@relay.example.net
X-Original-To: ${TO}
From: =?UTF-8?Q?Sam_L=C3=A9e?= <Sam.Lee@Example.COM>
To: "Rebound, coach" <${TO}>, other@Example.com
Cc: Friend <friend@example.com>, undisclosed-recipients:;
Subject: =?UTF-8?B?UmU6IFdoYXQgd2VudCB3ZWxsPyDwn5mC?=
Message-ID: <CAJx9k@mail.gmail.com>
In-Reply-To: <0195a3b2@rebound.localhost> <older@rebound.localhost>
X-Custom: first
X-Custom: second
Content-Type: text/plain; charset=utf-8`);
    const mail = await parseMime(raw);
    expect(mail).toEqual({
      messageId: "CAJx9k@mail.gmail.com",
      from: "sam.lee@example.com",
      fromName: "Sam Lée",
      to: [TO, "other@example.com"],
      cc: ["friend@example.com"],
      deliveredTo: [TO, "rebound-inbound@relay.example.net"],
      subject: "Re: What went well? 🙂",
      text: "Hello\n",
      html: null,
      markedText: null,
      headers: expect.objectContaining({
        "x-custom": "first",
        subject: "Re: What went well? 🙂",
        "content-type": "text/plain; charset=utf-8",
      }),
      inReplyTo: "0195a3b2@rebound.localhost",
      attachments: [],
    });
  });

  it("keeps headers named like object properties as plain entries", async () => {
    const mail = await parseMime(`To: ${TO}\r\nConstructor: one\r\nToString: two\r\n__proto__: three\r\n\r\nhi`);
    expect(mail.headers.constructor).toBe("one");
    expect(mail.headers.tostring).toBe("two");
    expect(Object.getPrototypeOf(mail.headers)).toBe(Object.prototype);
  });

  it("uses null and empty values when headers are missing", async () => {
    const mail = await parseMime("To: a@b.test\r\n\r\nhi");
    expect(mail).toMatchObject({ messageId: null, from: null, fromName: null, subject: "", inReplyTo: null, cc: [] });
  });

  it("prefers the text part and normalises CRLF", async () => {
    const raw = mime(
      `From: a@b.test\nTo: ${TO}\nContent-Type: multipart/alternative; boundary="b"`,
      "--b\r\nContent-Type: text/plain; charset=utf-8\r\n\r\nplain\r\nline\r\n--b\r\nContent-Type: text/html\r\n\r\n<div>html</div>\r\n--b--\r\n",
    );
    expect((await parseMime(raw)).text).toBe("plain\nline\n");
  });

  it("converts HTML to text when there is no text part, marking the quote", async () => {
    const raw = mime(
      `From: a@b.test\nTo: ${TO}\nContent-Type: text/html; charset=utf-8`,
      "<div>Mine &amp; only mine</div><blockquote>old</blockquote>",
    );
    expect((await parseMime(raw)).text).toBe("Mine & only mine\n\n> old");
  });

  it("keeps the quoted letter of an HTML-only forward", async () => {
    const raw = mime(
      `From: a@b.test\nTo: start@reply.rebound.localhost\nSubject: Fwd: bad news\nContent-Type: text/html`,
      "<div>fyi</div><blockquote>Thank you for your interest in Acme.</blockquote>",
    );
    expect((await parseMime(raw)).text).toBe("fyi\nThank you for your interest in Acme.");
  });

  it("lists attachments with their sizes", async () => {
    const raw = mime(
      `From: a@b.test\nTo: ${TO}\nContent-Type: multipart/mixed; boundary="m"`,
      '--m\r\nContent-Type: text/plain\r\n\r\nsee attached\r\n--m\r\nContent-Type: application/pdf; name="cv.pdf"\r\nContent-Disposition: attachment; filename="=?UTF-8?Q?CV_J=C3=BCrgen.pdf?="\r\nContent-Transfer-Encoding: base64\r\n\r\nJVBERi0xLjcK\r\n--m--\r\n',
    );
    const mail = await parseMime(raw);
    expect(mail.attachments).toEqual([{ filename: "CV Jürgen.pdf", contentType: "application/pdf", size: 9 }]);
    expect(mail.text).toBe("see attached\n");
  });

  it("accepts an mbox 'From ' line before the headers", async () => {
    const mail = await parseMime(
      `From sam@example.test Mon Mar  3 10:02:00 2025\r\n${mime(`From: sam@example.test\nTo: ${TO}`)}`,
    );
    expect(mail.from).toBe("sam@example.test");
  });
});

describe("parseMime: charsets", () => {
  it("decodes 8-bit iso-8859-1 bytes", async () => {
    const raw = latin1(
      mime(`From: a@b.test\nTo: ${TO}\nContent-Type: text/plain; charset=iso-8859-1`, "Gespräch über Höhepunkte\r\n"),
    );
    expect((await parseMime(raw)).text).toBe("Gespräch über Höhepunkte\n");
  });

  it("decodes windows-1252 curly quotes and dashes (Node's decoder turns them into control characters)", async () => {
    const raw = latin1(
      mime(
        `From: a@b.test\nTo: ${TO}\nContent-Type: text/plain; charset=windows-1252`,
        "I\x92d say \x93fine\x94 \x96 mostly\x85\r\n",
      ),
    );
    expect((await parseMime(raw)).text).toBe("I’d say “fine” – mostly…\n");
  });

  it("decodes quoted-printable and base64 bodies", async () => {
    const qp = mime(
      `From: a@b.test\nTo: ${TO}\nContent-Type: text/plain; charset=utf-8\nContent-Transfer-Encoding: quoted-printable`,
      "caf=C3=A9 and a soft=\r\nbreak\r\n",
    );
    expect((await parseMime(qp)).text).toBe("café and a softbreak\n");
    const b64 = mime(
      `From: a@b.test\nTo: ${TO}\nContent-Type: text/plain; charset=utf-8\nContent-Transfer-Encoding: base64`,
      `${Buffer.from("ça va 👍").toString("base64")}\r\n`,
    );
    expect((await parseMime(b64)).text).toBe("ça va 👍");
  });

  it("falls back without throwing on an unknown charset", async () => {
    const raw = latin1(
      mime(`From: a@b.test\nTo: ${TO}\nContent-Type: text/plain; charset=x-unknown`, "caf\xe9 ok\r\n"),
    );
    const mail = await parseMime(raw);
    expect(mail.text).toBe("café ok\n");
  });

  it("decodes a Q-encoded iso-8859-1 subject", async () => {
    const mail = await parseMime(mime(`To: ${TO}\nSubject: =?ISO-8859-1?Q?R=E9ponse_=96_ok?=`));
    expect(mail.subject).toBe("Réponse – ok");
  });
});

describe("parseMime: malformed input", () => {
  it.each([
    ["an empty string", ""],
    ["whitespace", " \r\n\t\r\n"],
    ["an empty byte array", new Uint8Array(0)],
  ])("rejects %s", async (_what, raw) => {
    await expect(parseMime(raw)).rejects.toThrow(InboundParseError);
  });

  it("rejects garbage bytes", async () => {
    const garbage = Uint8Array.from({ length: 4096 }, (_, i) => (i * 7919 + 13) % 256);
    await expect(parseMime(garbage)).rejects.toThrow(InboundParseError);
  });

  it("rejects text that has no headers", async () => {
    await expect(parseMime("just some words\nand more words")).rejects.toThrow(/header/);
    await expect(parseMime("Note: this looks like a header\nbut is not a mail")).rejects.toThrow(/no mail headers/);
    await expect(parseMime("\r\n\r\nbody only")).rejects.toThrow(InboundParseError);
  });

  it("parses a headers-only message with an empty body", async () => {
    const mail = await parseMime(`From: a@b.test\r\nTo: ${TO}\r\nSubject: hi\r\n`);
    expect(mail).toMatchObject({ from: "a@b.test", to: [TO], subject: "hi", text: "" });
  });

  it("recovers the text of a multipart message whose boundary never matches", async () => {
    const raw = mime(
      `From: a@b.test\nTo: ${TO}\nContent-Type: multipart/alternative; boundary="right"`,
      "--wrong\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\nIt went w=C3=A9ll\r\n--wrong\r\nContent-Type: text/html\r\n\r\n<p>x</p>\r\n--wrong--\r\n",
    );
    expect((await parseMime(raw)).text).toBe("It went wéll\n");
  });

  it("reads a multipart message whose closing boundary is missing", async () => {
    const raw = mime(
      `From: a@b.test\nTo: ${TO}\nContent-Type: multipart/mixed; boundary="b"`,
      "--b\r\nContent-Type: text/plain\r\n\r\ntruncated reply",
    );
    expect((await parseMime(raw)).text).toBe("truncated reply\n");
  });

  it("returns empty text for a multipart message with no parts at all", async () => {
    const raw = mime(`From: a@b.test\nTo: ${TO}\nContent-Type: multipart/mixed`, "no boundary parameter, no parts\r\n");
    expect((await parseMime(raw)).text).toBe("");
  });

  it("turns a parser failure (nesting too deep) into InboundParseError", async () => {
    let body = "";
    for (let i = 0; i < 300; i += 1) body += `--b${i}\r\nContent-Type: multipart/mixed; boundary="b${i + 1}"\r\n\r\n`;
    const raw = mime(`From: a@b.test\nTo: ${TO}\nContent-Type: multipart/mixed; boundary="b0"`, body);
    await expect(parseMime(raw)).rejects.toThrow(InboundParseError);
  });

  it("rejects a message over MAX_RAW_BYTES at once, without parsing it", async () => {
    const raw = mime(`From: a@b.test\nTo: ${TO}`, "x".repeat(MAX_RAW_BYTES));
    await expect(parseMime(raw)).rejects.toThrow(/more than the/);
    await expect(parseMime(Buffer.from(raw))).rejects.toThrow(InboundParseError);
  });

  it("parses a 10 MB message just under the limit without crashing", async () => {
    const line = `${"lorem ipsum dolor sit amet ".repeat(2)}\r\n`;
    const body = `It went fine.\r\n\r\n${line.repeat(Math.floor((MAX_RAW_BYTES - 2000) / line.length))}`;
    const raw = mime(`From: a@b.test\nTo: ${TO}`, body);
    expect(Buffer.byteLength(raw)).toBeGreaterThan(10_000_000);
    const mail = await parseMime(raw);
    expect(mail.text.startsWith("It went fine.\n")).toBe(true);
    expect(mail.text.length).toBeGreaterThan(9_000_000);
  }, 20_000);
});
