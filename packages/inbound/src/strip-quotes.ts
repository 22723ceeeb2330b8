import { attributionEndingAt, bareLine } from "./attribution.js";
import {
  ANY_FIELD,
  DASHED_TITLE,
  DRAWN_TITLE,
  DATE_OR_TIME,
  FORWARD_MARKERS,
  ORIGINAL_MESSAGE,
  QUOTE_CONTAINER_MARK,
  SIGNATURE_DELIMITER,
  UNDERSCORES,
  hasAddress,
  isHeaderBlock,
} from "./quote-markers.js";
import { isContactBlock, isMobileSignature, namesDevice } from "./signatures.js";
import { tidyText } from "./tidy-text.js";

/** A line's quote prefix: `>`, the `|` some clients quote with (Mutt's indent_string, Pine), the container mark, or "". */
function quotePrefix(line: string): string {
  // Up to three spaces or tabs before it, as before any `>`.
  for (let at = 0; at < 4 && at < line.length; at += 1) {
    const c = line[at];
    if (c === ">" || c === "|" || c === QUOTE_CONTAINER_MARK) return c;
    if (c !== " " && c !== "\t") return "";
  }
  return "";
}

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
  const prefixes: string[] = [];
  const bare: string[] = [];
  for (let i = 0; i < lines.length; i += 1) {
    const line = (lines[i] ?? "").trimEnd();
    lines[i] = line;
    prefixes.push(quotePrefix(line));
    bare.push(bareLine(line));
  }
  const mark = quoteMarkOf(prefixes, bare);
  const quoted = prefixes.map((prefix) => prefix === mark);
  let end = historyStart(lines, bare, quoted);
  if (unquoteTypedBlocks(bare, quoted, end)) end = historyStart(lines, bare, quoted);

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

/**
 * Gives back the `>` blocks the candidate typed above the history: a recruiter's words they
 * quote. A client quotes from the mail being answered, and that mail is in the history (from
 * its first dated attribution over a quoted block, or from where unquoted history starts); a block
 * above it whose words the history does not hold is not a quote of it. A block it holds (the
 * question, quoted again to answer it) stays a quote. Returns whether any block was given back.
 */
function unquoteTypedBlocks(bare: readonly string[], quoted: boolean[], end: number): boolean {
  // A signature is where the candidate's text ends, not the mail they answer.
  let from = SIGNATURE_DELIMITER.test(bare[end] ?? "") ? bare.length : end;
  let quotedAbove = false;
  for (let i = 0; i < from; i += 1) {
    if (!quoted[i] || (i > 0 && quoted[i - 1])) continue;
    let above = i - 1;
    while (above >= 0 && !quoted[above] && bare[above] === "") above -= 1;
    const attribution = above >= 0 && !quoted[above] ? attributionEndingAt(bare, above, quoted) : null;
    if (attribution?.dated) from = attribution.start;
    else quotedAbove = true;
  }
  if (!quotedAbove || from >= bare.length) return false;
  const history = ` ${wordsOf(bare.slice(from))} `;
  let changed = false;
  for (let i = 0; i < from; i += 1) {
    if (!quoted[i]) continue;
    let j = i;
    while (j < from && quoted[j]) j += 1;
    const block = wordsOf(bare.slice(i, j));
    if (block !== "" && !history.includes(` ${block} `)) {
      quoted.fill(false, i, j);
      changed = true;
    }
    i = j;
  }
  return changed;
}

const WORDS = /[\p{L}\p{N}]+/gu;

function wordsOf(lines: readonly string[]): string {
  return (lines.join(" ").toLowerCase().match(WORDS) ?? []).join(" ");
}

/**
 * The prefix this message's history is quoted with. A quote container's mark when the text came
 * from HTML with containers: typed `>` lines outside them are the candidate's (a recruiter's words
 * they quoted). Otherwise `>`, unless the block under an attribution holding a date or an address
 * is quoted with `|` and no such block with `>`: then the client quotes with `|` (Mutt's
 * indent_string, Pine) and the `>` lines are typed. `|` alone is too common in typed text
 * (tables, ASCII art) to count.
 */
function quoteMarkOf(prefixes: readonly string[], bare: readonly string[]): string {
  if (prefixes.includes(QUOTE_CONTAINER_MARK)) return QUOTE_CONTAINER_MARK;
  if (!prefixes.includes("|")) return ">";
  const prefixed = prefixes.map((p) => p !== "");
  let pipe = false;
  for (let i = 0; i < prefixes.length; i += 1) {
    const prefix = prefixes[i] ?? "";
    if (prefix === "" || (i > 0 && prefixes[i - 1] === prefix)) continue;
    let above = i - 1;
    while (above >= 0 && prefixes[above] === "" && bare[above] === "") above -= 1;
    if (above < 0 || prefixes[above] !== "" || !attributionEndingAt(bare, above, prefixed)?.dated) continue;
    if (prefix === ">") return ">";
    pipe = true;
  }
  return pipe ? "|" : ">";
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

// A legal notice is a few sentences long; a line the candidate adds under their signature is not.
const MIN_NOTICE = 80;

/**
 * The last answer without the signature paragraphs a client or the sender adds under it: a
 * contact block, or "Sent from my Galaxy" in a language we have no pattern for (one short line
 * naming a device). Never the candidate's only words.
 */
function withoutSignature(answer: string, othersExist: boolean): string {
  const paragraphs = answer.split("\n\n");
  const keep = othersExist ? 0 : 1;
  // A contact block with a legal notice under it, in a paragraph of its own or two (two languages).
  for (let k = paragraphs.length - 2; k >= keep && k >= paragraphs.length - 3; k -= 1) {
    const notices = paragraphs.slice(k + 1);
    if (notices.every((p) => p.length >= MIN_NOTICE) && isContactBlock((paragraphs[k] ?? "").split("\n"))) {
      paragraphs.length = k;
      break;
    }
  }
  while (paragraphs.length > keep) {
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
    const bare = bareLines[i] ?? "";
    if (bare === "") continue;
    // The original under it is not quoted: GroupWise's own marks are the title's, not a quote's.
    if (isDrawnAttribution(bare) && !quoted[nextNonBlank(bareLines, i + 1)]) return i;
    if (quoted[i]) continue;
    // Every marker below is a line of dashes or underscores, or holds a colon: most lines are neither.
    const ruled = bare.startsWith("-") || bare.startsWith("_");
    const colon = bare.includes(":") || bare.includes("：");
    if (!ruled && !colon) continue;
    // A forwarded original under the candidate's note is history too; the note is the reply.
    if (FORWARD_MARKERS.some((re) => re.test(bare))) return i;
    if (ruled && (SIGNATURE_DELIMITER.test(bare) || ORIGINAL_MESSAGE.test(bare))) return i;
    if (ruled && isSeparator(bare) && nextIsField(bareLines, i + 1)) return i;
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

/** Zoho's "---- On <date> <name> <address> wrote ----", GroupWise's ">>> <name> <address> <date> >>>". */
function isDrawnAttribution(bare: string): boolean {
  const edge = bare[0] ?? "";
  return edge === bare[bare.length - 1] && DRAWN_TITLE.test(bare) && hasAddress(bare) && DATE_OR_TIME.test(bare);
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
