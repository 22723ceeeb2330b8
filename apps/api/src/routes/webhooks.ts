import { acceptResendReceived, AppError, markWebhookSeen, recordDeliveryEvent } from "@rebound/core";
import type { Prisma } from "@rebound/db";
import { Hono } from "hono";
import { Webhook, WebhookVerificationError } from "svix";
import { z } from "zod";
import type { PlainRouteDoc } from "../documented.js";
import type { ApiEnv } from "../env.js";

/** Resend webhook bodies are small; the email body itself is fetched separately. */
export const WEBHOOK_BODY_LIMIT = 256 * 1024;

const eventSchema = z.object({
  type: z.string().regex(/^email\.[a-z_]+$/),
  created_at: z.string().max(64).optional(),
  data: z
    .object({
      email_id: z.string().regex(/^[A-Za-z0-9_-]{1,100}$/),
      bounce: z
        .object({ type: z.string().max(40).optional() })
        .loose()
        .optional(),
    })
    .loose(),
});

export const webhookDocs: PlainRouteDoc[] = [
  {
    method: "post",
    path: "/webhooks/resend",
    summary: "Resend webhooks: received mail and delivery events",
    description:
      "Verified with the svix signature (RESEND_WEBHOOK_SECRET) on the raw body before anything is parsed or stored; timestamps more than five minutes off are refused. Each svix-id takes effect once. An event for an email not known yet is kept and applied when the email's id is stored.",
    tags: ["inbound"],
    request: { contentType: "application/json", description: "A Resend event, as signed by svix" },
    responses: {
      200: { description: "Event applied, kept for later, or a replay", type: "application/json" },
      202: { description: "Received mail stored and queued", type: "application/json" },
      400: { description: "Signed body is not a Resend email event", type: "application/json" },
      401: { description: "Signature refused", type: "application/json" },
      503: { description: "RESEND_WEBHOOK_SECRET is not set", type: "application/json" },
    },
  },
];

/**
 * POST /webhooks/resend. The svix signature is checked on the raw body before anything is
 * parsed or stored. A delivery event commits only with its effect (else the answer is 5xx and
 * Resend retries it), and takes effect once per svix-id.
 */
export const webhookRoutes = new Hono<ApiEnv>().post("/webhooks/resend", async (c) => {
  const ctx = c.get("ctx");
  const secret = ctx.config.RESEND_WEBHOOK_SECRET;
  if (!secret) throw new AppError(503, "not_configured", "RESEND_WEBHOOK_SECRET is not set");
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
    throw new AppError(401, "invalid_signature", `webhook signature refused: ${reason}`);
  }
  let event: z.infer<typeof eventSchema>;
  try {
    event = eventSchema.parse(JSON.parse(raw));
  } catch {
    throw new AppError(400, "invalid_body", "signed body is not a Resend email event");
  }
  if (event.type === "email.received") {
    // Stored first (idempotent per email id), then the svix-id remembered: a crash between the two
    // is retried by Resend and finds the stored message.
    const intake = await acceptResendReceived(ctx, event.data.email_id, event.data as Prisma.InputJsonValue);
    if (!(await markWebhookSeen(ctx, headers["svix-id"], event.type, event.data.email_id))) {
      ctx.log.info("webhook replay dropped", { type: event.type });
      return c.json({ status: "duplicate" }, 200);
    }
    return c.json({ status: intake.duplicate ? "duplicate" : "queued", id: intake.id }, 202);
  }
  const outcome = await recordDeliveryEvent(ctx, {
    eventId: headers["svix-id"],
    type: event.type,
    providerId: event.data.email_id,
    createdAt: event.created_at ?? null,
    bounceType: event.data.bounce?.type ?? null,
  });
  if (outcome === "duplicate") ctx.log.info("webhook replay dropped", { type: event.type });
  return c.json({ status: outcome === "pending" ? "kept" : outcome === "duplicate" ? "duplicate" : "processed" }, 200);
});
