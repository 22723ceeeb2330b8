import { htmlToText } from "./html-to-text.js";

const FORWARD_SUBJECT = /^\s*(?:\[[^\]]*\]\s*)?(?:fwd?|fw|wg|tr|rv|enc|doorst|vs|vb|i)\s*:/i;
const FORWARD_MARKER =
  /forwarded message|begin forwarded message|weitergeleitete nachricht|message transf[ée]r[ée]|mensaje reenviado|messaggio inoltrato|doorgestuurd bericht|mensagem encaminhada|d[ée]but du message r[ée]exp[ée]di[ée]|anfang der weitergeleiteten/i;

/**
 * The text a mail shows: the text part when there is one, otherwise its HTML as text (with
 * quotes as `>` lines, except in forwards, where the quoted letter is the point); and the
 * HTML when both are there, so the reply can be read from either.
 */
export function bodyText(parts: { text?: string | null; html?: string | null; subject: string }): {
  text: string;
  html: string | null;
} {
  const html = parts.html && parts.html.trim() !== "" ? parts.html : null;
  if (parts.text && parts.text.trim() !== "") return { text: parts.text.replace(/\r\n?/g, "\n"), html };
  if (html) {
    const forwarded = FORWARD_SUBJECT.test(parts.subject) || FORWARD_MARKER.test(html);
    return { text: htmlToText(html, { keepQuotes: forwarded }), html: null };
  }
  return { text: "", html: null };
}
