import { randomUUID } from "node:crypto";
import type { Db } from "@rebound/db";
import { isUuid } from "@rebound/domain";
import type { AppContext } from "../context.js";
import { AppError, notFound } from "../errors.js";
import { acceptInboundMime } from "../inbound-intake.js";

/** The dev outbox exists only while mail is not sent for real (no RESEND_API_KEY). */
export function outboxEnabled(config: Pick<AppContext["config"], "RESEND_API_KEY">): boolean {
  return !config.RESEND_API_KEY;
}

function assertOutbox(config: Pick<AppContext["config"], "RESEND_API_KEY">) {
  if (!outboxEnabled(config))
    throw new AppError(404, "not_found", "the outbox exists only while RESEND_API_KEY is unset");
}

// The outbox keeps the program in each email's tags: a coach sees only their program's mail.
const programTag = (programId: string) => JSON.stringify([{ name: "program", value: programId }]);

export const OUTBOX_PAGE_SIZE = 30;

/** The program's stored emails, newest first, searchable by recipient or subject. */
export async function listOutbox(
  db: Db,
  config: Pick<AppContext["config"], "RESEND_API_KEY">,
  programId: string,
  opts: { q?: string; page?: number },
) {
  assertOutbox(config);
  const page = Math.max(opts.page ?? 1, 1);
  const like = opts.q?.trim() ? `%${opts.q.trim().replace(/[\\%_]/g, (m) => `\\${m}`)}%` : null;
  const [rows, [count]] = await Promise.all([
    db.$queryRaw<
      { id: string; toAddress: string; fromAddress: string; subject: string; createdAt: Date; step: string | null }[]
    >`
      SELECT o.id, o."toAddress", o."fromAddress", o.subject, o."createdAt",
        (SELECT t->>'value' FROM jsonb_array_elements(o.tags) t WHERE t->>'name' = 'step' LIMIT 1) AS step
      FROM "OutboxEmail" o
      WHERE o.tags @> ${programTag(programId)}::jsonb
        AND (${like}::text IS NULL OR o."toAddress" ILIKE ${like} OR o.subject ILIKE ${like})
      ORDER BY o."createdAt" DESC, o.id LIMIT ${OUTBOX_PAGE_SIZE} OFFSET ${(page - 1) * OUTBOX_PAGE_SIZE}`,
    db.$queryRaw<{ count: bigint }[]>`
      SELECT count(*) FROM "OutboxEmail" o WHERE o.tags @> ${programTag(programId)}::jsonb
        AND (${like}::text IS NULL OR o."toAddress" ILIKE ${like} OR o.subject ILIKE ${like})`,
  ]);
  return { emails: rows, total: Number(count?.count ?? 0), page, pageSize: OUTBOX_PAGE_SIZE };
}

export async function getOutboxEmail(
  db: Db,
  config: Pick<AppContext["config"], "RESEND_API_KEY">,
  programId: string,
  id: string,
) {
  assertOutbox(config);
  if (!isUuid(id)) throw notFound("email");
  const [row] = await db.$queryRaw<
    {
      id: string;
      messageId: string | null;
      toAddress: string;
      fromAddress: string;
      subject: string;
      html: string;
      text: string;
      headers: Record<string, string>;
      createdAt: Date;
    }[]
  >`
    SELECT id, "messageId", "toAddress", "fromAddress", subject, html, text, headers, "createdAt"
    FROM "OutboxEmail" WHERE id = ${id}::uuid AND tags @> ${programTag(programId)}::jsonb`;
  if (!row) throw notFound("email");
  return { ...row, replyTo: row.headers["Reply-To"] ?? null };
}

/** RFC 2047 for a header value that is not plain ASCII. */
const encodeHeader = (v: string) =>
  /^[\x20-\x7e]*$/.test(v) ? v : `=?UTF-8?B?${Buffer.from(v, "utf8").toString("base64")}?=`;

/**
 * "Simulate reply": a raw RFC 822 message built from the form, as the candidate's mail client
 * would send it (From = the recipient, To = the email's Reply-To, the original quoted below),
 * handed to the real inbound path. Nothing here short-cuts parsing, stripping or analysis.
 */
export async function simulateReply(
  ctx: Pick<AppContext, "db" | "queues" | "log" | "config" | "clock">,
  programId: string,
  outboxId: string,
  input: { text: string; from?: string },
): Promise<{ inboundId: string; duplicate: boolean }> {
  const email = await getOutboxEmail(ctx.db, ctx.config, programId, outboxId);
  if (!email.replyTo) throw new AppError(409, "no_reply_to", "this email has no Reply-To address: it takes no replies");
  const text = input.text.replace(/\r\n?/g, "\n").trim();
  if (!text) throw new AppError(400, "invalid_body", "text: the reply is empty");
  const from = input.from?.trim() || email.toAddress;
  const quoted = email.text
    .split("\n")
    .slice(0, 40)
    .map((l) => `> ${l}`)
    .join("\r\n");
  const date = ctx.clock.now().toUTCString().replace("GMT", "+0000");
  const raw = [
    `From: ${from}`,
    `To: ${email.replyTo}`,
    `Subject: ${encodeHeader(`Re: ${email.subject}`)}`,
    `Date: ${date}`,
    `Message-ID: <simulated-${randomUUID()}@outbox.rebound.localhost>`,
    "MIME-Version: 1.0",
    "Content-Type: text/plain; charset=utf-8",
    "Content-Transfer-Encoding: base64",
    "",
    Buffer.from(
      `${text.replace(/\n/g, "\r\n")}\r\n\r\nOn ${date}, ${email.fromAddress} wrote:\r\n${quoted}\r\n`,
      "utf8",
    )
      .toString("base64")
      .replace(/.{76}/g, "$&\r\n"),
    "",
  ].join("\r\n");
  const intake = await acceptInboundMime(ctx, Buffer.from(raw, "utf8"));
  return { inboundId: intake.id, duplicate: intake.duplicate };
}
