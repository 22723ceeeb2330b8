/**
 * How a wording counts as evidence for a theme.
 * - `problem`: the word itself names a difficulty ("rambled", "nervous"); a negation
 *   before it cancels it ("wasn't nervous").
 * - `topic`: the word names an area ("eye contact", "resume"). Alone it is weak
 *   evidence (1); a sign of trouble next to it makes it strong (2): "no eye contact",
 *   "my resume had a typo". Praise cancels it: "my portfolio walkthrough went great".
 * - `hint`: a word too ambiguous to count alone ("cold", "explained"); it counts only
 *   with a sign of trouble next to it, then as strong evidence.
 * - `fixed`: a whole phrase that already carries its meaning, negation included
 *   ("didn't research", "won't give up"); always strong.
 */
export type CueKind = "problem" | "topic" | "hint" | "fixed";

export interface Cue {
  readonly kind: CueKind;
  readonly pattern: RegExp;
}

/**
 * Compiles a pattern written in plain lower case: every `'` accepts a straight, a
 * curly or a missing apostrophe ("didn't", "didn’t", "didnt"), and the match must
 * start and end on word edges.
 */
export function compilePattern(source: string, caseSensitive = false): RegExp {
  const body = source.replace(/'/g, "['’]?");
  return new RegExp(`(?<![\\p{L}\\p{N}])(?:${body})(?![\\p{L}\\p{N}])`, caseSensitive ? "gu" : "giu");
}

export const problem = (source: string): Cue => ({ kind: "problem", pattern: compilePattern(source) });
export const topic = (source: string, caseSensitive = false): Cue => ({
  kind: "topic",
  pattern: compilePattern(source, caseSensitive),
});
export const hint = (source: string): Cue => ({ kind: "hint", pattern: compilePattern(source) });
export const fixed = (source: string): Cue => ({ kind: "fixed", pattern: compilePattern(source) });

/** Joins alternatives so long cue lists stay readable. */
export const anyOf = (...alternatives: string[]): string => alternatives.join("|");
