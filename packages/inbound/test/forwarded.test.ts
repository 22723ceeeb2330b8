import { describe, expect, it } from "vitest";
import { extractForwardedCompany } from "../src/index.js";
import { makeMail } from "./mail.js";

function company(text: string, subject = "Fwd: Your application"): string | null {
  return extractForwardedCompany(makeMail({ to: ["start@reply.rebound.localhost"], subject, text }));
}

const GMAIL_FORWARD = (from: string, subject: string, body: string, note = "fyi") =>
  `${note}\n\n---------- Forwarded message ---------\nFrom: ${from}\nDate: Fri, 28 Feb 2025 at 16:41\nSubject: ${subject}\nTo: <sam@example.com>\n\n\n${body}`;

describe("extractForwardedCompany", () => {
  it("reads the sender's team name and the letter", () => {
    const text = GMAIL_FORWARD(
      "Fabrikam Recruiting <recruiting@fabrikam.com>",
      "Your application",
      "Dear Sam,\n\nThank you for applying to the Senior Data Analyst position at Fabrikam. We have decided not to proceed.\n\nRegards,\nThe Fabrikam Talent Acquisition Team",
    );
    expect(company(text)).toBe("Fabrikam");
  });

  it("skips role titles and takes the company after 'at'", () => {
    const text = GMAIL_FORWARD(
      "Jane Doe <jane.doe@gmail.com>",
      "Update",
      "Thank you for your interest in the Product Designer role at Tailspin Toys.\nUnfortunately we have filled the position.",
    );
    expect(company(text)).toBe("Tailspin Toys");
  });

  it("ignores applicant tracking systems as senders", () => {
    const text = GMAIL_FORWARD(
      "Notifications <no-reply@greenhouse.io>",
      "Application update",
      "Hi Sam,\n\nThanks for applying to Globex. After reviewing your application we will not be moving forward.",
    );
    expect(company(text)).toBe("Globex");
  });

  it("uses the sender's domain together with how the letter writes the name", () => {
    const text = GMAIL_FORWARD(
      "*Talent* <talent@wingtiptoys.co.uk>",
      "Your interview",
      "Dear Sam,\n\nIt was a pleasure to meet you. Everyone at Wingtip Toys enjoyed the conversation, but we have chosen another candidate.",
    );
    expect(company(text)).toBe("Wingtip Toys");
  });

  it("strips legal suffixes", () => {
    const text = GMAIL_FORWARD(
      "Contoso Ltd <jobs@contoso.com>",
      "Your application",
      "Thank you for your interest in Contoso Ltd.",
    );
    expect(company(text)).toBe("Contoso");
  });

  it("does not take the candidate's own employer from their note or signature", () => {
    const text = GMAIL_FORWARD(
      "Northwind Careers <careers@northwindtraders.com>",
      "Application status",
      "Thank you for your interest in Northwind Traders. We will not be progressing your application.",
      "ugh. another one\n\nSam Lee\nAnalyst at Contoso",
    );
    expect(company(text)).toBe("Northwind Traders");
  });

  it("reads a forward whose lines are quoted with '>'", () => {
    const text =
      "see below\n\n> Begin forwarded message:\n>\n> From: Litware Hiring Team <hiring@litware.io>\n> Subject: Your application\n>\n> Thank you for considering Litware.";
    expect(company(text)).toBe("Litware");
  });

  it("reads a letter pasted without forward headers", () => {
    const text =
      "Hi, I got this today:\n\nDear Sam,\nThank you for your interest in Proseware. We have decided to move forward with other candidates.";
    expect(company(text, "sign me up")).toBe("Proseware");
  });

  it("takes the company from the forwarded subject", () => {
    const text = GMAIL_FORWARD(
      "no-reply@myworkday.com",
      "Your application to Adventure Works",
      "Dear Candidate,\n\nWe regret to inform you that we will not be moving forward.",
    );
    expect(company(text)).toBe("Adventure Works");
  });

  it("is unsure about a bare 'rejected by X' in the candidate's note", () => {
    expect(company("Just got rejected by Initech after the final round, sign me up", "rejected")).toBeNull();
  });

  it("but counts it with another hint", () => {
    expect(company("Just got rejected by Initech. Subject says it all", "Fwd: Your application to Initech")).toBe(
      "Initech",
    );
  });

  it("returns null when two employers compete", () => {
    const text = GMAIL_FORWARD(
      "Recruiter <anna@staffingpartners.com>",
      "Role update",
      "Thank you for your interest in Globex. Our client Initech Recruiting Team has decided to proceed with others.\nThe Initech Recruiting Team",
    );
    expect(company(text)).toBeNull();
  });

  it("returns null with nothing to go on", () => {
    expect(company("", "")).toBeNull();
    expect(company("Hi, can I sign up? I had an interview last week.", "hello")).toBeNull();
    expect(company(GMAIL_FORWARD("Jane <jane@gmail.com>", "hi", "We will not proceed. Best, Jane"))).toBeNull();
  });
});
