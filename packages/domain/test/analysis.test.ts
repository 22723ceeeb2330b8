import { describe, expect, it } from "vitest";
import {
  type Analysis,
  actionsFor,
  analyseReflection,
  buildAnalysisPrompt,
  buildAnalysisRequest,
  compareWithEarlier,
  createLlmAnalyser,
  evaluateAnalyser,
  formatEvaluation,
  keywordAnalyser,
  offlineAnalyser,
  scrubPersonalData,
  THEME_ACTIONS,
  THEME_LABELS,
} from "../src/analysis/index.js";
import { THEMES, type Theme } from "../src/themes.js";
import { findDistress } from "../src/analysis/distress.js";
import { indexText } from "../src/analysis/text-index.js";
import { ANALYSIS_CASES } from "./analysis-cases.js";
import {
  ANALYSIS_HOLDOUT_CASES,
  ANALYSIS_HOLDOUT_CASES_2,
  ANALYSIS_HOLDOUT_CASES_3,
} from "./analysis-holdout-cases.js";
import { outsideAuthors, sealedMultiCases, sealedSet2, sealedSet3, sealedSet4 } from "../training/corpus.js";
import { ANALYSIS_OUTSIDE_CASES, ANALYSIS_SEALED_CASES } from "./analysis-outside-cases.js";

const themesOf = (text: string): Theme[] => analyseReflection(text).themes.map((f) => f.theme);
const ALL_CASES = [
  ...ANALYSIS_CASES,
  ...ANALYSIS_HOLDOUT_CASES,
  ...ANALYSIS_HOLDOUT_CASES_2,
  ...ANALYSIS_HOLDOUT_CASES_3,
  ...ANALYSIS_OUTSIDE_CASES,
];

/** Every quoted phrase that is not a substring of its reply; the sealed sets are only ever counted, never printed. */
function unquotedPhrases(texts: readonly string[]): number {
  let bad = 0;
  for (const text of texts) {
    const result = analyseReflection(text);
    for (const finding of result.themes) {
      if (finding.evidence.length === 0) bad++;
      bad += finding.evidence.filter((phrase) => !text.includes(phrase)).length;
    }
    bad += [...result.distressEvidence, ...result.highPoints].filter((phrase) => !text.includes(phrase)).length;
  }
  return bad;
}

