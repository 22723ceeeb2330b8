import { describe, expect, it } from "vitest";
import { extractReply } from "../src/index.js";

const ADDR = "reply+abc123@reply.rebound.localhost";
const QUOTE = "> Hi Sam,\n>\n> What were the high points of this interview?\n>\n> Rebound";

describe("extractReply: top-posting", () => {
  it("keeps the text above a Gmail attribution and its quote", () => {
    expect(extractReply(`It went well.\n\nOn Mon, 3 Mar 2025 at 10:02, Rebound <${ADDR}> wrote:\n\n${QUOTE}\n`)).toBe(
      "It went well.",
    );
  });

  it("handles an attribution wrapped over two lines", () => {
    const text = `Good.\nReally good.\n\nOn Mon, 3 Mar 2025 at 10:02, Rebound <\n${ADDR}> wrote:\n\n${QUOTE}`;
    expect(extractReply(text)).toBe("Good.\nReally good.");
  });

  it("handles an attribution wrapped over three lines", () => {
    const text = `Fine\n\nOn Monday, 3 March 2025 at 10:02:11 Central European\nStandard Time, Rebound Coaching Program\n<${ADDR}> wrote:\n${QUOTE}`;
    expect(extractReply(text)).toBe("Fine");
  });

  it("does not swallow a candidate line that ends a sentence just above the attribution", () => {
    const text = `On reflection it went fine.\nOn Mon, 3 Mar 2025 at 10:02, Rebound <${ADDR}> wrote:\n${QUOTE}`;
    expect(extractReply(text)).toBe("On reflection it went fine.");
  });

  it("does not swallow an unpunctuated candidate line starting with On", () => {
    const text = `On balance ok\nOn Mon, 3 Mar 2025 at 10:02, Rebound <${ADDR}> wrote:\n${QUOTE}`;
    expect(extractReply(text)).toBe("On balance ok");
  });

  it.each([
    ["Apple Mail", `On 3 Mar 2025, at 10:02, Rebound <${ADDR}> wrote:`],
    ["Yahoo", `On Monday, March 3, 2025, 10:02 AM, Rebound <${ADDR}> wrote:`],
    ["Thunderbird", "On 03/03/2025 10:02, Rebound wrote:"],
    ["French", `Le 3 mars 2025 à 10:02, Rebound <${ADDR}> a écrit :`],
    ["French Gmail", `Le lun. 3 mars 2025 à 10:02, Rebound <${ADDR}> a écrit :`],
    ["German", `Am 03.03.2025 um 10:02 schrieb Rebound <${ADDR}>:`],
    ["German Gmail", `Am Mo., 3. März 2025 um 10:02 Uhr schrieb Rebound <${ADDR}>:`],
    ["German name first", `Rebound <${ADDR}> schrieb am 03.03.2025 10:02:`],
    ["Spanish", `El lun, 3 mar 2025 a las 10:02, Rebound (<${ADDR}>) escribió:`],
    ["Italian", `Il giorno lun 3 mar 2025 alle ore 10:02 Rebound <${ADDR}> ha scritto:`],
    ["Dutch", `Op ma 3 mrt 2025 om 10:02 schreef Rebound <${ADDR}>:`],
    ["Portuguese", `Em seg., 3 de mar. de 2025 às 10:02, Rebound <${ADDR}> escreveu:`],
    ["Swedish", `Den mån 3 mars 2025 kl 10:02 skrev Rebound <${ADDR}>:`],
    ["Polish", `W dniu 3.03.2025 o 10:02, Rebound <${ADDR}> napisał(a):`],
    ["French with narrow no-break space", `Le 3 mars 2025 à 10:02, Rebound <${ADDR}> a écrit\u202f:`],
  ])("recognises a %s attribution", (_client, attribution) => {
    expect(extractReply(`Mon texte.\n\n${attribution}\n\n${QUOTE}\n`)).toBe("Mon texte.");
  });

  it("cuts at an attribution followed by an unquoted copy (Yahoo, AOL mobile)", () => {
    const text = `no news\n\nOn Tuesday, March 4, 2025, 10:02 AM, Rebound <${ADDR}> wrote:\n\nHi Dee,\n\nDid you hear back?`;
    expect(extractReply(text)).toBe("no news");
  });

  it("keeps a line that merely ends in 'wrote:' without a date or address", () => {
    const text = "On the whiteboard I wrote:\nSELECT * FROM users\n\nwhich was wrong";
    expect(extractReply(text)).toBe(text);
  });
});

