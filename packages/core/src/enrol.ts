import type { InterviewInput } from "@rebound/domain";
import type { Actor } from "./audit.js";
import type { AppContext } from "./context.js";
import { type EnrolItemResult, enrolRequests } from "./enrol-many.js";
import { AppError } from "./errors.js";

export { dripKey, type EnrolChange, type EnrolItemResult, type EnrolRequest, enrolRequests } from "./enrol-many.js";

export interface EnrolResult {
  candidateId: string;
  interviewId: string;
  enrollmentId: string;
}

export interface Consent {
  at: string;
  method: "api" | "double-opt-in" | "import" | "admin";
  source: string;
  askedAt?: string;
}

export interface EnrolOptions {
  source?: Actor;
  idempotency?: { key: string; requestHash?: string };
  /** How the candidate agreed to the emails; kept with the candidate. */
  consent?: Consent;
}

type Ctx = Pick<AppContext, "db" | "queues" | "clock" | "config">;

/**
 * Many outcomes of one program at once (a CSV import's rows), each with its own answer, in
 * input order: `{ ok: true, candidateId, interviewId, enrollmentId, change }` where change is
 * "created" (new candidate), "updated" (known candidate, new track) or "unchanged" (this very
 * track was already running), or `{ ok: false, status, code, message }` for an item refused on
 * its own (409 suppressed, 404 not_found for an unknown cohort, 409 cohort_archived, ...); a
 * refused item writes nothing and never fails the others. Rows with the same address are
 * applied in order, each superseding the one before. See `enrolRequests` for the rules.
 */
export async function enrolMany(
  ctx: Ctx,
  programId: string,
  inputs: readonly InterviewInput[],
  opts: Omit<EnrolOptions, "idempotency"> = {},
): Promise<EnrolItemResult[]> {
  return enrolRequests(
    ctx,
    inputs.map((input) => ({ programId, input, ...opts })),
  );
}

/**
 * Records one interview outcome and starts its track: a batch of one of `enrolRequests` (the
 * candidate created or updated and locked, the running track superseded, the enrolment and its
 * first message, audit and idempotency record in one transaction; the delayed job added after
 * commit). The same outcome for the interview already running changes nothing and answers with
 * the running track. A refused outcome throws its AppError.
 */
export async function enrolInterview(
  ctx: Ctx,
  programId: string,
  input: InterviewInput,
  opts: EnrolOptions = {},
): Promise<EnrolResult> {
  const [result] = await enrolRequests(ctx, [{ programId, input, ...opts }]);
  return unwrapEnrolment(result as EnrolItemResult);
}

/** An item's answer as a verb's: the ids, or its error thrown. */
export function unwrapEnrolment(result: EnrolItemResult): EnrolResult {
  if (!result.ok) throw new AppError(result.status, result.code, result.message);
  return { candidateId: result.candidateId, interviewId: result.interviewId, enrollmentId: result.enrollmentId };
}
