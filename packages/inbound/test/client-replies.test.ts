import { describe, expect, it } from "vitest";
import { routeInbound, fromResendReceived, parseMime } from "../src/index.js";
import { DOMAIN } from "./mail.js";

// The three replies from real clients that issue 10 reports Rebound got wrong, and their kin.
const TO = `reply+tok-1@${DOMAIN}`;

function mime(headers: string[], body: string[]): string {
  return [...headers, "", ...body, ""].join("\r\n");
}

async function reflectionOf(raw: string): Promise<string | null> {
  const result = routeInbound(await parseMime(raw), DOMAIN);
  return result.kind === "reply" ? result.reflection : null;
}

describe("a bottom-posted format=flowed reply", () => {
  // Quoted lines that end in a space are flowed; they must not flow into the unquoted answer (RFC 3676 4.5).
  const quote = [
    `On 4 Mar 2025, at 10:02, Rebound <${TO}> wrote:`,
    "> Hi Sam,",
    "> ",
    "> Asking for feedback is worth the two minutes it takes. We drafted a  ",
    "> short note you can send as it is or change first.",
    "> ",
    "> Did you hear back? Paste any feedback you got.",
    "> ",
  ];
  const headers = (contentType: string) => [
    "From: Sam Lee <sam.lee@icloud.com>",
    `To: Rebound <${TO}>`,
    "Subject: Re: Did you hear back?",
    "Message-ID: <bottom-flowed-1@icloud.com>",
    "MIME-Version: 1.0",
    `Content-Type: ${contentType}`,
    "Content-Transfer-Encoding: 7bit",
  ];

  it("keeps the answer below the quote (DelSp=yes)", async () => {
    const raw = mime(headers("text/plain; charset=utf-8; format=flowed; delsp=yes"), [
      ...quote,
      "They did. The feedback was that I should have asked more about the  ",
      "team, and that my portfolio was strong.",
    ]);
    expect(await reflectionOf(raw)).toBe(
      "They did. The feedback was that I should have asked more about the team, and that my portfolio was strong.",
    );
  });

  it("keeps the answer below the quote (DelSp=no) and joins its soft breaks with their space", async () => {
    const raw = mime(headers('text/plain; charset="utf-8"; Format="Flowed"'), [
      ...quote,
      "They did. The feedback was that I should have asked more about the ",
      "team.",
      "",
      "Sam",
    ]);
    expect(await reflectionOf(raw)).toBe(
      "They did. The feedback was that I should have asked more about the team.\n\nSam",
    );
  });

  it("keeps a flowed signature separator as a separator", async () => {
    const raw = mime(headers("text/plain; charset=utf-8; format=flowed"), [
      ...quote,
      "No news yet. ",
      "Waiting.",
      "-- ",
      "Sam Lee",
    ]);
    expect(await reflectionOf(raw)).toBe("No news yet. Waiting.");
  });
});

