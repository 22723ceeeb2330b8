import {
  type Analysis,
  actionsFor,
  analyseReflection,
  compareWithEarlier,
  isTheme,
  type Theme,
  THEME_LABELS,
} from "@rebound/domain";
import { renderAnalysisEmail } from "@rebound/emails";
import { envelope, firstName } from "./compose.js";
import type { AppContext } from "./context.js";
import { logUrl, preferencesUrl, unsubscribeUrl } from "./links.js";
import { sendTracked } from "./transactional.js";

type Ctx = Pick<AppContext, "db" | "mail" | "clock" | "config" | "log">;
const EXCERPT_CHARS = 600;

export const analysisKey = (interviewId: string) => `analysis-${interviewId}`;

/**
 * Queues the analysis email for each reflection whose interview has not had it
 * yet (one job per interview: the job id is derived from it).
 */
export async function queueAnalysis(
  ctx: Pick<AppContext, "db" | "queues">,
  reflections: readonly { reflectionId: string; interviewId: string }[],
): Promise<void> {
  if (reflections.length === 0) return;
  const sent = await ctx.db.$queryRaw<{ idempotencyKey: string }[]>`
    SELECT "idempotencyKey" FROM "Message"
    WHERE "idempotencyKey" = ANY(${reflections.map((r) => analysisKey(r.interviewId))}::text[])
      AND status NOT IN ('scheduled', 'sending')`;
  const done = new Set(sent.map((m) => m.idempotencyKey));
  const todo = reflections.filter((r) => !done.has(analysisKey(r.interviewId)));
  await Promise.all(todo.map((r) => ctx.queues.add("analysis", r)));
}

function excerpt(text: string): string {
  const t = text.trim();
  return t.length <= EXCERPT_CHARS ? t : `${t.slice(0, EXCERPT_CHARS).replace(/\s+\S*$/, "")}…`;
}

/** Themes of several reflections together: strongest first, evidence merged. */
export function mergeAnalyses(analyses: Analysis[]): { theme: Theme; score: number; evidence: string[] }[] {
  const byTheme = new Map<Theme, { score: number; evidence: Set<string> }>();
  for (const a of analyses) {
    for (const f of a.themes) {
      const cur = byTheme.get(f.theme) ?? { score: 0, evidence: new Set<string>() };
      cur.score += f.score;
      for (const e of f.evidence) cur.evidence.add(e);
      byTheme.set(f.theme, cur);
    }
  }
  return [...byTheme]
    .map(([theme, v]) => ({ theme, score: v.score, evidence: [...v.evidence].slice(0, 4) }))
    .sort((a, b) => b.score - a.score);
}

function storedAnalysis(value: unknown, text: string | null): Analysis {
  const a = value as Analysis | null;
  return a && Array.isArray(a.themes) ? a : analyseReflection(text ?? "");
}

/**
 * The personal analysis email, at most once per interview: what they said, the
 * themes with two or three actions each, their high points, and how this
 * interview compares with their earlier ones.
 */
export async function sendAnalysisEmail(
  ctx: Ctx,
  reflectionId: string,
  interviewId: string,
): Promise<"sent" | "already-sent" | "skipped" | "failed"> {
  // Checked first, before any heavy loading: most jobs find the interview's email already sent.
  const key = analysisKey(interviewId);
  const existing = await ctx.db.message.findUnique({ where: { idempotencyKey: key } });
  if (existing && existing.status !== "scheduled" && existing.status !== "sending") return "already-sent";
  const reflection = await ctx.db.reflection.findUnique({
    where: { id: reflectionId },
    include: { candidate: true, interview: true },
  });
  if (!reflection || reflection.text === null || reflection.interviewId !== interviewId) return "skipped";
  const { candidate, interview } = reflection;
  if (candidate.status !== "active" || !candidate.email) return "skipped";

  const reflections = await ctx.db.reflection.findMany({
    where: { candidateId: candidate.id },
    orderBy: { receivedAt: "asc" },
    select: { interviewId: true, step: true, text: true, analysis: true, themes: true },
  });
  const mine = reflections.filter((r) => r.interviewId === interview.id);
  const analyses = mine.map((r) => storedAnalysis(r.analysis, r.text));
  const themes = mergeAnalyses(analyses);
  const highPoints = [...new Set(analyses.flatMap((a) => a.highPoints))].slice(0, 5);
  const earlierIds = [...new Set(reflections.map((r) => r.interviewId).filter((id) => id !== interview.id))];
  const earlierInterviews = earlierIds.length
    ? await ctx.db.interview.findMany({ where: { id: { in: earlierIds } }, select: { id: true, company: true } })
    : [];
  const comparison = compareWithEarlier(
    themes.map((t) => t.theme),
    earlierInterviews.map((i) => ({
      company: i.company,
      themes: [...new Set(reflections.filter((r) => r.interviewId === i.id).flatMap((r) => r.themes))].filter(isTheme),
    })),
  );

  const row =
    existing ??
    (await ctx.db.message.create({
      data: {
        programId: candidate.programId,
        candidateId: candidate.id,
        interviewId: interview.id,
        kind: "analysis",
        step: "analysis",
        status: "scheduled",
        idempotencyKey: key,
        dueAt: ctx.clock.now(),
      },
    }));
  const issuedAt = row.dueAt;
  const content = await renderAnalysisEmail({
    firstName: firstName(candidate.name),
    company: interview.company,
    role: interview.role ?? "",
    excerpt: excerpt(reflection.text),
    themes: themes.map((t) => ({
      slug: t.theme,
      label: THEME_LABELS[t.theme],
      evidence: t.evidence,
      actions: actionsFor(t.theme, 3),
    })),
    highPoints,
    comparison,
    logUrl: logUrl(ctx.config, candidate.id, issuedAt),
    unsubscribeUrl: unsubscribeUrl(ctx.config, candidate.id),
    preferencesUrl: preferencesUrl(ctx.config, candidate.id, issuedAt),
  });
  const email = envelope(
    ctx.config,
    {
      messageId: row.id,
      idempotencyKey: key,
      programId: candidate.programId,
      step: "analysis",
      issuedAt,
      to: candidate.email,
      candidateId: candidate.id,
    },
    content,
  );
  return sendTracked(ctx, row, email);
}
