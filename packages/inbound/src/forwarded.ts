import type { InboundEmail } from "./inbound-email.js";
import {
  FORWARD_MARKERS,
  FROM_FIELD,
  ORIGINAL_MESSAGE,
  SUBJECT_FIELD,
  UNDERSCORES,
  isHeaderBlock,
} from "./quote-markers.js";

// A company name as written in a letter: capitalised words ("Kestrel Analytics", "Brightloop",
// "Smith & Sons", "eBay", "Booking.com"), at most five, on one line. No `i` flag: case is the signal.
const WORD = String.raw`(?:[\p{Lu}\d][\p{L}\d&'’-]*|\p{Ll}\p{Lu}[\p{L}\d]*)(?:\.(?:com|io|ai|co|net))?`;
const NAME_AT_START = new RegExp(String.raw`^${WORD}(?:[ \t]+(?:&|and|of|de|${WORD})){0,4}`, "u");
const NAMES_ANYWHERE = new RegExp(String.raw`${WORD}(?:[ \t]+(?:&|and|of|de|${WORD})){0,4}`, "gu");

const LEGAL_SUFFIX =
  /(?:,?\s+(?:inc|inc\.|llc|l\.l\.c\.|ltd|ltd\.|limited|gmbh|ag|plc|s\.a\.|b\.v\.|bv|corp|corp\.|corporation|company|co\.))+$/i;
const TRAILING_CONNECTOR = /(?:\s+(?:&|and|of|de))+$/i;
const ROLE_THEN_EMPLOYER =
  /^(?:\S+\s+)?(?:position|role|opening|opportunity|vacancy|job|internship)\s+(?:at|with)\s+(?:the\s+)?(.+)$/i;
const ROLE_WORDS = /^(?:position|role|opening|opportunity|vacancy|job|internship|team|program|programme)\b/i;
const STOP_WORDS = new Set(
  (
    "the this that these those we our your you i us it its he she they unfortunately however dear hi hello thanks thank " +
    "regards best kind sincerely team recruiting recruitment hiring hr talent careers people position role job company " +
    "interview candidate application monday tuesday wednesday thursday friday saturday sunday january february march " +
    "april may june july august september october november december re fwd fw subject from to date sent please " +
    "no-reply noreply notifications after at in on for with"
  ).split(" "),
);
// Senders that are not the employer: mailbox providers, applicant tracking systems, ourselves.
const GENERIC_DOMAINS = new Set(
  (
    "gmail googlemail outlook hotmail live msn yahoo ymail aol icloud me mac proton protonmail pm gmx web mail " +
    "greenhouse greenhouse-mail lever hire myworkday workday smartrecruiters ashbyhq ashby icims taleo jobvite " +
    "bamboohr workable recruitee teamtailor personio breezy jazzhr applytojob successfactors linkedin indeed " +
    "rebound example localhost"
  ).split(" "),
);
const TWO_LEVEL_SUFFIXES = new Set([
  "co.uk",
  "org.uk",
  "ac.uk",
  "com.au",
  "co.nz",
  "co.za",
  "com.br",
  "co.jp",
  "co.in",
  "com.mx",
  "com.sg",
  "com.ar",
  "co.kr",
]);
const SENDER_TEAM =
  /^(?:the\s+)?(.+?)\s+(?:recruiting|recruitment|talent acquisition|talent|careers|career|hiring|jobs|hr|people|people ops|people operations|human resources)(?:\s+team)?$/i;
const SIGNATURE_TEAM =
  /^(?:[-–—]\s*)?(?:the\s+)?(.+?)\s+(?:recruiting|recruitment|talent acquisition|talent|careers|hiring|people|hr|human resources|people operations)(?:\s+team)?[.!]?$/i;
const SIGNATURE_TEAM_AFTER =
  /^(?:[-–—]\s*)?(?:the\s+)?(?:recruiting|recruitment|talent acquisition|talent|hiring|people|hr)(?:\s+team)?\s*[,|@–—-]\s*(.+)$/i;

