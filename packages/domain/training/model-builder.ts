import type { LabelledReflection } from "../src/analysis/evaluate.js";
import { sentenceFeatures } from "../src/analysis/features.js";
import { readText } from "../src/analysis/nlp.js";
import { indexText } from "../src/analysis/text-index.js";
import {
  featureWeights,
  ruleFeature,
  scoreThemes,
  type ThemeModel,
  type ThemeScores,
  themePresent,
} from "../src/analysis/theme-classifier.js";
import { matchWordings } from "../src/analysis/wording-rules.js";
import { THEMES, type Theme } from "../src/themes.js";
import { distressWording } from "../src/analysis/theme-lexicon.js";
import { AUTHOR_FILES } from "./corpus.js";
import { type SparseVector, type TrainingDoc, type TrainOptions, train } from "./logistic.js";

/** The classifier's columns: one per theme, then distress (a second opinion to the wording list). */
export const OUTPUTS = [...THEMES, "distress"] as const;

const labelsOf = (d: Prepared): boolean[] => [
  ...THEMES.map((t) => d.case.themes.includes(t)),
  d.case.distress === true,
];

export interface Prepared {
  case: LabelledReflection;
  /** The corpus it came from: thresholds are calibrated by leaving out one author at a time. */
  source: string;
  reading: ReturnType<typeof readText>;
  sentences: Set<string>[];
  rules: number[];
}

export function prepare(cases: readonly LabelledReflection[], source = ""): Prepared[] {
  return cases.map((c) => {
    const found = matchWordings(indexText(c.text));
    const reading = readText(c.text);
    return {
      case: c,
      source,
      reading,
      sentences: sentenceFeatures(reading),
      rules: THEMES.map((t) => found.find((f) => f.theme === t)?.score ?? 0),
    };
  });
}

export interface FitOptions extends Omit<TrainOptions, "features" | "classes"> {
  /** A feature must occur in at least this many training reflections. */
  minCount: number;
  /**
   * Sources whose reflections are left out one at a time to score the rest of the
   * model out of author, for the thresholds (fewer than two: 0.5 for every output).
   */
  thresholdGroups: readonly string[];
  /** Each theme's out-of-author best threshold is pulled this far towards `thresholdPrior`. */
  thresholdShrink: number;
  thresholdPrior: number;
  scale: number;
}

export const DEFAULTS: FitOptions = {
  epochs: 300,
  learningRate: 0.05,
  l2: 0.001,
  sharpness: 1,
  positiveWeight: 5,
  minCount: 2,
  thresholdGroups: AUTHOR_FILES,
  thresholdShrink: 0.5,
  thresholdPrior: 0.5,
  scale: 1000,
};

function vector(indices: number[]): SparseVector {
  indices.sort((a, b) => a - b);
  return { index: Int32Array.from(indices), value: new Float64Array(indices.length).fill(1) };
}

function fitWeights(docs: readonly Prepared[], o: FitOptions, trainedOn: string[], thresholds: number[]): ThemeModel {
  const counts = new Map<string, number>();
  for (const d of docs) {
    const seen = new Set<string>();
    for (const s of d.sentences) for (const f of s) seen.add(f);
    for (const f of seen) counts.set(f, (counts.get(f) ?? 0) + 1);
  }
  const vocab = [...counts]
    .filter(([, n]) => n >= o.minCount)
    .map(([f]) => f)
    .sort();
  const id = new Map(vocab.map((f, i) => [f, i]));
  const R = THEMES.length;
  const C = OUTPUTS.length;
  const training: TrainingDoc[] = docs.map((d) => {
    const rules: number[] = [];
    const values: number[] = [];
    d.rules.forEach((score, r) => {
      if (score > 0) {
        rules.push(vocab.length + r);
        values.push(ruleFeature(score));
      }
    });
    return {
      instances: d.sentences.map((s) => vector([...s].flatMap((f) => (id.has(f) ? [id.get(f) as number] : [])))),
      doc: { index: Int32Array.from(rules), value: Float64Array.from(values) },
      labels: labelsOf(d),
    };
  });
  const linear = train(training, { ...o, features: vocab.length + R, classes: C });
  const q = (w: number) => Math.round(w * o.scale);
  const features: Record<string, number[]> = {};
  vocab.forEach((f, i) => {
    const row = OUTPUTS.map((_, c) => q(linear.weights[i * C + c] as number));
    if (row.some((w) => w !== 0)) features[f] = row;
  });
  return {
    version: 1,
    trainedOn,
    themes: [...THEMES],
    outputs: [...OUTPUTS],
    scale: o.scale,
    sharpness: o.sharpness,
    bias: Array.from(linear.bias, q),
    thresholds,
    rules: THEMES.map((_, r) => OUTPUTS.map((__, c) => q(linear.weights[(vocab.length + r) * C + c] as number))),
    features,
  };
}

