/** One inbound message, reduced to what Rebound routes and stores. */
export interface InboundEmail {
  /** Message-ID without the angle brackets. */
  messageId: string | null;
  /** Bare lower-case address. */
  from: string | null;
  fromName: string | null;
  /** Bare lower-case addresses. */
  to: string[];
  cc: string[];
  /** Envelope recipients (Delivered-To, X-Original-To, or the provider's own list), bare and lower-case. */
  deliveredTo: string[];
  subject: string;
  /**
   * The text part, or the HTML converted to text when there is no text part (quoted history
   * as `>` lines). Line ends are `\n`.
   */
  text: string;
  /** The HTML part of a mail that also has a text part: the reply is read from whichever of the two is cleaner. */
  html: string | null;
  /** Lower-case header names, first value of each, encoded words decoded. */
  headers: Record<string, string>;
  /** The first message id of In-Reply-To, without angle brackets. */
  inReplyTo: string | null;
  attachments: InboundAttachment[];
}

export interface InboundAttachment {
  filename: string | null;
  contentType: string;
  size: number;
}

/** Input that is not a mail, is too large, or does not have the expected shape. */
export class InboundParseError extends Error {
  override readonly name = "InboundParseError";
}
