import { createHash, randomUUID } from "node:crypto";
import { isWriteConflict, type SqlClient, sqlTransaction } from "@rebound/db";
import { type InterviewInput, LIVE_ENROLLMENT_STATUSES, stepAt, TRACK_VERSION } from "@rebound/domain";
import type { JobData } from "@rebound/queue";
import { type Actor, type AuditEntry, auditColumns } from "./audit.js";
import type { AppContext } from "./context.js";
import type { Consent, EnrolResult } from "./enrol.js";
import type { AppError } from "./errors.js";
import { type IdempotencyClaim, requestHash, withIdempotency } from "./idempotency.js";
import { endLiveTracks } from "./lifecycle/tracks.js";
import { candidateWindow, dueAtForStep } from "./schedule.js";
import { addressHash, EVERY_PROGRAM } from "./suppression.js";

type Ctx = Pick<AppContext, "db" | "queues" | "clock" | "config">;
type Tx = SqlClient;

export function dripKey(enrollmentId: string, step: string): string {
  return `drip-${enrollmentId}-${step}`;
}

/** One interview outcome to record, with who sent it and how the candidate agreed. */
export interface EnrolRequest {
  programId: string;
  input: InterviewInput;
  source?: Actor;
  consent?: Consent;
  /** The request's Idempotency-Key. The body's hash is `requestHash(input)` unless given. */
  idempotency?: { key: string; requestHash?: string };
}

/** created: a new candidate; updated: a known one, new track; unchanged: this very track was already running. */
export type EnrolChange = "created" | "updated" | "unchanged";

export type EnrolItemResult =
  | (EnrolResult & { ok: true; change: EnrolChange; replayed: boolean })
  | { ok: false; status: AppError["status"]; code: string; message: string; candidateId: string | null };

const failure = (
  status: AppError["status"],
  code: string,
  message: string,
  candidateId: string | null = null,
): EnrolItemResult => ({
  ok: false,
  status,
  code,
  message,
  candidateId,
});
const SUPPRESSED = () =>
  failure(409, "suppressed", "this address unsubscribed or cannot receive mail; it will not be enrolled");

interface Item {
  index: number;
  programId: string;
  email: string;
  input: InterviewInput;
  source: Actor;
  consent: string | null;
}

/** The legacy (version 1) suppression hash, still honoured: see suppression.ts. */
const legacyHash = (email: string) => createHash("sha256").update(email).digest("hex");

/** How many times a batch is retried when PostgreSQL aborts it for a deadlock or a write conflict. */
const CONFLICT_RETRIES = 4;

/**
 * Records many interview outcomes at once, with the rules of one: the candidate (created or
 * updated, and locked), the interview, the superseding of the running track, the enrolment, its
 * first scheduled message, the audit entry and the idempotency record, all in one transaction of
 * a few set-based statements. Each item gets its own answer: a suppressed address, an unknown or
 * archived cohort, a reused Idempotency-Key fail that item alone. Outcomes for one candidate in
 * one batch are applied in order (each supersedes the one before, as if they came one by one);
 * candidate rows are locked in (program, email) order, so concurrent batches never deadlock on
 * them. The delayed jobs of the whole batch are added in one bulk call after commit; if that
 * fails, the reconciler adds them later.
 */
export async function enrolRequests(ctx: Ctx, requests: readonly EnrolRequest[]): Promise<EnrolItemResult[]> {
  if (requests.length === 0) return [];
  for (let attempt = 1; ; attempt++) {
    try {
      return await enrolOnce(ctx, requests);
    } catch (err) {
      if (attempt >= CONFLICT_RETRIES || !isWriteConflict(err)) throw err;
    }
  }
}

