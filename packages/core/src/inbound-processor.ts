import { randomUUID } from "node:crypto";
import type { Prisma } from "@rebound/db";
import { type Analyser, type Analysis, isUuid, type Outcome, promptsFor, verifyReplyToken } from "@rebound/domain";
import {
  routeInbound,
  fromResendReceived,
  type InboundRoute,
  type InboundEmail,
  InboundParseError,
  parseMime,
} from "@rebound/inbound";
import { queueEmails, scheduleAnalysisRows } from "./analysis-email.js";
import { shareLockCandidates } from "./candidates.js";
import type { AppContext } from "./context.js";
import { enrolInterview } from "./enrol.js";
import { pauseCandidate, recordOffer, stopCandidate } from "./lifecycle/candidate.js";
import { queueCommandConfirmation, queueReplyNotStored } from "./notices.js";
import { createPendingSubscription } from "./subscriptions.js";

type Ctx = Pick<AppContext, "db" | "queues" | "mail" | "clock" | "config" | "log">;

export interface InboundDeps {
  analyser: Analyser;
  /** GET {RESEND_BASE_URL}/emails/receiving/{id}: the body of a received email. */
  fetchReceived(emailId: string): Promise<unknown>;
}

export type InboundOutcome = "reflection" | "command" | "subscription" | "ignored" | "dropped" | "failed" | "duplicate";

const PAUSE_DAYS = 7;
/** Longer replies are kept, cut here: a reflection is read by people and re-analysed, not archived. */
export const MAX_REFLECTION_CHARS = 20_000;
const TRUNCATED = "\n…[truncated]";

export function capReflection(text: string): string {
  if (text.length <= MAX_REFLECTION_CHARS) return text;
  return `${text.slice(0, MAX_REFLECTION_CHARS - TRUNCATED.length).trimEnd()}${TRUNCATED}`;
}

export interface ReplyTarget {
  id: string;
  programId: string;
  interviewId: string | null;
  step: string;
  candidateId: string;
  email: string | null;
  candidateStatus: string;
  enrollmentStatus: string | null;
}

/** Message, candidate and enrolment state behind reply tokens, in one query. */
export function loadReplyTargets(ctx: Pick<Ctx, "db">, messageIds: string[]): Promise<ReplyTarget[]> {
  return ctx.db.$queryRaw<ReplyTarget[]>`
    SELECT m.id, m."programId", m."interviewId", m.step, c.id AS "candidateId", c.email, c.status::text AS "candidateStatus",
           e.status::text AS "enrollmentStatus"
    FROM "Message" m JOIN "Candidate" c ON c.id = m."candidateId" LEFT JOIN "Enrollment" e ON e.id = m."enrollmentId"
    WHERE m.id = ANY(${messageIds}::uuid[])`;
}

