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
  /** Derived from exactly the messages in the batch, so a retried request repeats it. */
  idempotencyKey: string;
  emails: OutgoingEmail[];
}

export interface SendResult {
  /** The provider id of each email, in order; null where the provider refused that email. */
  ids: (string | null)[];
  /** Emails the provider refused on their own (the rest of the batch went out). */
  refused: { index: number; message: string }[];
}

export interface MailTransport {
  readonly name: string;
  readonly maxBatch: number;
  /**
   * Hands a batch to the provider. Per-email refusals come back in `refused`; a failure of
   * the whole request is thrown as one of the errors below, so callers can tell whose fault it is.
   */
  send(batch: OutgoingBatch): Promise<SendResult>;
}

/**
 * Nobody can send right now, and it is not any one email's fault: the key is refused (401/403),
 * the provider is down (5xx), the request timed out or the network failed, or the provider's rate
 * limit answered 429. Sending pauses for every process and resumes by itself.
 */
export class ProviderUnavailableError extends Error {
  override name = "ProviderUnavailableError";
  constructor(
    readonly kind: "auth" | "outage" | "timeout" | "rate-limit",
    message: string,
    /** How long the provider asked us to wait, when it said so (retry-after). */
    readonly retryAfterMs: number | null = null,
  ) {
    super(message);
  }
}

/**
 * The provider already holds this idempotency key for a different request body (409
 * `invalid_idempotent_request`): repeating the key can never succeed, so the group must be
 * rebuilt under a new key.
 */
export class IdempotencyConflictError extends Error {
  override name = "IdempotencyConflictError";
}

/**
 * The provider refused the request as a whole for its content (a strict-mode 422, or another 4xx
 * about the request): the batch is split so that only the emails at fault fail.
 */
export class PermanentSendError extends Error {
  override name = "PermanentSendError";
}

/** A failure that a later retry with the same idempotency key may fix (the provider is still working on it). */
export class TransientSendError extends Error {
  override name = "TransientSendError";
}