describe("extractReply: bottom- and inline-posting", () => {
  it("keeps what comes after the quote", () => {
    const text = `On Tue, 4 Mar 2025 at 10:02, Rebound <${ADDR}> wrote:\n\n${QUOTE}\n\nThey never answered.\n\nMaybe next week.`;
    expect(extractReply(text)).toBe("They never answered.\n\nMaybe next week.");
  });

  it("keeps answers written between quoted questions", () => {
    const text = "> 1. Research?\nNot enough\n> 2. Skills?\n\nMostly fine\n>\n> Rebound";
    expect(extractReply(text)).toBe("Not enough\n\nMostly fine");
  });

  it("drops a signature after a bottom-posted answer", () => {
    const text = `On 03/03/2025 10:02, Rebound wrote:\n${QUOTE}\n\nIt went ok.\n\n-- \nLena\nhttps://lena.dev`;
    expect(extractReply(text)).toBe("It went ok.");
  });

  it("returns an empty string when there is only quoted history", () => {
    expect(extractReply(`On Mon, 3 Mar 2025 at 10:02, Rebound <${ADDR}> wrote:\n${QUOTE}`)).toBe("");
  });
});

describe("extractReply: Outlook and AOL history blocks", () => {
  it("cuts at -----Original Message-----", () => {
    const text = `Thanks\n\n-----Original Message-----\nFrom: Rebound <${ADDR}>\nSent: Monday, March 3, 2025 10:02 AM\nTo: Sam\nSubject: x\n\nHi Sam`;
    expect(extractReply(text)).toBe("Thanks");
  });

  it("cuts at translated Original Message separators", () => {
    expect(extractReply("Danke\n\n-----Ursprüngliche Nachricht-----\nVon: Rebound")).toBe("Danke");
    expect(extractReply("Merci\n\n-----Message d'origine-----\nDe : Rebound")).toBe("Merci");
    expect(extractReply("Gracias\n\n-------- Mensaje original --------\nDe: Rebound")).toBe("Gracias");
  });

  it("cuts at an attribution drawn as a dashed separator (Zoho)", () => {
    const text = `Ten.\n\n---- On Mon, 14 Apr 2025 09:00:00 +0530 Rebound <${ADDR}> wrote ---\n\nHi Vikram,\n\nHow many?`;
    expect(extractReply(text)).toBe("Ten.");
  });

  it("cuts at a separator in any language when header fields follow it", () => {
    expect(
      extractReply(`Ano.\n\n---------- Původní e-mail ----------\nOd: Rebound <${ADDR}>\nKomu: m@x.cz\n\nHi`),
    ).toBe("Ano.");
    expect(extractReply(`Да.\n\n----- Исходное сообщение -----\nОт: Rebound <${ADDR}>\n\nHi`)).toBe("Да.");
  });

  it("cuts at an underscore line followed by From:", () => {
    const text =
      "Yes\n\n________________________________\nFrom: Rebound <x@y>\nSent: Monday\nTo: Sam\nSubject: hi\n\nbody";
    expect(extractReply(text)).toBe("Yes");
  });

  it("cuts at a From/Sent/To/Subject block with no separator, bold or localised", () => {
    expect(extractReply("Yes\n\n*From:* Rebound\n*Sent:* Monday\n*To:* Sam\n*Subject:* hi\n\nbody")).toBe("Yes");
    expect(extractReply("Ja\n\nVon: Rebound\nGesendet: Montag, 3. März 2025 10:02\nAn: Jonas\nBetreff: hi\n\nx")).toBe(
      "Ja",
    );
    expect(extractReply("Oui\n\nDe : Rebound\nEnvoyé : lundi 3 mars 2025 10:02\nÀ : Camille\nObjet : hi\n\nx")).toBe(
      "Oui",
    );
  });

  it("keeps an underscore line that is not followed by a header", () => {
    expect(extractReply("Notes\n____________\nfirst point")).toBe("Notes\n____________\nfirst point");
  });

  it("keeps a lone From: line in the candidate's text", () => {
    const text = "From: my side it went ok\nTo be honest I was nervous";
    expect(extractReply(text)).toBe(text);
  });

  it("drops Get Outlook for iOS / Android", () => {
    expect(extractReply("ok\n\nGet Outlook for iOS<https://aka.ms/o0ukef>")).toBe("ok");
    expect(extractReply("ok\n\nGet Outlook for Android")).toBe("ok");
  });
});

