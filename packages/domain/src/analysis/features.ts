import type { Reading } from "./nlp.js";
import { addLexiconFeatures } from "./theme-lexicon.js";

/**
 * What the classifier sees of a stretch of text: lemmas ("!" in front when wink puts
 * them inside a negation, so "wasn't nervous" gives "!nervous", not "nervous"), and
 * pairs of neighbouring lemmas ("eye contact", "cover letter", "too long"). Pairs
 * never cross punctuation. Function words alone say nothing and are left out; they
 * still count inside pairs ("the culture", "not enough").
 */

const FUNCTION_WORDS = new Set(
  (
    "a an the i me my mine myself we us our you your he him his she her it its they them their this that these " +
    "those there here be do have of to in on at for with as by from and or so if then than just also really " +
    "very quite pretty bit lot like um uh oh ok okay yeah s 's 'm 're 've 'd 'll"
  ).split(" "),
);

export function addFeatures(reading: Reading, from: number, to: number, out: Set<string>): void {
  const { words } = reading;
  let previous: string | null = null;
  for (let i = from; i < to; i++) {
    const w = words[i];
    if (!w?.isWord) {
      previous = null;
      continue;
    }
    const lemma = w.lemma;
    if (!FUNCTION_WORDS.has(lemma)) out.add(w.negated ? `!${lemma}` : lemma);
    if (previous !== null) out.add(`${previous} ${lemma}`);
    previous = lemma;
  }
  addLexiconFeatures(reading, from, to, out);
}

/** The features of each sentence, in order. */
export function sentenceFeatures(reading: Reading): Set<string>[] {
  return reading.sentences.map((s) => {
    const out = new Set<string>();
    addFeatures(reading, s.from, s.to, out);
    return out;
  });
}