describe("theme detection", () => {
  it("finds themes from everyday and misspelled wordings", () => {
    expect(themesOf("i was so nervouse i could barely speak")).toContain("nonverbal");
    expect(themesOf("I didnt do any reasearch on the company")).toContain("preparation");
    expect(themesOf("my portfollio had broken links")).toContain("materials");
    expect(themesOf("my resum had a typo")).toContain("materials");
    expect(themesOf("should have used the star format")).toContain("structure");
    expect(themesOf("They asked a brain teaser and I blanked")).toContain("unexpected-questions");
    expect(themesOf("I rambled and went off on a tangent")).toContain("communication");
    expect(themesOf("they need AWS and I've never used kubernetes")).toContain("skills-gap");
    expect(themesOf("not a good team fit, the culture is all weekends")).toContain("culture-fit");
    expect(themesOf("I sent a thank you note and asked for feedback")).toContain("follow-up");
    expect(themesOf("I'm so discouraged, it's all my fault")).toContain("mindset");
  });

  it("orders themes strongest first and quotes evidence from the text", () => {
    const text = "I rambled, went off on a tangent and was hard to follow. I was a bit nervous too.";
    const result = analyseReflection(text);
    expect(result.themes[0]?.theme).toBe("communication");
    const scores = result.themes.map((f) => f.score);
    expect([...scores].sort((a, b) => b - a)).toEqual(scores);
    expect(result.themes[0]?.evidence).toEqual(["I rambled, went off on a tangent and was hard to follow."]);
  });

  it("returns only exact substrings of the input as evidence, distress evidence and high points", () => {
    for (const { text } of ALL_CASES) {
      const result = analyseReflection(text);
      for (const finding of result.themes) {
        expect(finding.evidence.length).toBeGreaterThan(0);
        for (const phrase of finding.evidence) expect(text).toContain(phrase);
      }
      for (const phrase of result.distressEvidence) expect(text).toContain(phrase);
      for (const point of result.highPoints) expect(text).toContain(point);
    }
  });

  // A thousand replies and more: longer than a unit test's default five seconds on a busy machine.
  it("quotes only the reply's own words on the training sets by outside authors", { timeout: 60_000 }, () => {
    const texts = outsideAuthors().flatMap((a) => a.cases.map((c) => c.text));
    expect(unquotedPhrases(texts)).toBe(0);
  });

  it("quotes only the reply's own words on the sealed sets too (counted, never shown)", {
    timeout: 60_000,
  }, async () => {
    const sealedMulti = (await sealedMultiCases()) ?? [];
    const sealed = [
      ...ANALYSIS_SEALED_CASES,
      ...sealedMulti,
      ...sealedSet2().cases,
      ...sealedSet3().cases,
      ...sealedSet4().cases,
    ];
    expect(unquotedPhrases(sealed.map((c) => c.text))).toBe(0);
  });

  it("finds several themes in one reply, each quoted from its own sentence", () => {
    const text =
      "I didn't look at their website at all before the call. Then they asked me how many piano tuners work in Paris and I just froze. " +
      "Also my CV still listed a job from 2015 and they asked about it.";
    const result = analyseReflection(text);
    const themes = result.themes.map((f) => f.theme);
    expect(themes).toEqual(expect.arrayContaining(["preparation", "unexpected-questions", "materials"]));
    const quote = (t: Theme) => result.themes.find((f) => f.theme === t)?.evidence ?? [];
    expect(quote("preparation").join(" ")).toContain("website");
    expect(quote("unexpected-questions").join(" ")).toContain("piano tuners");
    expect(quote("materials").join(" ")).toContain("CV");
  });

  it("quotes a clause of the reply when only the classifier found the theme", () => {
    const text =
      "The hiring manager kept asking about budgets for a team of forty and I have only ever run a team of three.";
    const result = analyseReflection(text);
    for (const finding of result.themes) {
      expect(finding.evidence.length).toBeGreaterThan(0);
      for (const phrase of finding.evidence) {
        expect(text).toContain(phrase);
        expect(phrase.split(" ").length).toBeGreaterThanOrEqual(3);
      }
    }
  });

  it("handles curly apostrophes like straight ones", () => {
    expect(themesOf("I didn’t know the company at all")).toEqual(["preparation"]);
    expect(analyseReflection("I didn’t know the company at all").themes[0]?.evidence).toEqual([
      "I didn’t know the company at all",
    ]);
  });

  it("gives an empty analysis for empty or theme-less text", () => {
    expect(analyseReflection("")).toEqual({
      themes: [],
      distress: false,
      distressEvidence: [],
      highPoints: [],
      substantial: false,
      wordCount: 0,
    });
    expect(themesOf("Thanks for the emails, see you next week.")).toEqual([]);
  });

  it("is deterministic", () => {
    const text = ANALYSIS_CASES[13]?.text ?? "";
    expect(analyseReflection(text)).toEqual(analyseReflection(text));
  });
});

describe("negation", () => {
  it.each([
    ["I was not nervous", "nonverbal"],
    ["I wasn't nervous at all", "nonverbal"],
    ["I wasn’t too nervous this time", "nonverbal"],
    ["No problem with eye contact", "nonverbal"],
    ["no problems with eye contact or nerves", "nonverbal"],
    ["my eye contact was fine", "nonverbal"],
    ["I never felt unprepared", "preparation"],
    ["I didn't ramble this time", "communication"],
    ["nerves weren't an issue", "nonverbal"],
    ["My portfolio walkthrough went great", "materials"],
    ["the STAR method really helped", "structure"],
    ["I don't think I rambled or was nervous", "communication"],
  ] as const)("%s -> no %s", (text, theme) => {
    expect(themesOf(text)).not.toContain(theme);
  });

  it.each([
    ["I was nervous", "nonverbal"],
    ["I didn't make eye contact", "nonverbal"],
    ["I couldn't stop fidgeting", "nonverbal"],
    ["I didn't research the company", "preparation"],
    ["not sure if I rambled", "communication"],
    ["It's hard not to take it personally", "mindset"],
    ["I wasn't nervous, but I rambled", "communication"],
  ] as const)("%s -> %s", (text, theme) => {
    expect(themesOf(text)).toContain(theme);
  });

  it("keeps the negation inside its own clause", () => {
    const themes = themesOf("I wasn't nervous, I was just unprepared");
    expect(themes).toContain("preparation");
    expect(themes).not.toContain("nonverbal");
  });
});

