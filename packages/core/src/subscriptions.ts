import { randomUUID } from "node:crypto";
import { Prisma } from "@rebound/db";
import type { Outcome } from "@rebound/domain";
import { signToken, verifyToken } from "@rebound/domain";
import { renderSubscribeConfirmEmail } from "@rebound/emails";
import type { AppContext } from "./context.js";
import { firstName } from "./compose.js";
import { type EnrolResult, emailHash, enrolInterview } from "./enrol.js";
import { AppError } from "./errors.js";

type Ctx = Pick<AppContext, "db" | "queues" | "mail" | "clock" | "config" | "log">;
const CONFIRM_TTL_MS = 7 * 86_400_000;

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
}

/**
 * Double opt-in: a pending subscription and a confirmation email. Nothing is
 * enrolled until the link is followed; suppressed addresses get no mail at all.
 */
export async function createPendingSubscription(
  ctx: Ctx,
  input: SubscriptionInput,
): Promise<{ id: string; sent: boolean }> {
  const suppressed = await ctx.db.suppression.findUnique({
    where: { programId_emailHash: { programId: input.programId, emailHash: emailHash(input.email) } },
  });
  const id = randomUUID();
  await ctx.db.pendingSubscription.create({
    data: {
      id,
      programId: input.programId,
      email: input.email.toLowerCase(),
      name: input.name ?? null,
      company: input.company,
      role: input.role ?? null,
      outcome: input.outcome,
      timezone: input.timezone ?? "UTC",
      cohortId: input.cohortId ?? null,
      source: input.source,
    },
  });
  if (suppressed) return { id, sent: false };
  const now = ctx.clock.now();
  const token = signToken("subscribe", id, ctx.config.APP_SECRET, new Date(now.getTime() + CONFIRM_TTL_MS));
  const confirmUrl = `${ctx.config.PUBLIC_URL}/v1/subscribe/confirm?token=${token}`;
  const content = await renderSubscribeConfirmEmail({
    firstName: firstName(input.name),
    company: input.company,
    confirmUrl,
    unsubscribeUrl: `${confirmUrl}&decline=1`,
  });
  await ctx.mail.send({
    idempotencyKey: `confirm-${id}`,
    emails: [
      {
        key: `confirm-${id}`,
        from: ctx.config.MAIL_FROM,
        to: input.email,
        ...content,
        headers: {},
        tags: [
          { name: "program", value: input.programId },
          { name: "step", value: "subscribe-confirm" },
        ],
      },
    ],
  });
  return { id, sent: true };
}

/** Follows a confirmation link: enrols once; following it again answers with the same enrolment. */
export async function confirmSubscription(
  ctx: Ctx,
  token: string,
): Promise<EnrolResult & { alreadyConfirmed: boolean }> {
  const check = verifyToken("subscribe", token, ctx.config.APP_SECRET, ctx.clock.now());
  if (!check.ok) throw new AppError(400, "invalid_token", `confirmation link is not valid (${check.reason})`);
  const pending = await ctx.db.pendingSubscription.findUnique({ where: { id: check.value.subject } });
  if (!pending) throw new AppError(404, "not_found", "subscription not found");
  if (pending.confirmedAt) {
    const candidate = await ctx.db.candidate.findUnique({
      where: { programId_email: { programId: pending.programId, email: pending.email } },
      include: { enrollments: { orderBy: { enrolledAt: "desc" }, take: 1 } },
    });
    const enrollment = candidate?.enrollments[0];
    if (candidate && enrollment) {
      return {
        candidateId: candidate.id,
        interviewId: enrollment.interviewId,
        enrollmentId: enrollment.id,
        alreadyConfirmed: true,
      };
    }
  }
  // Mail scanners fetch the link while the candidate clicks it: the enrolment carries an
  // idempotency record in its own transaction, so concurrent confirmations enrol once.
  // (A space keeps the key out of reach of the API's Idempotency-Key header.)
  const idempotencyKey = `subscribe confirm ${pending.id}`;
  const recorded = async () => {
    const record = await ctx.db.idempotencyRecord.findUnique({
      where: { programId_key: { programId: pending.programId, key: idempotencyKey } },
    });
    return record ? { ...(record.response as unknown as EnrolResult), alreadyConfirmed: true } : null;
  };
  const earlier = await recorded();
  if (earlier) return earlier;
  const cohort = pending.cohortId ? await ctx.db.cohort.findUnique({ where: { id: pending.cohortId } }) : null;
  let result: EnrolResult;
  try {
    result = await enrolInterview(
      ctx,
      pending.programId,
      {
        email: pending.email,
        ...(pending.name ? { name: pending.name } : {}),
        company: pending.company,
        ...(pending.role ? { role: pending.role } : {}),
        outcome: pending.outcome,
        timezone: pending.timezone,
        ...(cohort ? { cohort: cohort.slug } : {}),
      },
      { source: `subscribe:${pending.source}`, idempotency: { key: idempotencyKey, requestHash: pending.id } },
    );
  } catch (err) {
    // A concurrent confirmation won the race; its enrolment is the answer.
    const won = err instanceof Prisma.PrismaClientKnownRequestError && err.code === "P2002" ? await recorded() : null;
    if (won) return won;
    throw err;
  }
  await ctx.db.pendingSubscription.update({ where: { id: pending.id }, data: { confirmedAt: ctx.clock.now() } });
  return { ...result, alreadyConfirmed: false };
}

export async function declineSubscription(ctx: Ctx, token: string): Promise<void> {
  const check = verifyToken("subscribe", token, ctx.config.APP_SECRET, ctx.clock.now());
  if (!check.ok) throw new AppError(400, "invalid_token", `link is not valid (${check.reason})`);
  await ctx.db.pendingSubscription.deleteMany({ where: { id: check.value.subject, confirmedAt: null } });
}
