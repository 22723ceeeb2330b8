import { timingSafeEqual } from "node:crypto";
import { acceptInboundMime, AppError } from "@rebound/core";
import { MAX_RAW_BYTES } from "@rebound/inbound";
import { Hono } from "hono";
import type { PlainRouteDoc } from "../documented.js";
import type { ApiEnv } from "../env.js";

function secretMatches(header: string | undefined, secret: string): boolean {
  const m = /^Bearer\s+(\S+)$/i.exec(header ?? "");
  if (!m?.[1]) return false;
  const a = Buffer.from(m[1]);
  const b = Buffer.from(secret);
  return a.length === b.length && timingSafeEqual(a, b);
}

export const inboundDocs: PlainRouteDoc[] = [
  {
    method: "post",
    path: "/inbound/mime",
    summary: "A raw RFC 822 message from an SMTP relay (Authorization: Bearer <INBOUND_MIME_SECRET>)",
    tags: ["inbound"],
    request: { contentType: "message/rfc822", description: "The raw message, at most 25 MB" },
    responses: {
      202: { description: "Stored and queued (or a duplicate Message-ID)", type: "application/json" },
      400: { description: "Empty body", type: "application/json" },
      401: { description: "Missing or wrong secret", type: "application/json" },
      413: { description: "Too large", type: "application/json" },
      422: { description: "Not an RFC 822 message", type: "application/json" },
      503: { description: "INBOUND_MIME_SECRET is not set", type: "application/json" },
    },
  },
];

/**
 * POST /inbound/mime: a raw RFC 822 message from an SMTP relay. Answers as soon
 * as the message is stored and queued (202); the same Message-ID again is a no-op.
 */
export const inboundRoutes = new Hono<ApiEnv>().post("/inbound/mime", async (c) => {
  const ctx = c.get("ctx");
  const secret = ctx.config.INBOUND_MIME_SECRET;
  if (!secret) throw new AppError(503, "not_configured", "INBOUND_MIME_SECRET is not set");
  if (!secretMatches(c.req.header("authorization"), secret)) {
    throw new AppError(401, "unauthorized", "missing or invalid inbound secret");
  }
  const raw = Buffer.from(await c.req.arrayBuffer());
  const intake = await acceptInboundMime(ctx, raw);
  return c.json({ id: intake.id, status: intake.duplicate ? "duplicate" : "queued" }, 202);
});

export const INBOUND_BODY_LIMIT = MAX_RAW_BYTES;