describe("distress", () => {
  /** Raised, and every phrase it quotes is the reply's own words. */
  const expectFlagged = (text: string) => {
    const result = analyseReflection(text);
    expect(result.distress).toBe(true);
    for (const phrase of result.distressEvidence) expect(text).toContain(phrase);
    return result;
  };

  it.each([
    "I want to give up",
    "whats the point",
    "What’s the point anymore",
    "I feel worthless",
    "cant do this anymore",
    "everything feels hopeless",
    "I'm done with job hunting",
    "i dont see a way out",
    "I don't see the point of living",
  ])("flags %j", (text) => {
    expect(expectFlagged(text).distressEvidence.length).toBeGreaterThan(0);
  });

  it.each([
    "I won't give up",
    "I'm not giving up, onto the next one",
    "I'm not going to give up",
    "I don't feel hopeless",
    "what's the point of a cover letter nobody reads?",
    "I'm done with the first round, second one on Friday",
  ])("does not flag %j", (text) => {
    const result = analyseReflection(text);
    expect(result.distress).toBe(false);
    expect(result.distressEvidence).toEqual([]);
  });

  it.each([
    "I haven't spoken to anyone in two weeks, easier that way",
    "honestly my kids would be better off without me",
    "been giving away my things, don't need them",
    "sometimes I think about not waking up",
    "another no. I'm a waste of space",
    "up till 4 every night going over it",
    "I've stopped showering most days",
    "I'd rather not exist for a while",
    "I just want it all to stop",
    "nobody wants me, not employers, not anyone",
    "I feel nothing about it. just nothing",
    "what's even the point of sending more",
  ])("flags the quieter wording %j", (text) => {
    expect(expectFlagged(text).themes.map((t) => t.theme)).toContain("mindset");
  });

  // Round 5 and 7 kinds (the wording list), in sentences written for this test.
  it.each([
    "i keep hoping i wont wake up tomorrow",
    "I won't be around long enough to see it pay off",
    "gave my dog to my brother, he'll look after her better than me",
    "slipped back into old habits after the call, sleeves cover it",
    "I feel like a parasite living off my parents",
    "just numb.",
    "havent eaten in 3 days, cant face food",
    "don't really want to wake up most days",
    "I don't want to see anyone. not even my sister",
    "thinking about just ending it, honestly",
    // Round 7 kinds.
    "I've said my goodbyes, so this is the last you'll hear from me",
    "taking more of the sleeping tablets than the doctor said, just to switch off",
    "kind of vanished from everyone since the rejection",
    "haven't answered my mum in over a week",
    "I started cutting again last month",
    "there's nothing left that makes me want to get up",
    "don't honestly care if I wake up tomorrow",
  ])("flags the listed wording %j", (text) => {
    expectFlagged(text);
    expect(findDistress(indexText(text)).length).toBeGreaterThan(0);
  });

  it.each([
    "I feel like a weight has been lifted now it's over",
    "nobody noticed the typo on my CV, luckily",
    "I don't see a future in that company, the team was leaving",
    "I don't want to live in London, the commute is the problem",
    "I've been up since 5am preparing the case study",
    "I had not eaten since breakfast and my stomach rumbled",
    "saying goodbye to everyone at work on Friday, new job Monday",
    "sleeves cover my tattoos, so the dress code is fine",
    "said my goodbyes to the team on my last day, lovely send-off",
    "they're cutting again, third restructure this year",
    "nothing left to do but wait for the panel's decision",
    "I don't care if I get the bonus, I want the training",
    "nothing makes me want to go on holiday this year, I'm saving",
  ])("keeps the everyday sense of %j out of the wording list", (text) => {
    expect(findDistress(indexText(text))).toEqual([]);
  });

  // Quiet replies with no word of distress at all: the wording list has nothing to read, so
  // only the classifier can raise them (it used to need a word from the list first).
  it.each([
    "Honestly it would be simpler for everyone if I just faded away quietly.",
    "I keep thinking about how peaceful it would be to not have to wake up",
    "I don't really see myself being around much longer",
  ])("flags %j, which holds no word of distress, on the classifier alone", (text) => {
    expect(findDistress(indexText(text))).toEqual([]);
    expect(expectFlagged(text).themes.map((t) => t.theme)).toContain("mindset");
  });

  it.each([
    "this is killing me lol, 4th final round and still no offer. onto the next",
    "I wanted to die of embarrassment when I forgot my own job title",
    "dead inside after that assessment day (joke). need a nap",
    "the commute would literally kill me, 2 hours each way",
    "I'd be better off applying to smaller firms next time",
    "drinking more water before the next one, my throat was dry",
    "I barely sleep the night before interviews, then I'm tired",
    "there's no future in that role for me, it's a dead end",
    "couldn't bring myself to ask for feedback yet",
  ])("does not flag the strong but ordinary wording %j", (text) => {
    expect(analyseReflection(text).distress).toBe(false);
  });

  it("quotes the matched phrase", () => {
    expect(analyseReflection("Rejected again. I feel worthless honestly.").distressEvidence).toEqual([
      "I feel worthless",
    ]);
  });
});

