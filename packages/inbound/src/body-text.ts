import { htmlToText } from "./html-to-text.js";
import { QUOTE_CONTAINER_MARK } from "./quote-markers.js";

const CONTAINER_MARKS = new RegExp(`^${QUOTE_CONTAINER_MARK}+`, "gm");

const FORWARD_SUBJECT = /^\s*(?:\[[^\]]*\]\s*)?(?:fwd?|fw|wg|tr|rv|enc|doorst|vs|vb|i)\s*:/i;
const FORWARD_MARKER =
  /forwarded message|begin forwarded message|weitergeleitete nachricht|message transf[ée]r[ée]|mensaje reenviado|messaggio inoltrato|doorgestuurd bericht|mensagem encaminhada|d[ée]but du message r[ée]exp[ée]di[ée]|anfang der weitergeleiteten/i;

/**
 * The text a mail shows: the text part when there is one, otherwise its HTML as text (with
 * quotes as `>` lines, except in forwards, where the quoted letter is the point), and then also
 * that text with the quote containers' own mark (`markedText`, see InboundEmail); and the HTML part.
 */
export function bodyText(parts: { text?: string | null; html?: string | null; subject: string }): {
  text: string;
  markedText: string | null;
  html: string | null;
} {
  const html = parts.html && parts.html.trim() !== "" ? parts.html : null;
  if (parts.text && parts.text.trim() !== "") {
    return { text: parts.text.replace(/\r\n?/g, "\n"), markedText: null, html };
  }
  if (!html) return { text: "", markedText: null, html: null };
  if (isForward(parts.subject, html)) {
    const text = htmlToText(html, { keepQuotes: true });
    return { text, markedText: text, html };
  }
  const markedText = htmlToText(html, { quoteMark: QUOTE_CONTAINER_MARK });
  const text = markedText.includes(QUOTE_CONTAINER_MARK)
    ? markedText.replace(CONTAINER_MARKS, (marks) => ">".repeat(marks.length))
    : markedText;
  return { text, markedText, html };
}

/** A forwarded mail (by its subject or the client's forward marker): its quoted part is the letter, not history. */
export function isForward(subject: string, html: string): boolean {
  return FORWARD_SUBJECT.test(subject) || FORWARD_MARKER.test(html);
}
