import { THEMES, type Theme } from "../themes.js";
import { addFeatures } from "./features.js";
import type { Reading } from "./nlp.js";
import { ordinaryDistressSense } from "./distress.js";
import { distressWording } from "./theme-lexicon.js";

/**
 * The trained part of the analyser: per theme, a logistic regression over the
 * lemmas and lemma pairs of each sentence, pooled over the sentences with a soft
 * maximum, plus the wording rules' score for that theme. Weights come from
 * `pnpm --filter @rebound/domain train` (training/train.ts) and are committed as
 * JSON, so the analyser stays deterministic and offline.
 */
export interface ThemeModel {
  version: number;
  /** What the weights were trained on, for people reading the JSON. */
  trainedOn: string[];
  themes: Theme[];
  /** What each weight column scores: the themes, then "distress". */
  outputs: string[];
  /** Weights are stored as integers; divide by `scale`. */
  scale: number;
  sharpness: number;
  bias: number[];
  /** Decision threshold on the probability, per output. */
  thresholds: number[];
  /** rules[r][c]: weight, for output c, of the wording rules' score for theme r. */
  rules: number[][];
  features: Record<string, number[]>;
}

export interface ThemeScores {
  /** Probability per output: the themes in THEMES order, then distress. */
  probability: number[];
  /** Per output, each sentence's score (without bias and rules), in sentence order. */
  sentenceScores: number[][];
}

/** The column after the themes: the classifier's second opinion on distress. */
export const DISTRESS_OUTPUT = THEMES.length;

/** Where the reply has words of distress, the column needs this much, and an earnest one. */
const DISTRESS_WITH_WORDS = 0.5;

/**
 * The classifier's own distress call, beside the wording list. A reply that only denies
 * distress ("I won't give up", "I don't feel hopeless") is never raised. Where the reply
 * uses a word of distress in earnest, the list has read it, so the column adds it only at
 * an even 0.5. Where the reply has no such word at all ("easier to just disappear for a
 * while"), the list had nothing to read and the column decides alone, over its own
 * threshold, set out of author (best F1) on such replies. Either way, the sentence that
 * pushed the column most may not hold an ordinary sense the list knows ("I barely sleep
 * the night before").
 */
export function distressByClassifier(model: ThemeModel, scores: ThemeScores, reading: Reading): boolean {
  const p = scores.probability[DISTRESS_OUTPUT] ?? 0;
  const wording = distressWording(reading);
  if (wording === "denied") return false;
  if (p < (wording === "earnest" ? DISTRESS_WITH_WORDS : (model.thresholds[DISTRESS_OUTPUT] ?? 1))) return false;
  const sentence = reading.sentences[strongestSentence(scores.sentenceScores[DISTRESS_OUTPUT] ?? [])];
  return !sentence || !ordinaryDistressSense(reading.text.slice(sentence.start, sentence.end));
}

/** The index of the sentence with the highest score (the first of equals), -1 for none. */
export function strongestSentence(sentenceScores: readonly number[]): number {
  let best = -1;
  sentenceScores.forEach((z, s) => {
    if (best < 0 || z > (sentenceScores[best] ?? Number.NEGATIVE_INFINITY)) best = s;
  });
  return best;
}

/** A rule cue that names a difficulty outright scores 2 ("I rambled", "didn't research"). */
const STRONG_RULE = 2;

/**
 * The decision, in one place for the analyser and the training script: the
 * classifier's probability over its threshold, or a strong wording rule (an exact
 * phrase that already names the problem always counts, and is quoted).
 */
export function themePresent(model: ThemeModel, c: number, probability: number, ruleScore: number): boolean {
  return probability >= (model.thresholds[c] ?? 0.5) || ruleScore >= STRONG_RULE;
}

/** The wording rules' evidence as one number: 1 for a strong cue, capped at 2. */
export const ruleFeature = (score: number) => Math.min(score, 4) / 2;

export function featureWeights(model: ThemeModel): Map<string, Float64Array> {
  const out = new Map<string, Float64Array>();
  for (const [name, row] of Object.entries(model.features)) {
    out.set(
      name,
      Float64Array.from(row, (w) => w / model.scale),
    );
  }
  return out;
}

export function scoreThemes(
  model: ThemeModel,
  weights: ReadonlyMap<string, Float64Array>,
  reading: Reading,
  ruleScores: readonly number[],
): ThemeScores {
  const n = model.outputs.length;
  const sentenceScores: number[][] = model.outputs.map(() => []);
  const feats = new Set<string>();
  for (const s of reading.sentences) {
    feats.clear();
    addFeatures(reading, s.from, s.to, feats);
    const z = new Float64Array(n);
    for (const f of feats) {
      const row = weights.get(f);
      if (row) for (let c = 0; c < n; c++) z[c] = (z[c] as number) + (row[c] as number);
    }
    for (let c = 0; c < n; c++) sentenceScores[c]?.push(z[c] as number);
  }
  const probability = model.outputs.map((_, c) => {
    const scores = sentenceScores[c] ?? [];
    let pooled = 0;
    if (scores.length > 0) {
      const max = Math.max(...scores);
      let sum = 0;
      for (const z of scores) sum += Math.exp(model.sharpness * (z - max));
      pooled = max + Math.log(sum) / model.sharpness;
    }
    let logit = (model.bias[c] ?? 0) / model.scale + pooled;
    model.rules.forEach((row, r) => {
      const x = ruleFeature(ruleScores[r] ?? 0);
      if (x !== 0) logit += ((row[c] ?? 0) / model.scale) * x;
    });
    return 1 / (1 + Math.exp(-logit));
  });
  return { probability, sentenceScores };
}
