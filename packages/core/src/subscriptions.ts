import { randomUUID } from "node:crypto";
import type { Prisma } from "@rebound/db";
import type { Outcome } from "@rebound/domain";
import { signToken, verifyToken } from "@rebound/domain";
import { renderSubscribeConfirmEmail } from "@rebound/emails";
import { audit } from "./audit.js";
import { firstName } from "./compose.js";
import type { AppContext } from "./context.js";
import { type EnrolItemResult, type EnrolResult, enrolRequests, unwrapEnrolment } from "./enrol.js";
import { AppError } from "./errors.js";
import { queueEmails } from "./analysis-email.js";
import { loadBrand } from "./branding.js";
import { isSuppressed, suppress } from "./suppression.js";

type Ctx = Pick<AppContext, "db" | "queues" | "mail" | "clock" | "config" | "log">;
const CONFIRM_TTL_MS = 7 * 86_400_000;
/** A pending signup gets at most one more confirmation email per window, however often it is repeated. */
export const CONFIRM_RESEND_WINDOW_MS = 60 * 60_000;

export interface SubscriptionInput {
  programId: string;
  email: string;
  name?: string | null;
  company: string;
  role?: string | null;
  outcome: Outcome;
  timezone?: string;
  cohortId?: string | null;
  source: "email" | "web";
  /** Where consent is asked: the signup page's address, or "email from <sender>". */
  consentSource: string;
  /** The inbound message of a signup by email: one pending signup per message, however often it is retried. */
  sourceKey?: string;
}

export type PendingOutcome = "sent" | "resend-later" | "suppressed";

/**
 * Double opt-in: a pending subscription and a confirmation email, queued as a tracked Message so
 * a provider outage delays it instead of losing it. Nothing is enrolled until the confirmation
 * page's button is pressed. A repeated signup for an address still pending updates it and sends
 * at most one more email per window; a suppressed or declined address gets no mail at all. The
 * caller answers the same in every case, so signups reveal nothing about an address.
 */
export async function createPendingSubscription(
  ctx: Ctx,
  input: SubscriptionInput,
): Promise<{ id: string; outcome: PendingOutcome }> {
  const email = input.email.trim().toLowerCase();
  const now = ctx.clock.now();
  if (input.sourceKey) {
    const known = await ctx.db.pendingSubscription.findUnique({ where: { sourceKey: input.sourceKey } });
    if (known) return { id: known.id, outcome: "resend-later" };
  }
  if (await isSuppressed(ctx.db, ctx.config.APP_SECRET, input.programId, email)) {
    return { id: "", outcome: "suppressed" };
  }
  const result = await ctx.db.$transaction(async (tx) => {
    // One pending signup per address and program: lock it, or create it.
    const [existing] = await tx.$queryRaw<{ id: string; lastSentAt: Date | null; sends: number }[]>`
      SELECT id, "lastSentAt", sends FROM "PendingSubscription"
      WHERE "programId" = ${input.programId}::uuid AND email = ${email} AND "confirmedAt" IS NULL
      ORDER BY "createdAt" DESC LIMIT 1 FOR UPDATE`;
    const details = {
      name: input.name ?? null,
      company: input.company,
      role: input.role ?? null,
      outcome: input.outcome,
      timezone: input.timezone ?? "UTC",
      cohortId: input.cohortId ?? null,
      source: input.source,
      consentSource: input.consentSource.slice(0, 300),
    };
    let id: string;
    let sends: number;
    if (existing) {
      id = existing.id;
      sends = existing.sends;
      await tx.pendingSubscription.update({ where: { id }, data: details });
      if (existing.lastSentAt && now.getTime() - existing.lastSentAt.getTime() < CONFIRM_RESEND_WINDOW_MS) {
        return { id, messageId: null };
      }
    } else {
      id = randomUUID();
      sends = 0;
      await tx.pendingSubscription.create({
        data: { id, programId: input.programId, email, ...details, sourceKey: input.sourceKey ?? null },
      });
    }
    const messageId = randomUUID();
    const token = signToken("subscribe", id, ctx.config.APP_SECRET, new Date(now.getTime() + CONFIRM_TTL_MS));
    const confirmUrl = `${ctx.config.PUBLIC_URL}/v1/subscribe/confirm?token=${token}`;
    const brand = await loadBrand(tx, ctx.config, input.programId);
    const content = await renderSubscribeConfirmEmail(
      {
        firstName: firstName(input.name),
        company: input.company,
        confirmUrl,
        unsubscribeUrl: `${confirmUrl}&decline=1`,
      },
      brand,
    );
    const key = `confirm-${id}-${sends + 1}`;
    const outgoing = {
      key,
      from: brand.from,
      to: email,
      ...content,
      headers: { "X-Rebound-Message": messageId },
      tags: [
        { name: "program", value: input.programId },
        { name: "step", value: "subscribe-confirm" },
      ],
    };
    await tx.message.create({
      data: {
        id: messageId,
        programId: input.programId,
        pendingSubscriptionId: id,
        kind: "confirmation",
        step: "subscribe-confirm",
        status: "scheduled",
        idempotencyKey: key,
        toEmail: email,
        content: outgoing as unknown as Prisma.InputJsonValue,
        dueAt: now,
        createdAt: now,
      },
    });
    await tx.pendingSubscription.update({ where: { id }, data: { lastSentAt: now, sends: sends + 1 } });
    return { id, messageId };
  });
  if (!result.messageId) return { id: result.id, outcome: "resend-later" };
  await queueEmails(ctx, [result.messageId]);
  return { id: result.id, outcome: "sent" };
}

