/**
 * One pass over a reflection that every matcher shares: word tokens, clauses and
 * sentences. Windows for negation and context are measured in tokens and never cross
 * a clause, so "I wasn't nervous, I rambled" keeps the negation on the first half.
 */

export interface Token {
  start: number;
  end: number;
  /** Lower case, curly apostrophes straightened. */
  norm: string;
}

export interface Span {
  start: number;
  end: number;
}

export interface TextIndex {
  text: string;
  tokens: Token[];
  clauses: Span[];
  sentences: Span[];
}

const TOKEN = /[\p{L}\p{N}]+(?:['’][\p{L}]+)*/gu;
// Commas and conjunctions like "but" end a clause: what follows is often the opposite.
const CLAUSE_BREAK =
  /[.!?;:\n\r,()[\]\u2014\u2013]+|\s-+\s|(?<![\p{L}\p{N}])(?:but|though|although|however|whereas|except|plus)(?![\p{L}\p{N}])/giu;
const SENTENCE_BREAK = /[.!?\n\r]+/gu;

export function normalise(s: string): string {
  return s.toLowerCase().replace(/’/g, "'");
}

/** Splits text into the spans between matches of a global `breaks` pattern. */
export function segment(text: string, breaks: RegExp): Span[] {
  const spans: Span[] = [];
  let from = 0;
  breaks.lastIndex = 0;
  for (let m = breaks.exec(text); m !== null; m = breaks.exec(text)) {
    if (m.index > from) spans.push({ start: from, end: m.index });
    from = m.index + m[0].length;
  }
  if (from < text.length) spans.push({ start: from, end: text.length });
  return spans;
}

export function indexText(text: string): TextIndex {
  const tokens: Token[] = [];
  TOKEN.lastIndex = 0;
  for (let m = TOKEN.exec(text); m !== null; m = TOKEN.exec(text)) {
    tokens.push({ start: m.index, end: m.index + m[0].length, norm: normalise(m[0]) });
  }
  return { text, tokens, clauses: segment(text, CLAUSE_BREAK), sentences: segment(text, SENTENCE_BREAK) };
}

/** The span containing `pos` (a match never starts inside a break, so one exists). */
export function spanAt(spans: readonly Span[], pos: number): Span {
  let lo = 0;
  let hi = spans.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const s = spans[mid] as Span;
    if (pos < s.start) hi = mid - 1;
    else if (pos >= s.end) lo = mid + 1;
    else return s;
  }
  return { start: pos, end: pos };
}

/** Index of the first token starting at or after `pos`. */
function firstTokenAtOrAfter(tokens: readonly Token[], pos: number): number {
  let lo = 0;
  let hi = tokens.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((tokens[mid] as Token).start < pos) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Up to `n` tokens that end before `pos`, inside `[from, pos)`. */
export function tokensBefore(index: TextIndex, from: number, pos: number, n: number): Token[] {
  const out: Token[] = [];
  for (let i = firstTokenAtOrAfter(index.tokens, pos) - 1; i >= 0 && out.length < n; i--) {
    const t = index.tokens[i] as Token;
    if (t.start < from) break;
    if (t.end <= pos) out.unshift(t);
  }
  return out;
}

/** Up to `n` tokens that start at or after `pos`, inside `[pos, to)`. */
export function tokensAfter(index: TextIndex, pos: number, to: number, n: number): Token[] {
  const out: Token[] = [];
  for (let i = firstTokenAtOrAfter(index.tokens, pos); i < index.tokens.length && out.length < n; i++) {
    const t = index.tokens[i] as Token;
    if (t.end > to) break;
    out.push(t);
  }
  return out;
}
