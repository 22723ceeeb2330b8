import { type Analyser, type Analysis, isUuid, type Outcome, TRACKS, verifyReplyToken } from "@rebound/domain";
import { Prisma } from "@rebound/db";
import { analyseInbound, fromResendReceived, type InboundEmail, InboundParseError, parseMime } from "@rebound/inbound";
import { queueAnalysis } from "./analysis-email.js";
import { lockLiveCandidates, pauseCandidate, stopCandidate } from "./candidates.js";
import type { AppContext } from "./context.js";
import { enrolInterview } from "./enrol.js";
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

const PROMPTS: Record<string, string> = Object.fromEntries(
  Object.values(TRACKS).flatMap((t) => t.steps.map((s) => [s.key, s.prompts.join("\n")])),
);

/** Message, candidate and enrolment state behind reply tokens, in one query. */
export function loadReplyTargets(ctx: Pick<Ctx, "db">, messageIds: string[]): Promise<ReplyTarget[]> {
  return ctx.db.$queryRaw<ReplyTarget[]>`
    SELECT m.id, m."programId", m."interviewId", m.step, c.id AS "candidateId", c.email, c.status::text AS "candidateStatus",
           e.status::text AS "enrollmentStatus"
    FROM "Message" m JOIN "Candidate" c ON c.id = m."candidateId" LEFT JOIN "Enrollment" e ON e.id = m."enrollmentId"
    WHERE m.id = ANY(${messageIds}::uuid[])`;
}

