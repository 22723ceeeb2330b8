import { fileURLToPath } from "node:url";
import { analyseReflection, evaluateAnalyser, formatEvaluation, type LabelledReflection } from "@rebound/domain";
import { ANALYSIS_CASES } from "../../../packages/domain/test/analysis-cases.js";
import {
  ANALYSIS_HOLDOUT_CASES,
  ANALYSIS_HOLDOUT_CASES_2,
  ANALYSIS_HOLDOUT_CASES_3,
} from "../../../packages/domain/test/analysis-holdout-cases.js";
import { ANALYSIS_OUTSIDE_CASES, ANALYSIS_SEALED_CASES } from "../../../packages/domain/test/analysis-outside-cases.js";
import {
  outsideAuthors,
  sealedMultiCases,
  sealedSet2,
  sealedSet3,
  sealedSet4,
} from "../../../packages/domain/training/corpus.js";
import { fmt } from "./stats.js";

/**
 * Precision and recall per theme of the offline analyser on every labelled set,
 * said plainly: which sets trained the classifier, which were held out, and the
 * sealed sets nobody tuned on. Then its speed. `pnpm bench` runs it; so does
 * `pnpm --filter @rebound/bench exec tsx src/analysis-figures.ts` on its own.
 */
export async function analysisFigures(): Promise<void> {
  const holdout = [...ANALYSIS_HOLDOUT_CASES, ...ANALYSIS_HOLDOUT_CASES_2, ...ANALYSIS_HOLDOUT_CASES_3];
  const sealedMulti = await sealedMultiCases();
  const sets: [string, LabelledReflection[]][] = [
    ["labelled set (trained on; the wording rules were written against it)", ANALYSIS_CASES],
    ["outside set (trained on; the wording rules were extended from it)", ANALYSIS_OUTSIDE_CASES],
    [
      "reflections-a to -n by fourteen outside authors (trained on; cross-author figures: pnpm --filter @rebound/domain train --cross)",
      outsideAuthors().flatMap((a) => a.cases),
    ],
    ["hold-out sets (never trained on)", holdout],
    ["sealed outside set (never trained or tuned on)", ANALYSIS_SEALED_CASES],
  ];
  if (sealedMulti) sets.push(["sealed multi-theme set (never trained or tuned on)", sealedMulti]);
  sets.push(["sealed set 2, 140 multi-theme replies (never trained or tuned on)", sealedSet2().cases]);
  sets.push(["sealed set 3, 150 replies, 25 distress (never trained or tuned on)", sealedSet3().cases]);
  sets.push(["sealed set 4, 130 replies, 20 distress (never trained or tuned on)", sealedSet4().cases]);
  for (const [name, cases] of sets) {
    const result = evaluateAnalyser(cases);
    const { precision: p, recall: r } = result.micro;
    console.log(`\n## Analyser: ${name}, ${cases.length} reflections, micro F1 ${fmt((2 * p * r) / (p + r || 1), 2)}`);
    console.log(formatEvaluation(result));
  }
  if (!sealedMulti) console.log("\n(sealed multi-theme set not delivered yet)");

  const texts = sets.flatMap(([, cases]) => cases.map((c) => c.text));
  for (const t of texts.slice(0, 50)) analyseReflection(t);
  const n = 5_000;
  const start = performance.now();
  for (let i = 0; i < n; i++) analyseReflection(texts[i % texts.length] ?? "");
  const seconds = (performance.now() - start) / 1000;
  const words = texts.reduce((sum, t) => sum + t.split(/\s+/).length, 0) / texts.length;
  console.log(
    `analyser speed:              ${fmt(n / seconds, 0)} reflections/s (one core, mean ${fmt(words, 0)} words per reflection)`,
  );
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await analysisFigures();
