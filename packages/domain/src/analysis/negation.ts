import type { Token } from "./text-index.js";

/**
 * A cue is negated when a negator sits at most three words before it in the same
 * clause: "wasn't nervous", "not at all nervous", "never felt unprepared".
 * Words between that turn the negation into something else break it:
 * "couldn't stop fidgeting", "not sure if I rambled", "don't know why I froze".
 * A hedge before the negator keeps the cue: "hard not to take it personally".
 */

const NEGATORS = new Set([
  "not",
  "no",
  "never",
  "nor",
  "without",
  "cannot",
  "hardly",
  "dont",
  "didnt",
  "doesnt",
  "wasnt",
  "werent",
  "isnt",
  "arent",
  "wont",
  "wouldnt",
  "couldnt",
  "shouldnt",
  "havent",
  "hasnt",
  "hadnt",
  "cant",
  "aint",
]);

const BREAKERS = new Set([
  "stop",
  "stopped",
  "help",
  "avoid",
  "only",
  "just",
  "sure",
  "know",
  "knew",
  "wonder",
  "matter",
  "mind",
  "because",
  "why",
  "whether",
  "if",
  "until",
  "realise",
  "realize",
  "realised",
  "realized",
  "remember",
  "expect",
]);

const HEDGES = new Set(["hard", "difficult", "tough", "impossible", "trying", "try", "tried", "tries"]);

/** The window a negator may reach across, in words. */
export const NEGATION_REACH = 4;

export function isNegator(token: Token): boolean {
  return NEGATORS.has(token.norm) || token.norm.endsWith("n't");
}

/** `before`: the tokens preceding the cue in its clause, nearest last. */
export function isNegated(before: readonly Token[]): boolean {
  const from = Math.max(0, before.length - NEGATION_REACH);
  for (let i = before.length - 1; i >= from; i--) {
    const t = before[i] as Token;
    if (!isNegator(t)) continue;
    for (let j = i + 1; j < before.length; j++) if (BREAKERS.has((before[j] as Token).norm)) return false;
    const prev = before[i - 1];
    if (prev && HEDGES.has(prev.norm)) return false;
    return true;
  }
  return false;
}
