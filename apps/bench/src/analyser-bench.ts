import { analyseReflection, evaluateAnalyser, formatEvaluation } from "@rebound/domain";
import { ANALYSIS_CASES } from "../../../packages/domain/test/analysis-cases.js";
import {
  ANALYSIS_HOLDOUT_CASES,
  ANALYSIS_HOLDOUT_CASES_2,
  ANALYSIS_HOLDOUT_CASES_3,
} from "../../../packages/domain/test/analysis-holdout-cases.js";
import { ANALYSIS_OUTSIDE_CASES, ANALYSIS_SEALED_CASES } from "../../../packages/domain/test/analysis-outside-cases.js";
import { fmt } from "./stats.js";

/** Precision and recall per theme of the offline analyser, on the labelled set and the held-out sets. */
export function analyserBench(): void {
  console.log(`\n## Analyser: labelled set (${ANALYSIS_CASES.length} reflections; its patterns were tuned on these)`);
  console.log(formatEvaluation(evaluateAnalyser(ANALYSIS_CASES)));
  const holdout = [...ANALYSIS_HOLDOUT_CASES, ...ANALYSIS_HOLDOUT_CASES_2, ...ANALYSIS_HOLDOUT_CASES_3];
  console.log(`\n## Analyser: held-out sets (${holdout.length} reflections, written after the analyser)`);
  console.log(formatEvaluation(evaluateAnalyser(holdout)));
  console.log(
    `\n## Analyser: outside set (${ANALYSIS_OUTSIDE_CASES.length} reflections by an outside author; tuned on after its first score)`,
  );
  console.log(formatEvaluation(evaluateAnalyser(ANALYSIS_OUTSIDE_CASES)));
  console.log(
    `\n## Analyser: sealed outside set (${ANALYSIS_SEALED_CASES.length} reflections, never tuned on: the honest figure)`,
  );
  console.log(formatEvaluation(evaluateAnalyser(ANALYSIS_SEALED_CASES)));
  const texts = [...ANALYSIS_CASES, ...holdout, ...ANALYSIS_OUTSIDE_CASES, ...ANALYSIS_SEALED_CASES].map((c) => c.text);
  const n = 20_000;
  const start = performance.now();
  for (let i = 0; i < n; i++) analyseReflection(texts[i % texts.length] ?? "");
  console.log(`analyser speed:              ${fmt(n / ((performance.now() - start) / 1000), 0)} reflections/s`);
}
