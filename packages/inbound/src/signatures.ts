import { hasAddress } from "./quote-markers.js";

// "Sent from my iPhone" and the like: a client's line, not the candidate's words. One pattern, one pass per line.
const MOBILE_SIGNATURE = new RegExp(
  [
    String.raw`sent from my \S.{0,80}`,
    String.raw`sent from (?:yahoo mail|aol mobile mail|mail|outlook|gmail|proton ?mail)(?:<[^>]*>)?(?: for| on) \S.{0,40}`,
    String.raw`sent from (?:yahoo mail|aol mobile mail|mail|outlook|gmail|proton ?mail)\.?`,
    String.raw`sent with (?:\[proton ?mail\]\([^)]*\)|proton ?mail) secure email\.?`,
    String.raw`get outlook for (?:ios|android)\b.*`,
    String.raw`get the new aol app:? \S+`,
    String.raw`envoy[ée] (?:de|depuis) mon \S.{0,40}`,
    String.raw`von meinem \S.{0,40} gesendet\.?`,
    String.raw`enviado (?:desde|de) mi \S.{0,40}`,
    String.raw`enviado do meu \S.{0,40}`,
    String.raw`inviato da (?:il mio )?\S.{0,40}`,
    String.raw`(?:verzonden|verstuurd) (?:vanaf|met) (?:mijn )?\S.{0,40}`,
    String.raw`skickat från (?:min )?\S.{0,40}`,
    String.raw`sendt fra (?:min )?\S.{0,40}`,
    String.raw`wysłane z (?:mojego )?\S.{0,40}`,
  ]
    .map((pattern) => `(?:${pattern})`)
    .join("|")
    .replace(/^/, "^(?:")
    .concat(")$"),
  "i",
);

// The devices and apps such lines name, the same in every language ("Отправлено с iPhone", "iPhoneから送信").
const DEVICE =
  /iphone|ipad|android|galaxy|samsung|huawei|xiaomi|honor|pixel|blackberry|outlook|yahoo|aol|gmail|proton ?mail|k-9|spark|mail\.ru|yandex|windows|mobile|smartphone/i;
const MAX_WORDS = 9;
const MAX_LENGTH = 64;

// "Sent from Edison Mail", "Sent with Airmail", "Gesendet mit Spark", "Envoyé avec Newton": the
// client's line naming itself, in the languages mail apps ship; the name is capitalised.
const SENT_WITH =
  /^(?:sent (?:from|with|via|using|on)|gesendet (?:von|mit|vom)|envoy[ée] (?:de|depuis|avec|via)|enviado (?:desde|con|de|do|com|pelo|pela|via)|inviato (?:da|con|tramite)|(?:verzonden|verstuurd) (?:met|vanaf|via|van)|skickat (?:från|med)|sendt (?:fra|med)|wysłane (?:z|przez)|odesláno (?:z|ze|přes)|odoslané (?:z|zo|cez)|отправлено (?:с|из|через)|надіслано (?:з|із|через)|lähetetty)\s+(?:(?:my|mijn|mein(?:em)?|mon|ma|mi|meu|mio|min|mój|moje|the|der|die|dem|le|la|el|il|het)\s+)?/iu;
// No `i` flag: the capital is the signal ("Sent from the airport" is the candidate's line).
const APP_NAME = /^(?:\p{Lu}|\d)\S*(?:\s+\S+){0,4}?\.?$/u;

/** A mobile client's signature line in a language we know. */
export function isMobileSignature(bare: string): boolean {
  return bare.length <= 120 && MOBILE_SIGNATURE.test(bare);
}

/**
 * A short line that names a device or mail app. Only a line the client puts last, under the
 * candidate's text, is read as a signature this way (the caller checks the position).
 */
export function namesDevice(bare: string): boolean {
  if (bare.length > MAX_LENGTH || bare.split(/\s+/).length > MAX_WORDS || /[,;!?]/.test(bare)) return false;
  if (DEVICE.test(bare)) return true;
  const sent = SENT_WITH.exec(bare);
  return sent !== null && APP_NAME.test(bare.slice(sent[0].length));
}

// What a contact block holds: a phone number, a web or LinkedIn address, an e-mail address.
const PHONE = /(?:^|[\s:])\+?\(?\d[\d\s()./-]{6,}\d(?:\s|$)/;
// A web address: a link, or a line ending in a bare domain ("aishabello.design", "acme.co.uk/team").
const WEB = /https?:\/\/|www\.|linkedin|(?:^|[\s:|·•])[\p{L}\d-]+(?:\.[\p{L}\d-]+)*\.\p{L}{2,24}(?:\/\S*)?$/iu;
const MAX_BLOCK_LINES = 8;
const MAX_BLOCK_LINE = 80;

/**
 * A paragraph that is a contact block: a name line, then title, phone, LinkedIn or address
 * lines, short and without sentences, at least one of them a way to reach the sender. What
 * follows the last contact line (a legal disclaimer, in whatever language) belongs to it.
 */
export function isContactBlock(paragraph: readonly string[]): boolean {
  const bare = paragraph.map((line) => line.trim());
  let lastContact = -1;
  for (let i = 0; i < bare.length && i < MAX_BLOCK_LINES; i += 1) {
    const line = bare[i] ?? "";
    if (line.length > MAX_BLOCK_LINE || /[.!?:]$/.test(line)) break;
    if (isContact(line)) lastContact = i;
  }
  // The first line names the sender; a paragraph opening with a number or a link is the candidate's text.
  return lastContact >= 1 && !isContact(bare[0] ?? "");
}

function isContact(line: string): boolean {
  return PHONE.test(line) || WEB.test(line) || (line.includes("@") && hasAddress(line));
}
