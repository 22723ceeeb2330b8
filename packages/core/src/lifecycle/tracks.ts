import type { SqlClient } from "@rebound/db";
import { enrollmentMachine, LIVE_ENROLLMENT_STATUSES, messageMachine } from "@rebound/domain";

type Tx = Pick<SqlClient, "$queryRaw">;

/** Live tracks that may end this way, taken from the enrolment machine (so both end states agree on it). */
const liveSourcesOf = (to: "stopped" | "superseded" | "completed") =>
  enrollmentMachine.sourcesOf(to).filter((s) => (LIVE_ENROLLMENT_STATUSES as readonly string[]).includes(s));

/**
 * The one place that ends running tracks: every live enrolment of the candidates moves to
 * `to` (stopped or superseded) with its reason, and its scheduled messages are cancelled.
 * A message already being handed over (`sending`) is left to finish: it is in flight.
 * With `allMail`, the candidates' other scheduled mail (an analysis email) is cancelled too.
 * Runs inside the caller's transaction, after the candidate rows are locked.
 */
export async function endLiveTracks(
  tx: Tx,
  candidateIds: readonly string[],
  to: "stopped" | "superseded",
  reason: string,
  now: Date,
  opts: { allMail?: boolean } = {},
): Promise<{ ended: number; cancelled: number }> {
  if (candidateIds.length === 0) return { ended: 0, cancelled: 0 };
  const cancellable = messageMachine.sourcesOf("cancelled").filter((s) => s === "scheduled");
  const [row] = await tx.$queryRaw<{ ended: number; cancelled: number }[]>`
    WITH ended AS (
      UPDATE "Enrollment" SET status = ${to}::"EnrollmentStatus", "stopReason" = ${reason}, "nextDueAt" = NULL,
        "updatedAt" = ${now}
      WHERE "candidateId" = ANY(${[...candidateIds]}::uuid[]) AND status::text = ANY(${liveSourcesOf(to)}::text[])
      RETURNING id
    ), cancelled AS (
      UPDATE "Message" m SET status = 'cancelled'
      WHERE m.status::text = ANY(${cancellable}::text[])
        AND (m."enrollmentId" IN (SELECT id FROM ended)
          OR (${opts.allMail ?? false} AND m."candidateId" = ANY(${[...candidateIds]}::uuid[])))
      RETURNING m.id
    )
    SELECT (SELECT count(*) FROM ended)::int AS ended, (SELECT count(*) FROM cancelled)::int AS cancelled`;
  return row ?? { ended: 0, cancelled: 0 };
}
