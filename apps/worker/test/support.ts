/** Helpers shared by the worker tests: their world, candidates with sent emails, and inbound requests. */
import { createApp } from "@rebound/api";
import { enrolInterview } from "@rebound/core";
import { createWorld, markFirstEmailSent, postSignedEvent, type TestEnv, unique, type World } from "@rebound/testkit";
import { startWorkers, type WorkerOptions } from "../src/workers.js";
import PostalMime from "postal-mime";

export { postMime } from "@rebound/testkit";

type App = ReturnType<typeof createApp>;

/** A candidate with a sent `process` email to reply to; returns its reply token. */
export async function candidateWithSentEmail(env: TestEnv, programId: string, company = "Acme") {
  const email = `${unique("reply")}@example.com`;
  const enrolled = await enrolInterview(env.ctx, programId, { email, name: "Sam Lee", company, outcome: "rejected" });
  return { ...enrolled, email, ...(await markFirstEmailSent(env, enrolled.enrollmentId, email)) };
}

/**
 * What Resend's receiving API would serve for a raw message: the fake Resend is
 * given the parsed text, html and headers, and the webhook names the email id.
 */
export async function deliverViaResend(env: TestEnv, app: App, raw: string) {
  const parsed = await PostalMime.parse(raw);
  const emailId = `rcv_${unique("e").replace(/[^A-Za-z0-9_]/g, "_")}`;
  const addresses = (list: { address?: string }[] | undefined) =>
    (list ?? []).flatMap((a) => (a.address ? [a.address] : []));
  const headers: Record<string, string> = {};
  for (const h of parsed.headers) if (!(h.key in headers)) headers[h.key] = h.value;
  env.resend.received.set(emailId, {
    id: emailId,
    from: parsed.from?.address ? `${parsed.from.name ? `${parsed.from.name} ` : ""}<${parsed.from.address}>` : "",
    to: addresses(parsed.to),
    cc: addresses(parsed.cc),
    subject: parsed.subject ?? "",
    text: parsed.text ?? null,
    html: parsed.html ?? null,
    headers,
    message_id: parsed.messageId,
    created_at: new Date().toISOString(),
  });
  return postSignedEvent(app, {
    type: "email.received",
    created_at: new Date().toISOString(),
    data: {
      email_id: emailId,
      from: parsed.from?.address ?? "",
      to: addresses(parsed.to),
      subject: parsed.subject ?? "",
    },
  });
}

export type WorkerWorld = World<App>;

/**
 * The shared harness's world with the API over it and the workers running in-process (fast
 * reconciler, short locks).
 */
export function startWorkerWorld(
  overrides: Record<string, string> = {},
  opts: WorkerOptions = {},
): Promise<WorkerWorld> {
  return createWorld<App>({
    env: overrides,
    app: createApp,
    workers: (ctx) => startWorkers(ctx, { reconcileEveryMs: 1000, lockDurationMs: 5000, ...opts }),
  });
}
