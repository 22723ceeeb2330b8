import type { StepKey } from "@rebound/domain";
import type { OutgoingEmail } from "@rebound/mail";
import type { JobData } from "@rebound/queue";
import { loadBrands, reboundBrand } from "./branding.js";
import { composeDripEmail, type TemplateCache } from "./compose.js";
import type { AppContext } from "./context.js";
import { advanceEnrollments } from "./lifecycle/advance.js";
import { applyPendingEvents } from "./lifecycle/delivery-events.js";
import {
  claimDrips,
  groupKey,
  markFailed,
  markSent,
  rekey,
  releaseClaims,
  storeContent,
  touchClaim,
} from "./lifecycle/messages.js";
import { assertSendingOpen, handOver, SendingPausedError } from "./sending.js";

export type DripItem = JobData<"drip">;
type Ctx = Pick<AppContext, "db" | "queues" | "mail" | "config" | "clock" | "log" | "provider">;

/** Tolerance for jobs that fire a moment before the row says the step is due. */
const EARLY_MS = 2000;
/** A group refused as a whole is split in halves until the refused emails stand alone; this bounds the depth. */
const MAX_REBUILDS = 10;

/**
 * Sends a batch of due drip messages, exactly once each:
 * 1. claim: scheduled -> sending under one key derived from exactly the claimed messages (atomic);
 * 2. groups left in `sending` by an earlier attempt (a crash, a provider outage) are sent again
 *    as the same group under the same key, with the same bytes: the provider drops the repeat;
 * 3. render (templates compiled once per step) and hand over in one provider request per group;
 * 4. record what was sent, fail only what the provider refused on its own, and move each track on.
 */
export async function sendDueDrips(ctx: Ctx, templates: TemplateCache, items: readonly DripItem[]): Promise<void> {
  const ids = [...new Set(items.map((i) => i.messageId))];
  if (ids.length === 0) return;
  await assertSendingOpen(ctx);
  const now = ctx.clock.now();
  const claimed = await claimDrips(ctx.db, ids, new Date(now.getTime() + EARLY_MS), now);
  const claimedIds = new Set(claimed.ids);
  // When every message was just claimed (the normal case), none can be stuck.
  const stuck =
    claimedIds.size === ids.length
      ? []
      : await ctx.db.$queryRaw<{ batchKey: string }[]>`
    SELECT DISTINCT "batchKey" FROM "Message"
    WHERE id = ANY(${ids}::uuid[]) AND status = 'sending' AND "batchKey" IS NOT NULL AND NOT (id = ANY(${[...claimedIds]}::uuid[]))`;
  const groups = new Set<string>(stuck.map((s) => s.batchKey));
  if (claimed.batchKey) groups.add(claimed.batchKey);
  for (const group of groups) await sendGroup(ctx, templates, group, 0, group === claimed.batchKey);
  await advanceEnrollments(ctx, ids);
}

interface GroupRow {
  id: string;
  idempotencyKey: string;
  programId: string;
  step: string;
  dueAt: Date;
  enrollmentId: string | null;
  candidateId: string;
  candidateStatus: string | null;
  email: string | null;
  name: string | null;
  company: string | null;
  role: string | null;
  interviewer: string | null;
  content: OutgoingEmail | null;
}