async function enrolOnce(ctx: Ctx, requests: readonly EnrolRequest[]): Promise<EnrolItemResult[]> {
  const now = ctx.clock.now();
  const items: Item[] = requests.map((r, index) => ({
    index,
    programId: r.programId,
    email: r.input.email.trim().toLowerCase(),
    input: r.input,
    source: r.source ?? "api",
    consent: r.consent ? JSON.stringify(r.consent) : null,
  }));
  const claims = requests.map((r): IdempotencyClaim | null =>
    r.idempotency
      ? {
          programId: r.programId,
          key: r.idempotency.key,
          requestHash: r.idempotency.requestHash ?? requestHash(r.input),
        }
      : null,
  );
  const jobs: JobData<"drip">[] = [];
  const dues: number[] = [];
  // Prepared statements on the pool's own connection: see sqlTransaction.
  const outcomes = await sqlTransaction(
    ctx.db,
    (tx) =>
      withIdempotency<EnrolItemResult>(
        tx,
        claims,
        async (fresh) => {
          const results = new Map<number, EnrolItemResult>();
          for (const round of rounds(fresh.map((i) => items[i] as Item))) {
            await enrolRound(tx, ctx, round, now, { results, jobs, dues });
          }
          return results;
        },
        (r) =>
          r.ok
            ? {
                candidateId: r.candidateId,
                status: 202,
                response: { candidateId: r.candidateId, interviewId: r.interviewId, enrollmentId: r.enrollmentId },
              }
            : null,
        now,
      ),
    // A batch waits for its turn at the candidates it shares with another batch: give it time.
    { maxWait: 10_000, timeout: 30_000 },
  );
  if (jobs.length > 0) {
    const at = ctx.clock.now().getTime();
    await ctx.queues.addDrips(jobs.map((data, i) => ({ data, delay: (dues[i] as number) - at }))).catch(() => {
      // PostgreSQL has the scheduled messages; the reconciler will enqueue them.
    });
  }
  return outcomes.map((o): EnrolItemResult => {
    if (o.kind === "ran") return o.value;
    if (o.kind === "refused") return failure(o.error.status, o.error.code, o.error.message);
    const r = o.response as EnrolResult;
    return { ok: true, ...pickResult(r), change: "unchanged", replayed: true };
  });
}

const pickResult = (r: EnrolResult): EnrolResult => ({
  candidateId: r.candidateId,
  interviewId: r.interviewId,
  enrollmentId: r.enrollmentId,
});

/**
 * Splits items into rounds with at most one item per candidate (program and address): the n-th
 * outcome of a candidate in this batch goes in round n, so each round can upsert its candidates
 * in one statement, and a later outcome sees (and supersedes) the one before it.
 */
function rounds(items: readonly Item[]): Item[][] {
  const seen = new Map<string, number>();
  const out: Item[][] = [];
  for (const item of items) {
    const key = `${item.programId}\n${item.email}`;
    const n = seen.get(key) ?? 0;
    seen.set(key, n + 1);
    const round = out[n] ?? [];
    round.push(item);
    out[n] = round;
  }
  return out;
}

interface Checked {
  idx: number;
  programFound: boolean;
  cohortId: string | null;
  cohortArchived: boolean;
  suppressed: boolean;
  candidateId: string | null;
  candidateStatus: string | null;
  timezone: string | null;
  inserted: boolean | null;
  sendWindowStart: number | null;
  sendWindowEnd: number | null;
  sendWeekdays: number[] | null;
  /** The candidate's own window (preference page): null hours or no weekdays leave the program's. */
  ownStart: number | null;
  ownEnd: number | null;
  ownWeekdays: number[] | null;
}

interface Sink {
  results: Map<number, EnrolItemResult>;
  jobs: JobData<"drip">[];
  dues: number[];
}