// Phrases after which a letter names the employer. Scores: 3 is unambiguous, 2 needs support.
const LETTER_LEADS: readonly [RegExp, number][] = [
  [
    /\b(?:interest in|interest in joining|applying (?:to|at|with)|application (?:to|at|with)|applied (?:to|at|with)|considering|interviewing (?:with|at)|(?:meet|speak|talk|interview) with us at|your time (?:with|at))\s+(?:the team at\s+|us at\s+)?/gi,
    3,
  ],
  [
    /\b(?:position|role|opportunity|opening|vacancy|internship|job|career|interview|interviews|team|everyone|all of us|us|here)\s+(?:here\s+)?at\s+/gi,
    2,
  ],
  [/\b(?:position|role|opportunity|opening|career)\s+with\s+/gi, 2],
  [/\b(?:on behalf of|joining|to join)\s+(?:the team at\s+)?/gi, 2],
  // German, French and Spanish letters: "Interesse an der X", "intérêt pour X", "interés en X".
  [
    /(?:\binteresse an|\bbewerbung bei|\bbewerbung als [^\n]{1,40}? bei|intérêt pour|\bcandidature chez|\binterés en)\s+(?:der\s+|dem\s+|unserem\s+|unserer\s+|la\s+|el\s+)?/gi,
    3,
  ],
  [/\b(?:team|recruiting-team|personalabteilung|équipe|equipo)\s+(?:der|des|von|de)\s+/gi, 2],
];
const SUBJECT_LEADS: readonly [RegExp, number][] = [
  [
    /\b(?:your application|update on your application|your candidacy|applying|thank you for applying)\s+(?:to|at|with)\s+/gi,
    3,
  ],
  [/\b(?:application update|application status|interview|your interview)\s+(?:at|with|from)\s+/gi, 2],
  [/\s(?:at|@)\s+/gi, 2],
];
const NOTE_LEADS: readonly [RegExp, number][] = [
  [
    /\b(?:rejected(?: me)?|rejection|turned(?: me)? down|heard back|ghosted(?: me)?|passed on me|a no)\s+(?:by|from)\s+/gi,
    2,
  ],
];

interface Candidate {
  surface: string;
  score: number;
  strongest: number;
}

class Votes {
  private readonly byKey = new Map<string, Candidate>();

  add(raw: string | null | undefined, score: number): void {
    const surface = cleanName(raw);
    if (!surface) return;
    const key = compact(surface);
    const existing = this.byKey.get(key);
    if (existing) {
      existing.score += score;
      if (score > existing.strongest) Object.assign(existing, { surface, strongest: score });
    } else this.byKey.set(key, { surface, score, strongest: score });
  }

  /** The best supported name, or null when nothing is strong enough or two names compete. */
  best(): string | null {
    const merged: { key: string; candidate: Candidate }[] = [];
    // "Kestrel" and "Kestrel Analytics" are the same employer: pool their votes.
    const entries = [...this.byKey.entries()].sort((a, b) => a[0].length - b[0].length);
    for (const [key, candidate] of entries) {
      const related = merged.find((m) => key.startsWith(m.key) || m.key.startsWith(key));
      if (related) {
        const keep =
          candidate.strongest > related.candidate.strongest ||
          (candidate.strongest === related.candidate.strongest &&
            candidate.surface.length > related.candidate.surface.length);
        related.candidate = {
          surface: keep ? candidate.surface : related.candidate.surface,
          strongest: Math.max(candidate.strongest, related.candidate.strongest),
          score: candidate.score + related.candidate.score,
        };
      } else merged.push({ key, candidate: { ...candidate } });
    }
    merged.sort((a, b) => b.candidate.score - a.candidate.score);
    const [first, second] = merged;
    if (!first || first.candidate.score < 3) return null;
    if (second && second.candidate.score * 2 > first.candidate.score) return null;
    return first.candidate.surface;
  }
}

/**
 * The employer named in a forwarded rejection letter (mail sent to start@), from the
 * forwarded sender, phrases like "thank you for your interest in X", "role at X",
 * sign-offs like "The X Recruiting Team", the subject, and the candidate's own note
 * ("rejected by X"). Each source votes; null when the votes are weak or split.
 */
