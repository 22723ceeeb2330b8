import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { findDistressEvidence } from "../src/analysis/analyse-reflection.js";
import { indexText } from "../src/analysis/text-index.js";
import type { ThemeModel } from "../src/analysis/theme-classifier.js";
import { THEMES, type Theme } from "../src/themes.js";
import { type Corpus, holdout, labelled, outside, outsideAuthors } from "./corpus.js";
import { DEFAULTS, fit, type Prepared, predict, prepare, themeScores } from "./model-builder.js";

/**
 * Retrains the theme classifier and writes src/analysis/theme-model.json.
 * `pnpm --filter @rebound/domain train` (add `--cross` for the cross-author check).
 *
 * Trained on: analysis-cases, the unsealed outside cases, reflections-a to -n (fourteen outside authors).
 * Held out: the three hold-out sets (reported here, never trained on).
 * Never read: the sealed sets (ANALYSIS_SEALED_CASES, ANALYSIS_SEALED_MULTI_CASES, test/sealed/*.jsonl).
 * `--cross`: leave one author out over a to n (train on the other thirteen, score the
 * one left out, thresholds calibrated inside the training part only): the figure to tune on.
 * Deterministic: fixed data order, full-batch training, no randomness, rounded weights.
 */

const here = dirname(fileURLToPath(import.meta.url));
const OUT = join(here, "..", "src", "analysis", "theme-model.json");

interface Counts {
  tp: number;
  fp: number;
  fn: number;
}

interface Scored {
  themes: Counts[];
  distress: Counts;
}

function score(model: ThemeModel, docs: Prepared[]): Scored {
  const predicted: Theme[][] = predict(model, docs);
  const scores = themeScores(model, docs);
  const distress = { tp: 0, fp: 0, fn: 0 };
  const themes = THEMES.map(() => ({ tp: 0, fp: 0, fn: 0 }));
  docs.forEach((d, i) => {
    const found = new Set(predicted[i]);
    const s = scores[i];
    const flagged = s !== undefined && findDistressEvidence(model, indexText(d.case.text), d.reading, s).length > 0;
    if (flagged) found.add("mindset");
    if (flagged && d.case.distress) distress.tp++;
    else if (flagged) distress.fp++;
    else if (d.case.distress) distress.fn++;
    THEMES.forEach((t, c) => {
      const row = themes[c] as Counts;
      const wanted = d.case.themes.includes(t);
      if (found.has(t) && wanted) row.tp++;
      else if (found.has(t)) row.fp++;
      else if (wanted) row.fn++;
    });
  });
  return { themes, distress };
}

const sum = (a: Scored, b: Scored): Scored => ({
  themes: a.themes.map((r, c) => ({
    tp: r.tp + (b.themes[c]?.tp ?? 0),
    fp: r.fp + (b.themes[c]?.fp ?? 0),
    fn: r.fn + (b.themes[c]?.fn ?? 0),
  })),
  distress: { tp: a.distress.tp + b.distress.tp, fp: a.distress.fp + b.distress.fp, fn: a.distress.fn + b.distress.fn },
});

const prf = ({ tp, fp, fn }: Counts) => {
  const p = tp / (tp + fp || 1);
  const r = tp / (tp + fn || 1);
  return { p, r, f1: (2 * p * r) / (p + r || 1) };
};
const f2 = (n: number) => n.toFixed(2);

function summary(name: string, s: Scored): string {
  const total = s.themes.reduce((a, r) => ({ tp: a.tp + r.tp, fp: a.fp + r.fp, fn: a.fn + r.fn }), {
    tp: 0,
    fp: 0,
    fn: 0,
  });
  const { p, r, f1 } = prf(total);
  const weakest = THEMES.map((t, c) => [t, prf(s.themes[c] as Counts).r] as const)
    .sort((a, b) => a[1] - b[1])
    .slice(0, 3)
    .map(([t, rec]) => `${t} ${f2(rec)}`)
    .join(", ");
  const d = s.distress;
  return `${name.padEnd(44)} P ${f2(p)}  R ${f2(r)}  F1 ${f2(f1)}  (lowest recall: ${weakest}; distress tp ${d.tp} fp ${d.fp} fn ${d.fn})`;
}

function table(s: Scored): string {
  return THEMES.map((t, c) => {
    const row = s.themes[c] as Counts;
    const { p, r, f1 } = prf(row);
    return `  ${t.padEnd(22)} P ${f2(p)}  R ${f2(r)}  F1 ${f2(f1)}  (tp ${row.tp} fp ${row.fp} fn ${row.fn})`;
  }).join("\n");
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

const authors: Corpus[] = outsideAuthors();
const sets: Corpus[] = [labelled(), outside(), ...authors];
const prepared = new Map(sets.map((s) => [s.name, prepare(s.cases, s.name)]));
const training = sets.flatMap((s) => prepared.get(s.name) ?? []);
const held = prepare(holdout().cases, "holdout");
console.log(`training on ${sets.map((s) => `${s.name} (${s.cases.length})`).join(", ")}`);

if (process.argv.includes("--cross")) {
  // Each outside author's set scored by a model that never saw it: the nearest thing to the sealed sets.
  let total: Scored | null = null;
  for (const author of authors) {
    const model = fit(training.filter((d) => d.source !== author.name));
    const s = score(model, prepared.get(author.name) ?? []);
    console.log(summary(`cross-author: trained without ${author.name}`, s));
    total = total ? sum(total, s) : s;
  }
  if (total) {
    console.log(summary("cross-author: every outside author left out in turn", total));
    console.log(table(total));
  }
}

const model = fit(
  training,
  DEFAULTS,
  sets.map((s) => `${s.name} (${s.cases.length})`),
);
write(model);
const heldScore = score(model, held);
console.log(summary("training sets (fitted on)", score(model, training)));
console.log(summary("hold-out sets (never trained on)", heldScore));
if (process.argv.includes("--cross")) console.log(table(heldScore));
const hash = createHash("sha256").update(readFileSync(OUT)).digest("hex").slice(0, 16);
console.log(`${Object.keys(model.features).length} features, sha256 ${hash} -> ${OUT}`);
