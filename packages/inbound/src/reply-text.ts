import { isForward } from "./body-text.js";
import { htmlToText } from "./html-to-text.js";
import type { InboundEmail } from "./inbound-email.js";
import { QUOTE_CONTAINER_MARK } from "./quote-markers.js";
import { extractReply, readReply } from "./strip-quotes.js";

// Links in a text part ("my portfolio <https://...>") have no words in the HTML's visible text.
const BRACKETED_LINK = /<(?:https?:|mailto:)[^>\s]*>/gi;
// Words, and emoji: a reply of one 👍 is not empty.
const WORD = /[\p{L}\p{N}\p{Extended_Pictographic}]+/gu;

/**
 * The candidate's words from a mail with a text part, an HTML part, or both. The HTML is what
 * the person saw as they typed; a text part is the client's rendering of it, and some clients
 * render badly (image placeholders, `*bold*`, link targets, doubled or lost line breaks, a
 * "view this in HTML" stub). So the HTML's reply wins, unless it is empty or it runs on past
 * where the text reply ends word for word: then the HTML kept history the text's shape gave away.
 * The HTML is read with its quote containers marked as such, so a `>` the person typed is theirs.
 */
export function replyOf(mail: Pick<InboundEmail, "text" | "markedText" | "html" | "subject">): string {
  if (mail.markedText !== null) {
    const reply = extractReply(mail.markedText);
    if (reply !== "" || mail.html === null) return reply;
    // Nothing outside what the client marked as a signature: the candidate typed inside it.
    const keepQuotes = isForward(mail.subject, mail.html);
    return extractReply(htmlToText(mail.html, { keepQuotes, quoteMark: QUOTE_CONTAINER_MARK, keepSignatures: true }));
  }
  const { reply: fromText, topPosted } = readReply(mail.text);
  if (mail.html === null) return fromText;
  const htmlText = htmlToText(mail.html, { untilQuote: topPosted, quoteMark: QUOTE_CONTAINER_MARK });
  // The common case, a top-posted reply whose HTML says the same: nothing to choose.
  if (htmlText === fromText) return fromText;
  const fromHtml = extractReply(htmlText);
  const textWords = words(fromText);
  const htmlWords = words(fromHtml);
  if (htmlWords.length === 0) return fromText;
  const textIsShorterPrefix =
    textWords.length > 0 && textWords.length < htmlWords.length && textWords.every((word, i) => htmlWords[i] === word);
  return textIsShorterPrefix ? fromText : fromHtml;
}

function words(text: string): string[] {
  return text.replace(BRACKETED_LINK, " ").toLowerCase().match(WORD) ?? [];
}
