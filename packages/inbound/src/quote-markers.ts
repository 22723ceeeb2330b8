// Lines that mark where quoted or forwarded mail begins, shared by reply stripping and forward reading.

export const FORWARD_MARKERS: readonly RegExp[] = [
  /^-{3,}\s*(forwarded message|weitergeleitete nachricht|message transféré|mensaje reenviado|messaggio inoltrato|doorgestuurd bericht|mensagem encaminhada|vidarebefordrat meddelande|videresendt meddelelse)\s*-{3,}$/i,
  /^(begin forwarded message|début du message réexpédié|anfang der weitergeleiteten nachricht|inicio del mensaje reenviado|inizio messaggio inoltrato|begin doorgestuurd bericht|início da mensagem reencaminhada)\s?:$/i,
];

export const ORIGINAL_MESSAGE =
  /^-{2,}\s*(original message|ursprüngliche nachricht|message d'origine|mensaje original|messaggio originale|oorspronkelijk bericht|mensagem original|originalmeddelande|oprindelig meddelelse|opprinnelig melding|alkuperäinen viesti|wiadomość oryginalna|původní zpráva)\s*-{2,}$/i;
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

/** `From:` followed within a few lines by at least two of `Sent:`/`Date:`, `To:`, `Subject:`. */
export function isHeaderBlock(lines: readonly string[], at: number): boolean {
  if (!FROM_FIELD.test((lines[at] ?? "").trim())) return false;
  const seen = new Set<string>();
  for (let j = at + 1; j < lines.length && j <= at + 6; j += 1) {
    const line = (lines[j] ?? "").trim();
    if (DATE_FIELD.test(line)) seen.add("date");
    else if (SUBJECT_FIELD.test(line)) seen.add("subject");
    else if (TO_FIELD.test(line)) seen.add("to");
  }
  return seen.size >= 2;
}
