import { attributionEndingAt, bareLine } from "./attribution.js";
import {
  ANY_FIELD,
  DASHED_TITLE,
  DATE_OR_TIME,
  FORWARD_MARKERS,
  ORIGINAL_MESSAGE,
  SIGNATURE_DELIMITER,
  UNDERSCORES,
  hasAddress,
  isHeaderBlock,
} from "./quote-markers.js";
import { isContactBlock, isMobileSignature, namesDevice } from "./signatures.js";
import { tidyText } from "./tidy-text.js";

const QUOTED = /^[ \t]{0,3}>/;

/**
 * The candidate's own words from a reply, found by the shape of the history rather than its
 * language: quoted (`>`) blocks and the attribution line above each, whatever its words;
 * unquoted history after an attribution holding an address and a date, after a separator
 * ("-----Original Message-----", underscores) or a block of header fields; signatures (`-- `
 * and the "Sent from my iPhone" family). Text written between or below quoted blocks
 * (bottom- and inline-posting) is kept, each answer block as its own paragraph.
 */
export function extractReply(text: string): string {
  return readReply(text).reply;
}

/**
 * `extractReply`, and whether the reply was top-posted: all of it above the first quoted
 * block or history, with such history under it.
 */
export function readReply(text: string): { reply: string; topPosted: boolean } {
  const lines = normalise(text).split("\n");
  const quoted: boolean[] = [];
  const bare: string[] = [];
  for (let i = 0; i < lines.length; i += 1) {
    const line = (lines[i] ?? "").trimEnd();
    lines[i] = line;
    quoted.push(QUOTED.test(line));
    bare.push(bareLine(line));
  }
  const end = historyStart(lines, bare, quoted);

  // Attributions directly above a quoted block, whatever their language.
  const dropped = new Uint8Array(lines.length);
  for (let i = 0; i < end; i += 1) {
    if (!quoted[i] || (i > 0 && quoted[i - 1])) continue;
    let above = i - 1;
    while (above >= 0 && !quoted[above] && bare[above] === "") above -= 1;
    const attribution = above >= 0 ? attributionEndingAt(bare, above, quoted) : null;
    if (attribution) dropped.fill(1, attribution.start, above + 1);
  }

  // Each stretch of the candidate's text between quoted blocks is one answer.
  const answers: string[] = [];
  let answer: string[] = [];
  let firstQuote = -1;
  let writtenAfterQuote = false;
  let writtenBeforeQuote = false;
  for (let i = 0; i < end; i += 1) {
    if (dropped[i]) continue;
    if (quoted[i]) {
      if (firstQuote === -1) firstQuote = i;
      answers.push(joinLines(answer));
      answer = [];
    } else if (!isMobileSignature(bare[i] ?? "")) {
      answer.push(lines[i] ?? "");
      if (bare[i] === "") continue;
      if (firstQuote === -1) writtenBeforeQuote = true;
      else writtenAfterQuote = true;
    }
  }
  answers.push(joinLines(answer));
  const texts = answers.filter((text) => text !== "");
  const last = texts.length - 1;
  if (last >= 0) texts[last] = withoutSignature(texts[last] ?? "", texts.length > 1);
  // Top-posted: the candidate's lines all stand above the first quoted line or history, and some do.
  const topPosted = (firstQuote !== -1 || end < lines.length) && writtenBeforeQuote && !writtenAfterQuote;
  return { reply: tidyText(texts.join("\n\n")), topPosted };
}

function normalise(text: string): string {
  let out = text;
  if (out.includes("\r")) out = out.replace(/\r\n?/g, "\n");
  if (out.includes("\u200b") || out.includes("\ufeff")) out = out.replace(/[\u200b\ufeff]/g, "");
  if (out.includes("\u00a0") || out.includes("\u202f")) out = out.replace(/[\u00a0\u202f]/g, " ");
  return out;
}