describe("an attribution in a language the stripper has no words for", () => {
  const russianText = [
    "Спасибо, пока тишина. Напишу им в пятницу.",
    "",
    `пн, 3 мар. 2025 г. в 10:02, пользователь Rebound <${TO}> написал:`,
    "",
    "> Здравствуйте, Анна!",
    ">",
    "> Did you hear back? Paste any feedback you got.",
  ];
  const russianHtml =
    '<div dir="ltr">Спасибо, пока тишина. Напишу им в пятницу.</div><br><div class="gmail_quote gmail_quote_container">' +
    `<div dir="ltr" class="gmail_attr">пн, 3 мар. 2025 г. в 10:02, пользователь Rebound &lt;${TO}&gt; написал:<br></div>` +
    '<blockquote class="gmail_quote" style="margin:0px 0px 0px 0.8ex">Здравствуйте, Анна!<br><br>Did you hear back?</blockquote></div>';

  it("drops Gmail's Russian attribution in a text and HTML reply", async () => {
    const boundary = "000000000000a1b2c3";
    const raw = mime(
      [
        "From: =?UTF-8?B?0JDQvdC90LA=?= <anna.petrova@gmail.com>",
        `To: Rebound <${TO}>`,
        "Subject: Re: Did you hear back?",
        "MIME-Version: 1.0",
        `Content-Type: multipart/alternative; boundary="${boundary}"`,
      ],
      [
        `--${boundary}`,
        'Content-Type: text/plain; charset="UTF-8"',
        "Content-Transfer-Encoding: 8bit",
        "",
        ...russianText,
        `--${boundary}`,
        'Content-Type: text/html; charset="UTF-8"',
        "Content-Transfer-Encoding: 8bit",
        "",
        russianHtml,
        `--${boundary}--`,
      ],
    );
    expect(await reflectionOf(raw)).toBe("Спасибо, пока тишина. Напишу им в пятницу.");
  });

  it("uses the gmail_quote container of an HTML-only reply", async () => {
    const raw = mime(
      [
        "From: anna.petrova@gmail.com",
        `To: ${TO}`,
        "Subject: Re: Did you hear back?",
        "Content-Type: text/html; charset=utf-8",
      ],
      [russianHtml],
    );
    expect(await reflectionOf(raw)).toBe("Спасибо, пока тишина. Напишу им в пятницу.");
  });

  it.each([
    ["Japanese", `2025年3月3日(月) 10:02 Rebound <${TO}>:`],
    ["Chinese", `Rebound <${TO}> 于2025年3月3日周一 10:02写道：`],
    ["Korean", `2025년 3월 3일 (월) 오전 10:02, Rebound <${TO}>님이 작성:`],
    ["Turkish", `Rebound <${TO}>, 3 Mar 2025 Pzt, 10:02 tarihinde şunu yazdı:`],
    [
      "Hebrew, with bidirectional marks",
      `\u202bבתאריך יום ב׳, 3 במרץ 2025 ב-10:02 מאת \u202aRebound\u202c <${TO}>:\u202c`,
    ],
    ["Greek", `Στις Δευ 3 Μαρ 2025 στις 10:02, ο/η Rebound <${TO}> έγραψε:`],
    ["an unknown client, no date and no address", "On Tue, Sam wrote:"],
  ])("drops a %s attribution above a quote", async (_language, attribution) => {
    const text = `Still waiting.\n\n${attribution}\n\n> Did you hear back?\n>\n> Rebound\n`;
    const mail = fromResendReceived({ from: "a@b.test", to: [TO], subject: "Re: x", text, html: null });
    expect(routeInbound(mail, DOMAIN)).toMatchObject({ reflection: "Still waiting." });
  });

  it("cuts unquoted history under a Russian header block (Mail.ru)", async () => {
    const text = `Пока ничего.\n\n\nПонедельник, 3 марта 2025, 10:02 +03:00 от Rebound <${TO}>:\n\nHi Anna,\n\nDid you hear back?`;
    const mail = fromResendReceived({ from: "a@b.test", to: [TO], subject: "Re: x", text, html: null });
    expect(routeInbound(mail, DOMAIN)).toMatchObject({ reflection: "Пока ничего." });
  });

  it("cuts at a header block in a language we have no field names for", async () => {
    const text = `Nada ainda.\n\n发件人: Rebound <${TO}>\n发送时间: 2025年3月3日 10:02\n收件人: ana@qq.com\n主题: Did you hear back?\n\nHi Ana`;
    const mail = fromResendReceived({ from: "a@b.test", to: [TO], subject: "Re: x", text, html: null });
    expect(routeInbound(mail, DOMAIN)).toMatchObject({ reflection: "Nada ainda." });
  });
});

describe("through the webhook path (text given, no MIME)", () => {
  it("drops an attribution without a date above the quote", () => {
    const mail = fromResendReceived({
      object: "email",
      from: "Sam Lee <sam@example.com>",
      to: [`Rebound <${TO}>`],
      subject: "Re: Did you hear back?",
      text: "Nothing yet, I'll chase them on Friday.\n\nOn Tue, Sam wrote:\n> Did you hear back? Paste any feedback you got.\n>\n> Rebound\n",
      html: null,
    });
    expect(routeInbound(mail, DOMAIN)).toEqual({
      kind: "reply",
      token: "tok-1",
      reflection: "Nothing yet, I'll chase them on Friday.",
      command: null,
    });
  });
});

