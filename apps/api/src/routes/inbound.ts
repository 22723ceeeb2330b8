import { timingSafeEqual } from "node:crypto";
import { acceptInboundMime } from "@rebound/core";
import { MAX_RAW_BYTES } from "@rebound/inbound";
import { Hono } from "hono";
import type { ApiEnv } from "../env.js";
import { errorBody } from "../errors.js";

function secretMatches(header: string | undefined, secret: string): boolean {
  const m = /^Bearer\s+(\S+)$/i.exec(header ?? "");
  if (!m?.[1]) return false;
  const a = Buffer.from(m[1]);
  const b = Buffer.from(secret);
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * POST /inbound/mime: a raw RFC 822 message from an SMTP relay. Answers as soon
 * as the message is stored and queued (202); the same Message-ID again is a no-op.
 */
export const inboundRoutes = new Hono<ApiEnv>().post("/inbound/mime", async (c) => {
  const ctx = c.get("ctx");
  const secret = ctx.config.INBOUND_MIME_SECRET;
  if (!secret) return c.json(errorBody("not_configured", "INBOUND_MIME_SECRET is not set"), 503);
  if (!secretMatches(c.req.header("authorization"), secret)) {
    return c.json(errorBody("unauthorized", "missing or invalid inbound secret"), 401);
  }
  const raw = Buffer.from(await c.req.arrayBuffer());
  const intake = await acceptInboundMime(ctx, raw);
  return c.json({ id: intake.id, status: intake.duplicate ? "duplicate" : "queued" }, 202);
});

export const INBOUND_BODY_LIMIT = MAX_RAW_BYTES;
