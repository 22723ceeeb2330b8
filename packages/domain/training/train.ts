import { execFileSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { findDistress } from "../src/analysis/distress.js";
import { indexText } from "../src/analysis/text-index.js";
import { DISTRESS_OUTPUT, type ThemeModel } from "../src/analysis/theme-classifier.js";
import { hasDistressWord } from "../src/analysis/theme-lexicon.js";
import { THEMES, type Theme } from "../src/themes.js";
import { authorA, authorB, type Corpus, holdout, labelled, outside } from "./corpus.js";
import { DEFAULTS, fit, type Prepared, predict, prepare, probabilities } from "./model-builder.js";

/**
 * Retrains the theme classifier and writes src/analysis/theme-model.json.
 * `pnpm --filter @rebound/domain train` (add `--cross` for the cross-author check).
 *
 * Trained on: analysis-cases, the unsealed outside cases, reflections-a and -b.
 * Held out: the three hold-out sets (reported here, never trained on).
 * Never read: the sealed sets (ANALYSIS_SEALED_CASES, ANALYSIS_SEALED_MULTI_CASES).
 * Deterministic: fixed data order, full-batch training, no randomness, rounded weights.
 */

const here = dirname(fileURLToPath(import.meta.url));
const OUT = join(here, "..", "src", "analysis", "theme-model.json");

function report(name: string, model: ThemeModel, docs: Prepared[]): void {
  const predicted: Theme[][] = predict(model, docs);
  const distressScores = probabilities(model, docs).map((p) => p[DISTRESS_OUTPUT] ?? 0);
  let tp = 0;
  let fp = 0;
  let fn = 0;
  const distress = { tp: 0, fp: 0, fn: 0 };
  const rows = THEMES.map(() => ({ tp: 0, fp: 0, fn: 0 }));
  docs.forEach((d, i) => {
    const found = new Set(predicted[i]);
    const flagged =
      findDistress(indexText(d.case.text)).length > 0 ||
      ((distressScores[i] ?? 0) >= (model.thresholds[DISTRESS_OUTPUT] ?? 1) && hasDistressWord(d.reading));
    if (flagged) found.add("mindset");
    if (flagged && d.case.distress) distress.tp++;
    else if (flagged) distress.fp++;
    else if (d.case.distress) distress.fn++;
    THEMES.forEach((t, c) => {
      const row = rows[c] as { tp: number; fp: number; fn: number };
      const wanted = d.case.themes.includes(t);
      if (found.has(t) && wanted) row.tp++;
      else if (found.has(t)) row.fp++;
      else if (wanted) row.fn++;
    });
  });
  for (const r of rows) {
    tp += r.tp;
    fp += r.fp;
    fn += r.fn;
  }
  const p = tp / (tp + fp || 1);
  const r = tp / (tp + fn || 1);
  const weakest = THEMES.map(
    (t, c) => [t, (rows[c]?.tp ?? 0) / ((rows[c]?.tp ?? 0) + (rows[c]?.fn ?? 0) || 1)] as const,
  )
    .sort((a, b) => a[1] - b[1])
    .slice(0, 3)
    .map(([t, rec]) => `${t} ${rec.toFixed(2)}`)
    .join(", ");
  console.log(
    `${name.padEnd(44)} P ${p.toFixed(2)}  R ${r.toFixed(2)}  F1 ${((2 * p * r) / (p + r || 1)).toFixed(2)}  (lowest recall: ${weakest}; distress tp ${distress.tp} fp ${distress.fp} fn ${distress.fn})`,
  );
}

function write(model: ThemeModel): void {
  const { features, ...head } = model;
  const lines = Object.keys(features)
    .sort()
    .map((f) => `    ${JSON.stringify(f)}: ${JSON.stringify(features[f])}`);
  const top = JSON.stringify(head, null, 2).replace(/\n}$/, "");
  writeFileSync(OUT, `${top},\n  "features": {\n${lines.join(",\n")}\n  }\n}\n`);
  // Biome owns the repo's formatting; let it lay out the file so `pnpm lint` stays green.
  execFileSync(join(here, "..", "..", "..", "node_modules", ".bin", "biome"), ["format", "--write", OUT], {
    stdio: "ignore",
  });
}

const sets: Corpus[] = [labelled(), outside(), authorA(), authorB()];
const training = sets.flatMap((s) => prepare(s.cases));
const held = prepare(holdout().cases);
console.log(`training on ${sets.map((s) => `${s.name} (${s.cases.length})`).join(", ")}`);

if (process.argv.includes("--cross")) {
  // Each outside author's set scored by a model that never saw it: the nearest thing to the sealed sets.
  const [cases, outsideSet, a, b] = sets.map((s) => prepare(s.cases)) as [
    Prepared[],
    Prepared[],
    Prepared[],
    Prepared[],
  ];
  const withoutB = fit([...cases, ...outsideSet, ...a]);
  report("cross-author: trained without b, on b", withoutB, b);
  const withoutA = fit([...cases, ...outsideSet, ...b]);
  report("cross-author: trained without a, on a", withoutA, a);
}

const model = fit(
  training,
  DEFAULTS,
  sets.map((s) => `${s.name} (${s.cases.length})`),
);
write(model);
report("training sets (fitted on)", model, training);
report("hold-out sets (never trained on)", model, held);
console.log(`${Object.keys(model.features).length} features -> ${OUT}`);
