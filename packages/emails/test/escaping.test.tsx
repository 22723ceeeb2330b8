import { STEP_KEYS } from "@rebound/domain";
import { describe, expect, it } from "vitest";
import { compileStepEmail, renderAnalysisEmail, renderStepEmail, renderSubscribeConfirmEmail } from "../src/index.js";
import { baseProps } from "./fixtures.js";

const SCRIPT = "<script>alert('x')</script>";
const hostile = { ...baseProps, firstName: SCRIPT, company: `${SCRIPT} & Co`, role: `"><img src=x onerror=alert(1)>` };

describe("escaping of candidate-supplied values", () => {
  it.each(STEP_KEYS)("never puts a raw <script> into the %s html, rendered or compiled", async (step) => {
    const rendered = await renderStepEmail(step, hostile);
    const filled = (await compileStepEmail(step)).fill(hostile);
    for (const html of [rendered.html, filled.html]) {
      expect(html).not.toContain("<script");
      expect(html).not.toContain("<img src=x");
      expect(html).toContain("&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;");
    }
    // The text part is plain text: the value is shown as typed, which is harmless there.
    expect(rendered.text).toContain(`Hi ${SCRIPT},`);
  });

  it("escapes quotes in URLs placed in href attributes", async () => {
    const url = `https://rebound.test/u?a="><script>x</script>`;
    const filled = (await compileStepEmail("process")).fill({ ...baseProps, unsubscribeUrl: url });
    expect(filled.html).toContain('href="https://rebound.test/u?a=&quot;&gt;&lt;script&gt;x&lt;/script&gt;"');
    expect(filled.html).not.toContain("<script");
  });

  it("keeps subjects on one line so a value cannot inject mail headers", async () => {
    const email = await renderStepEmail("process", { ...baseProps, company: "Acme\r\nBcc: victim@example.com" });
    expect(email.subject).toBe("A rejection from Acme Bcc: victim@example.com is not a verdict on you");
  });

  it("escapes the analysis and confirmation emails too", async () => {
    const analysis = await renderAnalysisEmail({
      firstName: SCRIPT,
      company: SCRIPT,
      role: "",
      excerpt: SCRIPT,
      themes: [{ slug: "mindset", label: SCRIPT, evidence: [SCRIPT], actions: [SCRIPT] }],
      highPoints: [SCRIPT],
      comparison: SCRIPT,
      logUrl: baseProps.logUrl,
      unsubscribeUrl: baseProps.unsubscribeUrl,
      preferencesUrl: baseProps.preferencesUrl,
    });
    const confirm = await renderSubscribeConfirmEmail({
      firstName: SCRIPT,
      company: SCRIPT,
      confirmUrl: "https://rebound.test/v1/subscribe/confirm?token=t",
      unsubscribeUrl: baseProps.unsubscribeUrl,
    });
    for (const html of [analysis.html, confirm.html]) {
      expect(html).not.toContain("<script");
      expect(html).toContain("&lt;script&gt;");
    }
  });
});
