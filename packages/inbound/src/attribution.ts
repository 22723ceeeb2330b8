import { hasAddress, hasDateOrTime } from "./quote-markers.js";

// Bidirectional controls that Gmail and Outlook wrap around Hebrew and Arabic attributions.
const BIDI = /[\u200e\u200f\u202a-\u202e\u2066-\u2069\u061c]/g;
const ENDS_WITH_COLON = /[:：]$/;
const SENTENCE_END = /[.!?…。！？]$/;
// An attribution is a line, or a line wrapped by the client: never a paragraph.
const MAX_LINES = 3;
const MAX_LENGTH = 320;
// A client wraps a line only when the next word would not fit: a shorter line ended where the
// writer ended it, unless it holds the date or address the attribution still lacks.
const WRAP_WIDTH = 56;

export interface Attribution {
  /** First line of the attribution. */
  start: number;
  /** Whether it holds both an address and a date, as every client's attribution does. */
  strong: boolean;
  /** Whether it holds an address or a date. */
  dated: boolean;
}

/** The line without bidirectional marks and surrounding space, for looking at its shape. */
export function bareLine(line: string): string {
  return line.replace(BIDI, "").trim();
}

/**
 * The attribution ("On <date>, <name> wrote:", in whatever language) that ends on line `end`,
 * by shape alone: a line ending with a colon, joined with the lines above it that the client
 * wrapped. `bare` holds the lines as `bareLine` gives them. `null` when line `end` cannot end one.
 */
export function attributionEndingAt(bare: readonly string[], end: number, quoted: readonly boolean[]) {
  const last = bare[end] ?? "";
  if (!ENDS_WITH_COLON.test(last) || quoted[end]) return null;
  let start = end;
  let joined = last;
  while (end - start + 1 < MAX_LINES && !(hasAddress(joined) && hasDateOrTime(joined))) {
    const above = start - 1;
    if (above < 0 || quoted[above]) break;
    const previous = bare[above] ?? "";
    const firstWord = joined.split(/\s/, 1)[0] ?? "";
    if (previous === "" || SENTENCE_END.test(previous) || ENDS_WITH_COLON.test(previous)) break;
    // Some clients break the line on purpose, the date above the name (Becky!, Thunderbird's long form).
    const completes = hasDateOrTime(joined) ? hasAddress(previous) : hasDateOrTime(previous);
    if (!completes && previous.length + 1 + firstWord.length <= WRAP_WIDTH) break;
    start = above;
    joined = `${previous} ${joined}`;
  }
  if (joined.length > MAX_LENGTH) return null;
  const address = hasAddress(joined);
  const date = hasDateOrTime(joined);
  return { start, strong: address && date, dated: address || date } satisfies Attribution;
}
