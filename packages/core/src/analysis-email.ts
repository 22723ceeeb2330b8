import { randomUUID } from "node:crypto";
import type { Db } from "@rebound/db";
import { renderAnalysisEmail } from "@rebound/emails";
import type { OutgoingEmail } from "@rebound/mail";
import { loadBrand } from "./branding.js";
import { envelope, firstName } from "./compose.js";
import type { AppContext } from "./context.js";
import type { ClaimedEmail } from "./email-sender.js";
import { reviewInterview } from "./interview-review.js";
import { logUrl, preferencesUrl, unsubscribeUrl } from "./links.js";

type Ctx = Pick<AppContext, "db" | "config">;
const EXCERPT_CHARS = 600;

export const analysisKey = (interviewId: string) => `analysis-${interviewId}`;

export interface AnalysisTrigger {
  programId: string;
  candidateId: string;
  interviewId: string;
}

/**
 * The analysis email of each interview, as a scheduled Message row (one per interview: its
 * idempotency key is derived from it). Written in the same transaction as the reflection that
 * triggers it, so it cannot be lost between the two: if its job goes missing, the reconciler
 * finds the row. A query, not yet run, so it fits an array `$transaction`; returns the new rows.
 */
export function scheduleAnalysisRows(db: Pick<Db, "$queryRaw">, triggers: readonly AnalysisTrigger[], now: Date) {
  const unique = [...new Map(triggers.map((t) => [t.interviewId, t])).values()];
  return db.$queryRaw<{ id: string }[]>`
    INSERT INTO "Message" (id, "programId", "candidateId", "interviewId", kind, step, status, "idempotencyKey", "dueAt", "createdAt", attempts)
    SELECT v.id, v.program_id, v.candidate_id, v.interview_id, 'analysis', 'analysis', 'scheduled', 'analysis-' || v.interview_id::text, ${now}, ${now}, 0
    FROM unnest(${unique.map(() => randomUUID())}::uuid[], ${unique.map((t) => t.programId)}::uuid[],
                ${unique.map((t) => t.candidateId)}::uuid[], ${unique.map((t) => t.interviewId)}::uuid[])
      AS v(id, program_id, candidate_id, interview_id)
    JOIN "Candidate" c ON c.id = v.candidate_id AND c.status <> 'erased'
    ON CONFLICT ("idempotencyKey") DO NOTHING
    RETURNING id`;
}

/** Queues the send of analysis emails whose rows were just scheduled. */
export async function queueEmails(
  ctx: Pick<AppContext, "queues" | "log">,
  messageIds: readonly string[],
): Promise<void> {
  await Promise.all(
    messageIds.map((messageId) =>
      ctx.queues.add("email", { messageId }).catch((err) => {
        // The row is scheduled in PostgreSQL; the reconciler queues it again.
        ctx.log.warn("could not queue an email", { messageId, error: err });
      }),
    ),
  );
}

function excerpt(text: string): string {
  const t = text.trim();
  return t.length <= EXCERPT_CHARS ? t : `${t.slice(0, EXCERPT_CHARS).replace(/\s+\S*$/, "")}…`;
}

/**
 * Builds the personal analysis email at its first claim: what they said, the LLM's summary when
 * there is one, the themes with their evidence and an action plan that fits it (saying so when a
 * theme came up in earlier interviews), their high points, and how this interview compares with
 * their earlier ones. Null when there is nothing left to analyse (the reflections were removed).
 */
export async function buildAnalysisEmail(ctx: Ctx, message: ClaimedEmail): Promise<OutgoingEmail | null> {
  if (!message.candidateId || !message.interviewId) return null;
  const candidate = await ctx.db.candidate.findUnique({ where: { id: message.candidateId } });
  const interview = await ctx.db.interview.findUnique({ where: { id: message.interviewId } });
  if (!candidate?.email || !interview) return null;
  const [reflections, interviews] = await Promise.all([
    ctx.db.reflection.findMany({
      where: { candidateId: candidate.id, text: { not: null } },
      orderBy: { receivedAt: "asc" },
      select: { interviewId: true, step: true, text: true, analysis: true, themes: true },
    }),
    ctx.db.interview.findMany({
      where: { candidateId: candidate.id },
      select: { id: true, company: true, role: true, createdAt: true },
    }),
  ]);
  const mine = reflections.filter((r) => r.interviewId === interview.id);
  const trigger = [...mine].reverse().find((r) => r.step === "analyse") ?? mine[mine.length - 1];
  if (!trigger?.text) return null;
  const review = reviewInterview(interview, interviews, reflections);
  const issuedAt = message.dueAt;
  const brand = await loadBrand(ctx.db, ctx.config, candidate.programId);
  const content = await renderAnalysisEmail(
    {
      firstName: firstName(candidate.name),
      company: interview.company,
      role: interview.role ?? "",
      excerpt: excerpt(trigger.text),
      summary: review.summary,
      themes: review.themes.map((t) => ({
        slug: t.theme,
        label: t.label,
        evidence: t.evidence,
        actions: t.actions,
        ...(t.repeat ? { repeat: t.repeat } : {}),
      })),
      highPoints: review.highPoints,
      comparison: review.comparison,
      logUrl: logUrl(ctx.config, candidate.id, issuedAt),
      unsubscribeUrl: unsubscribeUrl(ctx.config, candidate.id),
      preferencesUrl: preferencesUrl(ctx.config, candidate.id, issuedAt),
    },
    brand,
  );
  return envelope(
    ctx.config,
    {
      from: brand.from,
      messageId: message.id,
      idempotencyKey: message.idempotencyKey,
      programId: candidate.programId,
      step: "analysis",
      issuedAt,
      to: candidate.email,
      candidateId: candidate.id,
    },
    content,
  );
}
