import { compilePattern } from "./cue.js";
import { isNegated } from "./negation.js";
import { type Span, segment, type TextIndex, tokensAfter, tokensBefore } from "./text-index.js";

/** What went right, quoted so the log of high points grows in the candidate's words. */
const POSITIVE = compilePattern(
  [
    "(?:went|going|gone|go) (?:really |very |pretty |so |quite |super |surprisingly |reasonably )?(?:well|great|smoothly|brilliantly|perfectly|better than (?:expected|i expected|i thought))",
    "nailed(?: it)?",
    "aced",
    "(?:smashed|killed) it",
    "(?:i was|i'm|i am|i felt|felt) (?:really |very |quite |so |pretty )?(?:proud|pleased|happy|confident|comfortable|relaxed|calm)",
    "(?:they|he|she|the interviewers?|the panel|the manager|the hiring manager|everyone) (?:really |seemed to |clearly |all )?(?:loved|liked|enjoyed|praised|complimented|appreciated)",
    "(?:seemed|were|was) (?:really |very )?impressed",
    "paid off",
    "really helped",
    "worked (?:really )?well",
    "(?:was|were) (?:really |very |pretty |quite )?(?:solid|strong|great|excellent|spot on)",
    "(?:good|great) rapport",
    "clicked with",
    "hit it off",
    "got on (?:really )?well",
    "got (?:the|an) (?:offer|job)",
    "(?:made it|moved on|got through) to the (?:next|final|second|third) (?:round|stage)",
    "proud of",
    "best part",
    "(?:high|highlight|strong) points?",
    "enjoyed",
  ].join("|"),
);

const SEGMENT_BREAK = /[.!?;\n\r]+|(?<![\p{L}])(?:but|though|although|however)(?![\p{L}])/giu;
const EDGE = /^[\s,:\-–—"'“”‘’(]+|[\s,:\-–—"'“”‘’)]+$/g;
const MAX_WORDS = 30;
const CONTEXT_WORDS = 10;

const segments = (text: string): Span[] => segment(text, SEGMENT_BREAK);

function trimmed(text: string, span: Span): string {
  return text.slice(span.start, span.end).replace(EDGE, "");
}

export function findHighPoints(index: TextIndex): string[] {
  const found: string[] = [];
  for (const seg of segments(index.text)) {
    const slice = index.text.slice(seg.start, seg.end);
    POSITIVE.lastIndex = 0;
    for (let m = POSITIVE.exec(slice); m !== null; m = POSITIVE.exec(slice)) {
      const at = seg.start + m.index;
      if (isNegated(tokensBefore(index, seg.start, at, 5))) continue;
      const words = tokensAfter(index, seg.start, seg.end, Number.POSITIVE_INFINITY);
      let span: Span = seg;
      if (words.length > MAX_WORDS) {
        // Long run-on reflections: keep the words around the praise, not the whole paragraph.
        const hit = words.findIndex((t) => t.end > at);
        const first = words[Math.max(0, hit - CONTEXT_WORDS)];
        const last = words[Math.min(words.length - 1, hit + CONTEXT_WORDS)];
        if (first && last) span = { start: first.start, end: last.end };
      }
      const quote = trimmed(index.text, span);
      if (quote && !found.includes(quote)) found.push(quote);
      break;
    }
  }
  return found;
}