export function extractForwardedCompany(mail: InboundEmail): string | null {
  const lines = mail.text
    .replace(/\r\n?/g, "\n")
    .replace(/[\u00a0\u202f]/g, " ")
    .split("\n")
    .map((line) => line.replace(/^(?:[ \t]{0,3}>[ \t]?)+/, "").trim());
  const start = forwardStart(lines);
  const votes = new Votes();

  let letter = lines;
  let note: string[] = lines;
  if (start !== -1) {
    note = lines.slice(0, start);
    const header = readHeader(lines, start);
    letter = lines.slice(header.bodyStart);
    if (header.from) senderVotes(header.from, letter, votes);
    if (header.subject) leadVotes(header.subject, SUBJECT_LEADS, votes);
    if (header.subject) subjectPrefixVote(header.subject, votes);
  }
  letterVotes(letter, votes);
  const ownSubject = mail.subject.replace(/^(?:\s*(?:re|fwd?|fw|wg|tr|rv|enc|aw|sv|vs|vb|doorst)\s*:\s*)+/i, "");
  leadVotes(ownSubject, SUBJECT_LEADS, votes);
  leadVotes(note.join("\n"), NOTE_LEADS, votes);
  return votes.best();
}

function forwardStart(lines: readonly string[]): number {
  for (let i = 0; i < lines.length; i += 1) {
    const line = lines[i] ?? "";
    if (line === "") continue;
    if (FORWARD_MARKERS.some((re) => re.test(line)) || ORIGINAL_MESSAGE.test(line)) return i;
    if ((UNDERSCORES.test(line) || /^-{10,}$/.test(line)) && isHeaderBlock(lines, nextNonBlankIndex(lines, i + 1))) {
      return i;
    }
    if (isHeaderBlock(lines, i)) return i;
  }
  return -1;
}

function nextNonBlankIndex(lines: readonly string[], from: number): number {
  let j = from;
  while (j < lines.length && (lines[j] ?? "") === "") j += 1;
  return j;
}

/** The forwarded From and Subject, and where the forwarded body begins. */
function readHeader(lines: readonly string[], start: number): { from?: string; subject?: string; bodyStart: number } {
  const result: { from?: string; subject?: string; bodyStart: number } = { bodyStart: start + 1 };
  let seenField = false;
  for (let i = start + 1; i < lines.length && i < start + 16; i += 1) {
    const line = lines[i] ?? "";
    if (line === "") {
      if (seenField) {
        result.bodyStart = i + 1;
        return result;
      }
      continue;
    }
    const value = line.replace(/^[^:]*:\**\s*/, "");
    if (FROM_FIELD.test(line)) result.from ??= value;
    else if (SUBJECT_FIELD.test(line)) result.subject ??= value;
    else if (!/^\*?[\p{L} -]{1,20}\*?\s?:/u.test(line)) {
      result.bodyStart = i;
      return result;
    }
    seenField = true;
    result.bodyStart = i + 1;
  }
  return result;
}