/** Reads an outcome from a reply to the pending track's check-in ("rejected", "got an offer"). */
export function outcomeFromCheckIn(text: string): Outcome | null {
  const t = text.toLowerCase();
  if (/\b(got|received|accepted|have) (an |the )?(offer|job)\b|\bhired\b|\boffer\b/.test(t) && !/\bno offer\b/.test(t))
    return "offer";
  if (/\breject|\bturned (me )?down|\bdidn'?t get (it|the job)|\bnot (been )?selected|\bunsuccessful\b/.test(t))
    return "rejected";
  if (/\bwithdr[ae]w/.test(t)) return "withdrawn";
  if (/\b(no (response|reply|news)|never heard|haven'?t heard|ghosted)\b/.test(t)) return "no_response";
  return null;
}

interface StoredRow {
  id: string;
  source: string;
  raw: Uint8Array | null;
  payload: Prisma.JsonValue | null;
  sourceKey: string;
  createdAt: Date;
}

/** One reply on its way to become a reflection. */
export interface ReflectionItem {
  inboundId: string;
  target: ReplyTarget & { interviewId: string };
  text: string;
  analysis: Analysis;
  sourceKey: string;
  receivedAt: Date;
  /** The reply came from another address than the candidate's. */
  fromOther: boolean;
}

type Finish = { status: "processed" | "ignored" | "dropped" | "failed"; result: string; programId?: string | null };

/**
 * Turns stored inbound messages into their effects: a reflection, a command, a signup, or a
 * logged drop. The one path for every inbound message: the single case is a batch of one.
 * Plain replies of a batch are stored together (a handful of statements for the whole batch);
 * commands, signups and check-in answers go one by one. Each message's outcome is its own: a
 * permanent error (an unparseable message, a refused token) finishes that message with a logged
 * reason; a transient one (the provider's API did not answer) is returned for that message only,
 * so only its job is retried. Idempotent: a message already processed is left alone.
 */
export async function processInboundBatch(
  ctx: Ctx,
  deps: InboundDeps,
  inboundIds: readonly string[],
): Promise<{ outcomes: Map<string, InboundOutcome>; errors: (unknown | undefined)[] }> {
  const outcomes = new Map<string, InboundOutcome>();
  const transient = new Map<string, unknown>();
  const rows = await ctx.db.$queryRaw<StoredRow[]>`
    SELECT id, source, raw, payload, "sourceKey", "createdAt" FROM "InboundMessage"
    WHERE id = ANY(${[...inboundIds]}::uuid[]) AND status = 'queued'
    ORDER BY "createdAt"`;
  for (const id of inboundIds) outcomes.set(id, "duplicate");

  const finished: { id: string; finish: Finish }[] = [];
  const end = (row: StoredRow, finish: Finish, outcome: InboundOutcome) => {
    finished.push({ id: row.id, finish });
    outcomes.set(row.id, outcome);
  };
  const routed: { row: StoredRow; mail: InboundEmail; route: InboundRoute }[] = [];
  for (const row of rows) {
    try {
      const mail = await readMail(row, deps);
      routed.push({ row, mail, route: routeInbound(mail, ctx.config.INBOUND_DOMAIN) });
    } catch (err) {
      if (!(err instanceof InboundParseError)) {
        transient.set(row.id, err); // the provider's API did not answer: this message's job retries
        continue;
      }
      ctx.log.warn("inbound message could not be parsed", { inboundId: row.id, error: err.message });
      end(row, { status: "failed", result: `unparseable: ${err.message.slice(0, 200)}` }, "failed");
    }
  }

  const now = ctx.clock.now();
  const replies: {
    row: StoredRow;
    mail: InboundEmail;
    route: Extract<InboundRoute, { kind: "reply" }>;
    messageId: string;
  }[] = [];
  for (const r of routed) {
    const { row, route } = r;
    if (route.kind === "auto-reply") end(row, { status: "ignored", result: "auto-reply" }, "ignored");
    else if (route.kind === "unroutable") {
      ctx.log.warn("inbound message dropped: no reply token or start address", { inboundId: row.id });
      end(row, { status: "dropped", result: "unroutable" }, "dropped");
    } else if (route.kind === "reply") {
      const check = verifyReplyToken(route.token, ctx.config.APP_SECRET, now);
      if (check.ok) replies.push({ ...r, route, messageId: check.value.messageId });
      else {
        ctx.log.warn("inbound reply dropped: reply token refused", { inboundId: row.id, reason: check.reason });
        end(row, { status: "dropped", result: `token ${check.reason}` }, "dropped");
      }
    }
  }

  // Signups by email, one by one (rare): each is its own pending signup, keyed by the inbound message.
  for (const r of routed) {
    if (r.route.kind !== "start") continue;
    const outcome = await settle(ctx, r.row, transient, () =>
      startSignup(ctx, r.row, r.mail, r.route as Extract<InboundRoute, { kind: "start" }>),
    );
    if (outcome) end(r.row, outcome.finish, outcome.outcome);
  }

  const targets = new Map(
    (replies.length ? await loadReplyTargets(ctx, [...new Set(replies.map((r) => r.messageId))]) : []).map((t) => [
      t.id,
      t,
    ]),
  );
  const plain: Omit<ReflectionItem, "analysis">[] = [];
  for (const r of replies) {
    const target = targets.get(r.messageId);
    if (!target?.interviewId) {
      ctx.log.warn("inbound reply dropped: token names no live message", { inboundId: r.row.id });
      end(r.row, { status: "dropped", result: "token names no live message" }, "dropped");
      continue;
    }
    if (target.candidateStatus === "erased") {
      end(r.row, { status: "dropped", result: "candidate erased", programId: target.programId }, "dropped");
      continue;
    }
    const fromOther = Boolean(r.mail.from && target.email && r.mail.from.toLowerCase() !== target.email.toLowerCase());
    const withInterview = { ...target, interviewId: target.interviewId };
    if (r.route.command) {
      const outcome = await settle(ctx, r.row, transient, () =>
        runCommand(ctx, r.row, r.mail, withInterview, r.route.command as string, fromOther),
      );
      if (outcome) end(r.row, outcome.finish, outcome.outcome);
      continue;
    }
    const text = capReflection(r.route.reflection.trim());
    if (!text) {
      end(r.row, { status: "ignored", result: "empty reply", programId: target.programId }, "ignored");
      continue;
    }
    plain.push({
      inboundId: r.row.id,
      target: withInterview,
      text,
      sourceKey: r.row.sourceKey,
      receivedAt: r.row.createdAt,
      fromOther,
    });
  }

  if (plain.length) {
    try {
      const analyses = await Promise.all(plain.map((p) => deps.analyser.analyse(p.text)));
      const items = plain.map((p, i) => ({ ...p, analysis: analyses[i] as Analysis }));
      const stored = await storeReflections(ctx, items);
      for (const item of items) {
        if (stored.has(item.inboundId)) outcomes.set(item.inboundId, "reflection");
        else {
          ctx.log.warn("inbound reply dropped: candidate erased", { inboundId: item.inboundId });
          finished.push({
            id: item.inboundId,
            finish: { status: "dropped", result: "candidate erased", programId: item.target.programId },
          });
          outcomes.set(item.inboundId, "dropped");
        }
      }
      await afterReflections(
        ctx,
        items.filter((i) => stored.has(i.inboundId)),
      );
    } catch (err) {
      for (const p of plain) transient.set(p.inboundId, err); // their jobs are retried
    }
  }

  await finishRows(ctx, finished, now);
  return { outcomes, errors: inboundIds.map((id) => transient.get(id)) };
}

/** The single path: a batch of one. */
export async function processInbound(ctx: Ctx, deps: InboundDeps, inboundId: string): Promise<InboundOutcome> {
  const { outcomes, errors } = await processInboundBatch(ctx, deps, [inboundId]);
  if (errors[0] !== undefined) throw errors[0];
  return outcomes.get(inboundId) ?? "duplicate";
}

async function readMail(row: StoredRow, deps: InboundDeps): Promise<InboundEmail> {
  if (row.source === "mime") {
    if (!row.raw) throw new InboundParseError("no raw message stored");
    return parseMime(row.raw);
  }
  const emailId = (row.payload as { email_id?: unknown } | null)?.email_id;
  if (typeof emailId !== "string") throw new InboundParseError("webhook payload has no email_id");
  return fromResendReceived(await deps.fetchReceived(emailId));
}

/** Runs one message's own work; a permanent failure finishes it, a transient one is kept for its job. */
async function settle(
  ctx: Ctx,
  row: StoredRow,
  transient: Map<string, unknown>,
  work: () => Promise<{ finish: Finish; outcome: InboundOutcome }>,
): Promise<{ finish: Finish; outcome: InboundOutcome } | null> {
  try {
    return await work();
  } catch (err) {
    if (err instanceof InboundParseError) {
      ctx.log.warn("inbound message refused", { inboundId: row.id, error: err.message });
      return { finish: { status: "failed", result: err.message.slice(0, 200) }, outcome: "failed" };
    }
    transient.set(row.id, err);
    return null;
  }
}

/**
 * Stores reflections in one transaction of flat statements (the hot path; ORM batches cost more
 * than the work): the candidates are share-locked first, so any erasure that committed meanwhile
 * is seen and nothing is stored for an erased candidate; each reflection, its inbound row's end
 * (raw mail dropped), and the interview's analysis email (scheduled once) commit together.
 * Returns the inbound ids whose reflection is stored.
 */
export async function storeReflections(ctx: Ctx, items: readonly ReflectionItem[]): Promise<Set<string>> {
  if (items.length === 0) return new Set();
  const now = ctx.clock.now();
  const col = <T>(f: (i: ReflectionItem) => T) => items.map(f);
  const json = (values: unknown[]) => values.map((v) => JSON.stringify(v ?? null));
  const triggers = items
    .filter((i) => i.target.step === "analyse" || i.analysis.substantial)
    .map((i) => ({
      programId: i.target.programId,
      candidateId: i.target.candidateId,
      interviewId: i.target.interviewId,
    }));
  const [, , processed, scheduled] = await ctx.db.$transaction([
    shareLockCandidates(
      ctx.db,
      col((i) => i.target.candidateId),
    ),
    ctx.db.$executeRaw`
      INSERT INTO "Reflection" (id, "programId", "candidateId", "interviewId", "messageId", step, prompt, text, themes,
                                analysis, distress, "fromOther", "sourceKey", "receivedAt")
      SELECT v.id, v.program_id, v.candidate_id, v.interview_id, v.message_id, v.step, v.prompt, v.text,
             ARRAY(SELECT jsonb_array_elements_text(v.themes)), v.analysis, v.distress, v.from_other, v.source_key, v.received_at
      FROM unnest(${col(() => randomUUID())}::uuid[], ${col((i) => i.target.programId)}::uuid[],
                  ${col((i) => i.target.candidateId)}::uuid[], ${col((i) => i.target.interviewId)}::uuid[],
                  ${col((i) => i.target.id)}::uuid[], ${col((i) => i.target.step)}::text[],
                  ${col((i) => promptsFor(i.target.step).join("\n"))}::text[], ${col((i) => i.text)}::text[],
                  ${json(col((i) => i.analysis.themes.map((t) => t.theme)))}::jsonb[], ${json(col((i) => i.analysis))}::jsonb[],
                  ${col((i) => i.analysis.distress)}::boolean[], ${col((i) => i.fromOther)}::boolean[],
                  ${col((i) => i.sourceKey)}::text[], ${col((i) => i.receivedAt)}::timestamp[])
        AS v(id, program_id, candidate_id, interview_id, message_id, step, prompt, text, themes, analysis, distress,
             from_other, source_key, received_at)
      JOIN "Candidate" c ON c.id = v.candidate_id AND c.status <> 'erased'
      ON CONFLICT ("sourceKey") DO NOTHING`,
    ctx.db.$queryRaw<{ id: string }[]>`
      UPDATE "InboundMessage" i SET status = 'processed', result = 'reflection', "processedAt" = ${now}::timestamp,
        raw = NULL, payload = NULL, "programId" = v.program_id
      FROM unnest(${col((i) => i.inboundId)}::uuid[], ${col((i) => i.target.programId)}::uuid[],
                  ${col((i) => i.target.candidateId)}::uuid[]) AS v(id, program_id, candidate_id)
      JOIN "Candidate" c ON c.id = v.candidate_id AND c.status <> 'erased'
      WHERE i.id = v.id AND i.status = 'queued'
      RETURNING i.id`,
    scheduleAnalysisRows(ctx.db, triggers, now),
  ]);
  await queueEmails(
    ctx,
    scheduled.map((s) => s.id),
  );
  return new Set(processed.map((p) => p.id));
}

/** What follows a stored reflection: a coach alerted to distress, and a check-in answer starting its track. */
async function afterReflections(ctx: Ctx, items: readonly ReflectionItem[]): Promise<void> {
  for (const item of items) {
    if (item.analysis.distress) {
      ctx.log.warn("distress signal in a reflection", {
        candidateId: item.target.candidateId,
        inboundId: item.inboundId,
      });
    }
    // The pending track asks for the outcome; an answer from the candidate starts the matching track.
    if (item.target.step !== "check-in" || item.target.enrollmentStatus === "superseded" || item.fromOther) continue;
    const outcome = outcomeFromCheckIn(item.text);
    const interview = await ctx.db.interview.findUnique({ where: { id: item.target.interviewId } });
    if (outcome && interview && item.target.email && item.target.candidateStatus === "active") {
      await enrolInterview(
        ctx,
        item.target.programId,
        {
          email: item.target.email,
          company: interview.company,
          ...(interview.role ? { role: interview.role } : {}),
          outcome,
        },
        { source: "reply:check-in" },
      );
    }
  }
}

/**
 * A first-line command. From the candidate's own address it takes effect at once; from another
 * address (a forward, a shared inbox) it is not executed: the candidate is asked to confirm it.
 */
async function runCommand(
  ctx: Ctx,
  row: StoredRow,
  mail: InboundEmail,
  target: ReplyTarget & { interviewId: string },
  command: string,
  fromOther: boolean,
): Promise<{ finish: Finish; outcome: InboundOutcome }> {
  const actor = `reply:${target.id}`;
  if (fromOther) {
    await queueCommandConfirmation(ctx, target, command, mail.from);
    ctx.log.warn("command from another address held for the candidate's confirmation", { inboundId: row.id, command });
    return {
      finish: { status: "processed", result: `command ${command} awaits confirmation`, programId: target.programId },
      outcome: "command",
    };
  }
  if (command === "stop") await stopCandidate(ctx, target.candidateId, "unsubscribed", actor);
  else if (command === "pause" && (target.candidateStatus === "active" || target.candidateStatus === "paused")) {
    await pauseCandidate(ctx, target.candidateId, PAUSE_DAYS, actor);
  } else if (command === "offer") await recordOffer(ctx, target.candidateId, target.interviewId, actor);
  return {
    finish: { status: "processed", result: `command ${command}`, programId: target.programId },
    outcome: "command",
  };
}

async function startSignup(
  ctx: Ctx,
  row: StoredRow,
  mail: InboundEmail,
  route: Extract<InboundRoute, { kind: "start" }>,
): Promise<{ finish: Finish; outcome: InboundOutcome }> {
  if (!mail.from) return { finish: { status: "dropped", result: "start: no sender address" }, outcome: "dropped" };
  const program = await signupProgram(ctx, route.program);
  if ("refused" in program) {
    ctx.log.warn("signup by email dropped", { inboundId: row.id, reason: program.refused });
    return { finish: { status: "dropped", result: `start: ${program.refused}` }, outcome: "dropped" };
  }
  await createPendingSubscription(ctx, {
    programId: program.id,
    email: mail.from,
    name: mail.fromName,
    company: route.company ?? "your recent interview",
    outcome: "rejected",
    source: "email",
    consentSource: "a signup email to start@",
    sourceKey: row.sourceKey,
  });
  return { finish: { status: "processed", result: "subscription", programId: program.id }, outcome: "subscription" };
}

/**
 * The program a signup by email joins: the one named by `start+<programId>@`, or,
 * for a plain `start@`, the only program there is. With several programs a plain
 * `start@` is ambiguous, and guessing would put a candidate in a stranger's program.
 */
async function signupProgram(ctx: Pick<Ctx, "db">, tag: string | null): Promise<{ id: string } | { refused: string }> {
  if (tag !== null) {
    const program = isUuid(tag) ? await ctx.db.program.findUnique({ where: { id: tag }, select: { id: true } }) : null;
    return program ?? { refused: "no such program" };
  }
  const [only, another] = await ctx.db.program.findMany({ select: { id: true }, take: 2 });
  if (!only) return { refused: "no program accepts email signups" };
  if (another) return { refused: "several programs; write to start+<programId>@ to choose one" };
  return only;
}

/** The raw mail is personal data: once a message is handled, only its outcome is kept. */
async function finishRows(ctx: Pick<Ctx, "db">, rows: readonly { id: string; finish: Finish }[], now: Date) {
  if (rows.length === 0) return;
  await ctx.db.$executeRaw`
    UPDATE "InboundMessage" i SET status = v.status, result = v.result, "processedAt" = ${now}::timestamp,
      raw = NULL, payload = NULL, "programId" = v.program_id
    FROM unnest(${rows.map((r) => r.id)}::uuid[], ${rows.map((r) => r.finish.status)}::text[],
                ${rows.map((r) => r.finish.result)}::text[], ${rows.map((r) => r.finish.programId ?? null)}::uuid[])
      AS v(id, status, result, program_id)
    WHERE i.id = v.id AND i.status = 'queued'`;
}

/**
 * A message whose job gave up (its last attempt failed): it ends as failed, with why, and never
 * loops. When it was a reply to a live candidate, they are told by email that their words were
 * not stored, instead of the reply vanishing.
 */
export async function giveUpInbound(ctx: Ctx, inboundId: string, error: unknown): Promise<void> {
  const why = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  ctx.log.error("inbound message given up after its last attempt", { inboundId, error: why.slice(0, 200) });
  const [row] = await ctx.db.$queryRaw<StoredRow[]>`
    SELECT id, source, raw, payload, "sourceKey", "createdAt" FROM "InboundMessage" WHERE id = ${inboundId}::uuid AND status = 'queued'`;
  if (!row) return;
  await finishRows(
    ctx,
    [{ id: inboundId, finish: { status: "failed", result: `gave up: ${why.slice(0, 180)}` } }],
    ctx.clock.now(),
  );
  if (row.source !== "mime" || !row.raw) return;
  try {
    const route = routeInbound(await parseMime(row.raw), ctx.config.INBOUND_DOMAIN);
    if (route.kind !== "reply") return;
    const check = verifyReplyToken(route.token, ctx.config.APP_SECRET, ctx.clock.now());
    if (!check.ok) return;
    const [target] = await loadReplyTargets(ctx, [check.value.messageId]);
    if (target?.email && target.candidateStatus === "active") await queueReplyNotStored(ctx, target, inboundId);
  } catch (err) {
    ctx.log.warn("could not tell the candidate their reply was not stored", { inboundId, error: err });
  }
}
