import { createHash } from "node:crypto";
import type { Db } from "@rebound/db";
import { FINISHED_STEP_STATUSES, messageMachine } from "@rebound/domain";
import type { OutgoingEmail } from "@rebound/mail";

type Sql = Pick<Db, "$queryRaw" | "$executeRaw">;

/*
 * Every status change of a message: claimed by a sender (scheduled -> sending), handed over
 * (sending -> sent), refused for good (sending -> failed), cancelled. Delivery events live in
 * delivery-events.ts. Each statement takes its from-set from the message machine.
 */

const from = (to: Parameters<typeof messageMachine.sourcesOf>[0]) => messageMachine.sourcesOf(to);

/** A provider idempotency key derived from exactly the messages a request carries (and why it was rebuilt). */
export function groupKey(messageIds: readonly string[], salt = ""): string {
  return `rb-${createHash("sha256")
    .update(`${[...messageIds].sort().join(",")}${salt ? `|${salt}` : ""}`)
    .digest("hex")
    .slice(0, 48)}`;
}

/**
 * Claims due drip messages for one provider request, atomically: only scheduled steps of
 * active tracks of active candidates, each claimed by one sender only (SKIP LOCKED). The
 * group's idempotency key is derived in the same statement from exactly the claimed messages
 * (and each one's soft-bounce generation, so a resend after a soft bounce is a new request).
 */
export async function claimDrips(
  db: Sql,
  ids: readonly string[],
  dueBefore: Date,
  now: Date,
): Promise<{ ids: string[]; batchKey: string | null }> {
  if (ids.length === 0) return { ids: [], batchKey: null };
  const rows = await db.$queryRaw<{ id: string; batchKey: string }[]>`
    WITH c AS (
      SELECT m.id, m."softBounces" FROM "Message" m
      JOIN "Enrollment" e ON e.id = m."enrollmentId" AND e.status = 'active'
      JOIN "Candidate" cd ON cd.id = m."candidateId" AND cd.status = 'active'
      WHERE m.id = ANY(${[...ids]}::uuid[]) AND m.status::text = ANY(${from("sending").filter((s) => s === "scheduled")}::text[])
        AND m.kind = 'drip' AND m."dueAt" <= ${dueBefore}
      ORDER BY m.id
      FOR UPDATE OF m SKIP LOCKED
    ), k AS (
      SELECT 'rb-' || left(encode(sha256(convert_to(string_agg(c.id::text || ':' || c."softBounces", ',' ORDER BY c.id), 'UTF8')), 'hex'), 48) AS key
      FROM c
    )
    UPDATE "Message" m SET status = 'sending', "batchKey" = k.key, attempts = m.attempts + 1, "claimedAt" = ${now}
    FROM c, k WHERE m.id = c.id
    RETURNING m.id, m."batchKey"`;
  return { ids: rows.map((r) => r.id), batchKey: rows[0]?.batchKey ?? null };
}

export interface ClaimedEmailRow {
  id: string;
  kind: string;
  programId: string;
  candidateId: string | null;
  interviewId: string | null;
  toEmail: string | null;
  dueAt: Date;
  idempotencyKey: string;
  batchKey: string;
  content: OutgoingEmail | null;
}

/**
 * Claims one event-driven email (analysis, confirmation, notice): scheduled -> sending (or a
 * retry of sending), only while its candidate is active (a confirmation has no candidate yet).
 * Its provider key is its own idempotency key unless a rebuild gave it another.
 */
export async function claimEmail(db: Sql, messageId: string, now: Date): Promise<ClaimedEmailRow | null> {
  const [claimed] = await db.$queryRaw<ClaimedEmailRow[]>`
    UPDATE "Message" m SET status = 'sending', "batchKey" = COALESCE(m."batchKey", m."idempotencyKey"),
      attempts = m.attempts + 1, "claimedAt" = ${now}
    WHERE m.id = ${messageId}::uuid AND m.status::text = ANY(${from("sending")}::text[]) AND m.kind <> 'drip'
      AND (m."candidateId" IS NULL
        OR EXISTS (SELECT 1 FROM "Candidate" c WHERE c.id = m."candidateId" AND c.status = 'active'))
    RETURNING m.id, m.kind::text AS kind, m."programId", m."candidateId", m."interviewId", m."toEmail", m."dueAt",
              m."idempotencyKey", m."batchKey", m.content`;
  return claimed ?? null;
}

/** Moves a group (or part of it) under another key: after a split, a conflict, or a member dropped. */
export async function rekey(db: Sql, ids: readonly string[], fromKey: string, toKey: string): Promise<void> {
  await db.$executeRaw`
    UPDATE "Message" SET "batchKey" = ${toKey}
    WHERE id = ANY(${[...ids]}::uuid[]) AND "batchKey" = ${fromKey} AND status = 'sending'`;
}

