import { tidyText } from "./tidy-text.js";
import {
  FORWARD_MARKERS,
  FROM_FIELD,
  ORIGINAL_MESSAGE,
  SIGNATURE_DELIMITER,
  UNDERSCORES,
  isHeaderBlock,
} from "./quote-markers.js";

const QUOTED = /^[ \t]{0,3}>/;
const HAS_DATE_OR_ADDRESS = /\d|@/;

// "On <date>, <name> wrote:" in the languages our candidates write in. A line must also
// contain a digit or an address (every client puts a date in it) to count.
const ATTRIBUTIONS: readonly RegExp[] = [
  /^on\s.{4,}\swrote\s?:$/i,
  /^le\s.{4,}\sa [ée]crit\s?:$/i,
  /^am\s.{4,}\sschrieb\s.*:$/i,
  /^.{2,}\sschrieb am\s.{4,}:$/i,
  /^el\s.{4,}\sescribi[óo]\s?:$/i,
  /^(il|in data)\s.{4,}\sha scritto\s?:$/i,
  /^op\s.{4,}\sschreef\s.*:$/i,
  /^(em|no dia|às)\s.{4,}\sescreveu\s?:$/i,
  /^(den|d\.|på)\s.{4,}\sskrev\s.*:$/i,
  /^w dniu\s.{4,}\snapisał(\(a\)|a)?\s?:$/i,
];
// The same verbs without the leading word, for clients that put the name first.
const ATTRIBUTION_ANYWHERE =
  /(^|\s)(wrote|a [ée]crit|schrieb|escribi[óo]|ha scritto|schreef|escreveu|skrev|napisał(\(a\)|a)?|kirjoitti)(\s[^:]{0,80})?\s?:$/i;

const MOBILE_SIGNATURES: readonly RegExp[] = [
  /^sent from my \S.{0,80}$/i,
  /^sent from (yahoo mail|aol mobile mail|mail|outlook|gmail|proton ?mail)(<[^>]*>)?( for| on) \S.{0,40}$/i,
  /^sent from (yahoo mail|aol mobile mail|mail|outlook|gmail|proton ?mail)\.?$/i,
  /^sent with proton ?mail secure email\.?$/i,
  /^get outlook for (ios|android)\b.*$/i,
  /^get the new aol app:? \S+$/i,
  /^envoy[ée] (de|depuis) mon \S.{0,40}$/i,
  /^von meinem \S.{0,40} gesendet\.?$/i,
  /^enviado (desde|de) mi \S.{0,40}$/i,
  /^enviado do meu \S.{0,40}$/i,
  /^inviato da (il mio )?\S.{0,40}$/i,
  /^(verzonden|verstuurd) (vanaf|met) (mijn )?\S.{0,40}$/i,
  /^skickat från (min )?\S.{0,40}$/i,
  /^sendt fra (min )?\S.{0,40}$/i,
  /^wysłane z (mojego )?\S.{0,40}$/i,
];

/**
 * The candidate's own words from a reply: quoted history (`>` lines and the
 * "On ... wrote:" line above them, Outlook header blocks, "Original Message"
 * separators) and signatures (`-- ` and the "Sent from my iPhone" family) removed.
 * Text the candidate wrote between or after quoted lines (bottom- and inline-posting) is kept.
 */
export function extractReply(text: string): string {
  const lines = text
    .replace(/\r\n?/g, "\n")
    .replace(/[\u200b\ufeff]/g, "")
    .replace(/[\u00a0\u202f]/g, " ")
    .split("\n")
    .map((line) => line.trimEnd());
  const kept: string[] = [];
  let lastContent = lines.length - 1;
  while (lastContent >= 0 && (lines[lastContent] ?? "").trim() === "") lastContent -= 1;

  for (let i = 0; i < lines.length; i += 1) {
    const line = lines[i] ?? "";
    if (QUOTED.test(line)) continue;
    const bare = line.trim();
    if (bare === "") {
      kept.push("");
      continue;
    }
    if (FORWARD_MARKERS.some((re) => re.test(bare))) {
      // A forward inside a reply is content the candidate chose to share (recruiter feedback): keep it whole.
      kept.push(...lines.slice(i));
      break;
    }
    if (ORIGINAL_MESSAGE.test(bare) || SIGNATURE_DELIMITER.test(bare)) break;
    if (UNDERSCORES.test(bare) && nextNonBlank(lines, i + 1, 3, (l) => FROM_FIELD.test(l))) break;
    if (isHeaderBlock(lines, i)) break;
    if (MOBILE_SIGNATURES.some((re) => re.test(bare))) continue;

    const attribution = matchAttribution(lines, i);
    if (attribution) {
      const after = i + attribution.lines;
      const followedByQuote = nextNonBlank(lines, after, Number.POSITIVE_INFINITY, (l) => QUOTED.test(l));
      if (followedByQuote) {
        i = after - 1;
        continue;
      }
      // A known attribution with unquoted text below it (Yahoo, Outlook-to-plain-text): the rest is history.
      if (attribution.strong || after > lastContent) break;
    }
    kept.push(line);
  }
  return tidyText(kept.join("\n"));
}

function nextNonBlank(
  lines: readonly string[],
  from: number,
  within: number,
  test: (line: string) => boolean,
): boolean {
  for (let j = from; j < lines.length && j < from + within; j += 1) {
    const line = lines[j] ?? "";
    if (line.trim() === "") continue;
    return test(line.trim()) || test(line);
  }
  return false;
}

interface Attribution {
  lines: number;
  strong: boolean;
}

function isStrongAttribution(text: string): boolean {
  return HAS_DATE_OR_ADDRESS.test(text) && ATTRIBUTIONS.some((re) => re.test(text));
}

/** An attribution starting at line `at`, possibly wrapped over up to three lines (Gmail wraps at ~78 chars). */
function matchAttribution(lines: readonly string[], at: number): Attribution | null {
  let joined = "";
  for (let k = 0; k < 3 && at + k < lines.length; k += 1) {
    const part = (lines[at + k] ?? "").trim();
    if (part === "" || QUOTED.test(lines[at + k] ?? "")) return null;
    if (k > 0) {
      const previous = (lines[at + k - 1] ?? "").trim();
      // A finished sentence is the candidate's text, and a line that is an attribution on its own starts a new one.
      if (/[.!?]$/.test(previous) || isStrongAttribution(part)) return null;
    }
    joined = k === 0 ? part : `${joined} ${part}`;
    if (joined.length > 300) return null;
    if (!HAS_DATE_OR_ADDRESS.test(joined)) continue;
    if (ATTRIBUTIONS.some((re) => re.test(joined))) return { lines: k + 1, strong: true };
    if (ATTRIBUTION_ANYWHERE.test(joined)) return { lines: k + 1, strong: false };
  }
  return null;
}