describe("high points and substance", () => {
  it("quotes positive statements", () => {
    const result = analyseReflection(
      "I was not nervous at all. My portfolio walkthrough went great and they loved the case study. But they wanted a PMP cert.",
    );
    expect(result.highPoints).toEqual(["My portfolio walkthrough went great and they loved the case study"]);
    expect(result.themes.map((f) => f.theme)).toEqual(["skills-gap"]);
  });

  it("ignores negated praise", () => {
    expect(analyseReflection("It didn't go well and I wasn't proud of it").highPoints).toEqual([]);
  });

  it("marks a reflection substantial with 40 words or two themes", () => {
    expect(analyseReflection("I rambled.").substantial).toBe(false);
    expect(analyseReflection("I rambled and I was so nervous my voice was shaking.").substantial).toBe(true);
    const long = `${"We talked about the team and the product for a while. ".repeat(4)}It was fine.`;
    expect(analyseReflection(long).wordCount).toBeGreaterThanOrEqual(40);
    expect(analyseReflection(long).substantial).toBe(true);
  });
});

describe("actions and labels", () => {
  it("has a label and three distinct actions for every theme", () => {
    for (const theme of THEMES) {
      expect(THEME_LABELS[theme].length).toBeGreaterThan(0);
      expect(THEME_ACTIONS[theme]).toHaveLength(3);
      expect(new Set(THEME_ACTIONS[theme]).size).toBe(3);
    }
  });

  it("returns two or three actions", () => {
    for (const theme of THEMES) {
      expect(actionsFor(theme)).toHaveLength(3);
      expect(actionsFor(theme, 2)).toHaveLength(2);
      expect(actionsFor(theme, 1)).toHaveLength(2);
      expect(actionsFor(theme, 10)).toHaveLength(3);
      expect(actionsFor(theme, 2)).toEqual(THEME_ACTIONS[theme].slice(0, 2));
    }
  });
});

describe("compareWithEarlier", () => {
  it("is null without earlier interviews", () => {
    expect(compareWithEarlier(["preparation"], [])).toBeNull();
  });

  it("names the companies where a theme came up before, and what is new", () => {
    const text = compareWithEarlier(
      ["communication", "skills-gap"],
      [
        { company: "Acme", themes: ["communication"] },
        { company: "Globex", themes: ["communication"] },
      ],
    );
    expect(text).toBe("Communication came up again, as at Acme and Globex; skills gap is new this time.");
  });

  it("calls out themes that no longer appear as progress", () => {
    const text = compareWithEarlier(
      ["structure"],
      [
        { company: "Acme", themes: ["structure", "nonverbal"] },
        { company: "Initech", themes: ["preparation"] },
      ],
    );
    expect(text).toBe(
      "Answer structure came up again, as at Acme. Preparation and research (Initech) and body language and confidence (Acme) have not come up again: that is progress.",
    );
  });

  it("handles all-new themes and interviews without themes", () => {
    expect(compareWithEarlier(["mindset"], [{ company: "Acme", themes: [] }])).toBe(
      "Mindset is new compared with your interview at Acme.",
    );
    expect(compareWithEarlier([], [{ company: "Acme", themes: [] }])).toBe(
      "As at Acme, no particular theme stood out this time.",
    );
    expect(compareWithEarlier([], [{ company: "Acme", themes: ["materials"] }])).toBe(
      "No particular theme stood out this time, and resume and presentation (Acme) has not come up again: that is progress.",
    );
  });
});

