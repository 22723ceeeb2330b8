import { createHash } from "node:crypto";
import { AppError } from "./errors.js";
import type { AppContext } from "./context.js";

type Ctx = Pick<AppContext, "db" | "queues" | "log">;
export interface Intake {
  id: string;
  duplicate: boolean;
}

const HEADER_LINE = /^[!-9;-~]+:[ \t]?/;

/** The header block of a raw message, or null when the bytes do not look like a mail at all. */
export function headerBlock(raw: Buffer): string | null {
  let head = raw.subarray(0, Math.min(raw.length, 256 * 1024)).toString("latin1");
  // Some relays hand over mbox entries: a `From sender date` line (no colon) precedes the
  // headers. parseMime skips it, so the intake must not refuse the message for it.
  if (head.startsWith("From ")) {
    const newline = head.indexOf("\n");
    if (newline === -1) return null;
    head = head.slice(newline + 1);
  }
  const end = head.search(/\r?\n\r?\n/);
  const block = end >= 0 ? head.slice(0, end) : head;
  const lines = block.split(/\r?\n/);
  if (lines.length === 0 || !HEADER_LINE.test(lines[0] ?? "")) return null;
  // Every line is a header or a folded continuation of one.
  if (!lines.every((l) => HEADER_LINE.test(l) || /^[ \t]/.test(l))) return null;
  if (!/^(from|to|message-id|delivered-to):/im.test(block)) return null;
  return block;
}

/** Inbound messages are idempotent per Message-ID, or per content when a message has none. */
export function mimeSourceKey(raw: Buffer, headers: string): string {
  const unfolded = headers.replace(/\r?\n[ \t]+/g, " ");
  const id = /^message-id:\s*<?([^\s<>]{1,250})>?/im.exec(unfolded)?.[1];
  return id ? `mime:${id.toLowerCase()}` : `mime:sha256:${createHash("sha256").update(raw).digest("hex")}`;
}

async function store(
  ctx: Ctx,
  data: { sourceKey: string; source: string; raw?: Buffer; payload?: unknown },
): Promise<Intake> {
  // One statement, no exception on a duplicate: this is the hot path of every inbound mail.
  const inserted = await ctx.db.$queryRaw<{ id: string }[]>`
    INSERT INTO "InboundMessage" (id, "sourceKey", source, raw, payload, status, "createdAt")
    VALUES (gen_random_uuid(), ${data.sourceKey}, ${data.source}, ${data.raw ?? null}::bytea,
            ${data.payload === undefined ? null : JSON.stringify(data.payload)}::jsonb, 'queued', now())
    ON CONFLICT ("sourceKey") DO NOTHING
    RETURNING id`;
  const row = inserted[0];
  if (!row) {
    const existing = await ctx.db.inboundMessage.findUniqueOrThrow({
      where: { sourceKey: data.sourceKey },
      select: { id: true },
    });
    return { id: existing.id, duplicate: true };
  }
  await ctx.queues.add("inbound", { inboundId: row.id }).catch((err) => {
    // The row is queued in PostgreSQL; the reconciler re-queues stale inbound rows.
    ctx.log.warn("could not queue inbound message", { inboundId: row.id, error: err });
  });
  return { id: row.id, duplicate: false };
}

/** POST /inbound/mime: checks the bytes look like a mail, stores them once, queues the work. */
export async function acceptInboundMime(ctx: Ctx, raw: Buffer): Promise<Intake> {
  if (raw.length === 0)
    throw new AppError(400, "empty_message", "the request body is empty; send a raw RFC 822 message");
  const headers = headerBlock(raw);
  if (!headers)
    throw new AppError(
      422,
      "not_a_message",
      "the body is not an RFC 822 message (no header block with From/To/Message-ID)",
    );
  return store(ctx, { sourceKey: mimeSourceKey(raw, headers), source: "mime", raw });
}

/** An `email.received` webhook: metadata only; the worker fetches the body from Resend. */
export async function acceptResendReceived(ctx: Ctx, emailId: string, data: unknown): Promise<Intake> {
  return store(ctx, { sourceKey: `resend:${emailId}`, source: "resend", payload: data });
}
