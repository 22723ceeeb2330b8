import { defineMachine } from "./state-machine.js";

export const ENROLLMENT_STATUSES = ["active", "paused", "completed", "superseded", "stopped"] as const;
export type EnrollmentStatus = (typeof ENROLLMENT_STATUSES)[number];

/**
 * active: steps are being sent. paused: candidate asked for a break.
 * completed: every step sent. superseded: a newer outcome took over.
 * stopped: unsubscribe, bounce, complaint, offer or erasure.
 */
export const enrollmentMachine = defineMachine<EnrollmentStatus>("enrollment", {
  active: ["paused", "completed", "superseded", "stopped"],
  paused: ["active", "superseded", "stopped"],
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

export const messageMachine = defineMachine<MessageStatus>("message", {
  scheduled: ["sending", "cancelled"],
  // sending -> sending is a retry of the same provider request (same idempotency key).
  sending: ["sending", "sent", "failed"],
  sent: ["delivered", "bounced", "complained"],
  delivered: ["complained", "bounced"],
  bounced: [],
  complained: [],
  failed: [],
  cancelled: [],
});

export const CANDIDATE_STATUSES = ["active", "paused", "unsubscribed", "bounced", "complained", "erased"] as const;
export type CandidateStatus = (typeof CANDIDATE_STATUSES)[number];

/** Candidates in these states never receive another drip email. */
export function candidateMayReceive(status: CandidateStatus): boolean {
  return status === "active";
}
