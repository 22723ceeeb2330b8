import { feedbackMailto, STEP_KEYS } from "@rebound/domain";
import { describe, expect, it } from "vitest";
import {
  compileStepEmail,
  firstName,
  type RenderedEmail,
  renderAnalysisEmail,
  renderStepEmail,
  renderSubscribeConfirmEmail,
  type StepEmailProps,
} from "../src/index.js";

/**
 * Every email, with and without a name, a role and an interviewer, must read as if
 * a person wrote it: no stand-in name, no "undefined", no gaps left by a missing value.
 */

const names = [
  ["a name", "Maya Okafor"],
  ["no name", null],
  ["a blank name", "   "],
] as const;
const roles = [
  ["a role", "Product Designer"],
  ["no role", null],
] as const;
const interviewers = [
  ["an interviewer", "Dana Reyes"],
  ["no interviewer", null],
] as const;

const variants = names.flatMap(([n, name]) =>
  roles.flatMap(([r, role]) =>
    interviewers.map(([i, interviewer]) => ({ label: `${n}, ${r}, ${i}`, name, role, interviewer })),
  ),
);
type Variant = (typeof variants)[number];

function stepProps(v: Variant): StepEmailProps {
  return {
    firstName: firstName(v.name),
    company: "Globex",
    role: v.role ?? "",
    feedbackMailto: feedbackMailto({
      candidateName: v.name,
      company: "Globex",
      role: v.role,
      interviewer: v.interviewer,
    }),
    unsubscribeUrl: "https://rebound.test/unsubscribe/tok",
    preferencesUrl: "https://rebound.test/preferences/tok",
    logUrl: "https://rebound.test/log/tok",
  };
}

/** The words a reader sees in the HTML part: each text node, entities decoded. */
function htmlTexts(html: string): string[] {
  const body = html.replace(/<head[\s\S]*?<\/head>/i, "");
  return [...body.matchAll(/>([^<]+)</g)]
    .map((m) =>
      (m[1] ?? "")
        .replace(/&#x27;/g, "'")
        .replace(/&quot;/g, '"')
        .replace(/&amp;/g, "&"),
    )
    .filter((t) => t.trim() !== "");
}

function expectReadable(email: RenderedEmail, v: Variant): void {
  const parts = { subject: [email.subject], html: htmlTexts(email.html), text: email.text.split("\n") };
  for (const [part, lines] of Object.entries(parts)) {
    for (const line of lines) {
      const where = `${part}: ${JSON.stringify(line)}`;
      expect(line, where).not.toMatch(/\bthere,/i);
      expect(line, where).not.toMatch(/\b(?:undefined|null|NaN)\b/);
      expect(line, where).not.toMatch(/\S {2,}\S/);
      expect(line, where).not.toMatch(/\s[,.!?]|,\s*[,.!?]|^\s*,/);
      expect(line, where).not.toMatch(/\bthe\s+role at\b|\bDear\s*,|\bHi\s*,/);
    }
  }
  const named = v.name?.trim();
  if (named) {
    expect(email.text).toContain("Maya");
    expect(email.text).not.toContain("Okafor,");
  } else {
    expect(email.subject).not.toContain("Maya");
  }
}

describe.each(variants)("every email with $label", (v) => {
  it.each(STEP_KEYS)("the %s step reads naturally, rendered and compiled", async (step) => {
    const props = stepProps(v);
    const rendered = await renderStepEmail(step, props);
    expectReadable(rendered, v);
    expect((await compileStepEmail(step)).fill(props)).toEqual(rendered);
    expect(rendered.text).toContain(v.name?.trim() ? "Hi Maya," : "Hello,");
    expect(rendered.subject.charAt(0)).toMatch(/[A-Z]/);
  });

  it("the analysis email reads naturally", async () => {
    const email = await renderAnalysisEmail({
      firstName: firstName(v.name),
      company: "Globex",
      role: v.role ?? "",
      excerpt: "I rambled when they asked about Kubernetes.",
      themes: [
        {
          slug: "skills-gap",
          label: "Skills gap",
          evidence: ["they asked about Kubernetes"],
          actions: ["Build one small Kubernetes project this week."],
        },
      ],
      highPoints: [],
      comparison: null,
      logUrl: "https://rebound.test/log/tok",
      unsubscribeUrl: "https://rebound.test/unsubscribe/tok",
      preferencesUrl: "https://rebound.test/preferences/tok",
    });
    expectReadable(email, v);
  });

  it("the confirmation email reads naturally", async () => {
    const email = await renderSubscribeConfirmEmail({
      firstName: firstName(v.name),
      company: "Globex",
      confirmUrl: "https://rebound.test/v1/subscribe/confirm?token=abc",
      unsubscribeUrl: "https://rebound.test/unsubscribe/abc",
    });
    expectReadable(email, v);
  });
});

describe("the name rule", () => {
  it.each([
    ["Maya Okafor", "Maya"],
    ["  Ana\n Maria ", "Ana"],
    ["", ""],
    ["   ", ""],
    [null, ""],
    [undefined, ""],
  ])("%j -> %j", (name, first) => {
    expect(firstName(name)).toBe(first);
  });

  it("writes subjects without a name as whole sentences", async () => {
    const props = stepProps({ label: "", name: null, role: null, interviewer: null });
    expect((await renderStepEmail("analyse", props)).subject).toBe("Ten minutes to look back at Globex");
    expect((await renderStepEmail("keep-applying", props)).subject).toBe("Keep the search moving this week");
    expect((await renderStepEmail("congratulations", props)).subject).toBe("Congratulations on the Globex offer!");
  });
});
