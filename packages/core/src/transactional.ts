import type { OutgoingEmail } from "@rebound/mail";
import { PermanentSendError } from "@rebound/mail";
import type { AppContext } from "./context.js";

type Ctx = Pick<AppContext, "db" | "mail" | "clock">;

/**
 * Sends one event-driven email (analysis, confirmation) exactly once, tracked by a
 * Message row whose idempotency key is also the provider's: a retry after a crash
 * repeats the same request and the provider drops the duplicate.
 */
export async function sendTracked(
  ctx: Ctx,
  row: { id: string; idempotencyKey: string; status: string },
  email: OutgoingEmail,
): Promise<"sent" | "already-sent" | "failed"> {
  if (row.status !== "scheduled" && row.status !== "sending") return "already-sent";
  await ctx.db.message.updateMany({
    where: { id: row.id, status: { in: ["scheduled", "sending"] } },
    data: { status: "sending", batchKey: row.idempotencyKey, attempts: { increment: 1 } },
  });
  try {
    const [providerId] = await ctx.mail.send({ idempotencyKey: row.idempotencyKey, emails: [email] });
    await ctx.db.message.updateMany({
      where: { id: row.id, status: "sending" },
      data: {
        status: "sent",
        sentAt: ctx.clock.now(),
        providerId: providerId ?? null,
        subject: email.subject,
        toEmail: email.to,
      },
    });
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
