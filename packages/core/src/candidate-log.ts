import type { Candidate } from "@rebound/db";
import { Prisma } from "@rebound/db";
import { isTheme, promptsFor, type Theme, THEME_LABELS, THEMES, type TokenPurpose, verifyToken } from "@rebound/domain";
import { type Actor, audit } from "./audit.js";
import type { AppContext } from "./context.js";
import { notFound } from "./errors.js";
import { type InterviewReview, reviewInterview, themesByInterview } from "./interview-review.js";
import { lockCandidate } from "./lifecycle/candidate.js";

/**
 * The candidate's own pages behind a signed link (the log at /log/<token>, the preferences):
 * who the link names, their coaching journal, their data as JSON, and deleting one reflection.
 * Routes call these verbs; nothing here knows about HTTP.
 */

type Ctx = Pick<AppContext, "db" | "config" | "clock">;

/** The candidate a signed link names, or null when the link is forged, expired, of another purpose, or erased. */
export async function candidateByToken(
  ctx: Ctx,
  purpose: Extract<TokenPurpose, "log" | "prefs">,
  token: string,
): Promise<Candidate | null> {
  const check = verifyToken(purpose, token, ctx.config.APP_SECRET, ctx.clock.now());
  if (!check.ok) return null;
  const candidate = await ctx.db.candidate.findUnique({ where: { id: check.value.subject } });
  return candidate && candidate.status !== "erased" ? candidate : null;
}

export interface JournalPart {
  id: string;
  text: string;
  receivedAt: Date;
}

/** Every reply to one prompt of one interview, in the order they arrived: shown as one answer. */
export interface JournalAnswer {
  step: string;
  /** The question(s) the email asked. */
  prompts: string[];
  parts: JournalPart[];
}

export interface JournalInterview {
  id: string;
  company: string;
  role: string | null;
  outcome: string;
  offerAt: Date | null;
  createdAt: Date;
  interviewedAt: Date | null;
  review: InterviewReview;
  answers: JournalAnswer[];
}

export interface JournalHighPoint {
  text: string;
  interviewId: string;
  company: string;
  at: Date;
}

export interface ThemeTimeline {
  /** Oldest first: the columns of the chart. */
  interviews: { id: string; company: string; at: Date; answered: boolean }[];
  /** Only themes that came up at least once, in the taxonomy's order. */
  rows: { theme: Theme; label: string; present: boolean[] }[];
}

export interface Journal {
  name: string | null;
  timezone: string;
  /** Newest first. */
  interviews: JournalInterview[];
  /** Growing across interviews: oldest first, each with the interview it came from. */
  highPoints: JournalHighPoint[];
  timeline: ThemeTimeline;
}

/** The log as a coaching journal: per interview what the analysis found, the high points, themes over time. */
export async function candidateJournal(ctx: Ctx, candidateId: string): Promise<Journal> {
  const candidate = await ctx.db.candidate.findUnique({ where: { id: candidateId } });
  if (!candidate || candidate.status === "erased") throw notFound("candidate");
  const [interviews, reflections] = await Promise.all([
    ctx.db.interview.findMany({ where: { candidateId }, orderBy: { createdAt: "asc" } }),
    ctx.db.reflection.findMany({
      where: { candidateId, text: { not: null } },
      orderBy: [{ receivedAt: "asc" }, { id: "asc" }],
      select: {
        id: true,
        interviewId: true,
        step: true,
        prompt: true,
        text: true,
        analysis: true,
        themes: true,
        receivedAt: true,
      },
    }),
  ]);

  const journal: JournalInterview[] = interviews.map((i) => {
    const mine = reflections.filter((r) => r.interviewId === i.id);
    const answers = new Map<string, JournalAnswer>();
    for (const r of mine) {
      const answer = answers.get(r.step) ?? { step: r.step, prompts: promptsOf(r.step, r.prompt), parts: [] };
      answer.parts.push({ id: r.id, text: r.text ?? "", receivedAt: r.receivedAt });
      answers.set(r.step, answer);
    }
    return {
      id: i.id,
      company: i.company,
      role: i.role,
      outcome: i.outcome,
      offerAt: i.offerAt,
      createdAt: i.createdAt,
      interviewedAt: i.interviewedAt,
      review: reviewInterview(i, interviews, reflections),
      answers: [...answers.values()],
    };
  });

  const highPoints: JournalHighPoint[] = [];
  for (const i of journal) {
    const at = i.interviewedAt ?? i.createdAt;
    for (const text of i.review.highPoints) highPoints.push({ text, interviewId: i.id, company: i.company, at });
  }

  const byInterview = themesByInterview(reflections);
  const columns = interviews.map((i) => ({
    id: i.id,
    company: i.company,
    at: i.interviewedAt ?? i.createdAt,
    answered: byInterview.has(i.id),
  }));
  const rows = THEMES.flatMap((theme) => {
    const present = columns.map((c) => byInterview.get(c.id)?.has(theme) ?? false);
    return present.some(Boolean) ? [{ theme, label: THEME_LABELS[theme], present }] : [];
  });

  return {
    name: candidate.name,
    timezone: candidate.timezone,
    interviews: journal.reverse(),
    highPoints,
    timeline: { interviews: columns, rows },
  };
}

/** The prompts as asked: the stored text when there is one (it is what the email said), else the track's. */
function promptsOf(step: string, stored: string): string[] {
  const lines = stored
    .split("\n")
    .map((l) => l.trim())
    .filter(Boolean);
  return lines.length ? lines : [...promptsFor(step)];
}

