import { addressParser, decodeWords } from "postal-mime";
import { bareAddresses, firstMessageId, normaliseAddress } from "./addresses.js";
import { bodyText } from "./body-text.js";
import { type InboundAttachment, type InboundEmail, InboundParseError } from "./inbound-email.js";
import { repairC1 } from "./windows-1252.js";

type Json = Record<string, unknown>;

function isObject(value: unknown): value is Json {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function fail(message: string): never {
  throw new InboundParseError(`Resend received email: ${message}`);
}

function optionalString(body: Json, key: string): string | null {
  const value = body[key];
  if (value === undefined || value === null) return null;
  if (typeof value !== "string") fail(`"${key}" must be a string or null`);
  return value;
}

function stringList(body: Json, key: string, required: boolean): string[] {
  const value = body[key];
  if (value === undefined || value === null) {
    if (required) fail(`"${key}" is missing`);
    return [];
  }
  if (!Array.isArray(value) || !value.every((v) => typeof v === "string")) fail(`"${key}" must be a list of strings`);
  return value;
}

function addresses(list: readonly string[]): string[] {
  return bareAddresses(list.flatMap((entry) => addressParser(entry)));
}

/**
 * An InboundEmail from the body of Resend's `GET /emails/receiving/{id}`
 * (`{ object: "email", id, from, to, cc, subject, text, html, headers, message_id,
 * received_for, attachments: [{ filename, content_type, size, ... }] }`).
 * The webhook's `email.received` data is metadata only (no text or html) and is refused.
 */
export function fromResendReceived(body: unknown): InboundEmail {
  if (!isObject(body)) fail("body is not an object");
  if (body.object !== undefined && body.object !== "email")
    fail(`"object" is ${JSON.stringify(body.object)}, not "email"`);
  if (!("text" in body) && !("html" in body)) fail("no text or html: fetch the email, not the webhook metadata");

  const fromValue = body.from;
  if (typeof fromValue !== "string" && fromValue !== null && fromValue !== undefined) fail(`"from" must be a string`);
  const to = stringList(body, "to", true);
  const cc = stringList(body, "cc", false);
  const receivedFor = stringList(body, "received_for", false);
  const subject = optionalString(body, "subject") ?? "";
  const text = optionalString(body, "text");
  const html = optionalString(body, "html");
  const messageId = optionalString(body, "message_id");

  const headers: Record<string, string> = {};
  const rawHeaders = body.headers;
  if (rawHeaders !== undefined && rawHeaders !== null) {
    if (!isObject(rawHeaders)) fail(`"headers" must be an object`);
    for (const [name, value] of Object.entries(rawHeaders)) {
      const first = Array.isArray(value) ? value[0] : value;
      const key = name.toLowerCase();
      if (typeof first === "string" && key !== "__proto__" && !Object.hasOwn(headers, key)) {
        headers[key] = repairC1(decodeWords(first));
      }
    }
  }

  const rawAttachments = body.attachments ?? [];
  if (!Array.isArray(rawAttachments)) fail(`"attachments" must be a list`);
  const attachments = rawAttachments.map((a, index): InboundAttachment => {
    if (!isObject(a)) fail(`attachment ${index} is not an object`);
    const filename = a.filename;
    const contentType = a.content_type;
    const size = a.size;
    if (filename !== null && filename !== undefined && typeof filename !== "string")
      fail(`attachment ${index} filename`);
    if (typeof contentType !== "string") fail(`attachment ${index} has no content_type`);
    if (size !== undefined && size !== null && (typeof size !== "number" || !Number.isFinite(size) || size < 0)) {
      fail(`attachment ${index} size must be a non-negative number`);
    }
    return {
      filename: filename ?? null,
      contentType: contentType.toLowerCase(),
      size: typeof size === "number" ? size : 0,
    };
  });

  const from = typeof fromValue === "string" ? addressParser(fromValue)[0] : undefined;
  const mailbox = from && !from.group ? from : undefined;
  const deliveredTo: string[] = [];
  for (const address of [...addresses(receivedFor), ...addresses(headerList(headers, "delivered-to"))]) {
    if (!deliveredTo.includes(address)) deliveredTo.push(address);
  }

  const parts = bodyText({ text, html, subject });
  return {
    messageId: firstMessageId(messageId ?? headers["message-id"]),
    from: normaliseAddress(mailbox?.address),
    fromName: mailbox?.name?.trim() || null,
    to: addresses(to),
    cc: addresses(cc),
    deliveredTo,
    subject,
    // Same repair as the MIME path: C1 controls in a body are windows-1252 bytes decoded as latin-1 upstream.
    text: repairC1(parts.text),
    html: parts.html === null ? null : repairC1(parts.html),
    markedText: parts.markedText === null ? null : repairC1(parts.markedText),
    headers,
    inReplyTo: firstMessageId(headers["in-reply-to"]),
    attachments,
  };
}

function headerList(headers: Record<string, string>, name: string): string[] {
  const value = headers[name];
  return value === undefined ? [] : [value];
}