async function sendGroup(
  ctx: Ctx,
  templates: TemplateCache,
  batchKey: string,
  depth: number,
  justClaimed = false,
): Promise<void> {
  // One flat query: this is the hot path, and nested ORM includes cost more CPU than the send itself.
  const rows = await ctx.db.$queryRaw<GroupRow[]>`
    SELECT m.id, m."idempotencyKey", m."programId", m.step, m."dueAt", m."enrollmentId", m."candidateId",
           c.status::text AS "candidateStatus", c.email, c.name, i.company, i.role, i.interviewer, m.content
    FROM "Message" m
    JOIN "Candidate" c ON c.id = m."candidateId"
    LEFT JOIN "Enrollment" e ON e.id = m."enrollmentId"
    LEFT JOIN "Interview" i ON i.id = e."interviewId"
    WHERE m."batchKey" = ${batchKey} AND m.status = 'sending'
    ORDER BY m.id`;
  // A retried group can hold candidates who paused, stopped or were erased since the first attempt:
  // nothing more goes to them, and the rest of the group is a new request under its own key.
  const live = rows.filter((m) => m.candidateStatus === "active" && m.email !== null && m.company !== null);
  if (live.length < rows.length) {
    await releaseClaims(
      ctx.db,
      rows.filter((m) => !live.includes(m)).map((m) => ({ id: m.id, candidateStatus: m.candidateStatus })),
    );
  }
  if (live.length === 0) return;
  let key = batchKey;
  if (live.length < rows.length) {
    key = groupKey(
      live.map((m) => m.id),
      `left:${batchKey}`,
    );
    await rekey(
      ctx.db,
      live.map((m) => m.id),
      batchKey,
      key,
    );
  }
  const batch: { id: string; email: OutgoingEmail; fresh: boolean }[] = [];
  // The programs' branding (From, name, signature, reply footer), once per group.
  const fresh = live.filter((m) => !m.content);
  const brands = fresh.length
    ? await loadBrands(
        ctx.db,
        ctx.config,
        fresh.map((m) => m.programId),
      )
    : new Map();
  for (const m of live) {
    if (m.content) {
      batch.push({ id: m.id, email: m.content, fresh: false });
      continue;
    }
    const step = m.step as StepKey;
    const brand = brands.get(m.programId) ?? reboundBrand(ctx.config);
    const email = composeDripEmail(ctx.config, await templates.get(step, brand), {
      from: brand.from,
      messageId: m.id,
      idempotencyKey: m.idempotencyKey,
      programId: m.programId,
      step,
      issuedAt: m.dueAt,
      candidate: { id: m.candidateId, email: m.email as string, name: m.name },
      interview: { company: m.company as string, role: m.role, interviewer: m.interviewer },
    });
    batch.push({ id: m.id, email, fresh: true });
  }
  // Bytes are kept only when a first attempt fails: the common case pays nothing for it.
  const keepBytes = () =>
    storeContent(
      ctx.db,
      batch.filter((b) => b.fresh),
    );
  // A group sent again (after a crash, an outage, a split) is marked as being handed over now.
  if (!justClaimed) await touchClaim(ctx.db, key, ctx.clock.now());
  let outcome: Awaited<ReturnType<typeof handOver>>;
  try {
    outcome = await handOver(
      ctx,
      key,
      batch.map((b) => b.email),
    );
  } catch (err) {
    await keepBytes();
    throw err;
  }
  if (outcome.kind === "sent") {
    const { ids, refused } = outcome.result;
    const sent = batch.flatMap((b, i) =>
      ids[i] ? [{ id: b.id, providerId: ids[i] as string, subject: b.email.subject, to: b.email.to }] : [],
    );
    await markSent(ctx.db, key, sent, ctx.clock.now());
    const refusedIds = refused.flatMap((r) => {
      const b = batch[r.index];
      return b ? [{ id: b.id, error: `provider refused this email: ${r.message}` }] : [];
    });
    if (refusedIds.length) {
      ctx.log.warn("provider refused some emails of a batch; the rest went out", {
        batchKey: key,
        refused: refusedIds.length,
      });
      await markFailed(ctx.db, refusedIds);
    }
    await applyPendingEvents(
      ctx,
      sent.map((s) => s.providerId),
    );
    return;
  }
  if (depth >= MAX_REBUILDS) throw new Error(`group ${key} could not be rebuilt: ${outcome.error}`);
  await keepBytes();
  const memberIds = batch.map((b) => b.id);
  if (outcome.kind === "conflict") {
    // The provider holds this key for another body (content changed since a lost first attempt):
    // repeating it can never succeed, so the same messages go under a key the provider cannot hold.
    ctx.log.warn("provider holds this idempotency key for another request; rebuilding the group", { batchKey: key });
    const next = groupKey(memberIds, `conflict:${key}`);
    await rekey(ctx.db, memberIds, key, next);
    return sendGroup(ctx, templates, next, depth + 1);
  }
  if (batch.length === 1) {
    const only = batch[0] as (typeof batch)[number];
    ctx.log.warn("provider refused an email", { messageId: only.id, error: outcome.error });
    await markFailed(ctx.db, [{ id: only.id, error: `provider refused this email: ${outcome.error}` }]);
    return;
  }
  // Refused as a whole (strict validation): split, so only the emails at fault fail.
  const half = Math.ceil(memberIds.length / 2);
  for (const part of [memberIds.slice(0, half), memberIds.slice(half)]) {
    const next = groupKey(part, `split:${key}`);
    await rekey(ctx.db, part, key, next);
    await sendGroup(ctx, templates, next, depth + 1);
  }
}

export { advanceEnrollments, SendingPausedError };
