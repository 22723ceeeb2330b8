import type { Prisma } from "@rebound/db";
import { type MessageStatus, messageMachine } from "@rebound/domain";
import { audit } from "../audit.js";
import type { AppContext } from "../context.js";
import { EVERY_PROGRAM, suppress } from "../suppression.js";
import { lockCandidate, type StopStatus, stopLocked } from "./candidate.js";

type Ctx = Pick<AppContext, "db" | "queues" | "clock" | "config" | "log">;
type Tx = Prisma.TransactionClient;

const STATUS_FOR: Record<string, MessageStatus | undefined> = {
  "email.delivered": "delivered",
  "email.bounced": "bounced",
  "email.complained": "complained",
};
const STAMP_FOR: Record<string, "deliveredAt" | "bouncedAt" | "complainedAt" | "openedAt" | "clickedAt" | undefined> = {
  "email.delivered": "deliveredAt",
  "email.bounced": "bouncedAt",
  "email.complained": "complainedAt",
  "email.opened": "openedAt",
  "email.clicked": "clickedAt",
};

/** A soft (transient) bounce sends the step again, at most this many times; then it counts as hard. */
export const MAX_SOFT_BOUNCES = 2;
const SOFT_RETRY_MS = 30 * 60_000;

export interface DeliveryEvent {
  /** svix-id of the webhook delivery: an event takes effect once. */
  eventId: string;
  type: string;
  providerId: string;
  createdAt: string | null;
  /** Resend's bounce.type ("Permanent", "Transient", "Undetermined") when it says. */
  bounceType?: string | null;
}

export type EventOutcome = "applied" | "pending" | "duplicate" | "ignored";

/**
 * Records a provider event and applies it to the message it names, in one transaction: the
 * event row commits only with its effect, so a failure half-way is answered 5xx and Resend
 * retries it. An event for a provider id not stored yet (it can arrive before the sender has
 * recorded the send) is kept and applied when the id lands, never dropped.
 */
export async function recordDeliveryEvent(ctx: Ctx, event: DeliveryEvent): Promise<EventOutcome> {
  const resend: { id: string; step: string; dueAt: Date; enrollmentId: string | null; kind: string }[] = [];
  const outcome = await ctx.db.$transaction(async (tx) => {
    const inserted = await tx.$queryRaw<{ id: string }[]>`
      INSERT INTO "EmailEvent" (id, "providerEventId", type, "providerId", payload, "createdAt")
      VALUES (gen_random_uuid(), ${event.eventId}, ${event.type}, ${event.providerId},
              ${JSON.stringify({ email_id: event.providerId, created_at: event.createdAt, bounce_type: event.bounceType ?? null })}::jsonb,
              ${ctx.clock.now()})
      ON CONFLICT ("providerEventId") DO NOTHING
      RETURNING id`;
    const row = inserted[0];
    if (!row) return "duplicate" as const;
    if (!STAMP_FOR[event.type]) {
      await tx.$executeRaw`UPDATE "EmailEvent" SET "appliedAt" = ${ctx.clock.now()} WHERE id = ${row.id}::uuid`;
      return "ignored" as const;
    }
    return applyEvent(tx, ctx, row.id, event, resend);
  });
  await requeue(ctx, resend);
  return outcome;
}

/**
 * Remembers a webhook delivery that carries no delivery effect (`email.received`): false when
 * this svix-id was seen before, so a replay is answered and dropped.
 */
export async function markWebhookSeen(
  ctx: Pick<Ctx, "db" | "clock">,
  eventId: string,
  type: string,
  providerId: string,
): Promise<boolean> {
  const now = ctx.clock.now();
  const inserted = await ctx.db.$queryRaw<{ id: string }[]>`
    INSERT INTO "EmailEvent" (id, "providerEventId", type, "providerId", payload, "appliedAt", "createdAt")
    VALUES (gen_random_uuid(), ${eventId}, ${type}, ${providerId}, ${JSON.stringify({ email_id: providerId })}::jsonb, ${now}, ${now})
    ON CONFLICT ("providerEventId") DO NOTHING
    RETURNING id`;
  return inserted.length > 0;
}

/**
 * Applies events that were waiting for their provider ids (right after a send is recorded, and by
 * the reconciler). Each event is locked and applied once, oldest first.
 */
