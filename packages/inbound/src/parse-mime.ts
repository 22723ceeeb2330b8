import PostalMime, { decodeWords, type Email, type Header } from "postal-mime";
import { bareAddresses, firstMessageId, normaliseAddress } from "./addresses.js";
import { bodyText } from "./body-text.js";
import { decodeFlowed } from "./flowed.js";
import { type InboundAttachment, type InboundEmail, InboundParseError } from "./inbound-email.js";
import { repairC1 } from "./windows-1252.js";

/** 10 MiB of message plus room for the headers relays add on the way. Larger input is refused unparsed. */
export const MAX_RAW_BYTES = 10 * 1024 * 1024 + 64 * 1024;

// At least one of these must be present for the input to count as a mail.
const MAIL_HEADERS = new Set([
  "from",
  "to",
  "cc",
  "delivered-to",
  "x-original-to",
  "subject",
  "message-id",
  "date",
  "received",
  "return-path",
  "mime-version",
  "sender",
  "reply-to",
]);
const FIELD_NAME = /^[!-9;-~]+$/;

/** Parse a raw RFC 822 message. Throws InboundParseError for empty, oversized or non-mail input. */
export async function parseMime(raw: string | Uint8Array): Promise<InboundEmail> {
  const size = typeof raw === "string" ? Buffer.byteLength(raw, "utf8") : raw.byteLength;
  if (size > MAX_RAW_BYTES) {
    throw new InboundParseError(`message is ${size} bytes, more than the ${MAX_RAW_BYTES} allowed`);
  }
  const input = withoutMboxLine(raw);
  if (isBlank(input)) throw new InboundParseError("message is empty");

  const { raw: unflowed, flowed } = withoutFlowedParameter(input);
  let email: Email;
  try {
    email = await PostalMime.parse(unflowed, { attachmentEncoding: "arraybuffer" });
  } catch (cause) {
    const reason = cause instanceof Error ? cause.message : String(cause);
    throw new InboundParseError(`message could not be parsed: ${reason}`, { cause });
  }
  assertLooksLikeMail(email.headers);

  const headers = headerRecord(email.headers);
  const subject = repairC1(email.subject ?? "");
  const plain = email.text !== undefined && flowed ? decodeFlowed(email.text, flowed.delSp) : email.text;
  const body = bodyText({ text: plain, html: email.html, subject });
  let text = repairC1(body.text);
  const noTextParts = email.text === undefined && email.html === undefined;
  if (noTextParts && /^multipart\//i.test(headers["content-type"] ?? "")) text = await salvageBrokenMultipart(input);

  const from = email.from && !email.from.group ? email.from : undefined;
  return {
    messageId: firstMessageId(email.messageId),
    from: normaliseAddress(from?.address),
    fromName: repairC1(from?.name?.trim() ?? "") || null,
    to: bareAddresses(email.to),
    cc: bareAddresses(email.cc),
    deliveredTo: envelopeRecipients(email.headers),
    subject,
    text,
    html: body.html === null ? null : repairC1(body.html),
    markedText: body.markedText === null ? null : repairC1(body.markedText),
    headers,
    inReplyTo: firstMessageId(email.inReplyTo),
    attachments: email.attachments.map(
      (a): InboundAttachment => ({
        filename: a.filename,
        contentType: a.mimeType,
        size: typeof a.content === "string" ? Buffer.byteLength(a.content) : a.content.byteLength,
      }),
    ),
  };
}

// A Content-Type header field, folded lines included, that declares format=flowed.
const FLOWED_CONTENT_TYPE = /^content-type:[^\n]*(?:\r?\n[ \t][^\n]*)*/gim;
const FORMAT_FLOWED = /\bformat\s*=\s*"?flowed"?/i;
const DEL_SP = /\bdelsp\s*=\s*"?yes"?/i;

/**
 * postal-mime joins format=flowed lines without looking at quote depth, so a quoted line that
 * ends in a space swallows the unquoted answer below it (RFC 3676 section 4.5 forbids that).
 * Renaming the parameter keeps postal-mime from decoding; `decodeFlowed` does it properly.
 */
function withoutFlowedParameter(raw: string | Uint8Array): {
  raw: string | Uint8Array;
  flowed: { delSp: boolean } | null;
} {
  const bytes = typeof raw !== "string";
  if (bytes ? Buffer.from(raw.buffer, raw.byteOffset, raw.byteLength).indexOf("lowed") === -1 : !/flowed/i.test(raw)) {
    return { raw, flowed: null };
  }
  const source = bytes ? Buffer.from(raw.buffer, raw.byteOffset, raw.byteLength).toString("latin1") : raw;
  let flowed: { delSp: boolean } | null = null;
  const rewritten = source.replace(FLOWED_CONTENT_TYPE, (header) => {
    if (!FORMAT_FLOWED.test(header)) return header;
    flowed ??= { delSp: DEL_SP.test(header) };
    return header.replace(FORMAT_FLOWED, (param) => `x-${param}`);
  });
  if (!flowed) return { raw, flowed: null };
  return { raw: bytes ? Buffer.from(rewritten, "latin1") : rewritten, flowed };
}

function isBlank(raw: string | Uint8Array): boolean {
  if (typeof raw === "string") return !/\S/.test(raw);
  return raw.every((b) => b === 0x20 || b === 0x09 || b === 0x0a || b === 0x0d);
}

/** Some relays hand over mbox entries, which start with a `From sender date` line that is not a header. */
function withoutMboxLine(raw: string | Uint8Array): string | Uint8Array {
  if (typeof raw === "string") return raw.startsWith("From ") ? raw.slice(raw.indexOf("\n") + 1 || raw.length) : raw;
  const isMbox = raw[0] === 0x46 && raw[1] === 0x72 && raw[2] === 0x6f && raw[3] === 0x6d && raw[4] === 0x20;
  if (!isMbox) return raw;
  const newline = raw.indexOf(0x0a);
  return newline === -1 ? new Uint8Array(0) : raw.subarray(newline + 1);
}

function assertLooksLikeMail(headers: readonly Header[]): void {
  const first = headers[0];
  if (!first || !FIELD_NAME.test(first.key)) throw new InboundParseError("message does not start with a header");
  if (!headers.some((h) => MAIL_HEADERS.has(h.key))) throw new InboundParseError("message has no mail headers");
}

function headerRecord(headers: readonly Header[]): Record<string, string> {
  const record: Record<string, string> = {};
  for (const header of headers) {
    // Object.hasOwn, not `in`: a header called "constructor" must not be mistaken for one already seen.
    if (!FIELD_NAME.test(header.key) || header.key === "__proto__" || Object.hasOwn(record, header.key)) continue;
    // Most header values (Received, DKIM-Signature) hold no encoded word: skip the decoder's passes.
    record[header.key] = repairC1(header.value.includes("=?") ? decodeWords(header.value) : header.value);
  }
  return record;
}

/** Every envelope recipient a relay recorded: Delivered-To (often several) and X-Original-To. */
function envelopeRecipients(headers: readonly Header[]): string[] {
  const out: string[] = [];
  for (const header of headers) {
    if (header.key !== "delivered-to" && header.key !== "x-original-to") continue;
    for (const part of header.value.split(",")) {
      const address = normaliseAddress(part.trim());
      if (address && !out.includes(address)) out.push(address);
    }
  }
  return out;
}

/**
 * A multipart message whose boundary never matches (a broken relay or a hand-made message)
 * yields no text. Read each `--`-separated chunk as a small message of its own and keep
 * the first text found, so the candidate's words are not lost to a framing error.
 */
async function salvageBrokenMultipart(raw: string | Uint8Array): Promise<string> {
  const latin1 = typeof raw !== "string";
  const source = latin1 ? Buffer.from(raw.buffer, raw.byteOffset, raw.byteLength).toString("latin1") : raw;
  const bodyStart = source.search(/\r?\n\r?\n/);
  if (bodyStart === -1) return "";
  const chunks = source.slice(bodyStart).split(/\r?\n--[^\r\n]*\r?\n/);
  for (const chunk of chunks) {
    const part = chunk.replace(/^\s+/, "");
    if (!/^content-[a-z-]+\s*:/i.test(part)) continue;
    try {
      const parsed = await PostalMime.parse(latin1 ? Buffer.from(part, "latin1") : part);
      const { text } = bodyText({ text: parsed.text, html: parsed.html, subject: "" });
      if (text.trim() !== "") return repairC1(text);
    } catch {
      // A chunk that does not parse is skipped; the others may still hold the text.
    }
  }
  return "";
}