async function enrolRound(tx: Tx, ctx: Ctx, round: readonly Item[], now: Date, sink: Sink): Promise<void> {
  const secret = ctx.config.APP_SECRET;
  const col = <T>(f: (i: Item) => T) => round.map(f);
  // 1. Checks and the candidates, in one statement: program, cohort (found, not archived) and
  // suppression decide which items go on; those upsert their candidate, which locks its row. A
  // stopped candidate (unsubscribed, bounced, complained) is locked but left unchanged and not
  // returned. Only columns the item names are changed on a known candidate.
  const checked = await tx.$queryRaw<Checked[]>`
    WITH v AS (
      SELECT * FROM unnest(${col((i) => i.index)}::int[], ${col((i) => i.programId)}::uuid[], ${col((i) => i.email)}::text[],
                           ${col((i) => i.input.name ?? null)}::text[], ${col((i) => i.input.timezone ?? null)}::text[],
                           ${col((i) => i.input.locale ?? null)}::text[], ${col((i) => i.input.cohort ?? null)}::text[],
                           ${col((i) => i.consent)}::text[], ${col((i) => addressHash(secret, i.email))}::text[],
                           ${col((i) => legacyHash(i.email))}::text[])
        AS v(idx, program_id, email, name, tz, locale, cohort_slug, consent, hash2, hash1)
    ), checked AS (
      SELECT v.*, p.id IS NOT NULL AS program_found, co.id AS cohort_id, co."archivedAt" IS NOT NULL AS cohort_archived,
        EXISTS (
          SELECT 1 FROM "Suppression" s
          WHERE (s.scope = ${EVERY_PROGRAM} OR s.scope = v.program_id::text)
            AND ((s."hashVersion" = 2 AND s."emailHash" = v.hash2) OR (s."hashVersion" = 1 AND s."emailHash" = v.hash1))
        ) AS suppressed,
        p."sendWindowStart", p."sendWindowEnd", p."sendWeekdays"
      FROM v
      LEFT JOIN "Program" p ON p.id = v.program_id
      LEFT JOIN "Cohort" co ON co."programId" = v.program_id AND co.slug = v.cohort_slug
    ), upserted AS (
      INSERT INTO "Candidate" (id, "programId", "cohortId", email, name, timezone, locale, status, consent, "createdAt", "updatedAt")
      SELECT gen_random_uuid(), c.program_id, c.cohort_id, c.email, c.name, COALESCE(c.tz, 'UTC'), COALESCE(c.locale, 'en'),
             'active', c.consent::jsonb, ${now}::timestamp, ${now}::timestamp
      FROM checked c
      WHERE c.program_found AND NOT c.suppressed AND (c.cohort_slug IS NULL OR (c.cohort_id IS NOT NULL AND NOT c.cohort_archived))
      ORDER BY c.program_id, c.email
      ON CONFLICT ("programId", email) DO UPDATE SET
        name = COALESCE(EXCLUDED.name, "Candidate".name),
        timezone = COALESCE((SELECT c.tz FROM checked c WHERE c.program_id = EXCLUDED."programId" AND c.email = EXCLUDED.email), "Candidate".timezone),
        locale = COALESCE((SELECT c.locale FROM checked c WHERE c.program_id = EXCLUDED."programId" AND c.email = EXCLUDED.email), "Candidate".locale),
        "cohortId" = COALESCE(EXCLUDED."cohortId", "Candidate"."cohortId"),
        consent = COALESCE("Candidate".consent, EXCLUDED.consent),
        "updatedAt" = EXCLUDED."updatedAt"
      WHERE "Candidate".status IN ('active', 'paused')
      RETURNING id, "programId", email, status::text AS status, timezone, (xmax = 0) AS inserted,
        "sendWindowStart" AS own_start, "sendWindowEnd" AS own_end, "sendWeekdays" AS own_weekdays
    )
    SELECT c.idx, c.program_found AS "programFound", c.cohort_id AS "cohortId", c.cohort_archived AS "cohortArchived",
           c.suppressed, u.id AS "candidateId", u.status AS "candidateStatus", u.timezone, u.inserted,
           c."sendWindowStart", c."sendWindowEnd", c."sendWeekdays",
           u.own_start AS "ownStart", u.own_end AS "ownEnd", u.own_weekdays AS "ownWeekdays"
    FROM checked c LEFT JOIN upserted u ON u."programId" = c.program_id AND u.email = c.email`;
  const byIdx = new Map(checked.map((c) => [c.idx, c]));
  const going: { item: Item; c: Checked & { candidateId: string } }[] = [];
  for (const item of round) {
    const c = byIdx.get(item.index);
    const slug = item.input.cohort;
    if (!c?.programFound) sink.results.set(item.index, failure(404, "not_found", "program not found"));
    else if (slug && !c.cohortId) sink.results.set(item.index, failure(404, "not_found", `cohort '${slug}' not found`));
    else if (slug && c.cohortArchived)
      sink.results.set(item.index, failure(409, "cohort_archived", `cohort '${slug}' is archived`));
    else if (c.suppressed || !c.candidateId) sink.results.set(item.index, SUPPRESSED());
    else going.push({ item, c: c as Checked & { candidateId: string } });
  }
  if (going.length === 0) return;

  // 2. The running track of each known candidate, read after its lock (so a track committed by
  // the transaction we waited for is seen): the same outcome for the same interview changes nothing.
  const known = going.filter((g) => !g.c.inserted);
  const live = new Map<number, { enrollmentId: string; interviewId: string; same: boolean }>();
  if (known.length > 0) {
    const k = <T>(f: (g: (typeof known)[number]) => T) => known.map(f);
    const rows = await tx.$queryRaw<{ idx: number; enrollmentId: string; interviewId: string; same: boolean }[]>`
      SELECT v.idx, e.id AS "enrollmentId", i.id AS "interviewId",
        (e.track = v.outcome::"Outcome" AND lower(i.company) = lower(v.company)
          AND i.role IS NOT DISTINCT FROM v.role AND i.interviewer IS NOT DISTINCT FROM v.interviewer
          AND i."interviewedAt" IS NOT DISTINCT FROM v.interviewed_at) AS same
      FROM unnest(${k((g) => g.item.index)}::int[], ${k((g) => g.c.candidateId)}::uuid[], ${k((g) => g.item.input.outcome)}::text[],
                  ${k((g) => g.item.input.company)}::text[], ${k((g) => g.item.input.role ?? null)}::text[],
                  ${k((g) => g.item.input.interviewer ?? null)}::text[],
                  ${k((g) => (g.item.input.interviewedAt ? new Date(g.item.input.interviewedAt) : null))}::timestamp[])
        AS v(idx, candidate_id, outcome, company, role, interviewer, interviewed_at)
      JOIN "Enrollment" e ON e."candidateId" = v.candidate_id AND e.status::text = ANY(${[...LIVE_ENROLLMENT_STATUSES]}::text[])
      JOIN "Interview" i ON i.id = e."interviewId"`;
    for (const r of rows) live.set(r.idx, r);
  }
  const starting: typeof going = [];
  for (const g of going) {
    const running = live.get(g.item.index);
    if (running?.same) {
      sink.results.set(g.item.index, {
        ok: true,
        candidateId: g.c.candidateId,
        interviewId: running.interviewId,
        enrollmentId: running.enrollmentId,
        change: "unchanged",
        replayed: false,
      });
    } else starting.push(g);
  }
  if (starting.length === 0) return;

  // 3. A new outcome supersedes whatever track was running for its candidate.
  const superseding = starting.filter((g) => live.has(g.item.index)).map((g) => g.c.candidateId);
  await endLiveTracks(tx, superseding, "superseded", "new outcome", now);

  // 4. The interviews, enrolments, first messages and audit entries, in one statement.
  // Every item of a batch is enrolled at the same instant: the first step's time depends only on
  // the track, the time zone and the window (the candidate's own where they chose one, as every
  // later step and a resume use), so it is computed once per combination.
  const dues = new Map<string, Date | null>();
  const firstDue = (outcome: InterviewInput["outcome"], c: Checked) => {
    const tz = c.timezone ?? "UTC";
    const window = candidateWindow(
      {
        sendWindowStart: c.sendWindowStart ?? 9,
        sendWindowEnd: c.sendWindowEnd ?? 18,
        sendWeekdays: c.sendWeekdays ?? [],
      },
      { sendWindowStart: c.ownStart, sendWindowEnd: c.ownEnd, sendWeekdays: c.ownWeekdays ?? [] },
    );
    const key = `${outcome} ${tz} ${window.startHour} ${window.endHour} ${window.weekdays}`;
    if (!dues.has(key)) {
      dues.set(key, dueAtForStep(outcome, 0, now, tz, ctx.config.DRIP_SPEEDUP, window));
    }
    return dues.get(key) ?? null;
  };
  const rows = starting.map(({ item, c }) => {
    const input = item.input;
    const first = stepAt(input.outcome, 0);
    const dueAt = firstDue(input.outcome, c);
    const enrollmentId = randomUUID();
    return {
      item,
      candidateId: c.candidateId,
      paused: c.candidateStatus === "paused",
      interviewId: randomUUID(),
      enrollmentId,
      dueAt,
      message: first && dueAt ? { id: randomUUID(), step: first.key, key: dripKey(enrollmentId, first.key) } : null,
    };
  });
  // The audit entries are written by the same statement: one round trip fewer per batch.
  const audit = auditColumns(
    rows.map(
      (x): AuditEntry => ({
        programId: x.item.programId,
        actor: x.item.source,
        action: "interview.recorded",
        targetType: "candidate",
        targetId: x.candidateId,
        data: { outcome: x.item.input.outcome, interviewId: x.interviewId, superseded: live.has(x.item.index) ? 1 : 0 },
      }),
    ),
  );
  const r = <T>(f: (x: (typeof rows)[number]) => T) => rows.map(f);
  const m = rows.filter((x) => x.message !== null);
  const mc = <T>(f: (x: (typeof rows)[number] & { message: NonNullable<(typeof rows)[number]["message"]> }) => T) =>
    m.map((x) => f(x as Parameters<typeof f>[0]));
  await tx.$executeRaw`
    WITH interviews AS (
      INSERT INTO "Interview" (id, "programId", "candidateId", company, role, interviewer, "interviewedAt", outcome, "offerAt", "createdAt")
      SELECT v.id, v.program_id, v.candidate_id, v.company, v.role, v.interviewer, v.interviewed_at, v.outcome::"Outcome",
             CASE WHEN v.outcome = 'offer' THEN ${now}::timestamp END, ${now}::timestamp
      FROM unnest(${r((x) => x.interviewId)}::uuid[], ${r((x) => x.item.programId)}::uuid[], ${r((x) => x.candidateId)}::uuid[],
                  ${r((x) => x.item.input.company)}::text[], ${r((x) => x.item.input.role ?? null)}::text[],
                  ${r((x) => x.item.input.interviewer ?? null)}::text[],
                  ${r((x) => (x.item.input.interviewedAt ? new Date(x.item.input.interviewedAt) : null))}::timestamp[],
                  ${r((x) => x.item.input.outcome)}::text[])
        AS v(id, program_id, candidate_id, company, role, interviewer, interviewed_at, outcome)
    ), enrollments AS (
      INSERT INTO "Enrollment" (id, "programId", "candidateId", "interviewId", track, "trackVersion", status, "nextStep", "nextDueAt", "enrolledAt", "updatedAt")
      SELECT v.id, v.program_id, v.candidate_id, v.interview_id, v.track::"Outcome", ${TRACK_VERSION}::int,
             v.status::"EnrollmentStatus", 0, v.due_at, ${now}::timestamp, ${now}::timestamp
      FROM unnest(${r((x) => x.enrollmentId)}::uuid[], ${r((x) => x.item.programId)}::uuid[], ${r((x) => x.candidateId)}::uuid[],
                  ${r((x) => x.interviewId)}::uuid[], ${r((x) => x.item.input.outcome)}::text[],
                  ${r((x) => (x.paused ? "paused" : "active"))}::text[], ${r((x) => x.dueAt)}::timestamp[])
        AS v(id, program_id, candidate_id, interview_id, track, status, due_at)
    ), audited AS (
      -- The columns of auditColumns, as auditMany inserts them.
      INSERT INTO "AuditLog" (id, "programId", actor, action, "targetType", "targetId", data)
      SELECT gen_random_uuid(), v.program_id, v.actor, v.action, v.target_type, v.target_id, v.data::jsonb
      FROM unnest(${audit.programId}::uuid[], ${audit.actor}::text[], ${audit.action}::text[], ${audit.targetType}::text[],
                  ${audit.targetId}::text[], ${audit.data}::text[])
        AS v(program_id, actor, action, target_type, target_id, data)
    )
    INSERT INTO "Message" (id, "programId", "candidateId", "enrollmentId", "interviewId", kind, step, status, "idempotencyKey", "dueAt", "createdAt", attempts)
    SELECT v.id, v.program_id, v.candidate_id, v.enrollment_id, v.interview_id, 'drip', v.step, 'scheduled', v.idem, v.due_at,
           ${now}::timestamp, 0
    FROM unnest(${mc((x) => x.message.id)}::uuid[], ${mc((x) => x.item.programId)}::uuid[], ${mc((x) => x.candidateId)}::uuid[],
                ${mc((x) => x.enrollmentId)}::uuid[], ${mc((x) => x.interviewId)}::uuid[], ${mc((x) => x.message.step)}::text[],
                ${mc((x) => x.message.key)}::text[], ${mc((x) => x.dueAt)}::timestamp[])
      AS v(id, program_id, candidate_id, enrollment_id, interview_id, step, idem, due_at)`;

  for (const x of rows) {
    sink.results.set(x.item.index, {
      ok: true,
      candidateId: x.candidateId,
      interviewId: x.interviewId,
      enrollmentId: x.enrollmentId,
      change: byIdx.get(x.item.index)?.inserted ? "created" : "updated",
      replayed: false,
    });
    if (x.message && x.dueAt && !x.paused) {
      sink.jobs.push({ enrollmentId: x.enrollmentId, step: x.message.step, messageId: x.message.id });
      sink.dues.push(x.dueAt.getTime());
    }
  }
}
