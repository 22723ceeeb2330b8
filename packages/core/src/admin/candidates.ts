import type { Db } from "@rebound/db";
import { isUuid, TRACKS } from "@rebound/domain";
import type { Actor } from "../audit.js";
import { eraseCandidate, pauseCandidate, resumeCandidate, stopCandidate } from "../candidates.js";
import type { AppContext } from "../context.js";
import { AppError, notFound } from "../errors.js";
import { findCohort } from "./cohorts.js";

export interface CandidateRow {
  id: string;
  name: string | null;
  email: string | null;
  status: string;
  /** The step the candidate is at: the last one sent, or the first one when nothing went out yet. */
  step: string | null;
  track: string | null;
  lastReplyAt: Date | null;
  replies: number;
  themes: string[];
  createdAt: Date;
}

export const CANDIDATE_PAGE_SIZE = 25;

/** A cohort's candidates, newest first, searchable by name or address, a page at a time. */
export async function listCandidates(
  db: Db,
  programId: string,
  cohortId: string,
  opts: { q?: string; status?: string; page?: number; pageSize?: number },
): Promise<{ candidates: CandidateRow[]; total: number; page: number; pageSize: number }> {
  await findCohort(db, programId, cohortId);
  const pageSize = Math.min(Math.max(opts.pageSize ?? CANDIDATE_PAGE_SIZE, 1), 100);
  const page = Math.max(opts.page ?? 1, 1);
  const like = opts.q?.trim() ? `%${opts.q.trim().replace(/[\\%_]/g, (m) => `\\${m}`)}%` : null;
  const status = opts.status ?? null;
  const [rows, [count]] = await Promise.all([
    db.$queryRaw<(Omit<CandidateRow, "replies"> & { replies: bigint })[]>`
      WITH page AS (
        SELECT c.id, c.name, c.email, c.status::text AS status, c."createdAt"
        FROM "Candidate" c
        WHERE c."cohortId" = ${cohortId}::uuid AND c."programId" = ${programId}::uuid
          AND (${like}::text IS NULL OR c.name ILIKE ${like} OR c.email ILIKE ${like})
          AND (${status}::text IS NULL OR c.status::text = ${status})
        ORDER BY c."createdAt" DESC, c.id LIMIT ${pageSize} OFFSET ${(page - 1) * pageSize})
      SELECT p.*,
        (SELECT m.step FROM "Message" m WHERE m."candidateId" = p.id AND m.kind = 'drip' AND m."sentAt" IS NOT NULL
          ORDER BY m."sentAt" DESC LIMIT 1) AS step,
        (SELECT e.track::text FROM "Enrollment" e WHERE e."candidateId" = p.id ORDER BY e."enrolledAt" DESC LIMIT 1) AS track,
        (SELECT max(r."receivedAt") FROM "Reflection" r WHERE r."candidateId" = p.id) AS "lastReplyAt",
        (SELECT count(*) FROM "Reflection" r WHERE r."candidateId" = p.id) AS replies,
        ARRAY(SELECT DISTINCT t FROM "Reflection" r, unnest(r.themes) t WHERE r."candidateId" = p.id ORDER BY t) AS themes
      FROM page p ORDER BY p."createdAt" DESC, p.id`,
    db.$queryRaw<{ count: bigint }[]>`
      SELECT count(*) FROM "Candidate" c
      WHERE c."cohortId" = ${cohortId}::uuid AND c."programId" = ${programId}::uuid
        AND (${like}::text IS NULL OR c.name ILIKE ${like} OR c.email ILIKE ${like})
        AND (${status}::text IS NULL OR c.status::text = ${status})`,
  ]);
  return {
    candidates: rows.map((r) => ({
      ...r,
      step: r.step ?? (r.track ? (TRACKS[r.track as keyof typeof TRACKS]?.steps[0]?.key ?? null) : null),
      replies: Number(r.replies),
    })),
    total: Number(count?.count ?? 0),
    page,
    pageSize,
  };
}

/** A candidate of this program, or 404 (another program's id answers like an unknown one). */
export async function findCandidate(db: Db, programId: string, candidateId: string) {
  if (!isUuid(candidateId)) throw notFound("candidate");
  const candidate = await db.candidate.findFirst({ where: { id: candidateId, programId } });
  if (!candidate) throw notFound("candidate");
  return candidate;
}

export type TimelineEvent =
  | {
      type: "email";
      at: Date;
      id: string;
      kind: string;
      step: string;
      status: string;
      subject: string | null;
      sentAt: Date | null;
      deliveredAt: Date | null;
      openedAt: Date | null;
      bouncedAt: Date | null;
      complainedAt: Date | null;
      error: string | null;
      /** The email as it was sent (from the outbox, or the content kept for a retry); null once not kept. */
      preview: { html: string; text: string } | null;
    }
  | {
      type: "reflection";
      at: Date;
      id: string;
      step: string;
      prompt: string;
      text: string | null;
      themes: string[];
      evidence: { theme: string; phrases: string[] }[];
      distress: boolean;
      distressEvidence: string[];
      fromOther: boolean;
    };

