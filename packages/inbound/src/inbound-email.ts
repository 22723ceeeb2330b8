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
  /**
   * The HTML part, when there is one: its structure tells quoted history from what the person
   * typed, and when there is a text part too, the reply is read from whichever is cleaner.
   */
  html: string | null;
  /**
   * When `text` is the HTML part drawn as text (the mail has no text part): the same drawing with
   * each quote container's lines opening with `QUOTE_CONTAINER_MARK` (once per level) instead of
   * `>`, so that a `>` the person typed is told from the history. Null when there is a text part.
   */
  markedText: string | null;
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
