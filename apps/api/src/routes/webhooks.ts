import { acceptResendReceived, applyDeliveryEvent } from "@rebound/core";
import { Prisma } from "@rebound/db";
import { Hono } from "hono";
import { Webhook, WebhookVerificationError } from "svix";
import { z } from "zod";
import type { ApiEnv } from "../env.js";
import { errorBody } from "../errors.js";

/** Resend webhook bodies are small; the email body itself is fetched separately. */
export const WEBHOOK_BODY_LIMIT = 256 * 1024;

const eventSchema = z.object({
  type: z.string().regex(/^email\.[a-z_]+$/),
  created_at: z.string().optional(),
  data: z.object({ email_id: z.string().regex(/^[A-Za-z0-9_-]{1,100}$/) }).loose(),
});

/**
 * POST /webhooks/resend. The svix signature is checked on the raw body before
 * anything is parsed or stored; svix refuses timestamps more than five minutes
 * off. Each svix-id takes effect once: a replay of a processed event is answered and dropped.
 */
export const webhookRoutes = new Hono<ApiEnv>().post("/webhooks/resend", async (c) => {
  const ctx = c.get("ctx");
  const secret = ctx.config.RESEND_WEBHOOK_SECRET;
  if (!secret) return c.json(errorBody("not_configured", "RESEND_WEBHOOK_SECRET is not set"), 503);
  const raw = await c.req.text();
  const headers = {
    "svix-id": c.req.header("svix-id") ?? "",
    "svix-timestamp": c.req.header("svix-timestamp") ?? "",
    "svix-signature": c.req.header("svix-signature") ?? "",
  };
  try {
    new Webhook(secret).verify(raw, headers);
  } catch (err) {
    const reason = err instanceof WebhookVerificationError ? err.message : "verification failed";
    ctx.log.warn("webhook refused", { reason });
    return c.json(errorBody("invalid_signature", `webhook signature refused: ${reason}`), 401);
  }
  let event: z.infer<typeof eventSchema>;
  try {
    event = eventSchema.parse(JSON.parse(raw));
  } catch {
    return c.json(errorBody("invalid_body", "signed body is not a Resend email event"), 400);
  }
  const svixId = headers["svix-id"];
  const replay = () => {
    ctx.log.info("webhook replay dropped", { svixId, type: event.type });
    return c.json({ status: "duplicate" }, 200);
  };
  if (await ctx.db.emailEvent.findUnique({ where: { providerEventId: svixId }, select: { id: true } })) return replay();
  // The svix-id is recorded only after the event took effect: a delivery that failed half-way
  // is processed again when Resend retries it. Each effect is idempotent on its own (intake
  // per email id, timestamps and status moves per message), so a racing retry changes nothing.
  let answer: { status: "queued" | "duplicate"; id: string } | null = null;
  let messageId: string | null = null;
  let programId: string | null = null;
  if (event.type === "email.received") {
    const intake = await acceptResendReceived(ctx, event.data.email_id, event.data as Prisma.InputJsonValue);
    answer = { status: intake.duplicate ? "duplicate" : "queued", id: intake.id };
  } else {
    ({ messageId, programId } = await applyDeliveryEvent(ctx, event.type, event.data.email_id));
  }
  try {
    await ctx.db.emailEvent.create({
      data: {
        providerEventId: svixId,
        type: event.type,
        messageId,
        programId,
        payload: { email_id: event.data.email_id, created_at: event.created_at ?? null },
      },
    });
  } catch (err) {
    if (err instanceof Prisma.PrismaClientKnownRequestError && err.code === "P2002") return replay();
    throw err;
  }
  return answer ? c.json(answer, 202) : c.json({ status: "processed" }, 200);
});
