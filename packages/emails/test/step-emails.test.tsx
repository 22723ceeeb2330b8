import { feedbackMailto, STEP_KEYS } from "@rebound/domain";
import { describe, expect, it } from "vitest";
import { renderStepEmail, stepPrompts, stepSubject } from "../src/index.js";
import { baseProps, reactEscaped } from "./fixtures.js";

describe.each(STEP_KEYS)("the %s step email", (step) => {
  it("has a personal subject line", async () => {
    const email = await renderStepEmail(step, baseProps);
    expect(email.subject).toBe(stepSubject(step, baseProps));
    expect(email.subject.length).toBeGreaterThan(10);
    expect(email.subject).not.toMatch(/\n/);
  });

  it("asks the step's prompt(s) from the track in a reply block, in html and text", async () => {
    const email = await renderStepEmail(step, baseProps);
    const prompts = stepPrompts(step);
    expect(prompts.length).toBeGreaterThan(0);
    expect(email.html).toContain("Just reply to this email");
    expect(email.text).toContain("Just reply to this email");
    for (const prompt of prompts) {
      expect(email.html).toContain(reactEscaped(prompt));
      expect(email.text).toContain(prompt);
    }
  });

  it("links to unsubscribe, preferences and the candidate's log", async () => {
    const email = await renderStepEmail(step, baseProps);
    expect(email.html).toContain(`href="${reactEscaped(baseProps.unsubscribeUrl)}"`);
    expect(email.html).toContain(`href="${reactEscaped(baseProps.preferencesUrl)}"`);
    expect(email.html).toContain(`href="${reactEscaped(baseProps.logUrl)}"`);
    expect(email.text).toContain(`Unsubscribe ${baseProps.unsubscribeUrl}`);
    expect(email.text).toContain(`Preferences ${baseProps.preferencesUrl}`);
    expect(email.text).toContain(`Read your log ${baseProps.logUrl}`);
  });

  it("greets the candidate by first name and has a real plain-text part", async () => {
    const email = await renderStepEmail(step, baseProps);
    expect(email.html.startsWith("<!DOCTYPE html")).toBe(true);
    expect(email.text).toContain("Hi Maya,");
    expect(email.text).not.toMatch(/<[a-z]/i);
    expect(email.text.length).toBeGreaterThan(400);
  });

  it("reads naturally when the role is unknown", async () => {
    const mailto = feedbackMailto({ candidateName: "Maya", company: baseProps.company, role: "" });
    const email = await renderStepEmail(step, { ...baseProps, role: "", feedbackMailto: mailto });
    expect(email.text).not.toMatch(/the\s+role at/);
    expect(email.html).not.toContain("Product Designer");
  });

  it("falls back to a neutral greeting without a first name", async () => {
    const email = await renderStepEmail(step, { ...baseProps, firstName: "" });
    expect(email.text).toContain("Hello,");
    expect(email.text).not.toContain("Hi ,");
  });
});

describe("step-specific content", () => {
  it("puts the ready-made feedback request behind a mailto button and shows the draft in the text part", async () => {
    const email = await renderStepEmail("feedback", baseProps);
    expect(baseProps.feedbackMailto.startsWith("mailto:")).toBe(true);
    expect(email.html).toContain(`href="${reactEscaped(baseProps.feedbackMailto)}"`);
    expect(email.text).toContain("Thank you again for the time you and the team at Northwind Labs");
    expect(email.text).toContain("Subject: Thank you, and a short request about the Product Designer role");
    // html-to-text would print the mailto URL without its scheme, which is useless: the button is html-only.
    expect(email.text).not.toContain("?subject=");
  });

  it("lists the analyse questions as one numbered list answered in a single reply", async () => {
    const email = await renderStepEmail("analyse", baseProps);
    const prompts = stepPrompts("analyse");
    expect(prompts.length).toBeGreaterThanOrEqual(4);
    expect(email.html).toMatch(/<ol[^>]*>(<li[^>]*>[^<]+<\/li>){5}<\/ol>/);
    prompts.forEach((prompt, i) => {
      expect(email.text).toContain(`${i + 1}. ${prompt}`);
    });
    expect(email.text).toContain("in one reply");
  });

  it("mentions the role and company of the interview when both are known", async () => {
    const email = await renderStepEmail("process", baseProps);
    expect(email.text).toContain("your interview for the Product Designer role at Northwind Labs");
    expect(email.subject).toBe("A rejection from Northwind Labs is not a verdict on you");
  });

  it("covers the coaching points of the keep-applying step", async () => {
    const { text } = await renderStepEmail("keep-applying", baseProps);
    expect(text).toContain("STAR");
    expect(text).toMatch(/mock interview/i);
    expect(text).toMatch(/stay choosy/i);
  });

  it("refuses links that are not web or mailto URLs", async () => {
    await expect(renderStepEmail("process", { ...baseProps, unsubscribeUrl: "javascript:alert(1)" })).rejects.toThrow(
      /unsubscribeUrl/,
    );
    await expect(renderStepEmail("process", { ...baseProps, logUrl: "" })).rejects.toThrow(/logUrl/);
    await expect(renderStepEmail("feedback", { ...baseProps, feedbackMailto: "https://example.com" })).rejects.toThrow(
      /mailto/,
    );
  });
});