function senderVotes(fromValue: string, letter: readonly string[], votes: Votes): void {
  const address = /[\w.+-]+@[\w-]+(?:\.[\w-]+)+/.exec(fromValue)?.[0]?.toLowerCase() ?? null;
  const name = fromValue
    .replace(/<[^>]*>|\[mailto:[^\]]*\]|[\w.+-]+@[\w-]+(?:\.[\w-]+)+/g, "")
    .replace(/["*()]/g, "")
    .replace(/\s+via\s+.*$/i, "")
    .trim();
  const domainLabel = address ? employerLabel(address) : null;
  const label = domainLabel ? compact(domainLabel) : null;

  if (label) {
    // The domain is only a hint; prefer how the letter itself writes the name.
    const written = (letter.join("\n").match(NAMES_ANYWHERE) ?? []).find((n) => {
      const c = compact(cleanName(n) ?? "");
      return c !== "" && (c === label || (c.length >= 4 && label.startsWith(c)));
    });
    votes.add(written ?? capitalise(domainLabel ?? label), written ? 2 : 1);
  }
  if (name === "" || name.includes("@")) return;
  const team = SENDER_TEAM.exec(name);
  if (team?.[1]) {
    votes.add(team[1], 3);
    return;
  }
  const c = compact(cleanName(name) ?? "");
  if (label && c !== "" && (c === label || label.startsWith(c) || c.startsWith(label))) votes.add(name, 3);
  else {
    // "Recrutement Maison Verdier" from maisonverdier.fr: the words that spell the domain are the employer, in any language.
    const spelled = label ? domainWords(name, label) : null;
    votes.add(spelled ?? name, spelled ? 3 : 1);
  }
}

function domainWords(name: string, label: string): string | null {
  const words = name.split(/\s+/).filter(Boolean);
  for (let i = 0; i < words.length; i += 1) {
    for (let j = words.length; j > i; j -= 1) {
      const span = words.slice(i, j).join(" ");
      if (compact(span) === label) return span;
    }
  }
  return null;
}

function letterVotes(letter: readonly string[], votes: Votes): void {
  const text = letter.join("\n");
  for (const [lead, score] of LETTER_LEADS) leadVotes(text, [[lead, score]], votes);
  for (const line of letter) {
    if (line.length > 80) continue;
    const before = SIGNATURE_TEAM.exec(line)?.[1];
    if (before && fullName(before)) votes.add(before, 3);
    const after = SIGNATURE_TEAM_AFTER.exec(line)?.[1];
    if (after && fullName(after)) votes.add(after, 2);
  }
}

function leadVotes(text: string, leads: readonly [RegExp, number][], votes: Votes): void {
  for (const [lead, score] of leads) {
    lead.lastIndex = 0;
    for (let m = lead.exec(text); m !== null; m = lead.exec(text)) {
      const rest = text.slice(m.index + m[0].length, m.index + m[0].length + 120).split("\n")[0] ?? "";
      const name = NAME_AT_START.exec(rest.replace(/^the\s+(?=\p{Lu})/iu, ""))?.[0];
      if (!name) continue;
      const after = rest.slice(rest.indexOf(name) + name.length).trimStart();
      if (ROLE_WORDS.test(after) || ROLE_WORDS.test(lastWord(name))) {
        // "interest in the Product Designer role at Tailspin Toys": the company follows the role.
        const employer = ROLE_THEN_EMPLOYER.exec(`${lastWord(name)} ${after}`)?.[1];
        const employerName = employer ? NAME_AT_START.exec(employer)?.[0] : undefined;
        if (employerName) votes.add(employerName, score);
        continue;
      }
      votes.add(name, score);
    }
  }
}

/** "Kestrel Analytics - Your application" or "Kestrel Analytics | Update". */
function subjectPrefixVote(subject: string, votes: Votes): void {
  const m = /^(.+?)\s*[-–|:]\s*(?:your )?(?:application|candidacy|update|interview)/i.exec(subject);
  if (m?.[1] && fullName(m[1])) votes.add(m[1], 2);
}

function fullName(s: string): boolean {
  return NAME_AT_START.exec(s.trim())?.[0] === s.trim();
}

function lastWord(s: string): string {
  return s.split(/\s+/).pop() ?? "";
}

function cleanName(raw: string | null | undefined): string | null {
  if (!raw) return null;
  const name = raw
    .trim()
    .replace(/^the\s+/i, "")
    .replace(/[.,;:!?'’]+$/, "")
    .replace(LEGAL_SUFFIX, "")
    .replace(TRAILING_CONNECTOR, "")
    .trim();
  if (name.length < 2 || name.length > 60) return null;
  const first = (name.split(/\s+/)[0] ?? "").toLowerCase();
  if (STOP_WORDS.has(first) || STOP_WORDS.has(name.toLowerCase())) return null;
  if (!/\p{L}/u.test(name)) return null;
  return name;
}

function compact(s: string): string {
  return s.toLowerCase().replace(/[^\p{L}\p{N}]/gu, "");
}

function capitalise(label: string): string {
  return label
    .split("-")
    .map((part) => (part[0] ?? "").toUpperCase() + part.slice(1))
    .join(" ");
}

/** `careers@mail.kestrelanalytics.co.uk` to `kestrelanalytics`; null for mailbox providers and hiring platforms. */
function employerLabel(address: string): string | null {
  const domain = address.split("@")[1] ?? "";
  const labels = domain.split(".").filter(Boolean);
  if (labels.length < 2) return null;
  const lastTwo = labels.slice(-2).join(".");
  const label = TWO_LEVEL_SUFFIXES.has(lastTwo) ? labels[labels.length - 3] : labels[labels.length - 2];
  if (!label || GENERIC_DOMAINS.has(label)) return null;
  return label;
}
