import { randomUUID } from "node:crypto";
import type { Db, Prisma } from "@rebound/db";
import { type InterviewInput, isUuid } from "@rebound/domain";
import { jobIds } from "@rebound/queue";
import { type Actor, audit } from "../audit.js";
import type { AppContext } from "../context.js";
import { type Consent, enrolMany } from "../enrol.js";
import { AppError, notFound } from "../errors.js";
import { suppressionReasons } from "../suppression.js";
import { type ColumnMapping, importRows, IMPORT_COLUMNS, surveyCsv, assertUtf8 } from "./csv-rows.js";
import { type RowProblem, rowInput } from "./row-input.js";

type Ctx = Pick<AppContext, "db" | "queues" | "clock" | "config" | "log">;

export type ImportStatus = "queued" | "running" | "completed" | "failed";
export interface ImportError {
  row: number;
  email: string | null;
  code: string;
  message: string;
}

/** Rows enrolled between two progress writes: small enough for a moving progress bar, big enough to batch queries. */
export const IMPORT_CHUNK_ROWS = 500;

export interface NewImport {
  cohortSlug: string;
  body: Uint8Array;
  filename?: string | null;
  mapping?: ColumnMapping | null;
  actor: Actor;
}

/**
 * Stores an uploaded CSV and queues its processing. The file is read once here, so what can be
 * said before any row is touched is said now, with nothing stored: an archived or unknown
 * cohort, a file that is not UTF-8, a header without the required columns, more rows than an
 * import takes. The job is queued after commit; if that add fails, the reconciler adds it.
 */
export async function createImport(
  ctx: Ctx,
  programId: string,
  input: NewImport,
): Promise<{ importId: string; total: number }> {
  if (input.body.byteLength === 0)
    throw new AppError(422, "empty_file", "the file is empty: it needs a header row and at least one row");
  const mapping = cleanMapping(input.mapping ?? null);
  const cohort = await ctx.db.cohort.findUnique({ where: { programId_slug: { programId, slug: input.cohortSlug } } });
  if (!cohort) throw notFound("cohort");
  if (cohort.archivedAt) throw new AppError(409, "cohort_archived", `cohort '${cohort.slug}' is archived`);
  assertUtf8(input.body);
  const { rows } = await surveyCsv(input.body, mapping);
  const importId = randomUUID();
  const filename = input.filename?.trim().slice(0, 200) || null;
  await ctx.db.$transaction(async (tx) => {
    await tx.csvImport.create({
      data: {
        id: importId,
        programId,
        cohortId: cohort.id,
        status: "queued",
        filename,
        createdBy: input.actor,
        total: rows,
        body: Buffer.from(input.body.buffer, input.body.byteOffset, input.body.byteLength) as Uint8Array<ArrayBuffer>,
        ...(mapping ? { mapping } : {}),
        createdAt: ctx.clock.now(),
      },
    });
    await audit(tx, {
      programId,
      actor: input.actor,
      action: "import.created",
      targetType: "import",
      targetId: importId,
      data: { cohort: cohort.slug, rows, ...(filename ? { filename } : {}) },
    });
  });
  await ctx.queues.add("import", { importId }).catch((err) => {
    ctx.log.warn("could not queue an import; the reconciler will", { importId, error: err });
  });
  return { importId, total: rows };
}

function cleanMapping(mapping: ColumnMapping | null): ColumnMapping | null {
  if (!mapping) return null;
  const out: ColumnMapping = {};
  for (const [k, v] of Object.entries(mapping)) {
    if (!(IMPORT_COLUMNS as readonly string[]).includes(k)) {
      throw new AppError(
        422,
        "invalid_mapping",
        `the mapping names an unknown column '${k}' (columns: ${IMPORT_COLUMNS.join(", ")})`,
      );
    }
    if (typeof v === "string" && v.trim()) out[k as keyof ColumnMapping] = v.trim().slice(0, 200);
  }
  return Object.keys(out).length ? out : null;
}

