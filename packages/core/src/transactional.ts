import type { OutgoingEmail } from "@rebound/mail";
import { PermanentSendError } from "@rebound/mail";
import type { AppContext } from "./context.js";
import { recordSent } from "./record-sent.js";

type Ctx = Pick<AppContext, "db" | "mail" | "clock">;

/**
 * Sends one event-driven email (the analysis email) exactly once, tracked by a
 * Message row whose idempotency key is also the provider's: a retry after a crash
 * repeats the same request and the provider drops the duplicate.
 */
export async function sendTracked(
  ctx: Ctx,
  row: { id: string; idempotencyKey: string; status: string },
  email: OutgoingEmail,
): Promise<"sent" | "already-sent" | "skipped" | "failed"> {
  if (row.status !== "scheduled" && row.status !== "sending") return "already-sent";
  // Claimed only while the candidate is active: an erasure or stop that committed
  // since the caller loaded the candidate wins, and nothing is sent.
  const claimed = await ctx.db.$executeRaw`
    UPDATE "Message" m SET status = 'sending', "batchKey" = ${row.idempotencyKey}, attempts = m.attempts + 1
    FROM "Candidate" c
    WHERE m.id = ${row.id}::uuid AND m.status IN ('scheduled', 'sending')
      AND c.id = m."candidateId" AND c.status = 'active'`;
  if (claimed === 0) {
    await ctx.db.$executeRaw`
      UPDATE "Message" m SET status = 'cancelled' FROM "Candidate" c
      WHERE m.id = ${row.id}::uuid AND m.status IN ('scheduled', 'sending')
        AND c.id = m."candidateId" AND c.status NOT IN ('active', 'paused')`;
    return "skipped";
  }
  try {
    const [providerId] = await ctx.mail.send({ idempotencyKey: row.idempotencyKey, emails: [email] });
    await recordSent(
      ctx.db,
      row.idempotencyKey,
      [{ id: row.id, providerId: providerId ?? null, subject: email.subject, to: email.to }],
      ctx.clock.now(),
    );
    return "sent";
  } catch (err) {
    if (!(err instanceof PermanentSendError)) throw err;
    await ctx.db.message.updateMany({
      where: { id: row.id, status: "sending" },
      data: { status: "failed", error: err.message },
    });
    return "failed";
  }
}
