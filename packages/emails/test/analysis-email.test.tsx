import { describe, expect, it } from "vitest";
import { type AnalysisEmailProps, renderAnalysisEmail } from "../src/index.js";
import { reactEscaped } from "./fixtures.js";

const props: AnalysisEmailProps = {
  firstName: "Maya",
  company: "Northwind Labs",
  role: "Product Designer",
  excerpt: "I froze when they asked about a failed project.\nMy portfolio felt thin.",
  themes: [
    {
      slug: "structure",
      label: "Answer structure",
      evidence: ["I froze when they asked about a failed project"],
      actions: ["Write two STAR stories about setbacks", "Rehearse each in under two minutes"],
    },
    {
      slug: "materials",
      label: "Resume and portfolio",
      evidence: ["My portfolio felt thin"],
      actions: ["Turn your best project into one deep case study"],
    },
  ],
  highPoints: ["Knew the product well", "Good rapport with the design lead"],
  comparison: "Nerves came up less often than in your last two interviews.",
  logUrl: "https://rebound.test/log/tok?x=1&y=2",
  unsubscribeUrl: "https://rebound.test/unsubscribe/tok",
  preferencesUrl: "https://rebound.test/preferences/tok",
};

describe("the analysis email", () => {
  it("names the interview in its subject", async () => {
    const email = await renderAnalysisEmail(props);
    expect(email.subject).toContain("Northwind Labs");
  });

  it("shows what the candidate said, every theme with its evidence and actions, and the high points", async () => {
    const { html, text } = await renderAnalysisEmail(props);
    expect(text).toContain("I froze when they asked about a failed project.");
    expect(text).toContain("My portfolio felt thin.");
    for (const theme of props.themes) {
      expect(text).toContain(theme.label);
      for (const quote of theme.evidence) expect(text).toContain(quote);
      for (const action of theme.actions) {
        expect(text).toContain(action);
        expect(html).toContain(reactEscaped(action));
      }
    }
    for (const point of props.highPoints) expect(text).toContain(point);
    expect(text).toContain("Nerves came up less often than in your last two interviews.");
  });

  it("links to the log, preferences and unsubscribe", async () => {
    const { html } = await renderAnalysisEmail(props);
    expect(html).toContain(`href="${reactEscaped(props.logUrl)}"`);
    expect(html).toContain(`href="${reactEscaped(props.preferencesUrl)}"`);
    expect(html).toContain(`href="${reactEscaped(props.unsubscribeUrl)}"`);
  });

  it("explains a first interview and an empty theme list instead of leaving gaps", async () => {
    const { text } = await renderAnalysisEmail({ ...props, themes: [], highPoints: [], comparison: null, role: "" });
    expect(text).toContain("first interview in your log");
    expect(text).toContain("Nothing in your reply pointed to a clear weak spot");
    expect(text).toContain("your interview at Northwind Labs");
    expect(text).not.toContain("Your high points");
  });

  it("opens with the LLM's summary when there is one, escaped, and says when a theme repeats", async () => {
    const summary = "You knew the <product> well & the gap is one story about a setback.";
    const repeat = "Third time answer structure came up, this time at Northwind Labs.";
    const [first, ...rest] = props.themes;
    const { html, text } = await renderAnalysisEmail({
      ...props,
      summary,
      themes: [{ ...(first as (typeof props.themes)[number]), repeat }, ...rest],
    });
    expect(text).toContain("In short");
    expect(text).toContain(summary);
    expect(html).toContain(reactEscaped(summary));
    expect(html).not.toContain("<product>");
    expect(text).toContain(repeat);
    expect(text.indexOf("In short")).toBeLessThan(text.indexOf("In your words"));
  });

  it("has no summary section without a summary, and capitalises high points", async () => {
    const { text } = await renderAnalysisEmail({ ...props, summary: null, highPoints: ["they liked my questions"] });
    expect(text).not.toContain("In short");
    expect(text).toContain("They liked my questions");
  });
});