export interface ImportView {
  id: string;
  cohort: string;
  status: ImportStatus;
  filename: string | null;
  createdBy: string;
  total: number;
  processed: number;
  created: number;
  updated: number;
  skipped: number;
  errors: ImportError[];
  error: string | null;
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
}

const SUMMARY = {
  id: true,
  status: true,
  filename: true,
  createdBy: true,
  total: true,
  processed: true,
  created: true,
  updated: true,
  skipped: true,
  error: true,
  createdAt: true,
  startedAt: true,
  finishedAt: true,
  cohortId: true,
} as const;

type SummaryRow = Prisma.CsvImportGetPayload<{ select: typeof SUMMARY }>;

function view(row: SummaryRow, cohort: string, errors: ImportError[]): ImportView {
  return {
    id: row.id,
    cohort,
    status: row.status as ImportStatus,
    filename: row.filename,
    createdBy: row.createdBy,
    total: row.total,
    processed: row.processed,
    created: row.created,
    updated: row.updated,
    skipped: row.skipped,
    errors,
    error: row.error,
    createdAt: row.createdAt.toISOString(),
    startedAt: row.startedAt?.toISOString() ?? null,
    finishedAt: row.finishedAt?.toISOString() ?? null,
  };
}

/** One import of the program with its per-row report; another program's id is not found. */
export async function getImport(db: Db, programId: string, importId: string): Promise<ImportView> {
  if (!isUuid(importId)) throw notFound("import");
  const row = await db.csvImport.findFirst({
    where: { id: importId, programId },
    select: { ...SUMMARY, errors: true },
  });
  if (!row) throw notFound("import");
  const cohort = await db.cohort.findUnique({ where: { id: row.cohortId }, select: { slug: true } });
  return view(row, cohort?.slug ?? "", (row.errors ?? []) as unknown as ImportError[]);
}

/** The program's imports, newest first, without their row reports (errorCount says how long each is). */
export async function listImports(
  db: Db,
  programId: string,
  opts: { cohortSlug?: string; limit?: number } = {},
): Promise<(Omit<ImportView, "errors"> & { errorCount: number })[]> {
  let cohortId: string | undefined;
  if (opts.cohortSlug) {
    const cohort = await db.cohort.findUnique({ where: { programId_slug: { programId, slug: opts.cohortSlug } } });
    if (!cohort) throw notFound("cohort");
    cohortId = cohort.id;
  }
  const rows = await db.csvImport.findMany({
    where: { programId, ...(cohortId ? { cohortId } : {}) },
    orderBy: { createdAt: "desc" },
    take: Math.min(Math.max(opts.limit ?? 50, 1), 200),
    select: SUMMARY,
  });
  if (rows.length === 0) return [];
  const [counts, cohorts] = await Promise.all([
    db.$queryRaw<{ id: string; n: number }[]>`
      SELECT id, jsonb_array_length(errors) AS n FROM "CsvImport" WHERE id = ANY(${rows.map((r) => r.id)}::uuid[])`,
    db.cohort.findMany({
      where: { id: { in: [...new Set(rows.map((r) => r.cohortId))] } },
      select: { id: true, slug: true },
    }),
  ]);
  const errorCount = new Map(counts.map((c) => [c.id, Number(c.n)]));
  const slug = new Map(cohorts.map((c) => [c.id, c.slug]));
  return rows.map((r) => {
    const { errors: _none, ...rest } = view(r, slug.get(r.cohortId) ?? "", []);
    return { ...rest, errorCount: errorCount.get(r.id) ?? 0 };
  });
}

interface Tally {
  processed: number;
  created: number;
  updated: number;
  skipped: number;
  errors: ImportError[];
}

interface Pending {
  row: number;
  input: InterviewInput;
}

