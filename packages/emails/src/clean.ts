/**
 * Input normalisation shared by every email. It exists so that what React writes
 * (and what the plain-text converter reads back) is exactly the value we
 * substitute in compiled templates: html-to-text collapses whitespace runs and
 * the UTF-8 stream turns lone surrogates into U+FFFD, so we do both up front.
 */

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
// biome-ignore lint/suspicious/noControlCharactersInRegex: stripping them is the point
const CONTROL = /[\u0000-\u0008\u000B\u000E-\u001F\u007F]/g;
const WHITESPACE_RUN = /[\s\u200B]+/g;

/** One line of text: no control characters, no newlines, single spaces, trimmed. */
export function cleanLine(value: string): string {
  return value.replace(LONE_SURROGATE, "\uFFFD").replace(CONTROL, "").replace(WHITESPACE_RUN, " ").trim();
}

/** A multi-line block (shown preformatted): keeps line breaks, drops everything else odd. */
export function cleanBlock(value: string): string {
  return value
    .replace(LONE_SURROGATE, "\uFFFD")
    .replace(/\r\n?/g, "\n")
    .replace(/\t/g, " ")
    .replace(CONTROL, "")
    .replace(/[\f\v\u200B]/g, "")
    .trim();
}

const SAFE_URL = /^(https?:\/\/|mailto:)\S+$/i;

/**
 * Links in our emails are only ever web or mailto URLs. Anything else (an empty
 * string, `javascript:`) is a bug upstream; React would rewrite or drop it, so we
 * refuse it loudly instead of sending a broken link.
 */
export function safeUrl(name: string, value: string): string {
  const url = value.trim();
  if (!SAFE_URL.test(url)) {
    throw new TypeError(`${name} must be an http(s) or mailto: URL, got ${JSON.stringify(value)}`);
  }
  return url;
}

/** "for the Product Designer role at Acme", or "at Acme" when the role is unknown. */
export function interviewPhrase(company: string, role: string): string {
  return role ? `for the ${role} role at ${company}` : `at ${company}`;
}

/** Company names are required upstream; this keeps sentences readable if one slips through empty. */
export function companyName(company: string): string {
  return cleanLine(company) || "the company";
}
