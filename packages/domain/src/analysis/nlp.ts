import winkNLP from "wink-nlp";
import model from "wink-eng-lite-web-model";

/**
 * Tokens, lemmas, negation scope and sentences from wink-nlp's English lite model,
 * which ships inside its npm package (no download, no I/O). One reading per
 * reflection is shared by the classifier and the evidence picker.
 */

const nlp = winkNLP(model, ["sbd", "negation", "pos"]);
const its = nlp.its;

export interface Word {
  start: number;
  end: number;
  /** Lower case, straight apostrophes: "nervouse", "n't". */
  norm: string;
  /** wink's lemma, lower case: "rambled" -> "ramble", "n't" -> "not". */
  lemma: string;
  /** Inside a negation's scope ("wasn't [nervous]"), as wink marks it. */
  negated: boolean;
  /** Punctuation, emoji and symbols carry no meaning for the classifier. */
  isWord: boolean;
}

export interface Sentence {
  start: number;
  end: number;
  /** Index range into `words`: [first, last + 1). */
  from: number;
  to: number;
}

export interface Reading {
  text: string;
  words: Word[];
  sentences: Sentence[];
}

const WORDLIKE = new Set(["word", "number", "hashtag", "mention"]);
const normalise = (s: string) => s.toLowerCase().replace(/[’‘`]/g, "'");

export function readText(text: string): Reading {
  if (text.trim() === "") return { text, words: [], sentences: [] };
  const doc = nlp.readDoc(text);
  const tokens = doc.tokens();
  const values = tokens.out(its.value) as string[];
  // wink types its.lemma with an addons parameter that out() does not declare; it is a token its.
  const lemmas = tokens.out(its.lemma as typeof its.value) as string[];
  const negations = tokens.out(its.negationFlag) as boolean[];
  const types = tokens.out(its.type) as string[];
  const spaces = tokens.out(its.precedingSpaces) as string[];
  const words: Word[] = [];
  // Line breaks end a sentence too: people answer numbered questions one per line.
  const lineBreakBefore: boolean[] = [];
  let cursor = 0;
  for (let i = 0; i < values.length; i++) {
    const value = values[i] ?? "";
    // wink keeps the text's characters; indexOf only guards against a normalised token.
    const at = text.startsWith(value, cursor) ? cursor : text.indexOf(value, cursor);
    const start = at < 0 ? cursor : at;
    const end = at < 0 ? cursor : start + value.length;
    lineBreakBefore.push((spaces[i] ?? "").includes("\n") || value.includes("\n"));
    cursor = end;
    const norm = normalise(value);
    words.push({
      start,
      end,
      norm,
      lemma: normalise(lemmas[i] ?? norm),
      negated: negations[i] === true,
      isWord: WORDLIKE.has(types[i] ?? ""),
    });
  }
  const sentences: Sentence[] = [];
  const push = (start: number, to: number) => {
    let from = start;
    while (from < to && words[from]?.norm.trim() === "") from++;
    const first = words[from];
    const last = words[to - 1];
    if (first && last && to > from) sentences.push({ start: first.start, end: last.end, from, to });
  };
  for (const [first, last] of doc.sentences().out(its.span) as unknown as [number, number][]) {
    let from = first;
    for (let i = first + 1; i <= last; i++) {
      if (lineBreakBefore[i]) {
        push(from, i);
        from = i;
      }
    }
    push(from, last + 1);
  }
  return { text, words, sentences };
}