/**
 * The import job. Rows are read in order from the stored file and enrolled a chunk at a time,
 * the chunk in one transaction of enrolMany where each row is answered on its own (a refused row
 * writes nothing: whole or absent), and the progress is written after each
 * chunk. A retried or resumed job starts after the last row written; the rows before it are
 * read again only to know which addresses the file already had. A row is not enrolled when it
 * is malformed or invalid, repeats an address of an earlier row, is an address that
 * unsubscribed, bounced or complained (never re-subscribed), or is an interview already
 * recorded for that candidate (so importing a file twice enrols nobody twice).
 */
export interface ImportJobHooks {
  /**
   * Called before each chunk: throws when this attempt no longer owns the job (its queue lock
   * was lost, so another worker may be running the same file).
   */
  heartbeat?: () => Promise<void>;
}

/** Another attempt of the same import wrote its progress first; this one stops and the job retries. */
export class ImportOvertakenError extends Error {
  override name = "ImportOvertakenError";
}

export async function processImport(
  ctx: Ctx,
  importId: string,
  hooks: ImportJobHooks = {},
): Promise<ImportStatus | "missing"> {
  try {
    return await runImport(ctx, importId, hooks);
  } catch (err) {
    // A refusal is about the file and would be the same on every attempt: the import fails at
    // once, saying why. Anything else (the database away) is thrown, and the job retries.
    if (!(err instanceof AppError)) throw err;
    await failImport(ctx, importId, err.message);
    return "failed";
  }
}

async function runImport(ctx: Ctx, importId: string, hooks: ImportJobHooks): Promise<ImportStatus | "missing"> {
  const [claimed] = await ctx.db.$queryRaw<
    {
      programId: string;
      cohortId: string;
      processed: number;
      createdBy: string;
      mapping: ColumnMapping | null;
      body: Uint8Array | null;
      startedAt: Date;
    }[]
  >`
    UPDATE "CsvImport" SET status = 'running', "startedAt" = COALESCE("startedAt", ${ctx.clock.now()})
    WHERE id = ${importId}::uuid AND status IN ('queued', 'running')
    RETURNING "programId", "cohortId", processed, "createdBy", mapping, body, "startedAt"`;
  if (!claimed) {
    const row = await ctx.db.csvImport.findUnique({ where: { id: importId }, select: { status: true } });
    return row ? (row.status as ImportStatus) : "missing";
  }
  if (!claimed.body) {
    await failImport(ctx, importId, "the uploaded file is no longer stored");
    return "failed";
  }
  const cohort = await ctx.db.cohort.findUnique({ where: { id: claimed.cohortId } });
  if (!cohort) {
    await failImport(ctx, importId, "the cohort was removed");
    return "failed";
  }
  const program = claimed.programId;
  const consent = (now: Date): Consent => ({
    at: now.toISOString(),
    method: "import",
    source: `CSV import ${importId} by ${claimed.createdBy}`,
  });
  const resume = claimed.processed;
  let done = resume;
  const seen = new Map<string, number>();
  let chunk: { row: number; problem?: RowProblem; email: string | null; input?: InterviewInput }[] = [];
  // Two chunks in flight: the next one is read and enrolled while the last one's progress is
  // written, and PostgreSQL works while this process parses. Progress is still written in order.
  let previous: Promise<void> = Promise.resolve();
  const flush = async () => {
    if (chunk.length === 0) return;
    const rows = chunk;
    chunk = [];
    await hooks.heartbeat?.();
    const enrolled = enrolChunk(ctx, { importId, programId: program, startedAt: claimed.startedAt, consent }, rows);
    const before = previous;
    const written = (async () => {
      const tally = await enrolled;
      await before;
      // Written only over the progress this attempt started from: two attempts never both count a chunk.
      if (!(await recordProgress(ctx.db, importId, tally, done))) {
        throw new ImportOvertakenError(`another attempt of import ${importId} moved on; this one stops`);
      }
      done += tally.processed;
    })();
    written.catch(() => {}); // awaited below or by the next chunk; a failure is not unhandled meanwhile
    previous = written;
    await before;
  };
  for await (const item of importRows(claimed.body, claimed.mapping)) {
    const already = item.row <= resume;
    if ("malformed" in item) {
      if (!already) chunk.push({ row: item.row, email: null, problem: { code: "malformed", message: item.malformed } });
    } else {
      const checked = rowInput(item.values, cohort.slug);
      const email = "input" in checked ? checked.input.email : (item.values.email?.trim().toLowerCase() ?? null);
      if (!already) {
        if ("problem" in checked) chunk.push({ row: item.row, email, problem: checked.problem });
        else {
          const first = seen.get(checked.input.email);
          if (first !== undefined) {
            chunk.push({
              row: item.row,
              email,
              problem: {
                code: "duplicate_in_file",
                message: `the same address is on row ${first}; only that row is imported`,
              },
            });
          } else chunk.push({ row: item.row, email, input: checked.input });
        }
      }
      if ("input" in checked && !seen.has(checked.input.email)) seen.set(checked.input.email, item.row);
    }
    if (chunk.length >= IMPORT_CHUNK_ROWS) await flush();
  }
  await flush();
  await previous;
  await hooks.heartbeat?.();
  if (await finishImport(ctx, importId, done)) return "completed";
  const now = await ctx.db.csvImport.findUnique({ where: { id: importId }, select: { status: true } });
  return now ? (now.status as ImportStatus) : "missing";
}

