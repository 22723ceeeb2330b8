// Lines that mark where quoted or forwarded mail begins, shared by reply stripping and forward reading.
// They are recognised by their shape (a separator, a block of header fields holding an address
// and a date); the word lists only help where the shape alone is not enough.

/**
 * What a quote container's lines open with (once per level) when HTML is drawn as text to read a
 * reply from, instead of the `>` a person can type: a Unicode noncharacter, never in mail text.
 */
export const QUOTE_CONTAINER_MARK = "\ufdd0";

export const FORWARD_MARKERS: readonly RegExp[] = [
  /^-{3,}\s*(forwarded message|weitergeleitete nachricht|message transféré|mensaje reenviado|messaggio inoltrato|doorgestuurd bericht|mensagem encaminhada|vidarebefordrat meddelande|videresendt meddelelse)\s*-{3,}$/i,
  /^(begin forwarded message|début du message réexpédié|anfang der weitergeleiteten nachricht|inicio del mensaje reenviado|inizio messaggio inoltrato|begin doorgestuurd bericht|início da mensagem reencaminhada)\s?:$/i,
];

export const ORIGINAL_MESSAGE =
  /^-{2,}\s*(original message|ursprüngliche nachricht|message d'origine|mensaje original|messaggio originale|oorspronkelijk bericht|mensagem original|originalmeddelande|oprindelig meddelelse|opprinnelig melding|alkuperäinen viesti|wiadomość oryginalna|původní zpráva)\s*-{2,}$/i;
/** "-----Original Message-----", "----- Исходное сообщение -----", "------------------ 原始邮件 ------------------". */
export const DASHED_TITLE = /^-{2,}\s*[^\s-].{0,160}?\s*-{2,}$/u;
/**
 * A title drawn between runs of one symbol: "---- On <date> <name> <address> wrote ----" (Zoho),
 * ">>> <name> <address> <date> >>>" (GroupWise). Holding an address and a date, it is an attribution.
 */
export const DRAWN_TITLE = /^([-=*~#+>])\1+\s*(?!\1).{1,160}?\s*\1{2,}$/u;
export const UNDERSCORES = /^_{10,}$/;
export const SIGNATURE_DELIMITER = /^--$/;

function field(names: string): RegExp {
  // `*From:*` is how a bold Outlook header looks after HTML-to-text conversion.
  return new RegExp(`^\\*?(?:${names})\\*?\\s?:\\*?(\\s|$)`, "i");
}
export const FROM_FIELD = field("from|de|von|van|da|från|fra|od|lähettäjä|remetente|feladó");
export const DATE_FIELD = field(
  "sent|date|envoyé|gesendet|datum|enviado|enviada|fecha|inviato|data|verzonden|skickat|sendt|wysłano|lähetetty|dátum",
);
export const TO_FIELD = field("to|cc|à|a|an|para|aan|till|til|do|vastaanottaja|címzett");
export const SUBJECT_FIELD = field("subject|objet|betreff|asunto|oggetto|onderwerp|assunto|ämne|emne|temat|aihe|tárgy");

/** `Label: value` with a short label in any script ("От кого:", "发件人：", "*Sent:*"). */
export const ANY_FIELD = /^\*{0,2}[^\s:：*][^:：]{0,30}?\*{0,2}\s?[:：]\*{0,2}(?:\s+(.*))?$/u;

const LOCAL_CHAR = /[\p{L}\p{N}._%+-]/u;
const DOMAIN_AFTER_AT = /[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)+/uy;

/** Whether `text` holds an e-mail address (bare or in brackets) or a `mailto:` link, looked for around each `@` only. */
export function hasAddress(text: string): boolean {
  for (let at = text.indexOf("@"); at !== -1; at = text.indexOf("@", at + 1)) {
    DOMAIN_AFTER_AT.lastIndex = at + 1;
    if (at > 0 && LOCAL_CHAR.test(text[at - 1] ?? "") && DOMAIN_AFTER_AT.test(text)) return true;
  }
  return /mailto:/i.test(text);
}

/** A time (10:02, 10.02, 10h02), a year, or a numeric date: what an attribution's date looks like in any language. */
export const DATE_OR_TIME =
  /\d{1,2}[:.h]\d{2}(?!\d)|(?<!\d)(?:19|20)\d{2}(?!\d)|\d{1,4}[./-]\d{1,2}[./-]\d{1,4}|\d+\s?年/u;

/**
 * Whether the text names a date or a time outside its addresses: a reply address's token
 * ("reply+x2019k@...") is not a year, so it must not make an attribution look dated.
 */
export function hasDateOrTime(text: string): boolean {
  return DATE_OR_TIME.test(text.replace(/[^\s<>"]*@[^\s<>"]*/g, " "));
}

/**
 * The header of a quoted or forwarded message, starting at `at`: `From:` followed within a few
 * lines by two of `Sent:`/`Date:`, `To:`, `Subject:`; or, in a language we have no words for,
 * three or more `Label: value` lines in a row whose first value holds an address and one a date.
 */
export function isHeaderBlock(lines: readonly string[], at: number): boolean {
  const first = (lines[at] ?? "").trim();
  if (FROM_FIELD.test(first)) {
    const seen = new Set<string>();
    for (let j = at + 1; j < lines.length && j <= at + 6; j += 1) {
      const line = (lines[j] ?? "").trim();
      if (DATE_FIELD.test(line)) seen.add("date");
      else if (SUBJECT_FIELD.test(line)) seen.add("subject");
      else if (TO_FIELD.test(line)) seen.add("to");
    }
    if (seen.size >= 2) return true;
  }
  const firstValue = ANY_FIELD.exec(first)?.[1];
  if (!firstValue || !hasAddress(firstValue)) return false;
  let fields = 1;
  let dated = DATE_OR_TIME.test(firstValue);
  for (let j = at + 1; j < lines.length && j <= at + 8; j += 1) {
    const line = (lines[j] ?? "").trim();
    if (line === "") break;
    const value = ANY_FIELD.exec(line);
    if (!value) continue;
    fields += 1;
    if (DATE_OR_TIME.test(value[1] ?? "")) dated = true;
  }
  return fields >= 3 && dated;
}