/** Lines (already without trailing space) as one text: no blank lines at either end, at most one in a row. */
function joinLines(lines: readonly string[]): string {
  let from = 0;
  let to = lines.length;
  while (from < to && (lines[from] ?? "").trim() === "") from += 1;
  while (to > from && (lines[to - 1] ?? "").trim() === "") to -= 1;
  const out: string[] = [];
  for (let i = from; i < to; i += 1) {
    const line = lines[i] ?? "";
    if (line.trim() === "" && out.at(-1) === "") continue;
    out.push(line.trim() === "" ? "" : line);
  }
  return out.join("\n");
}

/**
 * The last answer without the signature paragraphs a client or the sender adds under it: a
 * contact block, or "Sent from my Galaxy" in a language we have no pattern for (one short line
 * naming a device). Never the candidate's only words.
 */
function withoutSignature(answer: string, othersExist: boolean): string {
  const paragraphs = answer.split("\n\n");
  while (paragraphs.length > (othersExist ? 0 : 1)) {
    const lines = (paragraphs.at(-1) ?? "").split("\n");
    const deviceLine = lines.length === 1 && namesDevice(bareLine(lines[0] ?? ""));
    if (!deviceLine && !isContactBlock(lines)) break;
    paragraphs.pop();
  }
  return paragraphs.join("\n\n");
}

/**
 * Where unquoted history begins: the first separator, header block, signature delimiter or
 * attribution with unquoted text under it. Everything from there on is not the candidate's.
 */
function historyStart(lines: readonly string[], bareLines: readonly string[], quoted: readonly boolean[]): number {
  let lastContent = lines.length - 1;
  while (lastContent >= 0 && (bareLines[lastContent] ?? "") === "") lastContent -= 1;
  for (let i = 0; i < lines.length; i += 1) {
    if (quoted[i]) continue;
    const bare = bareLines[i] ?? "";
    if (bare === "") continue;
    // Every marker below is a line of dashes or underscores, or holds a colon: most lines are neither.
    const ruled = bare.startsWith("-") || bare.startsWith("_");
    const colon = bare.includes(":") || bare.includes("：");
    if (!ruled && !colon) continue;
    // A forwarded original under the candidate's note is history too; the note is the reply.
    if (FORWARD_MARKERS.some((re) => re.test(bare))) return i;
    if (ruled && (SIGNATURE_DELIMITER.test(bare) || ORIGINAL_MESSAGE.test(bare))) return i;
    if (ruled && isSeparator(bare) && nextIsField(bareLines, i + 1)) return i;
    // Zoho's "---- On <date> <name> <address> wrote ----": an attribution drawn as a separator.
    if (ruled && DASHED_TITLE.test(bare) && hasAddress(bare) && DATE_OR_TIME.test(bare)) return i;
    if (colon && isHeaderBlock(lines, i)) return headerStart(bareLines, i);

    const attribution = attributionEndingAt(bareLines, i, quoted);
    if (!attribution) continue;
    const below = nextNonBlank(bareLines, i + 1);
    if (below !== -1 && quoted[below]) continue;
    // Unquoted text under an attribution is the original (Yahoo, AOL, Outlook to plain text);
    // an attribution left at the very end lost its quote to HTML conversion.
    if (attribution.strong || (attribution.dated && i >= lastContent)) return attribution.start;
  }
  return lines.length;
}

function isSeparator(bare: string): boolean {
  return DASHED_TITLE.test(bare) || UNDERSCORES.test(bare) || /^-{10,}$/.test(bare);
}

/** A header block found at `at` starts with the fields right above it ("Gesendet:" above "Von:") and their separator. */
function headerStart(bare: readonly string[], at: number): number {
  let start = at;
  while (start > 0 && ANY_FIELD.test(bare[start - 1] ?? "")) start -= 1;
  let above = start - 1;
  while (above >= 0 && bare[above] === "") above -= 1;
  return above >= 0 && isSeparator(bare[above] ?? "") ? above : start;
}

function nextNonBlank(bare: readonly string[], from: number): number {
  for (let j = from; j < bare.length; j += 1) if (bare[j] !== "") return j;
  return -1;
}

function nextIsField(bare: readonly string[], from: number): boolean {
  const j = nextNonBlank(bare, from);
  return j !== -1 && j <= from + 2 && ANY_FIELD.test(bare[j] ?? "");
}
