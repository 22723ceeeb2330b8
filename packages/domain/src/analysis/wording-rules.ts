import { THEMES } from "../themes.js";
import {
  hasTrouble,
  NO_PROBLEM_BEFORE,
  NOT_AN_ISSUE_AFTER,
  POSITIVE_AFTER,
  POSITIVE_SENTENCE,
  PRAISE_BEFORE,
} from "./context.js";
import type { Cue } from "./cue.js";
import { isNegated } from "./negation.js";
import { normalise, type Span, spanAt, type TextIndex, tokensAfter, tokensBefore } from "./text-index.js";
import { THEME_CUES } from "./theme-patterns.js";
import type { ThemeFinding } from "./types.js";

/**
 * The hand-written wording rules (theme-patterns.ts): each cue found scores 2 when it
 * clearly names a difficulty and 1 when it only names the area. On their own a theme
 * needed 2; now the classifier takes their score as one input among others.
 */
export const STRONG = 2;
const WEAK = 1;
const CONTEXT_WORDS = 6;
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

export interface WordingMatch extends ThemeFinding {
  /** Where each cue was found, in reading order. */
  spans: Span[];
}

/** Every theme with at least one cue, in THEMES order, with its score and quoted cues. */
export function matchWordings(index: TextIndex): WordingMatch[] {
  const praiseCache = new Map<number, boolean>();
  const found: WordingMatch[] = [];
  for (const theme of THEMES) {
    const hits = findHits(index, THEME_CUES[theme], praiseCache);
    const score = hits.reduce((sum, h) => sum + h.weight, 0);
    if (score === 0) continue;
    const evidence: string[] = [];
    for (const h of hits) {
      const phrase = index.text.slice(h.start, h.end);
      if (!evidence.includes(phrase)) evidence.push(phrase);
    }
    found.push({ theme, score, evidence, spans: hits.map((h) => ({ start: h.start, end: h.end })) });
  }
  return found;
}