describe("extractReply: signatures", () => {
  it("cuts at the -- delimiter, with or without the trailing space", () => {
    expect(extractReply("Answer\n\n-- \nSam Lee\n+44 7700 900123")).toBe("Answer");
    expect(extractReply("Answer\n--\nSam Lee")).toBe("Answer");
  });

  it("keeps a -- that is part of a line", () => {
    expect(extractReply("it was ok -- not great")).toBe("it was ok -- not great");
  });

  it.each([
    "Sent from my iPhone",
    "Sent from my iPad",
    "Sent from my Android",
    "Sent from my Galaxy",
    "Sent from my Samsung Galaxy smartphone.",
    "Sent from my Android device with K-9 Mail. Please excuse my brevity.",
    "Sent from Yahoo Mail for iPhone",
    "Sent from Yahoo Mail on Android",
    "Sent from AOL Mobile Mail",
    "Sent from Mail for Windows",
    "Sent with Proton Mail secure email.",
    "Envoyé de mon iPhone",
    "Von meinem iPhone gesendet",
    "Enviado desde mi iPhone",
    "Enviado do meu iPhone",
    "Inviato da iPhone",
    "Verzonden vanaf mijn iPhone",
    "Skickat från min iPhone",
  ])("drops the mobile signature %j", (signature) => {
    expect(extractReply(`Short answer\n\n${signature}`)).toBe("Short answer");
  });

  it("drops only the signature line, not the text around it", () => {
    expect(extractReply("one\n\nSent from my iPhone\n\ntwo")).toBe("one\n\ntwo");
  });
});

describe("extractReply: layout", () => {
  it("normalises CRLF, trims trailing spaces and collapses runs of blank lines", () => {
    expect(extractReply("a  \r\n\r\n\r\n\r\nb\t\r\nc\r\n")).toBe("a\n\nb\nc");
  });

  it("keeps the candidate's own paragraphs and indentation", () => {
    const text = "First para\nline two\n\nSecond para\n  - point one\n  - point two";
    expect(extractReply(text)).toBe(text);
  });

  it("turns no-break spaces into spaces and drops zero-width characters", () => {
    expect(extractReply("\ufeffa\u00a0b\u200bc")).toBe("a bc");
  });

  // The corpus rules: a forwarded original is history; the candidate's note above it is the reply.
  it("drops a forwarded message under the candidate's note", () => {
    const text =
      "Here is what they said:\n\n---------- Forwarded message ---------\nFrom: HR <hr@x.com>\nDate: Fri\nSubject: Feedback\n\nYour answers were too long.";
    expect(extractReply(text)).toBe("Here is what they said:");
  });

  // A quadratic pass would not finish a million characters within the test's time-out.
  it("strips the quote of a very large reply", () => {
    const big = "word ".repeat(200_000);
    expect(extractReply(`${big}\n\n> quoted`)).toBe(big.trim());
  });
});

