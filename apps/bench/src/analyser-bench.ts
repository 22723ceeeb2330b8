import { analyseReflection, evaluateAnalyser, formatEvaluation } from "@rebound/domain";
import { ANALYSIS_CASES } from "../../../packages/domain/test/analysis-cases.js";
import {
  ANALYSIS_HOLDOUT_CASES,
  ANALYSIS_HOLDOUT_CASES_2,
  ANALYSIS_HOLDOUT_CASES_3,
} from "../../../packages/domain/test/analysis-holdout-cases.js";
import { fmt } from "./stats.js";

/** Precision and recall per theme of the offline analyser, on the labelled set and the held-out sets. */
export function analyserBench(): void {
  console.log(`\n## Analyser: labelled set (${ANALYSIS_CASES.length} reflections; its patterns were tuned on these)`);
  console.log(formatEvaluation(evaluateAnalyser(ANALYSIS_CASES)));
  const holdout = [...ANALYSIS_HOLDOUT_CASES, ...ANALYSIS_HOLDOUT_CASES_2, ...ANALYSIS_HOLDOUT_CASES_3];
  console.log(`\n## Analyser: held-out sets (${holdout.length} reflections, written after the analyser)`);
  console.log(formatEvaluation(evaluateAnalyser(holdout)));
  const texts = [...ANALYSIS_CASES, ...holdout].map((c) => c.text);
  const n = 20_000;
  const start = performance.now();
  for (let i = 0; i < n; i++) analyseReflection(texts[i % texts.length] ?? "");
  console.log(`analyser speed:              ${fmt(n / ((performance.now() - start) / 1000), 0)} reflections/s`);
}