async function enrolChunk(
  ctx: Ctx,
  job: { importId: string; programId: string; startedAt: Date; consent: (now: Date) => Consent },
  rows: { row: number; problem?: RowProblem; email: string | null; input?: InterviewInput }[],
): Promise<Tally> {
  const tally: Tally = { processed: 0, created: 0, updated: 0, skipped: 0, errors: [] };
  const skip = (row: number, email: string | null, problem: RowProblem) => {
    tally.skipped++;
    tally.errors.push({ row, email, code: problem.code, message: problem.message });
  };
  const valid: Pending[] = [];
  for (const r of rows) {
    if (r.input) valid.push({ row: r.row, input: r.input });
    else skip(r.row, r.email, r.problem ?? { code: "invalid", message: "this row is not valid" });
  }
  const known = await knownAddresses(ctx, job, valid);
  const toEnrol: Pending[] = [];
  for (const p of valid) {
    const k = known.get(p.input.email);
    if (k?.stopped) skip(p.row, p.input.email, k.stopped);
    else if (k?.sameInterview === "unchanged") tally.skipped++;
    else if (k?.sameInterview === "this-import") k.createdHere ? tally.created++ : tally.updated++;
    else toEnrol.push(p);
  }
  // One transaction for the chunk's rows, each answered on its own: a refused row writes nothing.
  const results = await enrolMany(
    ctx,
    job.programId,
    toEnrol.map((p) => p.input),
    { source: `import:${job.importId}`, consent: job.consent(ctx.clock.now()) },
  );
  results.forEach((r, i) => {
    const p = toEnrol[i] as (typeof toEnrol)[number];
    if (!r.ok) skip(p.row, p.input.email, stoppedProblem(r.code) ?? { code: r.code, message: r.message });
    else if (r.change === "unchanged") tally.skipped++;
    else if (r.change === "created") tally.created++;
    else tally.updated++;
  });
  tally.processed = rows.length;
  tally.errors.sort((a, b) => a.row - b.row);
  return tally;
}

const UNSUBSCRIBED: RowProblem = {
  code: "unsubscribed",
  message: "this address unsubscribed from the program; an import never subscribes it again",
};
const SUPPRESSED: RowProblem = {
  code: "suppressed",
  message: "mail to this address bounced or was marked as spam; it cannot be enrolled",
};

