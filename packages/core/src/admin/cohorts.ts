import type { Db } from "@rebound/db";
import { isUuid } from "@rebound/domain";
import { type Actor, audit } from "../audit.js";
import { notFound } from "../errors.js";
import { createCohort } from "../programs.js";

export interface CohortSummary {
  id: string;
  slug: string;
  name: string;
  createdAt: Date;
  archivedAt: Date | null;
  candidates: number;
  active: number;
}

/** A cohort of this program, or 404: another program's id answers exactly like an unknown one. */
export async function findCohort(db: Db, programId: string, cohortId: string) {
  if (!isUuid(cohortId)) throw notFound("cohort");
  const cohort = await db.cohort.findFirst({ where: { id: cohortId, programId } });
  if (!cohort) throw notFound("cohort");
  return cohort;
}

/** The program's cohorts, newest first, with their head counts. */
export async function listCohorts(db: Db, programId: string): Promise<CohortSummary[]> {
  const rows = await db.$queryRaw<
    (Omit<CohortSummary, "candidates" | "active"> & { candidates: bigint; active: bigint })[]
  >`
    SELECT co.id, co.slug, co.name, co."createdAt", co."archivedAt",
      (SELECT count(*) FROM "Candidate" c WHERE c."cohortId" = co.id) AS candidates,
      (SELECT count(*) FROM "Candidate" c WHERE c."cohortId" = co.id AND c.status = 'active') AS active
    FROM "Cohort" co WHERE co."programId" = ${programId}::uuid
    ORDER BY co."archivedAt" IS NOT NULL, co."createdAt" DESC`;
  return rows.map((r) => ({ ...r, candidates: Number(r.candidates), active: Number(r.active) }));
}

export async function addCohort(db: Db, programId: string, input: { slug: string; name: string }, actor: Actor) {
  const cohort = await createCohort(db, programId, input);
  await audit(db, { programId, actor, action: "cohort.created", targetType: "cohort", targetId: cohort.id });
  return cohort;
}

/** Renames and/or archives (archived cohorts keep their data and stats but take no new candidates). */
export async function updateCohort(
  db: Db,
  programId: string,
  cohortId: string,
  change: { name?: string; archived?: boolean },
  now: Date,
  actor: Actor,
) {
  const cohort = await findCohort(db, programId, cohortId);
  return db.$transaction(async (tx) => {
    const updated = await tx.cohort.update({
      where: { id: cohort.id },
      data: {
        ...(change.name !== undefined ? { name: change.name } : {}),
        ...(change.archived !== undefined ? { archivedAt: change.archived ? (cohort.archivedAt ?? now) : null } : {}),
      },
    });
    await audit(tx, {
      programId,
      actor,
      action:
        change.archived === undefined ? "cohort.renamed" : change.archived ? "cohort.archived" : "cohort.restored",
      targetType: "cohort",
      targetId: cohort.id,
    });
    return updated;
  });
}

/** The public signup page of a cohort (candidates open it; it needs no sign-in). */
export const cohortSignupUrl = (publicUrl: string, cohortId: string) => `${publicUrl}/join/${cohortId}`;
