import { type InboundDeps, type InboundOutcome, processInbound } from "@rebound/core";
import type { Db } from "@rebound/db";
import { keywordAnalyser } from "@rebound/domain";
import { createResendReader } from "@rebound/mail";
import {
  createWorld as createHarnessWorld,
  type World as HarnessWorld,
  markFirstEmailSent,
  postMime,
  TEST_MIME_SECRET,
  TEST_WEBHOOK_SECRET,
  type TestEnv,
  unique,
} from "@rebound/testkit";
import { expect } from "vitest";
import { createApp } from "../src/app.js";

/** Helpers shared by the API's inbound, webhook, subscription and log tests. */

export { postMime, postSignedEvent, postWebhook, type SignOptions, svixHeaders, svixId } from "@rebound/testkit";

export type App = ReturnType<typeof createApp>;
export interface ErrorJson {
  error: { code: string; message: string };
}

export type World = Pick<HarnessWorld<App>, "env" | "app" | "programId" | "apiKey">;

/** The shared harness's world with the API over it (one program with an API key). */
export async function createWorld(overrides: Record<string, string> = {}): Promise<HarnessWorld<App>> {
  return createHarnessWorld<App>({ env: overrides, app: createApp });
}

/** What the inbound worker hands to processInbound: the offline analyser and a reader of the fake Resend. */
export function inboundDeps(env: TestEnv): InboundDeps {
  const read = createResendReader({ apiKey: env.resend.apiKey, baseUrl: env.resend.url });
  return { analyser: keywordAnalyser, fetchReceived: read };
}

/** Runs the inbound job for one stored message, as the worker would. */
export function processStored(env: TestEnv, inboundId: string): Promise<InboundOutcome> {
  return processInbound(env.ctx, inboundDeps(env), inboundId);
}

/** POST /v1/interviews under a program's key. */
export async function enrol(world: World, body: Record<string, unknown> = {}, apiKey = world.apiKey) {
  const email = `${unique("cand")}@example.com`;
  const res = await world.app.request("/v1/interviews", {
    method: "POST",
    headers: { "content-type": "application/json", authorization: `Bearer ${apiKey}` },
    body: JSON.stringify({ email, name: "Sam Lee", company: "Acme", role: "Engineer", outcome: "rejected", ...body }),
  });
  expect(res.status).toBe(202);
  const out = (await res.json()) as { candidateId: string; interviewId: string; enrollmentId: string };
  return { ...out, email: typeof body.email === "string" ? body.email : email };
}

/** A candidate whose first (`process`) email counts as sent, with the reply token of that email. */
export async function enrolWithSentEmail(world: World, body: Record<string, unknown> = {}, apiKey = world.apiKey) {
  const enrolled = await enrol(world, body, apiKey);
  const { messageId, token } = await markFirstEmailSent(world.env, enrolled.enrollmentId, enrolled.email);
  return { ...enrolled, messageId, token, replyTo: replyAddress(token) };
}

export const INBOUND_DOMAIN = "reply.rebound.localhost";
export const replyAddress = (token: string) => `reply+${token}@${INBOUND_DOMAIN}`;
export const START_ADDRESS = `start@${INBOUND_DOMAIN}`;

export interface MailSpec {
  to: string;
  from?: string;
  subject?: string;
  messageId?: string;
  /** Extra header lines, e.g. `{ "Auto-Submitted": "auto-replied" }`. */
  headers?: Record<string, string>;
  contentType?: string;
  body: string;
}