export async function applyPendingEvents(ctx: Ctx, providerIds?: readonly string[]): Promise<number> {
  const ids = providerIds
    ? await ctx.db.$queryRaw<{ id: string }[]>`
        SELECT ev.id FROM "EmailEvent" ev
        WHERE ev."appliedAt" IS NULL AND ev."providerId" = ANY(${[...providerIds]}::text[])
        ORDER BY ev."createdAt"`
    : await ctx.db.$queryRaw<{ id: string }[]>`
        SELECT ev.id FROM "EmailEvent" ev JOIN "Message" m ON m."providerId" = ev."providerId"
        WHERE ev."appliedAt" IS NULL ORDER BY ev."createdAt" LIMIT 1000`;
  let applied = 0;
  for (const { id } of ids) {
    const resend: Parameters<typeof requeue>[1] = [];
    const done = await ctx.db.$transaction(async (tx) => {
      const [ev] = await tx.$queryRaw<{ type: string; providerId: string; payload: { bounce_type?: string | null } }[]>`
        SELECT type, "providerId", payload FROM "EmailEvent" WHERE id = ${id}::uuid AND "appliedAt" IS NULL
        FOR UPDATE SKIP LOCKED`;
      if (!ev) return false;
      const outcome = await applyEvent(
        tx,
        ctx,
        id,
        {
          eventId: "",
          type: ev.type,
          providerId: ev.providerId,
          createdAt: null,
          bounceType: ev.payload?.bounce_type ?? null,
        },
        resend,
      );
      return outcome === "applied";
    });
    await requeue(ctx, resend);
    if (done) applied++;
  }
  return applied;
}

interface EventMessage {
  id: string;
  status: MessageStatus;
  kind: string;
  step: string;
  candidateId: string | null;
  programId: string;
  enrollmentId: string | null;
  toEmail: string | null;
  softBounces: number;
}

async function applyEvent(
  tx: Tx,
  ctx: Ctx,
  eventRowId: string,
  event: DeliveryEvent,
  resend: { id: string; step: string; dueAt: Date; enrollmentId: string | null; kind: string }[],
): Promise<EventOutcome> {
  const [message] = await tx.$queryRaw<EventMessage[]>`
    SELECT id, status::text AS status, kind::text AS kind, step, "candidateId", "programId", "enrollmentId",
           "toEmail", "softBounces"
    FROM "Message" WHERE "providerId" = ${event.providerId} FOR UPDATE`;
  if (!message) {
    ctx.log.info("delivery event kept until its email is known", { type: event.type });
    return "pending";
  }
  const now = ctx.clock.now();
  await tx.$executeRaw`
    UPDATE "EmailEvent" SET "appliedAt" = ${now}, "messageId" = ${message.id}::uuid, "programId" = ${message.programId}::uuid
    WHERE id = ${eventRowId}::uuid`;
  const soft = event.type === "email.bounced" && /^(transient|soft)/i.test(event.bounceType ?? "");
  if (soft && message.softBounces < MAX_SOFT_BOUNCES && messageMachine.can(message.status, "scheduled")) {
    // The mailbox was full or the server busy: the same email goes again later, as a new request.
    const dueAt = new Date(now.getTime() + (SOFT_RETRY_MS * (message.softBounces + 1)) / ctx.config.DRIP_SPEEDUP);
    await tx.$executeRaw`
      UPDATE "Message" SET status = 'scheduled', "softBounces" = "softBounces" + 1, "providerId" = NULL,
        "batchKey" = NULL, "claimedAt" = NULL, "dueAt" = ${dueAt}
      WHERE id = ${message.id}::uuid`;
    resend.push({ id: message.id, step: message.step, dueAt, enrollmentId: message.enrollmentId, kind: message.kind });
    return "applied";
  }
  const stamp = STAMP_FOR[event.type];
  const next = STATUS_FOR[event.type];
  const move = next && messageMachine.can(message.status, next) ? next : undefined;
  // A status event the machine refuses (a late "delivered" after a bounce) leaves no trace on the
  // message either: its timestamp would count it as delivered in the funnel.
  if (next && !move && message.status !== next) return "applied";
  if (stamp) {
    await tx.message.updateMany({
      where: { id: message.id, [stamp]: null },
      data: { [stamp]: now, ...(move ? { status: move } : {}) },
    });
  }
  if (event.type === "email.bounced" || event.type === "email.complained") {
    const status: StopStatus = event.type === "email.bounced" ? "bounced" : "complained";
    const actor = `provider:${event.type}`;
    if (message.candidateId) {
      const c = await lockCandidate(tx, message.candidateId);
      if (c) await stopLocked(tx, ctx, c, status, actor, now);
    } else if (message.toEmail) {
      // A signup's confirmation email: there is no candidate yet, but the address is just as done.
      await suppress(tx, ctx.config.APP_SECRET, message.toEmail, EVERY_PROGRAM, status, now);
      await audit(tx, {
        programId: message.programId,
        actor,
        action: `signup.${status}`,
        targetType: "message",
        targetId: message.id,
      });
    }
  }
  return "applied";
}

async function requeue(
  ctx: Ctx,
  resend: { id: string; step: string; dueAt: Date; enrollmentId: string | null; kind: string }[],
) {
  for (const m of resend) {
    const delay = m.dueAt.getTime() - ctx.clock.now().getTime();
    if (m.kind === "drip" && m.enrollmentId) {
      await ctx.queues
        .addDrips([{ data: { enrollmentId: m.enrollmentId, step: m.step, messageId: m.id }, delay }])
        .catch(() => {});
    } else {
      await ctx.queues.add("email", { messageId: m.id }, { delay }).catch(() => {});
    }
  }
}
