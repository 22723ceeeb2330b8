import { THEMES, type Theme } from "../themes.js";
import { findDistress } from "./distress.js";
import { addFeatures } from "./features.js";
import { findHighPoints } from "./high-points.js";
import { type Reading, readText } from "./nlp.js";
import { indexText, type Span, type TextIndex } from "./text-index.js";
import {
  DISTRESS_OUTPUT,
  distressByClassifier,
  featureWeights,
  scoreThemes,
  strongestSentence,
  type ThemeModel,
  type ThemeScores,
  themePresent,
} from "./theme-classifier.js";
import modelJson from "./theme-model.json" with { type: "json" };
import type { Analyser, Analysis, ThemeFinding } from "./types.js";
import { matchWordings, STRONG } from "./wording-rules.js";

/**
 * The offline analyser. Three deterministic parts:
 * - the wording rules (theme-patterns.ts): exact phrases with negation and praise
 *   handling, quoted as evidence when they fire;
 * - a classifier over wink-nlp lemmas, lemma pairs and theme lexicon hits, scored
 *   per sentence and pooled, with the rules' score as one more input; it decides
 *   which themes are present, so one reply can carry several;
 * - the distress detector (a wording list, and the classifier's distress column as
 *   a second opinion), which always wins: distress implies mindset.
 * A theme found by the classifier alone is evidenced by the clause of the reply
 * that pushed it most, so the candidate always sees their own words.
 */

const MODEL = modelJson as unknown as ThemeModel;
if (MODEL.themes.join() !== THEMES.join() || MODEL.outputs[DISTRESS_OUTPUT] !== "distress") {
  throw new Error("theme-model.json was trained on another theme list");
}
const WEIGHTS = featureWeights(MODEL);

