import { htmlToText } from "./html-to-text.js";

const FORWARD_SUBJECT = /^\s*(?:\[[^\]]*\]\s*)?(?:fwd?|fw|wg|tr|rv|enc|doorst|vs|vb|i)\s*:/i;
const FORWARD_MARKER =
  /forwarded message|begin forwarded message|weitergeleitete nachricht|message transf[ée]r[ée]|mensaje reenviado|messaggio inoltrato|doorgestuurd bericht|mensagem encaminhada|d[ée]but du message r[ée]exp[ée]di[ée]|anfang der weitergeleiteten/i;

/**
 * The text a mail shows: the text part when there is one, otherwise its HTML as text.
 * HTML quotes are dropped, except in forwards, where the quoted letter is the point.
 */
export function bodyText(parts: { text?: string | null; html?: string | null; subject: string }): string {
  if (parts.text && parts.text.trim() !== "") return parts.text.replace(/\r\n?/g, "\n");
  if (parts.html && parts.html.trim() !== "") {
    const forwarded = FORWARD_SUBJECT.test(parts.subject) || FORWARD_MARKER.test(parts.html);
    return htmlToText(parts.html, { keepQuotes: forwarded });
  }
  return "";
}