interface StoredAnalysis {
  themes?: { theme: string; evidence?: string[] }[];
  distressEvidence?: string[];
}

/** Everything that happened to a candidate, in time order: every email and every reflection. */
export async function candidateTimeline(db: Db, programId: string, candidateId: string) {
  const candidate = await findCandidate(db, programId, candidateId);
  const [cohort, interviews, enrollments, messages, reflections] = await Promise.all([
    candidate.cohortId ? db.cohort.findUnique({ where: { id: candidate.cohortId } }) : null,
    db.interview.findMany({ where: { candidateId }, orderBy: { createdAt: "asc" } }),
    db.enrollment.findMany({ where: { candidateId }, orderBy: { enrolledAt: "asc" } }),
    db.message.findMany({ where: { candidateId }, orderBy: { createdAt: "asc" } }),
    db.reflection.findMany({ where: { candidateId }, orderBy: { receivedAt: "asc" } }),
  ]);
  const outbox = messages.length
    ? await db.outboxEmail.findMany({
        where: { messageId: { in: messages.map((m) => m.id) } },
        select: { messageId: true, html: true, text: true },
      })
    : [];
  const stored = new Map(outbox.map((o) => [o.messageId, { html: o.html, text: o.text }]));
  const events: TimelineEvent[] = [
    ...messages
      .filter((m) => m.status !== "cancelled" || m.sentAt)
      .map((m): TimelineEvent => {
        const content = m.content as { html?: string; text?: string } | null;
        return {
          type: "email",
          at: m.sentAt ?? m.dueAt,
          id: m.id,
          kind: m.kind,
          step: m.step,
          status: m.status,
          subject: m.subject ?? (m.content as { subject?: string } | null)?.subject ?? null,
          sentAt: m.sentAt,
          deliveredAt: m.deliveredAt,
          openedAt: m.openedAt,
          bouncedAt: m.bouncedAt,
          complainedAt: m.complainedAt,
          error: m.error,
          preview: stored.get(m.id) ?? (content?.html ? { html: content.html, text: content.text ?? "" } : null),
        };
      }),
    ...reflections.map((r): TimelineEvent => {
      const analysis = (r.analysis ?? {}) as StoredAnalysis;
      return {
        type: "reflection",
        at: r.receivedAt,
        id: r.id,
        step: r.step,
        prompt: r.prompt,
        text: r.text,
        themes: r.themes,
        evidence: (analysis.themes ?? []).map((t) => ({ theme: t.theme, phrases: t.evidence ?? [] })),
        distress: r.distress,
        distressEvidence: analysis.distressEvidence ?? [],
        fromOther: r.fromOther,
      };
    }),
  ].sort((a, b) => a.at.getTime() - b.at.getTime());
  return {
    candidate: {
      id: candidate.id,
      name: candidate.name,
      email: candidate.email,
      status: candidate.status,
      timezone: candidate.timezone,
      pausedUntil: candidate.pausedUntil,
      createdAt: candidate.createdAt,
      erasedAt: candidate.erasedAt,
      cohort: cohort ? { id: cohort.id, name: cohort.name, slug: cohort.slug } : null,
    },
    interviews: interviews.map((i) => ({
      id: i.id,
      company: i.company,
      role: i.role,
      outcome: i.outcome,
      offerAt: i.offerAt,
      createdAt: i.createdAt,
    })),
    enrollments: enrollments.map((e) => ({
      id: e.id,
      track: e.track,
      status: e.status,
      nextStep: TRACKS[e.track]?.steps[e.nextStep]?.key ?? null,
      nextDueAt: e.nextDueAt,
      stopReason: e.stopReason,
    })),
    events,
  };
}

export type CandidateAction = "pause" | "resume" | "unsubscribe" | "erase";

/** A coach's action on a candidate, through the lifecycle verbs (the only writers of statuses). */
export async function actOnCandidate(
  ctx: Pick<AppContext, "db" | "queues" | "clock" | "redis" | "config">,
  programId: string,
  candidateId: string,
  action: CandidateAction,
  actor: Actor,
  opts: { confirmed?: boolean } = {},
): Promise<string> {
  const candidate = await findCandidate(ctx.db, programId, candidateId);
  if (action === "erase" && !opts.confirmed) {
    throw new AppError(400, "confirmation_required", `erasure cannot be undone (send confirm: true). ${ERASURE_KEEPS}`);
  }
  if (action === "pause") await pauseCandidate(ctx, candidate.id, null, actor);
  else if (action === "resume") await resumeCandidate(ctx, candidate.id, actor);
  else if (action === "unsubscribe") await stopCandidate(ctx, candidate.id, "unsubscribed", actor);
  else await eraseCandidate(ctx, candidate.id, actor);
  const after = await ctx.db.candidate.findUnique({ where: { id: candidate.id }, select: { status: true } });
  return after?.status ?? "erased";
}

/** What an erasure keeps, said before the coach confirms it. */
export const ERASURE_KEEPS =
  "Name, address, the text of every reply, its analysis and the interviews' companies are removed for good. Kept, without anything that names the person: message states and dates and reply themes (for the cohort's statistics), and a keyed hash of the address so an earlier unsubscribe still holds.";
