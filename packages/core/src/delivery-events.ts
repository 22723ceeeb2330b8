import { type MessageStatus, messageMachine } from "@rebound/domain";
import { stopCandidate } from "./candidates.js";
import type { AppContext } from "./context.js";

type Ctx = Pick<AppContext, "db" | "queues" | "clock" | "log">;

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

/**
 * Applies a provider event to the message it names. Moves follow the message state
 * machine (late or repeated events change nothing); a bounce or complaint stops
 * all further mail to the candidate.
 */
export async function applyDeliveryEvent(
  ctx: Ctx,
  type: string,
  providerId: string,
): Promise<{ messageId: string | null; programId: string | null }> {
  const stamp = STAMP_FOR[type];
  if (!stamp) return { messageId: null, programId: null };
  const message = await ctx.db.message.findFirst({
    where: { providerId },
    select: { id: true, status: true, candidateId: true, programId: true },
  });
  if (!message) {
    ctx.log.info("delivery event for an unknown message", { type, providerId });
    return { messageId: null, programId: null };
  }
  const next = STATUS_FOR[type];
  const move = next && messageMachine.can(message.status, next) ? next : undefined;
  // A status event the state machine refuses (a late "delivered" after a bounce) leaves no trace
  // on the message either: its timestamp would count it as delivered in the funnel.
  if (next && !move && message.status !== next) return { messageId: message.id, programId: message.programId };
  await ctx.db.message.updateMany({
    where: { id: message.id, [stamp]: null },
    data: { [stamp]: ctx.clock.now(), ...(move ? { status: move } : {}) },
  });
  if (type === "email.bounced" || type === "email.complained") {
    await stopCandidate(
      ctx,
      message.candidateId,
      type === "email.bounced" ? "bounced" : "complained",
      `provider:${type}`,
    );
  }
  return { messageId: message.id, programId: message.programId };
}