function stoppedProblem(reasonOrCode: string): RowProblem | null {
  if (reasonOrCode === "unsubscribed" || reasonOrCode === "declined-signup") return UNSUBSCRIBED;
  if (reasonOrCode === "bounced" || reasonOrCode === "complained" || reasonOrCode === "suppressed") return SUPPRESSED;
  return null;
}

interface Known {
  candidateId: string | null;
  createdHere: boolean;
  stopped: RowProblem | null;
  /** The row's interview is already recorded: before this import (unchanged), or by an earlier attempt of it. */
  sameInterview: "unchanged" | "this-import" | null;
}

/** What the chunk's addresses already are in the program, in four queries for the whole chunk. */
async function knownAddresses(
  ctx: Ctx,
  job: { importId: string; programId: string; startedAt: Date },
  rows: readonly Pending[],
): Promise<Map<string, Known>> {
  const out = new Map<string, Known>();
  if (rows.length === 0) return out;
  const emails = rows.map((r) => r.input.email);
  const [candidates, reasons] = await Promise.all([
    ctx.db.$queryRaw<{ id: string; email: string; status: string; consent: { source?: string } | null }[]>`
      SELECT id, email, status::text AS status, consent FROM "Candidate"
      WHERE "programId" = ${job.programId}::uuid AND email = ANY(${emails})`,
    suppressionReasons(ctx.db, ctx.config.APP_SECRET, job.programId, emails),
  ]);
  for (const e of emails) {
    const reason = reasons.get(e);
    out.set(e, {
      candidateId: null,
      createdHere: false,
      stopped: reason ? stoppedProblem(reason) : null,
      sameInterview: null,
    });
  }
  if (candidates.length === 0) return out;
  const byId = new Map(candidates.map((c) => [c.id, c]));
  for (const c of candidates) {
    const k = out.get(c.email) as Known;
    k.candidateId = c.id;
    k.createdHere = c.consent?.source?.startsWith(`CSV import ${job.importId} `) ?? false;
    k.stopped ??= stoppedProblem(c.status);
  }
  const input = new Map(rows.map((r) => [r.input.email, r.input]));
  const interviews = await ctx.db.$queryRaw<
    { candidateId: string; company: string; role: string | null; interviewedAt: Date | null; outcome: string }[]
  >`
    SELECT "candidateId", company, role, "interviewedAt", outcome::text AS outcome FROM "Interview"
    WHERE "candidateId" = ANY(${[...byId.keys()]}::uuid[])`;
  const recorded = new Set<string>();
  for (const i of interviews) {
    const c = byId.get(i.candidateId);
    const row = c ? input.get(c.email) : undefined;
    if (!c || !row) continue;
    const same =
      i.outcome === row.outcome &&
      i.company.toLowerCase() === row.company.toLowerCase() &&
      (i.role ?? null) === (row.role ?? null) &&
      (i.interviewedAt?.getTime() ?? null) === (row.interviewedAt ? new Date(row.interviewedAt).getTime() : null);
    if (same) recorded.add(c.id);
  }
  if (recorded.size === 0) return out;
  // Recorded by an earlier attempt of this very import (a crash between a row's commit and the
  // progress write): counted as this import's work, not as unchanged.
  const mine = await ctx.db.$queryRaw<{ targetId: string }[]>`
    SELECT DISTINCT "targetId" FROM "AuditLog"
    WHERE "programId" = ${job.programId}::uuid AND "createdAt" >= ${job.startedAt}
      AND actor = ${`import:${job.importId}`} AND action = 'interview.recorded' AND "targetId" = ANY(${[...recorded]})`;
  const byThisImport = new Set(mine.map((m) => m.targetId));
  for (const id of recorded) {
    const c = byId.get(id);
    const k = c ? out.get(c.email) : undefined;
    if (k && !k.stopped) k.sameInterview = byThisImport.has(id) ? "this-import" : "unchanged";
  }
  return out;
}