describe("extractReply: whose quote marks", () => {
  const HISTORY = `On Mon, 26 May 2025 at 10:02, Rebound <${ADDR}> wrote:\n> Hi Jamal,\n>\n> Did you hear back? Paste any feedback you got.\n>\n> Rebound`;

  it("keeps a > block typed above the history that does not quote it (the recruiter's words)", () => {
    const reply =
      "They wrote back. The recruiter said:\n\n> We were impressed, but we went with someone more senior.\n\nSo a no.";
    expect(extractReply(`${reply}\n\n${HISTORY}`)).toBe(reply);
  });

  it("still drops a > block above the history that quotes it (the question, answered)", () => {
    expect(extractReply(`> Did you hear back?\n\nYes, a no.\n\n${HISTORY}`)).toBe("Yes, a no.");
  });

  it("keeps a typed > block above unquoted Outlook history", () => {
    const text = `They said:\n> We went with someone else.\n\nMeh.\n\n________________________________\nFrom: Rebound <${ADDR}>\nSent: Monday, May 26, 2025 10:02 AM\nTo: J\nSubject: Did you hear back?\n\nHi J,\nDid you hear back?`;
    expect(extractReply(text)).toBe("They said:\n> We went with someone else.\n\nMeh.");
  });

  it("reads | as the quote mark when the client quotes the history with it, and > lines as typed", () => {
    const text = `On Wed, Jun 11, 2025 at 10:02:31AM +0000, Rebound wrote:\n| Hi Arjun,\n|\n| Did you hear back?\n\nYes. The feedback:\n\n> More ownership, please.\n\nFair.\n\n| Rebound\n\n-- \nArjun`;
    expect(extractReply(text)).toBe("Yes. The feedback:\n\n> More ownership, please.\n\nFair.");
  });

  it("keeps | lines when the history is quoted with >", () => {
    const text = `| a | b |\n| 1 | 2 |\n\n${HISTORY}`;
    expect(extractReply(text)).toBe("| a | b |\n| 1 | 2 |");
  });

  it("cuts at GroupWise's >>> title over an unquoted original", () => {
    const text = `Please unsubscribe me.\n\nDale\n\n>>> Rebound <${ADDR}> 6/5/2025 10:02 AM >>>\nHi Dale,\n\nDid you hear back?\n\nRebound`;
    expect(extractReply(text)).toBe("Please unsubscribe me.\n\nDale");
  });
});

describe("extractReply: signatures without a delimiter", () => {
  it("drops a legal notice in its own paragraph under a contact block", () => {
    const text =
      "Went well: the case.\n\nSandra\n\nSandra Keller\nSenior Underwriter\nTel. +41 44 123 45 67\n\nThis e-mail may contain confidential information. If you are not the intended recipient, please delete it.";
    expect(extractReply(text)).toBe("Went well: the case.\n\nSandra");
  });

  it("keeps a short line the candidate wrote under a contact block they quote", () => {
    const text = "Fine.\n\nJane Doe\nTalent Partner\njane@acme.com\n\nI'll email her tomorrow.";
    expect(extractReply(text)).toBe(text);
  });

  it("drops a contact block whose way to reach the sender is a bare domain", () => {
    expect(extractReply("It went well.\n\nAisha Bello\nProduct Designer · Lagos\naishabello.design")).toBe(
      "It went well.",
    );
  });

  it.each(["Sent from Edison Mail", "Sent from Nine", "Sent with Airmail", "Gesendet mit der WEB.DE Mail App"])(
    "drops the app's own last line %j",
    (line) => {
      expect(extractReply(`Short answer.\n\n${line}`)).toBe("Short answer.");
    },
  );

  it("keeps a last line that only starts like one", () => {
    expect(extractReply("Short answer.\n\nSent from the airport")).toBe("Short answer.\n\nSent from the airport");
  });
});