describe("LLM analyser", () => {
  const text = "I rambled a lot and I think I was nervous. My slides went really well.";
  const reply = (answer: unknown) => () => Promise.resolve(JSON.stringify(answer));

  it("asks for JSON-schema output restricted to the theme slugs, with the reflection as data", () => {
    const request = buildAnalysisRequest(text);
    const prompt = buildAnalysisPrompt(text);
    for (const theme of THEMES) expect(prompt).toContain(theme);
    expect(request.messages.at(-1)?.content).toContain(text);
    expect(request.response_format.type).toBe("json_schema");
    expect(request.response_format.json_schema.strict).toBe(true);
    expect(request.response_format.json_schema.schema.properties.themes.items.properties.theme.enum).toEqual([
      ...THEMES,
    ]);
    expect(request.temperature).toBe(0);
  });

  it("scrubs email addresses and phone numbers before anything is sent", () => {
    const signed =
      "I rambled.\nThanks, Priya\npriya.k@example.com | +44 7700 900123 | (555) 010-9999\n3 years, 14 interviews";
    const sent = JSON.stringify(buildAnalysisRequest(signed));
    expect(sent).not.toContain("priya.k@example.com");
    expect(sent).not.toContain("7700 900123");
    expect(sent).not.toContain("010-9999");
    expect(sent).toContain("[email]");
    expect(sent).toContain("[phone]");
    expect(scrubPersonalData("3 years, 14 interviews, 2024")).toBe("3 years, 14 interviews, 2024");
  });

  it("falls back to the offline analyser on invalid output", async () => {
    const expected = analyseReflection(text);
    const reasons: string[] = [];
    for (const answer of [
      "not json at all",
      "{ broken json",
      '{"themes":[{"theme":"charisma","evidence":["rambled"]}],"distress":false}',
      '{"themes":"communication","distress":"no"}',
      "",
    ]) {
      const analyser = createLlmAnalyser(() => Promise.resolve(answer), { onFallback: (r) => reasons.push(r) });
      expect(await analyser.analyse(text)).toEqual(expected);
    }
    expect(reasons).toEqual(Array(5).fill("malformed answer"));
  });

  it("falls back when the model call fails", async () => {
    const analyser = createLlmAnalyser(() => Promise.reject(new Error("provider down")));
    expect(await analyser.analyse(text)).toEqual(analyseReflection(text));
  });

  it("uses a valid answer, keeping only quotes found in the reflection, and its summary", async () => {
    let seen = "";
    const answer = {
      themes: [
        { theme: "nonverbal", evidence: ["I was nervous", "I was NERVOUS", "sweating buckets"] },
        { theme: "communication", evidence: ["rambled a lot"] },
        { theme: "materials", evidence: ["invented phrase"] },
      ],
      distress: false,
      distressEvidence: [],
      highPoints: ["My slides went really well", "something made up"],
      summary: "  Your slides landed well.   Next time, lead with the point and stop after one example. ",
    };
    const analyser = createLlmAnalyser((request) => {
      seen = JSON.stringify(request);
      return Promise.resolve(`Sure! \`\`\`json\n${JSON.stringify(answer)}\n\`\`\``);
    });
    const result: Analysis = await analyser.analyse(text);
    expect(seen).toContain("I rambled a lot");
    expect(analyser.name).toBe("llm");
    expect(result.themes).toEqual([
      { theme: "communication", score: 1, evidence: ["rambled a lot"] },
      { theme: "nonverbal", score: 1, evidence: ["I was nervous"] },
    ]);
    expect(result.highPoints).toEqual(["My slides went really well"]);
    expect(result.summary).toBe("Your slides landed well. Next time, lead with the point and stop after one example.");
  });

  it("keeps the offline distress flag, and mindset, when the model misses it", async () => {
    const analyser = createLlmAnalyser(reply({ themes: [], distress: false, summary: "" }));
    const result = await analyser.analyse("honestly I want to give up");
    expect(result.distress).toBe(true);
    expect(result.distressEvidence).toEqual(["want to give up"]);
    expect(result.themes.map((t) => t.theme)).toEqual(["mindset"]);
    expect(result.summary).toBeUndefined();
  });

  it("the offline analyser wraps analyseReflection", async () => {
    expect(offlineAnalyser.name).toBe("rules");
    expect(keywordAnalyser).toBe(offlineAnalyser);
    expect(await offlineAnalyser.analyse(text)).toEqual(analyseReflection(text));
  });
});