export function reflectionRow(
  target: ReplyTarget,
  interviewId: string,
  text: string,
  found: Analysis,
  sourceKey: string,
  receivedAt: Date,
): Prisma.ReflectionCreateManyInput {
  return {
    programId: target.programId,
    candidateId: target.candidateId,
    interviewId,
    messageId: target.id,
    step: target.step,
    prompt: PROMPTS[target.step] ?? "",
    text,
    themes: found.themes.map((t) => t.theme),
    analysis: found as unknown as Prisma.InputJsonValue,
    distress: found.distress,
    sourceKey,
    receivedAt,
  };
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

/**
 * Turns one stored inbound message into its effect: a reflection, a command, a
 * subscription, or a logged drop. Idempotent: a message already processed is
 * left alone, and a reflection is unique per inbound message.
 */
export async function processInbound(ctx: Ctx, deps: InboundDeps, inboundId: string): Promise<InboundOutcome> {
  const row = await ctx.db.inboundMessage.findUnique({ where: { id: inboundId } });
  if (row?.status !== "queued") return "duplicate";
  const finish = async (status: string, result: string, programId?: string | null) => {
    // The raw mail is personal data: once handled, only the outcome is kept.
    await ctx.db.inboundMessage.update({
      where: { id: row.id },
      data: {
        status,
        result,
        processedAt: ctx.clock.now(),
        raw: null,
        payload: Prisma.DbNull,
        programId: programId ?? null,
      },
    });
  };

  let mail: InboundEmail;
  try {
    if (row.source === "mime") {
      if (!row.raw) throw new InboundParseError("no raw message stored");
      mail = await parseMime(row.raw);
    } else {
      const emailId = (row.payload as { email_id?: unknown } | null)?.email_id;
      if (typeof emailId !== "string") throw new InboundParseError("webhook payload has no email_id");
      mail = fromResendReceived(await deps.fetchReceived(emailId));
    }
  } catch (err) {
    if (!(err instanceof InboundParseError)) throw err; // transient (network): the job retries
    ctx.log.warn("inbound message could not be parsed", { inboundId, error: err.message });
    await finish("failed", `unparseable: ${err.message.slice(0, 200)}`);
    return "failed";
  }

  const dropErased = async (programId: string): Promise<InboundOutcome> => {
    ctx.log.warn("inbound reply dropped: candidate erased", { inboundId });
    await finish("dropped", "candidate erased", programId);
    return "dropped";
  };

  const analysis = analyseInbound(mail, ctx.config.INBOUND_DOMAIN);
  if (analysis.kind === "auto-reply") {
    await finish("ignored", "auto-reply");
    return "ignored";
  }
  if (analysis.kind === "unroutable") {
    ctx.log.warn("inbound message dropped: no reply token or start address", { inboundId });
    await finish("dropped", "unroutable");
    return "dropped";
  }
  if (analysis.kind === "start") {
    if (!mail.from) {
      await finish("dropped", "start: no sender address");
      return "dropped";
    }
    const program = await signupProgram(ctx, analysis.program);
    if ("refused" in program) {
      ctx.log.warn("signup by email dropped", { inboundId, reason: program.refused });
      await finish("dropped", `start: ${program.refused}`);
      return "dropped";
    }
    await createPendingSubscription(ctx, {
      programId: program.id,
      email: mail.from,
      name: mail.fromName,
      company: analysis.company ?? "your recent interview",
      outcome: "rejected",
      source: "email",
    });
    await finish("processed", "subscription", program.id);
    return "subscription";
  }

  const check = verifyReplyToken(analysis.token, ctx.config.APP_SECRET, ctx.clock.now());
  if (!check.ok) {
    ctx.log.warn("inbound reply dropped: reply token refused", { inboundId, reason: check.reason });
    await finish("dropped", `token ${check.reason}`);
    return "dropped";
  }
  const [message] = await loadReplyTargets(ctx, [check.value.messageId]);
  if (!message?.interviewId) {
    ctx.log.warn("inbound reply dropped: token names no live message", { inboundId });
    await finish("dropped", "token names no live message");
    return "dropped";
  }
  if (message.candidateStatus === "erased") return dropErased(message.programId);
  const candidate = { id: message.candidateId, email: message.email, status: message.candidateStatus };
  const interviewId = message.interviewId;
  const actor = `reply:${message.id}`;

  if (analysis.command === "stop") {
    await stopCandidate(ctx, candidate.id, "unsubscribed", actor);
  } else if (analysis.command === "pause" && (candidate.status === "active" || candidate.status === "paused")) {
    await pauseCandidate(ctx, candidate.id, PAUSE_DAYS, actor);
  } else if (analysis.command === "offer") {
    await recordOffer(ctx, candidate.id, interviewId, actor);
  }
  if (analysis.command) {
    await finish("processed", `command ${analysis.command}`, message.programId);
    return "command";
  }

  const text = capReflection(analysis.reflection.trim());
  if (!text) {
    await finish("ignored", "empty reply", message.programId);
    return "ignored";
  }
  const found = await deps.analyser.analyse(text);
  // Stored only while the candidate is not erased (an erasure may have committed since the lookup).
  const reflectionId = await ctx.db.$transaction(async (tx) => {
    if (!(await lockLiveCandidates(tx, [candidate.id])).has(candidate.id)) return null;
    await tx.reflection.createMany({
      data: [reflectionRow(message, interviewId, text, found, row.sourceKey, row.createdAt)],
      skipDuplicates: true, // a retried job finds the reflection it stored before
    });
    return (await tx.reflection.findUniqueOrThrow({ where: { sourceKey: row.sourceKey }, select: { id: true } })).id;
  });
  if (!reflectionId) return dropErased(message.programId);
  if (found.distress) ctx.log.warn("distress signal in a reflection", { reflectionId, candidateId: candidate.id });

  // The pending track asks for the outcome; an answer starts the matching track.
  if (message.step === "check-in" && message.enrollmentStatus !== "superseded") {
    const outcome = outcomeFromCheckIn(text);
    const interview = await ctx.db.interview.findUnique({ where: { id: interviewId } });
    if (outcome && interview && candidate.email && candidate.status === "active") {
      await enrolInterview(
        ctx,
        message.programId,
        {
          email: candidate.email,
          company: interview.company,
          ...(interview.role ? { role: interview.role } : {}),
          outcome,
        },
        { source: "reply:check-in" },
      );
    }
  }
  if (message.step === "analyse" || found.substantial) await queueAnalysis(ctx, [{ reflectionId, interviewId }]);
  await finish("processed", "reflection", message.programId);
  return "reflection";
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

/** "GOT THE JOB": the interview is marked as an offer and every running track stops. */
async function recordOffer(ctx: Ctx, candidateId: string, interviewId: string, actor: string): Promise<void> {
  const now = ctx.clock.now();
  await ctx.db.$transaction(async (tx) => {
    const c = await tx.candidate.findUniqueOrThrow({ where: { id: candidateId } });
    await tx.interview.updateMany({ where: { id: interviewId, offerAt: null }, data: { offerAt: now } });
    await tx.enrollment.updateMany({
      where: { candidateId, status: { in: ["active", "paused"] } },
      data: { status: "stopped", stopReason: "offer", nextDueAt: null },
    });
    await tx.message.updateMany({ where: { candidateId, status: "scheduled" }, data: { status: "cancelled" } });
    await tx.auditLog.create({
      data: { programId: c.programId, actor, action: "candidate.offer", targetType: "candidate", targetId: c.id },
    });
  });
}
