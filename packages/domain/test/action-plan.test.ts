import { describe, expect, it } from "vitest";
import { actionPlan, THEME_ACTIONS } from "../src/analysis/index.js";
import { THEMES, type Theme } from "../src/themes.js";

const plan = (theme: Theme, evidence: string[], earlier = 0, role: string | null = "Platform Engineer") =>
  actionPlan({ themes: [{ theme, evidence }], company: "Globex", role, earlier: { [theme]: earlier } })[0];

describe("action plans", () => {
  it("gives two or three distinct actions for every theme, with or without evidence", () => {
    for (const theme of THEMES) {
      for (const evidence of [[], ["it was hard"]]) {
        for (const earlier of [0, 1, 4]) {
          const p = plan(theme, evidence, earlier);
          expect(p?.actions.length).toBeGreaterThanOrEqual(2);
          expect(p?.actions.length).toBeLessThanOrEqual(3);
          expect(new Set(p?.actions).size).toBe(p?.actions.length);
          for (const a of p?.actions ?? []) expect(a).not.toMatch(/undefined|null|\s{2}|\s[,.]/);
        }
      }
    }
  });

  it("names the tool the candidate said they lack", () => {
    expect(plan("skills-gap", ["they use kubernetes which I've never used"])?.actions[0]).toContain("Kubernetes");
    expect(plan("skills-gap", ["they wanted a PMP cert"])?.actions[0]).toContain("PMP");
    expect(plan("skills-gap", ["I've only done basic UA setups, they need GA4"])?.actions[0]).toContain("GA4");
  });

  it("answers the question that caught them out, in their words", () => {
    const p = plan("unexpected-questions", ['they hit me with "whats your biggest weakness" and i froze']);
    expect(p?.actions[0]).toContain("“whats your biggest weakness”");
  });

  it("follows the kind of problem the evidence describes", () => {
    expect(plan("nonverbal", ["I couldn't look them in the eye"])?.actions[0]).toMatch(/eye contact/);
    expect(plan("nonverbal", ["my hands were shaking"])?.actions[0]).toMatch(/routine/);
    expect(plan("materials", ["My CV had a typo"])?.actions[0]).toContain("your CV for roles like Platform Engineer");
    expect(plan("materials", ["My CV had a typo"], 0, null)?.actions[0]).toContain("the roles you are applying for");
    expect(plan("follow-up", ["never heard back"])?.actions[0]).toContain("If Globex has not answered");
    expect(plan("follow-up", ["I should ask for feedback"])?.actions[0]).toContain("Ask Globex for one or two points");
    expect(plan("mindset", ["the recruiter set me up"])?.actions[0]).toMatch(/in your control/);
    expect(plan("preparation", ["didn't look at their website"])?.actions[0]).toContain("Look back at Globex");
  });

  it("falls back to the theme's general advice when nothing concrete stands out", () => {
    expect(plan("structure", ["it was hard"])?.actions).toEqual(THEME_ACTIONS.structure.slice(0, 2));
  });

  it("says something new when a theme repeats", () => {
    const first = plan("preparation", ["didn't research the company"]);
    const third = plan("preparation", ["didn't research the company"], 2);
    expect(first?.repeat).toBeUndefined();
    expect(third?.repeat).toBe("Third time preparation and research came up, this time at Globex.");
    expect(third?.actions).toHaveLength(3);
    expect(third?.actions[1]).toMatch(/^Third time preparation and research came up: make preparation a fixed routine/);
    expect(plan("nonverbal", ["nervous"], 1)?.actions.some((a) => a.startsWith("Second time"))).toBe(true);
  });

  it("keeps the order of the themes given and lists each once", () => {
    const plans = actionPlan({
      themes: [
        { theme: "communication", evidence: ["I rambled"] },
        { theme: "preparation", evidence: [] },
        { theme: "communication", evidence: ["again"] },
      ],
      company: " ",
    });
    expect(plans.map((p) => p.theme)).toEqual(["communication", "preparation"]);
    expect(JSON.stringify(plans)).not.toContain("Globex");
  });
});