describe("choosing between the text and the HTML part", () => {
  it("cuts the text reply where the HTML's signature container ends it", () => {
    const mail = fromResendReceived({
      from: "a@b.test",
      to: [TO],
      subject: "Re: x",
      text: "It went fine.\n\nSam Lee\nSenior Analyst at Globex\n\n> Did you hear back?",
      html: '<div>It went fine.</div><div id="Signature"><div>Sam Lee</div><div>Senior Analyst at Globex</div></div><blockquote>Did you hear back?</blockquote>',
    });
    expect(routeInbound(mail, DOMAIN)).toMatchObject({ reflection: "It went fine." });
  });

  it("takes the HTML's visible text over a text part's rendering of it", () => {
    const mail = fromResendReceived({
      from: "a@b.test",
      to: [TO],
      subject: "Re: x",
      text: "I'm *really* nervous about the job post <https://jobs.example/1>.\n\n[image: photo.png]\n\nAna\n\n> quote",
      html: '<div>I\'m <b>really</b> nervous about the <a href="https://jobs.example/1">job post</a>.</div><div><img src="cid:1" alt="photo.png"></div><div><br></div><div>Ana</div><blockquote>quote</blockquote>',
    });
    expect(routeInbound(mail, DOMAIN)).toMatchObject({ reflection: "I'm really nervous about the job post.\n\nAna" });
  });

  it("keeps the text reply when the HTML runs on past it with history it did not recognise", () => {
    const mail = fromResendReceived({
      from: "a@b.test",
      to: [TO],
      subject: "Re: x",
      text: "Fine.\n\n-----Original Message-----\nFrom: Rebound\n\nDid you hear back?",
      html: "<div>Fine.</div><div>Did you hear back?</div>",
    });
    expect(routeInbound(mail, DOMAIN)).toMatchObject({ reflection: "Fine." });
  });

  it("reads the HTML when the text part is empty", () => {
    const mail = fromResendReceived({
      from: "a@b.test",
      to: [TO],
      subject: "Re: x",
      text: "> Did you hear back?",
      html: "<div>Yes, a no.</div><blockquote>Did you hear back?</blockquote>",
    });
    expect(routeInbound(mail, DOMAIN)).toMatchObject({ reflection: "Yes, a no." });
  });
});

describe("a > the person typed, told apart by the HTML's structure", () => {
  const attribution = `On May 26, 2025 at 10:02 AM, Rebound &lt;${TO}&gt; wrote:`;
  const html = `<div>They said:<br><br>&gt; We went another way.<br><br>Meh.</div><br><div>${attribution}<blockquote type="cite"><p>Hi</p><p>Did you hear back?</p></blockquote></div>`;

  it("keeps it in an HTML-only reply, where the history is in a blockquote", () => {
    const mail = fromResendReceived({ from: "a@b.test", to: [TO], subject: "Re: x", text: null, html });
    expect(routeInbound(mail, DOMAIN)).toMatchObject({ reflection: "They said:\n\n> We went another way.\n\nMeh." });
  });

  it("keeps it when the text part quotes both the same way", () => {
    const text = `They said:\n\n> We went another way.\n\nMeh.\n\nOn May 26, 2025 at 10:02 AM, Rebound <${TO}> wrote:\n> Hi\n> Did you hear back?`;
    const mail = fromResendReceived({ from: "a@b.test", to: [TO], subject: "Re: x", text, html });
    expect(routeInbound(mail, DOMAIN)).toMatchObject({ reflection: "They said:\n\n> We went another way.\n\nMeh." });
  });

  it("still strips an HTML-only reply whose client quotes with &gt; as text", () => {
    const quoted = `<div>No news.</div><div><br></div><div>${attribution}<br>&gt; Hi<br>&gt; Did you hear back?</div>`;
    const mail = fromResendReceived({ from: "a@b.test", to: [TO], subject: "Re: x", text: null, html: quoted });
    expect(routeInbound(mail, DOMAIN)).toMatchObject({ reflection: "No news." });
  });

  it("takes an emoji-only HTML reply over a text part that kept the app's line", () => {
    const mail = fromResendReceived({
      from: "a@b.test",
      to: [TO],
      subject: "Re: x",
      text: "👍\n\nSent from Edison Mail\n\n> Did you hear back?",
      html: '<div>👍</div><div id="edo-signature">Sent from Edison Mail</div><blockquote>Did you hear back?</blockquote>',
    });
    expect(routeInbound(mail, DOMAIN)).toMatchObject({ reflection: "👍" });
  });

  it("reads the words a webmail put inside its signature container rather than nothing", () => {
    const mail = fromResendReceived({
      from: "a@b.test",
      to: [TO],
      subject: "Re: x",
      text: null,
      html: '<div class="signature">It went well.<br>-- <br>Sam</div><blockquote>Did you hear back?</blockquote>',
    });
    expect(routeInbound(mail, DOMAIN)).toMatchObject({ reflection: "It went well." });
  });
});
