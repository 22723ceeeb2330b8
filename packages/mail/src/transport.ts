export interface OutgoingEmail {
  /** The message's own idempotency key (stable across retries). */
  key: string;
  from: string;
  to: string;
  subject: string;
  html: string;
  text: string;
  replyTo?: string;
  headers: Record<string, string>;
  tags: { name: string; value: string }[];
}

export interface OutgoingBatch {
  /** Derived from the messages in the batch, so a retried request repeats it. */
  idempotencyKey: string;
  emails: OutgoingEmail[];
}

export interface MailTransport {
  readonly name: string;
  readonly maxBatch: number;
  /** Returns the provider id of each email, in order. */
  send(batch: OutgoingBatch): Promise<string[]>;
}

/** The provider refused the request itself (validation, auth): retrying cannot help. */
export class PermanentSendError extends Error {
  override name = "PermanentSendError";
}

/** A failure that a later retry with the same idempotency key may fix. */
export class TransientSendError extends Error {
  override name = "TransientSendError";
}