/** A small raw RFC 822 message with CRLF line ends. */
export function rawMail(spec: MailSpec): string {
  const lines = [
    `From: ${spec.from ?? "Sam Lee <sam@example.com>"}`,
    `To: ${spec.to}`,
    `Subject: ${spec.subject ?? "Re: Your interview at Acme"}`,
    "Date: Mon, 3 Mar 2025 09:15:00 +0000",
    `Message-ID: <${spec.messageId ?? `${unique("msg")}@mail.example.com`}>`,
    "MIME-Version: 1.0",
    `Content-Type: ${spec.contentType ?? 'text/plain; charset="utf-8"'}`,
    ...Object.entries(spec.headers ?? {}).map(([k, v]) => `${k}: ${v}`),
  ];
  return `${lines.join("\r\n")}\r\n\r\n${spec.body.replace(/\r?\n/g, "\r\n")}`;
}

/** Posts a raw message and expects it to be queued; returns the stored inbound id. */
export async function acceptMime(app: App, raw: string | Uint8Array): Promise<string> {
  const res = await postMime(app, raw);
  expect(res.status).toBe(202);
  const out = (await res.json()) as { id: string; status: string };
  expect(out.status).toBe("queued");
  return out.id;
}

export const resendEvent = (type: string, emailId: string) => ({
  type,
  created_at: new Date().toISOString(),
  data: { email_id: emailId, from: "coach@rebound.test", to: ["sam@example.com"], subject: "Hello" },
});

/**
 * Checks an error answer: status, the one JSON shape, and that it leaks no stack
 * trace, file path or configured secret.
 */
export async function expectError(res: Response, status: number, code?: string): Promise<ErrorJson> {
  expect(res.status).toBe(status);
  expect(res.headers.get("content-type") ?? "").toMatch(/application\/json/);
  const text = await res.text();
  const json = JSON.parse(text) as ErrorJson;
  expect(Object.keys(json)).toEqual(["error"]);
  expect(Object.keys(json.error).sort()).toEqual(["code", "message"]);
  expect(typeof json.error.code).toBe("string");
  expect(json.error.message.length).toBeGreaterThan(3);
  if (code) expect(json.error.code).toBe(code);
  expectNoLeak(text);
  return json;
}

/** No stack frames, source paths or secrets in text that leaves the service. */
export function expectNoLeak(text: string): void {
  expect(text).not.toMatch(/\n\s+at\s|\bat [\w.<>]+ \(|node_modules|\.ts:\d+|\/work\//);
  expect(text).not.toContain(TEST_WEBHOOK_SECRET);
  expect(text).not.toContain(TEST_WEBHOOK_SECRET.slice("whsec_".length));
  expect(text).not.toContain(TEST_MIME_SECRET);
}

/** Row counts of everything an inbound path or webhook may write. */
export async function inboundCounts(db: Db) {
  const [inbound, events, reflections, pending, candidates, enrollments, suppressions] = await Promise.all([
    db.inboundMessage.count(),
    db.emailEvent.count(),
    db.reflection.count(),
    db.pendingSubscription.count(),
    db.candidate.count(),
    db.enrollment.count(),
    db.suppression.count(),
  ]);
  return { inbound, events, reflections, pending, candidates, enrollments, suppressions };
}

/**
 * Nothing half-written: every reflection comes from an inbound row that finished
 * as processed, and every finished row has dropped its raw mail and kept an outcome.
 */
export async function expectConsistentInbound(db: Db): Promise<void> {
  const reflections = await db.reflection.findMany({ select: { sourceKey: true } });
  const finishedFor = await db.inboundMessage.findMany({
    where: { sourceKey: { in: reflections.map((r) => r.sourceKey) } },
    select: { sourceKey: true, status: true },
  });
  const statusOf = new Map(finishedFor.map((r) => [r.sourceKey, r.status]));
  for (const r of reflections) expect(statusOf.get(r.sourceKey), r.sourceKey).toBe("processed");
  const finished = await db.inboundMessage.findMany({
    where: { status: { not: "queued" } },
    select: { id: true, raw: true, processedAt: true, result: true },
  });
  for (const row of finished) {
    expect(row.raw, row.id).toBeNull();
    expect(row.processedAt, row.id).toBeInstanceOf(Date);
    expect(row.result, row.id).toBeTruthy();
  }
}
