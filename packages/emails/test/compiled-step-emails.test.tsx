import { STEP_KEYS } from "@rebound/domain";
import { describe, expect, it } from "vitest";
import { compileStepEmail, renderStepEmail } from "../src/index.js";
import { baseProps, trickyProps } from "./fixtures.js";

const cases = Object.entries(trickyProps);

describe.each(STEP_KEYS)("the compiled %s email", (step) => {
  it("fills exactly what a plain render produces, for ordinary values", async () => {
    const compiled = await compileStepEmail(step);
    expect(compiled.step).toBe(step);
    expect(compiled.fill(baseProps)).toEqual(await renderStepEmail(step, baseProps));
  });

  it.each(cases)("fills exactly what a plain render produces, for %s", async (_name, props) => {
    const compiled = await compileStepEmail(step);
    const filled = compiled.fill(props);
    const rendered = await renderStepEmail(step, props);
    expect(filled.subject).toBe(rendered.subject);
    expect(filled.text).toBe(rendered.text);
    expect(filled.html).toBe(rendered.html);
  });

  it("leaves no placeholder behind", async () => {
    const { html, text } = (await compileStepEmail(step)).fill(baseProps);
    expect(html).not.toContain("__RB");
    expect(text).not.toContain("__RB");
  });
});

describe("compileStepEmail", () => {
  it("compiles each step once and shares the result", async () => {
    const [a, b] = await Promise.all([compileStepEmail("process"), compileStepEmail("process")]);
    expect(a).toBe(b);
    expect(await compileStepEmail("process")).toBe(a);
  });

  it("does not re-interpret a value that looks like a placeholder", async () => {
    const compiled = await compileStepEmail("process");
    const { text } = compiled.fill({ ...baseProps, firstName: "__RB_company__" });
    expect(text).toContain("Hi __RB_company__,");
  });

  it("rejects unsafe URLs just like a plain render", async () => {
    const compiled = await compileStepEmail("feedback");
    expect(() => compiled.fill({ ...baseProps, preferencesUrl: "javascript:alert(1)" })).toThrow(/preferencesUrl/);
    expect(() => compiled.fill({ ...baseProps, feedbackMailto: "https://x.test" })).toThrow(/mailto/);
  });
});

describe("compiled emails under generated input", () => {
  // Small seeded generator: reproducible, and it mixes every awkward character class we know of.
  const PIECES = [
    "a",
    "Zoë",
    " ",
    "  ",
    "\n",
    "\r\n",
    "\t",
    "&",
    "<",
    ">",
    '"',
    "'",
    "&amp;",
    "\u00a0",
    "\u200b",
    "\u200d",
  ];
  const MORE = ["株", "🧑🏽‍💻", "\ud800", "\u0000", "\u000b", "$&", "__RB_", "__RB_logUrl__", "> ", "1. ", "`", "%"];
  const ALPHABET = [...PIECES, ...MORE];
  const ENCODABLE = ALPHABET.filter((piece) => piece !== "\ud800");
  let seed = 20240611;
  const next = () => {
    seed = (seed * 1103515245 + 12345) % 2 ** 31;
    return seed / 2 ** 31;
  };
  const text = (max: number, pieces = ALPHABET) =>
    Array.from({ length: Math.floor(next() * max) }, () => pieces[Math.floor(next() * pieces.length)]).join("");

  it("matches a plain render for 160 generated recipients across all steps", async () => {
    for (let i = 0; i < 160; i++) {
      const step = STEP_KEYS[i % STEP_KEYS.length] ?? "process";
      const props = {
        ...baseProps,
        firstName: text(8),
        company: text(8),
        role: text(6),
        feedbackMailto: `mailto:?subject=${encodeURIComponent(text(8, ENCODABLE))}&body=${encodeURIComponent(text(30, ENCODABLE))}`,
      };
      const filled = (await compileStepEmail(step)).fill(props);
      expect(filled, `${step} ${JSON.stringify(props)}`).toEqual(await renderStepEmail(step, props));
    }
  });
});
