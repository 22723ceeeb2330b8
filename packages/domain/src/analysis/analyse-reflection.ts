import { THEMES, type Theme } from "../themes.js";
import {
  hasTrouble,
  NO_PROBLEM_BEFORE,
  NOT_AN_ISSUE_AFTER,
  POSITIVE_AFTER,
  POSITIVE_SENTENCE,
  PRAISE_BEFORE,
} from "./context.js";
import type { Cue } from "./cue.js";
import { findDistress } from "./distress.js";
import { findHighPoints } from "./high-points.js";
import { isNegated } from "./negation.js";
import { normalise, spanAt, type TextIndex, indexText, tokensAfter, tokensBefore } from "./text-index.js";
import { THEME_CUES } from "./theme-patterns.js";
import type { Analyser, Analysis, ThemeFinding } from "./types.js";

/** A theme needs one strong cue or two weak ones: a lone neutral mention is not a theme. */
const PRESENCE_THRESHOLD = 2;
const STRONG = 2;
const WEAK = 1;
const CONTEXT_WORDS = 6;
const SUBSTANTIAL_WORDS = 40;
// Frames only look a few words around a cue; bounding the slice keeps huge run-on input linear.
const FRAME_CHARS = 160;

interface Hit {
  start: number;
  end: number;
  weight: number;
}

function sentenceIsPraise(index: TextIndex, pos: number, cache: Map<number, boolean>): boolean {
  const sentence = spanAt(index.sentences, pos);
  const cached = cache.get(sentence.start);
  if (cached !== undefined) return cached;
  const words = tokensAfter(index, sentence.start, sentence.end, Number.POSITIVE_INFINITY);
  const praise =
    POSITIVE_SENTENCE.test(normalise(index.text.slice(sentence.start, sentence.end))) && !hasTrouble(words);
  cache.set(sentence.start, praise);
  return praise;
}

function weigh(index: TextIndex, cue: Cue, start: number, end: number, praiseCache: Map<number, boolean>): number {
  if (cue.kind === "fixed") return STRONG;
  const clause = spanAt(index.clauses, start);
  const before = normalise(index.text.slice(Math.max(clause.start, start - FRAME_CHARS), start));
  const after = normalise(index.text.slice(end, Math.min(clause.end, end + FRAME_CHARS)));
  if (NO_PROBLEM_BEFORE.test(before) || NOT_AN_ISSUE_AFTER.test(after)) return 0;
  const wordsBefore = tokensBefore(index, clause.start, start, CONTEXT_WORDS);
  if (cue.kind === "problem") return isNegated(wordsBefore) ? 0 : STRONG;
  if (POSITIVE_AFTER.test(after)) return 0;
  const trouble = hasTrouble([...wordsBefore, ...tokensAfter(index, end, clause.end, CONTEXT_WORDS)]);
  if (trouble) return STRONG;
  if (cue.kind === "hint") return 0;
  if (PRAISE_BEFORE.test(before) || sentenceIsPraise(index, start, praiseCache)) return 0;
  return WEAK;
}

function findHits(index: TextIndex, cues: readonly Cue[], praiseCache: Map<number, boolean>): Hit[] {
  const hits: Hit[] = [];
  for (const cue of cues) {
    cue.pattern.lastIndex = 0;
    for (let m = cue.pattern.exec(index.text); m !== null; m = cue.pattern.exec(index.text)) {
      if (m[0].length === 0) {
        cue.pattern.lastIndex++;
        continue;
      }
      const end = m.index + m[0].length;
      const weight = weigh(index, cue, m.index, end, praiseCache);
      if (weight > 0) hits.push({ start: m.index, end, weight });
    }
  }
  // Overlapping wordings of one theme ("won't give up" and "give up") count once: keep the longest.
  hits.sort((a, b) => a.start - b.start || b.end - a.end);
  const kept: Hit[] = [];
  for (const hit of hits) {
    const last = kept[kept.length - 1];
    if (last && hit.start < last.end) {
      if (hit.weight > last.weight) last.weight = hit.weight;
      continue;
    }
    kept.push({ ...hit });
  }
  return kept;
}

export function analyseReflection(text: string): Analysis {
  const index = indexText(text);
  const praiseCache = new Map<number, boolean>();
  const themes: ThemeFinding[] = [];
  for (const theme of THEMES) {
    const hits = findHits(index, THEME_CUES[theme], praiseCache);
    const score = hits.reduce((sum, h) => sum + h.weight, 0);
    if (score < PRESENCE_THRESHOLD) continue;
    const evidence: string[] = [];
    for (const h of hits) {
      const phrase = text.slice(h.start, h.end);
      if (!evidence.includes(phrase)) evidence.push(phrase);
    }
    themes.push({ theme, score, evidence });
  }
  const distressEvidence = findDistress(index);
  // Distress is discouragement at its strongest: always the mindset theme too.
  if (distressEvidence.length > 0 && !themes.some((t) => t.theme === "mindset")) {
    themes.push({ theme: "mindset", score: STRONG, evidence: [...distressEvidence] });
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

export const keywordAnalyser: Analyser = {
  name: "keyword",
  analyse: (text: string) => Promise.resolve(analyseReflection(text)),
};