/** Marks the group as being handed over right now, so the reconciler leaves it to this sender. */
export async function touchClaim(db: Sql, batchKey: string, now: Date): Promise<void> {
  await db.$executeRaw`UPDATE "Message" SET "claimedAt" = ${now} WHERE "batchKey" = ${batchKey} AND status = 'sending'`;
}

/** Keeps each email exactly as rendered, so every retry of its group sends the same bytes. */
export async function storeContent(db: Sql, emails: readonly { id: string; email: OutgoingEmail }[]): Promise<void> {
  if (emails.length === 0) return;
  await db.$executeRaw`
    UPDATE "Message" m SET content = v.content
    FROM unnest(${emails.map((e) => e.id)}::uuid[], ${emails.map((e) => JSON.stringify(e.email))}::jsonb[]) AS v(id, content)
    WHERE m.id = v.id AND m.content IS NULL AND m.status = 'sending'`;
}

export interface SentRecord {
  id: string;
  providerId: string | null;
  subject: string;
  to: string;
}

/**
 * Marks handed-over messages `sent` and drops their stored content. The subject and address
 * are kept only for candidates who were not erased meanwhile: their rows are share-locked
 * first, so an erasure committing while the email was in flight is waited for and seen.
 * Delivery events that arrived before the provider id was known are applied right after.
 */
export async function markSent(db: Db, batchKey: string, sent: readonly SentRecord[], sentAt: Date): Promise<void> {
  if (sent.length === 0) return;
  const ids = sent.map((s) => s.id);
  await db.$transaction([
    db.$queryRaw`
      SELECT c.id FROM "Candidate" c
      WHERE c.id IN (SELECT m."candidateId" FROM "Message" m WHERE m.id = ANY(${ids}::uuid[]))
      ORDER BY c.id FOR SHARE`,
    db.$executeRaw`
      UPDATE "Message" m SET status = 'sent', "sentAt" = ${sentAt}, "providerId" = v.pid, content = NULL, error = NULL,
        subject = CASE WHEN erased.id IS NULL THEN v.subject END,
        "toEmail" = CASE WHEN erased.id IS NULL THEN v.to_email END
      FROM unnest(${ids}::uuid[], ${sent.map((s) => s.providerId)}::text[], ${sent.map((s) => s.subject)}::text[],
                  ${sent.map((s) => s.to)}::text[]) AS v(id, pid, subject, to_email)
      LEFT JOIN LATERAL (
        SELECT c.id FROM "Message" mm JOIN "Candidate" c ON c.id = mm."candidateId"
        WHERE mm.id = v.id AND c.status = 'erased') erased ON true
      WHERE m.id = v.id AND m.status::text = ANY(${from("sent")}::text[]) AND m."batchKey" = ${batchKey}`,
  ]);
}

/** The provider refused these emails for good (each on its own): they fail, nothing else does. */
export async function markFailed(db: Sql, failed: readonly { id: string; error: string }[]): Promise<void> {
  if (failed.length === 0) return;
  await db.$executeRaw`
    UPDATE "Message" m SET status = 'failed', error = left(v.error, 500), content = NULL
    FROM unnest(${failed.map((f) => f.id)}::uuid[], ${failed.map((f) => f.error)}::text[]) AS v(id, error)
    WHERE m.id = v.id AND m.status::text = ANY(${from("failed")}::text[])`;
}

/**
 * A claimed message whose candidate can no longer receive mail: cancelled when the candidate is
 * gone for good, back to scheduled (unclaimed) when they only paused, so the step waits for them.
 */
export async function releaseClaims(
  db: Sql,
  released: readonly { id: string; candidateStatus: string | null }[],
  opts: { scheduled?: boolean } = {},
): Promise<void> {
  const paused = released.filter((r) => r.candidateStatus === "paused").map((r) => r.id);
  const gone = released.filter((r) => r.candidateStatus !== "paused").map((r) => r.id);
  // Claimed messages, and with `scheduled` also ones not claimed yet (a stopped candidate's email).
  const cancellable = from("cancelled").filter((s) => opts.scheduled || s === "sending");
  if (gone.length) {
    await db.$executeRaw`
      UPDATE "Message" SET status = 'cancelled', content = NULL
      WHERE id = ANY(${gone}::uuid[]) AND status::text = ANY(${cancellable}::text[])`;
  }
  if (paused.length) {
    // sending -> scheduled is not a move of the machine: the claim is undone, as if it never happened.
    await db.$executeRaw`
      UPDATE "Message" SET status = 'scheduled', "batchKey" = NULL, "claimedAt" = NULL, content = NULL
      WHERE id = ANY(${paused}::uuid[]) AND status = 'sending'`;
  }
}

/** SQL list of the statuses after which a step is over for its track. */
export const FINISHED_STEPS: string[] = [...FINISHED_STEP_STATUSES];
