import type { Outcome } from "@rebound/domain";
import { isUuid } from "@rebound/domain";
import type { AppContext } from "../context.js";
import { notFound } from "../errors.js";
import { createPendingSubscription } from "../subscriptions.js";

type Ctx = Pick<AppContext, "db" | "queues" | "mail" | "clock" | "config" | "log">;

/** The cohort behind a public signup link, with its program's name; archived cohorts take no signups (404). */
export async function signupCohort(db: AppContext["db"], cohortId: string) {
  if (!isUuid(cohortId)) throw notFound("signup page");
  const cohort = await db.cohort.findUnique({
    where: { id: cohortId },
    include: { program: { select: { name: true } } },
  });
  if (!cohort || cohort.archivedAt) throw notFound("signup page");
  return { id: cohort.id, programId: cohort.programId, name: cohort.name, programName: cohort.program.name };
}

/** A signup from a cohort's public page: double opt-in through the one pending-subscription verb. */
export async function signUpToCohort(
  ctx: Ctx,
  cohortId: string,
  input: { email: string; name?: string; company: string; role?: string; outcome: Outcome; timezone?: string },
): Promise<void> {
  const cohort = await signupCohort(ctx.db, cohortId);
  await createPendingSubscription(ctx, {
    programId: cohort.programId,
    cohortId: cohort.id,
    email: input.email,
    name: input.name ?? null,
    company: input.company,
    role: input.role ?? null,
    outcome: input.outcome,
    ...(input.timezone ? { timezone: input.timezone } : {}),
    source: "web",
    consentSource: `signup page /join/${cohort.id}`,
  });
}