async function recordProgress(db: Db, importId: string, t: Tally, from: number): Promise<boolean> {
  const n = await db.$executeRaw`
    UPDATE "CsvImport" SET processed = processed + ${t.processed}, created = created + ${t.created},
      updated = updated + ${t.updated}, skipped = skipped + ${t.skipped},
      errors = errors || ${JSON.stringify(t.errors)}::jsonb
    WHERE id = ${importId}::uuid AND status = 'running' AND processed = ${from}`;
  return n === 1;
}

async function finishImport(ctx: Ctx, importId: string, processed: number): Promise<boolean> {
  return ctx.db.$transaction(async (tx) => {
    const [row] = await tx.$queryRaw<
      {
        programId: string;
        createdBy: string;
        total: number;
        processed: number;
        created: number;
        updated: number;
        skipped: number;
        errorCount: number;
      }[]
    >`
      UPDATE "CsvImport" SET status = 'completed', body = NULL, "finishedAt" = ${ctx.clock.now()}
      WHERE id = ${importId}::uuid AND status = 'running' AND processed = ${processed}
      RETURNING "programId", "createdBy", total, processed, created, updated, skipped, jsonb_array_length(errors) AS "errorCount"`;
    if (!row) return false;
    await audit(tx, {
      programId: row.programId,
      actor: row.createdBy,
      action: "import.completed",
      targetType: "import",
      targetId: importId,
      data: {
        total: row.total,
        processed: row.processed,
        created: row.created,
        updated: row.updated,
        skipped: row.skipped,
        errors: Number(row.errorCount),
      },
    });
    return true;
  });
}

/**
 * An import that cannot finish ends as failed with its reason (never a stack trace, never a
 * row's content), and its file is removed. Rows enrolled before the failure stay enrolled.
 */
export async function failImport(ctx: Pick<Ctx, "db" | "clock">, importId: string, reason: string): Promise<void> {
  const why = reason.replace(/[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/g, "[email]").slice(0, 500);
  await ctx.db.$transaction(async (tx) => {
    const [row] = await tx.$queryRaw<{ programId: string; createdBy: string; processed: number }[]>`
      UPDATE "CsvImport" SET status = 'failed', body = NULL, error = ${why}, "finishedAt" = ${ctx.clock.now()}
      WHERE id = ${importId}::uuid AND status IN ('queued', 'running')
      RETURNING "programId", "createdBy", processed`;
    if (!row) return;
    await audit(tx, {
      programId: row.programId,
      actor: row.createdBy,
      action: "import.failed",
      targetType: "import",
      targetId: importId,
      data: { reason: why, processed: row.processed },
    });
  });
}

/** How long an unfinished import may go without its job before the reconciler steps in. */
const IMPORT_GRACE_MS = 60_000;

/**
 * Imports left unfinished without a live job (Redis lost it, its add failed after commit, or it
 * failed for good without saying so): a missing job is added again and resumes where the
 * progress stopped; a job that failed for good fails its import with the job's reason.
 */
export async function reconcileImports(ctx: Ctx): Promise<number> {
  const now = ctx.clock.now();
  const stale = await ctx.db.csvImport.findMany({
    where: { status: { in: ["queued", "running"] }, createdAt: { lte: new Date(now.getTime() - IMPORT_GRACE_MS) } },
    select: { id: true },
    take: 100,
  });
  let acted = 0;
  for (const { id } of stale) {
    const job = await ctx.queues.import.getJob(jobIds.import(id));
    if (!job) {
      await ctx.queues.add("import", { importId: id });
      acted++;
      continue;
    }
    const state = await job.getState();
    if (state === "failed") {
      await failImport(ctx, id, `the import job failed: ${job.failedReason || "unknown reason"}`);
      acted++;
    } else if (state === "completed") {
      // Its job ended without finishing the import (it cannot, but never leave it hanging): run it again.
      await job.remove();
      await ctx.queues.add("import", { importId: id });
      acted++;
    }
  }
  return acted;
}