async function pendingFor(ctx: Ctx, token: string) {
  const check = verifyToken("subscribe", token, ctx.config.APP_SECRET, ctx.clock.now());
  if (!check.ok) throw new AppError(400, "invalid_token", `this confirmation link is not valid (${check.reason})`);
  const pending = await ctx.db.pendingSubscription.findUnique({ where: { id: check.value.subject } });
  if (!pending) throw new AppError(404, "not_found", "this signup is no longer waiting for confirmation");
  return pending;
}

/** What the confirmation page shows before the button is pressed (GET changes nothing). */
export async function describePendingSubscription(ctx: Ctx, token: string) {
  const pending = await pendingFor(ctx, token);
  const program = await ctx.db.program.findUnique({ where: { id: pending.programId }, select: { name: true } });
  return {
    programName: program?.name ?? "Rebound",
    company: pending.company,
    confirmed: pending.confirmedAt !== null,
  };
}

/**
 * The confirmation page's button (POST): enrols once. Mail scanners and double clicks race the
 * candidate; the enrolment runs under an idempotency record, so concurrent confirmations enrol once.
 */
export async function confirmSubscription(
  ctx: Ctx,
  token: string,
): Promise<EnrolResult & { alreadyConfirmed: boolean }> {
  const pending = await pendingFor(ctx, token);
  const cohort = pending.cohortId ? await ctx.db.cohort.findUnique({ where: { id: pending.cohortId } }) : null;
  // A space keeps the key out of reach of the API's Idempotency-Key header.
  const [result] = await enrolRequests(ctx, [
    {
      programId: pending.programId,
      input: {
        email: pending.email,
        ...(pending.name ? { name: pending.name } : {}),
        company: pending.company,
        ...(pending.role ? { role: pending.role } : {}),
        outcome: pending.outcome,
        timezone: pending.timezone,
        ...(cohort && !cohort.archivedAt ? { cohort: cohort.slug } : {}),
      },
      source: `subscribe:${pending.source}`,
      idempotency: { key: `subscribe confirm ${pending.id}`, requestHash: pending.id },
      consent: {
        at: ctx.clock.now().toISOString(),
        method: "double-opt-in",
        source: pending.consentSource ?? pending.source,
        askedAt: (pending.lastSentAt ?? pending.createdAt).toISOString(),
      },
    },
  ]);
  const value = unwrapEnrolment(result as EnrolItemResult);
  const replayed = (result as EnrolItemResult & { ok: true }).replayed;
  if (!replayed) {
    await ctx.db.pendingSubscription.update({ where: { id: pending.id }, data: { confirmedAt: ctx.clock.now() } });
  }
  return { ...value, alreadyConfirmed: replayed };
}

/** "This wasn't me": the pending signup goes, and the address gets no more signup mail from this program. */
export async function declineSubscription(ctx: Ctx, token: string): Promise<void> {
  const check = verifyToken("subscribe", token, ctx.config.APP_SECRET, ctx.clock.now());
  if (!check.ok) throw new AppError(400, "invalid_token", `this link is not valid (${check.reason})`);
  const now = ctx.clock.now();
  await ctx.db.$transaction(async (tx) => {
    const pending = await tx.pendingSubscription.findUnique({ where: { id: check.value.subject } });
    if (!pending || pending.confirmedAt) return;
    await suppress(tx, ctx.config.APP_SECRET, pending.email, pending.programId, "declined-signup", now);
    await tx.pendingSubscription.delete({ where: { id: pending.id } });
    await audit(tx, { programId: pending.programId, actor: "signup:decline", action: "signup.declined" });
  });
}
