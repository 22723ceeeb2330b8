import type { Db } from "@rebound/db";
import type { MailTransport, OutgoingBatch, SendResult } from "./transport.js";

/**
 * The local default: mail is stored in PostgreSQL and shown at /admin/outbox.
 * Idempotent per email key, like the provider.
 */
export function createOutboxTransport(db: Db): MailTransport {
  return {
    name: "outbox",
    maxBatch: 100,
    async send(batch: OutgoingBatch): Promise<SendResult> {
      await db.outboxEmail.createMany({
        data: batch.emails.map((e) => ({
          idempotencyKey: e.key,
          messageId: e.headers["X-Rebound-Message"] ?? null,
          fromAddress: e.from,
          toAddress: e.to,
          subject: e.subject,
          html: e.html,
          text: e.text,
          headers: { ...e.headers, ...(e.replyTo ? { "Reply-To": e.replyTo } : {}) },
          tags: e.tags,
        })),
        skipDuplicates: true,
      });
      const rows = await db.outboxEmail.findMany({
        where: { idempotencyKey: { in: batch.emails.map((e) => e.key) } },
        select: { id: true, idempotencyKey: true },
      });
      const byKey = new Map(rows.map((r) => [r.idempotencyKey, r.id]));
      return { ids: batch.emails.map((e) => `outbox_${byKey.get(e.key)}`), refused: [] };
    },
  };
}
