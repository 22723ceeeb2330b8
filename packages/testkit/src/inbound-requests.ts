import { signReplyToken } from "@rebound/domain";
import { Webhook } from "svix";
import { TEST_MIME_SECRET, TEST_WEBHOOK_SECRET, type TestEnv, unique } from "./test-env.js";

/** Anything that answers requests like a Hono app (`app.request`). */
export interface RequestTarget {
  request(path: string, init: RequestInit): Response | Promise<Response>;
}

/** POST /inbound/mime; `authorization` null sends no header at all. */
export function postMime(
  app: RequestTarget,
  raw: string | Uint8Array,
  authorization: string | null = `Bearer ${TEST_MIME_SECRET}`,
) {
  return app.request("/inbound/mime", {
    method: "POST",
    headers: { "content-type": "message/rfc822", ...(authorization === null ? {} : { authorization }) },
    body: typeof raw === "string" ? raw : new Uint8Array(raw),
  });
}

let svixCounter = 0;
export const svixId = () => `msg_${unique("svix").replace(/-/g, "")}${++svixCounter}`;

export interface SignOptions {
  id?: string;
  at?: Date;
  secret?: string;
}

/** The three svix headers for a payload, signed like Resend signs its webhooks. */
export function svixHeaders(payload: string, opts: SignOptions = {}): Record<string, string> {
  const id = opts.id ?? svixId();
  const at = opts.at ?? new Date();
  return {
    "svix-id": id,
    "svix-timestamp": String(Math.floor(at.getTime() / 1000)),
    "svix-signature": new Webhook(opts.secret ?? TEST_WEBHOOK_SECRET).sign(id, at, payload),
  };
}

export function postWebhook(app: RequestTarget, body: string, headers: Record<string, string>) {
  return app.request("/webhooks/resend", {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body,
  });
}

/** A Resend event, signed with the test secret and posted. */
export function postSignedEvent(app: RequestTarget, event: unknown, opts: SignOptions = {}) {
  const payload = JSON.stringify(event);
  return postWebhook(app, payload, svixHeaders(payload, opts));
}

/**
 * Marks an enrolment's first (`process`) email as sent, as if the drip had sent it,
 * and returns the reply token a reply to it would carry.
 */
export async function markFirstEmailSent(env: TestEnv, enrollmentId: string, toEmail?: string) {
  const message = await env.ctx.db.message.findFirstOrThrow({ where: { enrollmentId } });
  const sentAt = new Date();
  await env.ctx.db.message.update({
    where: { id: message.id },
    data: { status: "sent", sentAt, providerId: unique("prov"), ...(toEmail ? { toEmail } : {}) },
  });
  return { messageId: message.id, token: signReplyToken(message.id, env.config.APP_SECRET, sentAt) };
}
