import type { OutgoingEmail } from "@rebound/mail";
import type { AppContext } from "./context.js";
import { applyPendingEvents } from "./lifecycle/delivery-events.js";
import {
  type ClaimedEmailRow,
  claimEmail,
  groupKey,
  markFailed,
  markSent,
  rekey,
  releaseClaims,
} from "./lifecycle/messages.js";
import { assertSendingOpen, handOver } from "./sending.js";
import { isSuppressed } from "./suppression.js";

type Ctx = Pick<AppContext, "db" | "queues" | "mail" | "clock" | "config" | "log" | "provider">;

/** A claimed email as its builder sees it: the claim's row, before any content is stored. */
export type ClaimedEmail = Omit<ClaimedEmailRow, "content">;

/** Builds a message's email at its first claim; null means there is nothing left to send. */
export type BuildEmail = (message: ClaimedEmail) => Promise<OutgoingEmail | null>;

export type EmailOutcome = "sent" | "already-sent" | "skipped" | "failed";

/**
 * Sends one event-driven email (analysis, signup confirmation, notices) exactly once. Its Message
 * row is the state: claimed only while its candidate is active (a confirmation: while the address
 * is not suppressed); its content is fixed when first claimed, so every retry hands the provider
 * the same bytes under the same key, and the provider drops a repeat.
 */
export async function sendEmailMessage(ctx: Ctx, messageId: string, build: BuildEmail): Promise<EmailOutcome> {
  await assertSendingOpen(ctx);
  const now = ctx.clock.now();
  const claimed = await claimEmail(ctx.db, messageId, now);
  if (!claimed) return notClaimed(ctx, messageId);
  if (!claimed.candidateId && claimed.toEmail) {
    // No candidate yet (a signup's confirmation): the address itself is checked at send time.
    if (await isSuppressed(ctx.db, ctx.config.APP_SECRET, claimed.programId, claimed.toEmail)) {
      await releaseClaims(ctx.db, [{ id: claimed.id, candidateStatus: "unsubscribed" }]);
      return "skipped";
    }
  }
  let email = claimed.content;
  if (!email) {
    const built = await build(claimed);
    if (!built) {
      await releaseClaims(ctx.db, [{ id: claimed.id, candidateStatus: null }]);
      return "skipped";
    }
    // Fixed at the first claim: a concurrent sender that built it too uses whichever landed first.
    const [kept] = await ctx.db.$queryRaw<{ content: OutgoingEmail }[]>`
      UPDATE "Message" SET content = COALESCE(content, ${JSON.stringify(built)}::jsonb)
      WHERE id = ${claimed.id}::uuid AND status = 'sending' RETURNING content`;
    if (!kept) return notClaimed(ctx, messageId);
    email = kept.content;
  }
  let key = claimed.batchKey;
  for (let rebuilds = 0; ; rebuilds++) {
    const outcome = await handOver(ctx, key, [email]);
    if (outcome.kind === "sent") {
      const providerId = outcome.result.ids[0] ?? null;
      if (!providerId) {
        const why = outcome.result.refused[0]?.message ?? "refused";
        await markFailed(ctx.db, [{ id: claimed.id, error: `provider refused this email: ${why}` }]);
        return "failed";
      }
      await markSent(
        ctx.db,
        key,
        [{ id: claimed.id, providerId, subject: email.subject, to: email.to }],
        ctx.clock.now(),
      );
      await applyPendingEvents(ctx, [providerId]);
      return "sent";
    }
    if (outcome.kind === "refused" || rebuilds >= 2) {
      ctx.log.warn("provider refused an email", { messageId: claimed.id, kind: claimed.kind, error: outcome.error });
      await markFailed(ctx.db, [{ id: claimed.id, error: `provider refused this email: ${outcome.error}` }]);
      return "failed";
    }
    const next = groupKey([claimed.id], `conflict:${key}`);
    await rekey(ctx.db, [claimed.id], key, next);
    key = next;
  }
}

async function notClaimed(ctx: Pick<Ctx, "db">, messageId: string): Promise<EmailOutcome> {
  const [row] = await ctx.db.$queryRaw<{ status: string; candidateStatus: string | null }[]>`
    SELECT m.status::text AS status, c.status::text AS "candidateStatus"
    FROM "Message" m LEFT JOIN "Candidate" c ON c.id = m."candidateId" WHERE m.id = ${messageId}::uuid`;
  if (!row) return "skipped";
  if (["sent", "delivered", "bounced", "complained"].includes(row.status)) return "already-sent";
  if (row.status !== "scheduled" && row.status !== "sending") return "skipped";
  // A paused candidate's email waits, unclaimed (the reconciler queues it again after the resume);
  // a stopped or erased candidate's is cancelled.
  if (row.candidateStatus === "paused" && row.status === "sending") {
    await releaseClaims(ctx.db, [{ id: messageId, candidateStatus: "paused" }]);
  } else if (row.candidateStatus && row.candidateStatus !== "paused" && row.candidateStatus !== "active") {
    await releaseClaims(ctx.db, [{ id: messageId, candidateStatus: row.candidateStatus }], { scheduled: true });
  }
  return "skipped";
}