const SUBSTANTIAL_WORDS = 40;
const MIN_CLAUSE_WORDS = 4;
const MAX_QUOTE_WORDS = 30;
const EDGE = /^[\s,;:\-–—"'“”‘’(.!?]+|[\s,;:\-–—"'“”‘’)]+$/g;
const LEADING_LINK = /^(?:and|but|so|also|then|plus|though|although|however|because)\s+/i;

/** Words [from, to) of the reading inside a character span. */
function wordRange(reading: Reading, span: Span): [number, number] {
  let from = reading.words.findIndex((w) => w.start >= span.start);
  if (from < 0) from = reading.words.length;
  let to = from;
  while (to < reading.words.length && (reading.words[to]?.end ?? 0) <= span.end) to++;
  return [from, to];
}

function clauseScore(reading: Reading, from: number, to: number, c: number): number {
  const feats = new Set<string>();
  addFeatures(reading, from, to, feats);
  let sum = 0;
  for (const f of feats) sum += WEIGHTS.get(f)?.[c] ?? 0;
  return sum;
}

function quote(reading: Reading, from: number, to: number): string {
  const first = reading.words[from];
  const last = reading.words[to - 1];
  if (!first || !last) return "";
  return reading.text.slice(first.start, last.end).replace(EDGE, "").replace(LEADING_LINK, "").replace(EDGE, "");
}

/** Words [from, to) cut to at most MAX_QUOTE_WORDS, centred on word `at`. */
function window(from: number, to: number, at: number): [number, number] {
  if (to - from <= MAX_QUOTE_WORDS) return [from, to];
  const start = Math.max(from, Math.min(at - MAX_QUOTE_WORDS / 2, to - MAX_QUOTE_WORDS));
  return [start, start + MAX_QUOTE_WORDS];
}

/** The sentences around the rules' cues, each once, at most three, in reading order. */
function sentencesAround(reading: Reading, spans: readonly Span[]): string[] {
  const out: string[] = [];
  for (const span of spans) {
    const s = reading.sentences.find((x) => span.start >= x.start && span.start < x.end);
    if (!s) continue;
    let at = s.from;
    while (at < s.to && (reading.words[at]?.end ?? 0) <= span.start) at++;
    const phrase = quote(reading, ...window(s.from, s.to, at));
    if (phrase && !out.includes(phrase)) out.push(phrase);
    if (out.length === 3) break;
  }
  return out;
}

/** The clause (or, when that is a fragment, the sentence) that pushed theme `c` most. */
function strongestPhrase(reading: Reading, index: TextIndex, sentenceScores: readonly number[], c: number): string {
  const sentence = reading.sentences[strongestSentence(sentenceScores)];
  if (!sentence) return "";
  let pick: [number, number] = [sentence.from, sentence.to];
  let pickScore = Number.NEGATIVE_INFINITY;
  for (const clause of index.clauses) {
    if (clause.end <= sentence.start || clause.start >= sentence.end) continue;
    const [from, to] = wordRange(reading, clause);
    const words = reading.words.slice(from, to).filter((w) => w.isWord).length;
    if (words < MIN_CLAUSE_WORDS) continue;
    const score = clauseScore(reading, from, to, c);
    if (score > pickScore) {
      pickScore = score;
      pick = [from, to];
    }
  }
  let [from, to] = pick;
  if (to - from > MAX_QUOTE_WORDS) {
    // A long run-on sentence: keep the words around the strongest one.
    let at = from;
    let top = Number.NEGATIVE_INFINITY;
    for (let i = from; i < to; i++) {
      const w = reading.words[i];
      const weight = w ? (WEIGHTS.get(w.negated ? `!${w.lemma}` : w.lemma)?.[c] ?? 0) : 0;
      if (weight > top) {
        top = weight;
        at = i;
      }
    }
    from = Math.max(from, at - MAX_QUOTE_WORDS / 2);
    to = Math.min(to, from + MAX_QUOTE_WORDS);
  }
  return quote(reading, from, to);
}

/**
 * The distress decision, in one place for the analyser and the training script: the wording
 * list first (it quotes the exact words); the classifier's distress column catches wordings the
 * list does not have, quoting the sentence that pushed it most. Empty: no distress.
 */
export function findDistressEvidence(
  model: ThemeModel,
  index: TextIndex,
  reading: Reading,
  scores: ThemeScores,
): string[] {
  const listed = findDistress(index);
  if (listed.length > 0 || !distressByClassifier(model, scores, reading)) return listed;
  const phrase = strongestPhrase(reading, index, scores.sentenceScores[DISTRESS_OUTPUT] ?? [], DISTRESS_OUTPUT);
  return phrase ? [phrase] : [];
}

const EMPTY: Analysis = {
  themes: [],
  distress: false,
  distressEvidence: [],
  highPoints: [],
  substantial: false,
  wordCount: 0,
};

export function analyseReflection(text: string): Analysis {
  if (text.trim() === "") return { ...EMPTY, themes: [], distressEvidence: [], highPoints: [] };
  const index = indexText(text);
  const wordings = matchWordings(index);
  const ruleScores = THEMES.map((t) => wordings.find((f) => f.theme === t)?.score ?? 0);
  const reading = readText(text);
  const scores = scoreThemes(MODEL, WEIGHTS, reading, ruleScores);
  const { probability, sentenceScores } = scores;
  const themes: ThemeFinding[] = [];
  THEMES.forEach((theme, c) => {
    const p = probability[c] ?? 0;
    if (!themePresent(MODEL, c, p, ruleScores[c] ?? 0)) return;
    const rules = wordings.find((f) => f.theme === theme);
    // The candidate reads these: whole sentences around the rules' cues, else the classifier's strongest clause.
    const around = rules && rules.score >= STRONG ? sentencesAround(reading, rules.spans) : [];
    const evidence =
      around.length > 0
        ? around
        : [strongestPhrase(reading, index, sentenceScores[c] ?? [], c)].filter((q) => q !== "");
    // Score: the classifier's confidence, never below that of a strong rule on its own.
    const score = Math.round(Math.max(p, rules && rules.score >= STRONG ? 0.5 : 0) * 100) / 100;
    if (evidence.length > 0) themes.push({ theme, score, evidence });
  });
  const distressEvidence = findDistressEvidence(MODEL, index, reading, scores);
  // Distress is discouragement at its strongest: always the mindset theme too.
  if (distressEvidence.length > 0 && !themes.some((t) => t.theme === "mindset")) {
    themes.push({ theme: "mindset", score: 1, evidence: [...distressEvidence] });
  }
  const order = (t: Theme) => THEMES.indexOf(t);
  themes.sort((a, b) => b.score - a.score || order(a.theme) - order(b.theme));
  const wordCount = index.tokens.length;
  return {
    themes,
    distress: distressEvidence.length > 0,
    distressEvidence,
    highPoints: findHighPoints(index),
    substantial: wordCount >= SUBSTANTIAL_WORDS || themes.length >= 2,
    wordCount,
  };
}

/** The offline analyser behind the Analyser interface (ANALYSER=rules, the default). */
export const offlineAnalyser: Analyser = {
  name: "rules",
  analyse: (text: string) => Promise.resolve(analyseReflection(text)),
};

/** @deprecated the offline analyser's former name; use offlineAnalyser. */
export const keywordAnalyser: Analyser = offlineAnalyser;
