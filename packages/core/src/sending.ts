import {
  IdempotencyConflictError,
  type OutgoingEmail,
  PermanentSendError,
  ProviderUnavailableError,
  type SendResult,
} from "@rebound/mail";
import type { AppContext } from "./context.js";

type Ctx = Pick<AppContext, "mail" | "provider" | "log">;

/**
 * Nobody may send now: the provider is unavailable for everyone (auth, outage, timeout, rate
 * limit). The queue workers turn it into a pause of their whole queue, so no attempt is used up.
 */
export class SendingPausedError extends Error {
  override name = "SendingPausedError";
  constructor(
    readonly waitMs: number,
    readonly reason: string,
  ) {
    super(`sending paused for ${waitMs} ms: ${reason}`);
  }
}

/** Refuses to start a send while the provider gate is closed. */
export async function assertSendingOpen(ctx: Ctx): Promise<void> {
  const wait = await ctx.provider.waitMs();
  if (wait > 0) throw new SendingPausedError(wait, "the mail provider is unavailable");
}

export type SendOutcome =
  | { kind: "sent"; result: SendResult }
  /** The provider holds this key for another body: rebuild the group under a new key. */
  | { kind: "conflict"; error: string }
  /** The provider refused the request as a whole for what it carries: split it, or fail a single email. */
  | { kind: "refused"; error: string };

/**
 * One provider request, its failure classified by whose fault it is. A provider-wide failure
 * trips the shared gate (every process pauses, with backoff) and is thrown as SendingPausedError;
 * the first one logs an error, and the first success after it logs the recovery.
 */
export async function handOver(ctx: Ctx, idempotencyKey: string, emails: OutgoingEmail[]): Promise<SendOutcome> {
  try {
    const result = await ctx.mail.send({ idempotencyKey, emails });
    if (await ctx.provider.clear()) ctx.log.info("mail provider is back: sending resumed");
    return { kind: "sent", result };
  } catch (err) {
    if (err instanceof ProviderUnavailableError) {
      const { waitMs, first } = await ctx.provider.trip(err.kind, err.retryAfterMs);
      const log = first ? ctx.log.error : ctx.log.warn;
      log(
        err.kind === "rate-limit"
          ? "mail provider rate limit: sending paused"
          : "mail provider unavailable: sending paused",
        { kind: err.kind, waitMs, error: err.message },
      );
      throw new SendingPausedError(waitMs, err.message);
    }
    if (err instanceof IdempotencyConflictError) return { kind: "conflict", error: err.message };
    if (err instanceof PermanentSendError) return { kind: "refused", error: err.message };
    throw err;
  }
}
