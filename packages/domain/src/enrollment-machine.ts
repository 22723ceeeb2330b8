import { defineMachine } from "./state-machine.js";

/*
 * The status sets and state machines of candidates, enrolments and messages. They live
 * here once; the Prisma enums are tied to them by the type checker (core's lifecycle), and
 * every status change in the application goes through core's lifecycle module, which takes
 * its from-sets from these machines.
 */

export const ENROLLMENT_STATUSES = ["active", "paused", "completed", "superseded", "stopped"] as const;
export type EnrollmentStatus = (typeof ENROLLMENT_STATUSES)[number];

/** A live track: it still has steps to send (one per candidate, enforced by PostgreSQL). */
export const LIVE_ENROLLMENT_STATUSES = ["active", "paused"] as const satisfies readonly EnrollmentStatus[];

/**
 * active: steps are being sent. paused: candidate asked for a break.
 * completed: every step sent. superseded: a newer outcome took over.
 * stopped: unsubscribe, bounce, complaint, offer or erasure.
 */
export const enrollmentMachine = defineMachine<EnrollmentStatus>("enrollment", {
  active: ["paused", "completed", "superseded", "stopped"],
  paused: ["active", "completed", "superseded", "stopped"],
  completed: [],
  superseded: [],
  stopped: [],
});

export const MESSAGE_STATUSES = [
  "scheduled",
  "sending",
  "sent",
  "delivered",
  "bounced",
  "complained",
  "failed",
  "cancelled",
] as const;
export type MessageStatus = (typeof MESSAGE_STATUSES)[number];

/** Not yet handed over: a sender may still claim (scheduled) or is handing it over (sending). */
export const PENDING_MESSAGE_STATUSES = ["scheduled", "sending"] as const satisfies readonly MessageStatus[];
/** The provider took it: the step counts as sent, whatever happened after. */
export const HANDED_OVER_STATUSES = [
  "sent",
  "delivered",
  "bounced",
  "complained",
] as const satisfies readonly MessageStatus[];
/** A step that is over for its track: handed over, or refused for good. The track moves on. */
export const FINISHED_STEP_STATUSES = [...HANDED_OVER_STATUSES, "failed"] as const satisfies readonly MessageStatus[];

export const messageMachine = defineMachine<MessageStatus>("message", {
  scheduled: ["sending", "cancelled"],
  // sending -> sending is a retry of the same provider request (same idempotency key);
  // sending -> cancelled: the candidate was erased or stopped before the retry.
  sending: ["sending", "sent", "failed", "cancelled"],
  // sent -> scheduled: a soft bounce within its limit sends the same step again (as a new request).
  sent: ["delivered", "bounced", "complained", "scheduled"],
  // A late "delivered" never undoes a bounce or complaint: they are final.
  delivered: ["complained", "bounced"],
  bounced: [],
  complained: [],
  failed: [],
  cancelled: [],
});

export const CANDIDATE_STATUSES = ["active", "paused", "unsubscribed", "bounced", "complained", "erased"] as const;
export type CandidateStatus = (typeof CANDIDATE_STATUSES)[number];

/** Candidates who never receive another email (the address is suppressed or gone). */
export const STOPPED_CANDIDATE_STATUSES = [
  "unsubscribed",
  "bounced",
  "complained",
  "erased",
] as const satisfies readonly CandidateStatus[];

export const candidateMachine = defineMachine<CandidateStatus>("candidate", {
  active: ["paused", "unsubscribed", "bounced", "complained", "erased"],
  paused: ["active", "unsubscribed", "bounced", "complained", "erased"],
  unsubscribed: ["bounced", "complained", "erased"],
  bounced: ["complained", "erased"],
  complained: ["erased"],
  erased: [],
});

/** Candidates in these states never receive another drip email. */
export function candidateMayReceive(status: CandidateStatus): boolean {
  return status === "active";
}

export function isStoppedCandidate(status: string): boolean {
  return (STOPPED_CANDIDATE_STATUSES as readonly string[]).includes(status);
}