/**
 * Everything Rebound holds about the candidate, for them to download: profile, interviews,
 * enrolments, reflections with their analysis, and the metadata of the emails (never their
 * stored content, provider ids, idempotency keys, tokens or anything about other people).
 */
export async function exportCandidateData(ctx: Ctx, candidateId: string) {
  const candidate = await ctx.db.candidate.findUnique({
    where: { id: candidateId },
    include: { program: { select: { name: true } }, cohort: { select: { name: true } } },
  });
  if (!candidate || candidate.status === "erased") throw notFound("candidate");
  const [interviews, enrollments, reflections, messages] = await Promise.all([
    ctx.db.interview.findMany({ where: { candidateId }, orderBy: { createdAt: "asc" } }),
    ctx.db.enrollment.findMany({ where: { candidateId }, orderBy: { enrolledAt: "asc" } }),
    ctx.db.reflection.findMany({ where: { candidateId }, orderBy: { receivedAt: "asc" } }),
    ctx.db.message.findMany({ where: { candidateId }, orderBy: { createdAt: "asc" } }),
  ]);
  return {
    exportedAt: ctx.clock.now().toISOString(),
    profile: {
      id: candidate.id,
      email: candidate.email,
      name: candidate.name,
      timezone: candidate.timezone,
      locale: candidate.locale,
      status: candidate.status,
      pausedUntil: candidate.pausedUntil,
      program: candidate.program.name,
      cohort: candidate.cohort?.name ?? null,
      consent: candidate.consent,
      createdAt: candidate.createdAt,
    },
    interviews: interviews.map((i) => ({
      id: i.id,
      company: i.company,
      role: i.role,
      interviewer: i.interviewer,
      interviewedAt: i.interviewedAt,
      outcome: i.outcome,
      offerAt: i.offerAt,
      createdAt: i.createdAt,
    })),
    enrollments: enrollments.map((e) => ({
      id: e.id,
      interviewId: e.interviewId,
      track: e.track,
      status: e.status,
      stopReason: e.stopReason,
      enrolledAt: e.enrolledAt,
      completedAt: e.completedAt,
    })),
    reflections: reflections
      .filter((r) => r.text !== null)
      .map((r) => ({
        id: r.id,
        interviewId: r.interviewId,
        messageId: r.messageId,
        step: r.step,
        prompt: r.prompt,
        text: r.text,
        themes: r.themes.filter(isTheme),
        analysis: r.analysis,
        receivedAt: r.receivedAt,
      })),
    messages: messages.map((m) => ({
      id: m.id,
      interviewId: m.interviewId,
      kind: m.kind,
      step: m.step,
      status: m.status,
      subject: m.subject,
      to: m.toEmail,
      dueAt: m.dueAt,
      sentAt: m.sentAt,
      deliveredAt: m.deliveredAt,
      openedAt: m.openedAt,
      clickedAt: m.clickedAt,
      bouncedAt: m.bouncedAt,
      complainedAt: m.complainedAt,
    })),
  };
}

export type CandidateExport = Awaited<ReturnType<typeof exportCandidateData>>;

/** One reflection of the candidate, for the deletion's confirmation page. */
export async function candidateReflection(ctx: Ctx, candidateId: string, reflectionId: string) {
  if (!isUuid(reflectionId)) throw notFound("reflection");
  const r = await ctx.db.reflection.findFirst({
    where: { id: reflectionId, candidateId, text: { not: null } },
    include: { interview: { select: { company: true, role: true } } },
  });
  if (!r?.text) throw notFound("reflection");
  return { id: r.id, step: r.step, text: r.text, receivedAt: r.receivedAt, company: r.interview.company };
}

/**
 * The candidate deletes one reflection. Its words go everywhere Rebound keeps them: the text, the
 * analysis (which quotes it), its themes (so the cohort's theme counts no longer include it), the
 * distress flag read from it, and the local outbox's copies of the interview's analysis email,
 * which quote it. Kept: the row's step, prompt, email and time, so the cohort still counts that
 * the candidate replied to that email (reply rates stay true). An analysis email not built yet
 * is built from the reflections that remain, or not at all.
 */
export async function deleteReflection(
  ctx: Ctx,
  candidateId: string,
  reflectionId: string,
  actor: Actor,
): Promise<void> {
  if (!isUuid(reflectionId)) throw notFound("reflection");
  await ctx.db.$transaction(async (tx) => {
    const c = await lockCandidate(tx, candidateId);
    if (!c || c.status === "erased") throw notFound("candidate");
    const r = await tx.reflection.findFirst({ where: { id: reflectionId, candidateId, text: { not: null } } });
    if (!r) throw notFound("reflection");
    await tx.reflection.update({
      where: { id: r.id },
      data: { text: null, analysis: Prisma.DbNull, themes: [], distress: false },
    });
    const analysisMails = await tx.message.findMany({
      where: { candidateId, interviewId: r.interviewId, kind: "analysis" },
      select: { id: true },
    });
    if (analysisMails.length) {
      await tx.outboxEmail.deleteMany({ where: { messageId: { in: analysisMails.map((m) => m.id) } } });
    }
    await audit(tx, {
      programId: c.programId,
      actor,
      action: "reflection.deleted",
      targetType: "reflection",
      targetId: r.id,
    });
  });
}

const isUuid = (s: string) => /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(s);
