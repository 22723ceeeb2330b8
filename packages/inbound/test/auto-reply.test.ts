import { describe, expect, it } from "vitest";
import { isAutoReply } from "../src/index.js";
import { makeMail } from "./mail.js";

describe("isAutoReply", () => {
  it("is false for an ordinary reply", () => {
    expect(isAutoReply(makeMail({ text: "I was out of the office last week, sorry" }))).toBe(false);
  });

  it.each([
    [{ "auto-submitted": "auto-replied" }, true],
    [{ "auto-submitted": "auto-generated; owner-email=x@y.z" }, true],
    [{ "auto-submitted": "No" }, false],
    [{ "auto-submitted": "no" }, false],
    [{ "x-autoreply": "yes" }, true],
    [{ "x-autorespond": "Thanks for your email" }, true],
    [{ "x-autoresponder": "1" }, true],
    [{ precedence: "bulk" }, true],
    [{ precedence: "Junk" }, true],
    [{ precedence: "list" }, true],
    [{ precedence: "first-class" }, false],
    [{ "return-path": "<>" }, true],
    [{ "return-path": "<sam@example.test>" }, false],
    [{ "content-type": 'multipart/report; report-type="delivery-status"; boundary=x' }, true],
    [{ "x-auto-response-suppress": "All" }, false],
  ])("headers %j -> %s", (headers, expected) => {
    expect(isAutoReply(makeMail({ headers }))).toBe(expected);
  });

  it.each([
    "Out of Office: After your interview",
    "[Out of Office] Re: Did you hear back?",
    "Out of the office until 10 March",
    "Automatic reply: Keep going",
    "Auto-Reply: Keep going",
    "Autoreply: Keep going",
    "Autosvar: Keep going",
    "Automatiskt svar: Keep going",
    "Abwesenheitsnotiz: Keep going",
    "Automatische Antwort: Keep going",
    "Réponse automatique : Keep going",
    "REPONSE AUTOMATIQUE: Keep going",
    "Respuesta automática: Keep going",
    "Risposta automatica: Keep going",
    "Automatisch antwoord: Keep going",
    "Resposta automática: Keep going",
    "Odpowiedź automatyczna: Keep going",
    "Undeliverable: Keep going",
    "Delivery Status Notification (Failure)",
    "OOO until Monday",
    "Abwesend: Keep going",
    "Afwezig: Keep going",
  ])("subject %j is automatic", (subject) => {
    expect(isAutoReply(makeMail({ subject }))).toBe(true);
  });

  it.each([
    "Re: After your interview: what went well?",
    "Re: Did you hear back?",
    "Re: my office was far away",
    "Re: reply to the automatic question",
  ])("subject %j is a person", (subject) => {
    expect(isAutoReply(makeMail({ subject }))).toBe(false);
  });
});
