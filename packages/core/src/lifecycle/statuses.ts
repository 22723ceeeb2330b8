import type {
  CandidateStatus as DbCandidateStatus,
  EnrollmentStatus as DbEnrollmentStatus,
  MessageStatus as DbMessageStatus,
} from "@rebound/db";
import {
  CANDIDATE_STATUSES,
  type CandidateStatus,
  ENROLLMENT_STATUSES,
  type EnrollmentStatus,
  MESSAGE_STATUSES,
  type MessageStatus,
} from "@rebound/domain";

/*
 * The status sets live once, in @rebound/domain. These lines tie them to the Prisma enums:
 * a status added to one side and not the other fails the type check.
 */
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const sameEnrollment: Same<DbEnrollmentStatus, EnrollmentStatus> = true;
const sameMessage: Same<DbMessageStatus, MessageStatus> = true;
const sameCandidate: Same<DbCandidateStatus, CandidateStatus> = true;
ENROLLMENT_STATUSES satisfies readonly DbEnrollmentStatus[];
MESSAGE_STATUSES satisfies readonly DbMessageStatus[];
CANDIDATE_STATUSES satisfies readonly DbCandidateStatus[];
void [sameEnrollment, sameMessage, sameCandidate];