export function themeScores(model: ThemeModel, docs: readonly Prepared[]): ThemeScores[] {
  const weights = featureWeights(model);
  return docs.map((d) => scoreThemes(model, weights, d.reading, d.rules));
}

export function probabilities(model: ThemeModel, docs: readonly Prepared[]): number[][] {
  return themeScores(model, docs).map((s) => s.probability);
}

/**
 * The threshold with the best F1 on these scores, pulled `shrink` of the way to `prior`. With
 * `slack`, the lowest threshold whose F1 is within `slack` of the best: where the curve is
 * flat, the tie goes to recall.
 */
function bestThreshold(scores: number[], labels: boolean[], prior: number, shrink: number, slack = 0): number {
  const f1s: [number, number][] = [];
  for (let step = 0; step <= 32; step++) {
    const t = 0.1 + step * 0.025;
    let tp = 0;
    let fp = 0;
    let fn = 0;
    scores.forEach((p, i) => {
      if (p >= t && labels[i]) tp++;
      else if (p >= t) fp++;
      else if (labels[i]) fn++;
    });
    f1s.push([t, (2 * tp) / (2 * tp + fp + fn || 1)]);
  }
  const bestF1 = Math.max(...f1s.map(([, f1]) => f1));
  // The first (lowest) threshold that reaches it; one always does, the best itself.
  const [best] = f1s.find(([, f1]) => f1 >= bestF1 - slack - 1e-9) ?? [0.5];
  return Math.round((best * (1 - shrink) + prior * shrink) * 1000) / 1000;
}

/** How far under the best out-of-author F1 the distress threshold may go for recall. */
const DISTRESS_SLACK = 0.01;

/**
 * Fits the weights on `docs`, with each output's threshold chosen on scores the
 * model gave reflections of an author it was not trained on (one fit per group):
 * the shift between authors, not the noise of one author's own wording, sets them.
 */
export function fit(docs: readonly Prepared[], o: FitOptions = DEFAULTS, trainedOn: string[] = []): ThemeModel {
  let thresholds = OUTPUTS.map(() => 0.5);
  const groups = o.thresholdGroups.filter((g) => docs.some((d) => d.source === g));
  if (groups.length >= 2) {
    const scores: number[][] = [];
    const labels: boolean[][] = [];
    const wordless: boolean[] = [];
    for (const group of groups) {
      const model = fitWeights(
        docs.filter((d) => d.source !== group),
        o,
        [],
        thresholds,
      );
      const held = docs.filter((d) => d.source === group);
      scores.push(...probabilities(model, held));
      labels.push(...held.map(labelsOf));
      wordless.push(...held.map((d) => distressWording(d.reading) === "none"));
    }
    // Distress: the column decides alone only on replies with no word of distress
    // (distressByClassifier), so its threshold is set out of author on those, not pulled
    // towards a prior: it rests on every author's distress replies, scored blind. The F1
    // curve there is flat (a-l: 0.79-0.80 from 0.375 to 0.55), so the lowest threshold within
    // DISTRESS_SLACK of the best is taken: a missed distress reply costs more than a false
    // alarm. With a-l that is 0.4 instead of 0.525: 15 more of 214 such replies found for 23
    // more false flags of 2,184. (F2, recall weighed double, would take 0.2 here: 36 more
    // found for 121 more false flags; a coach's list full of false alarms gets ignored.)
    thresholds = OUTPUTS.map((name, c) => {
      const s = scores.map((p) => p[c] ?? 0);
      const l = labels.map((x) => x[c] === true);
      return name === "distress"
        ? bestThreshold(
            s.filter((_, i) => wordless[i]),
            l.filter((_, i) => wordless[i]),
            0,
            0,
            DISTRESS_SLACK,
          )
        : bestThreshold(s, l, o.thresholdPrior, o.thresholdShrink);
    });
  }
  return fitWeights(docs, o, trainedOn, thresholds);
}

/** Themes as the analyser decides them (classifier or strong rule), before distress adds mindset. */
export function predict(model: ThemeModel, docs: readonly Prepared[]): Theme[][] {
  return probabilities(model, docs).map((p, i) =>
    THEMES.filter((_, c) => themePresent(model, c, p[c] ?? 0, docs[i]?.rules[c] ?? 0)),
  );
}