describe("evaluation", () => {
  it("counts true and false positives per theme", () => {
    const result = evaluateAnalyser([
      { text: "I rambled", themes: ["communication"] },
      { text: "I rambled", themes: ["structure"] },
      { text: "I want to give up", themes: ["mindset"], distress: true },
    ]);
    const row = (t: Theme) => result.perTheme.find((r) => r.theme === t);
    expect(row("communication")).toMatchObject({ tp: 1, fp: 1, fn: 0, precision: 0.5, recall: 1 });
    expect(row("structure")).toMatchObject({ tp: 0, fp: 0, fn: 1, precision: 1, recall: 0 });
    expect(result.distress).toMatchObject({ precision: 1, recall: 1 });
    expect(formatEvaluation(result)).toContain("communication");
  });

  it("fits the sets it was trained on", { timeout: 60_000 }, () => {
    expect(ANALYSIS_CASES.length).toBeGreaterThanOrEqual(60);
    const labelled = evaluateAnalyser(ANALYSIS_CASES);
    console.log(
      `Labelled set (trained on; the wording rules were developed against it):\n${formatEvaluation(labelled)}`,
    );
    expect(labelled.micro.precision).toBeGreaterThanOrEqual(0.85);
    expect(labelled.micro.recall).toBeGreaterThanOrEqual(0.9);
    expect(labelled.distress.recall).toBe(1);
    const authors = outsideAuthors().flatMap((a) => a.cases);
    expect(authors.length).toBeGreaterThanOrEqual(1600);
    const result = evaluateAnalyser(authors);
    console.log(`Training sets by fourteen outside authors (trained on):\n${formatEvaluation(result)}`);
    expect(result.distress.recall).toBe(1);
  });

  it("reports the hold-out sets, never trained on", () => {
    const holdout = [...ANALYSIS_HOLDOUT_CASES, ...ANALYSIS_HOLDOUT_CASES_2, ...ANALYSIS_HOLDOUT_CASES_3];
    const result = evaluateAnalyser(holdout);
    console.log(`Hold-out sets (never trained on):\n${formatEvaluation(result)}`);
    // A regression guard just under the figures recorded once reflections-c joined the
    // training (P 0.79, R 0.88; before it, P 0.84, R 0.88): tuning was on the cross-author figure.
    expect(result.micro.precision).toBeGreaterThanOrEqual(0.76);
    expect(result.micro.recall).toBeGreaterThanOrEqual(0.85);
    expect(result.distress.recall).toBe(1);
  });

  it("reports the sealed outside set, never used for tuning", () => {
    const result = evaluateAnalyser(ANALYSIS_SEALED_CASES);
    console.log(`Sealed outside set (never trained or tuned on):\n${formatEvaluation(result)}`);
    // A regression guard under the figures recorded with the classifier (P 0.65, R 0.83); not a target.
    expect(result.micro.precision).toBeGreaterThanOrEqual(0.6);
    expect(result.micro.recall).toBeGreaterThanOrEqual(0.75);
    expect(result.distress.recall).toBe(1);
  });

  it("reports the sealed multi-theme set, never used for tuning", async () => {
    const cases = await sealedMultiCases();
    if (!cases) {
      console.log("Sealed multi-theme set: packages/domain/test/analysis-sealed-multi-cases.ts is not there yet");
      return;
    }
    const result = evaluateAnalyser(cases);
    console.log(`Sealed multi-theme set (never trained or tuned on):\n${formatEvaluation(result)}`);
    // A regression guard under the figures recorded when it was first scored (P 0.78, R 0.86,
    // distress recall 0.92 against a target of 1.0); printed, never tuned on.
    expect(result.micro.precision).toBeGreaterThanOrEqual(0.72);
    expect(result.micro.recall).toBeGreaterThanOrEqual(0.8);
  });

  // Regression guards under the figures recorded when each set was first scored; not targets.
  // Set 2: with reflections-d trained on P 0.75 R 0.81, distress 13/20 (target 20/20); with -e
  // P 0.78 R 0.82, 19/20. Set 3: with -e, P 0.73 R 0.82, distress 21/25. Set 4: with -i to -l,
  // P 0.76 R 0.88, distress 20/20.
  it.each([
    { name: "sealed set 2", set: sealedSet2, size: 140, precision: 0.72, recall: 0.77, distress: 0.9 },
    { name: "sealed set 3", set: sealedSet3, size: 150, precision: 0.68, recall: 0.77, distress: 0.8 },
    { name: "sealed set 4", set: sealedSet4, size: 130, precision: 0.7, recall: 0.82, distress: 0.9 },
  ])("reports $name, never used for tuning", ({ name, set, size, precision, recall, distress }) => {
    const cases = set().cases;
    expect(cases.length).toBeGreaterThanOrEqual(size);
    const result = evaluateAnalyser(cases);
    console.log(`${name} (never trained or tuned on):\n${formatEvaluation(result)}`);
    expect(result.micro.precision).toBeGreaterThanOrEqual(precision);
    expect(result.micro.recall).toBeGreaterThanOrEqual(recall);
    expect(result.distress.recall).toBeGreaterThanOrEqual(distress);
  });
});
