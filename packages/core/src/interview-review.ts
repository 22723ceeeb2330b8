import type { Prisma } from "@rebound/db";
import {
  type Analysis,
  actionPlan,
  analyseReflection,
  compareWithEarlier,
  isTheme,
  type Theme,
  type ThemePlan,
} from "@rebound/domain";

/**
 * What the analysis found for one interview, from its stored reflections: the themes with the
 * candidate's own words as evidence and an action plan that fits them, the high points, the
 * LLM's summary when there is one, and how it compares with the interviews before it. The
 * analysis email and the candidate's log both read it from here, so they always agree.
 */

export interface ReviewedInterview {
  id: string;
  company: string;
  role: string | null;
  createdAt: Date;
}

export interface ReviewedReflection {
  interviewId: string;
  step: string;
  /** Null once removed (erasure, retention, or the candidate deleted it): it counts for nothing here. */
  text: string | null;
  analysis: Prisma.JsonValue | null;
  themes: readonly string[];
}

export interface ThemeReview extends ThemePlan {
  evidence: string[];
}

export interface InterviewReview {
  themes: ThemeReview[];
  highPoints: string[];
  /** The LLM analyser's personal summary of the answer to `analyse` (or the latest one), if any. */
  summary: string | null;
  comparison: string | null;
}

const MAX_EVIDENCE = 4;
const MAX_HIGH_POINTS = 5;

function storedAnalysis(r: ReviewedReflection): Analysis {
  const a = r.analysis as unknown as Analysis | null;
  return a && Array.isArray(a.themes) ? a : analyseReflection(r.text ?? "");
}

/** Themes of several reflections together: strongest first, evidence merged. */
export function mergeAnalyses(analyses: readonly Analysis[]): { theme: Theme; score: number; evidence: string[] }[] {
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
    .map(([theme, v]) => ({ theme, score: v.score, evidence: [...v.evidence].slice(0, MAX_EVIDENCE) }))
    .sort((a, b) => b.score - a.score);
}

/** The themes each interview carried, from the stored column the cohort counts also read. */
export function themesByInterview(reflections: readonly ReviewedReflection[]): Map<string, Set<Theme>> {
  const out = new Map<string, Set<Theme>>();
  for (const r of reflections) {
    if (r.text === null) continue;
    const set = out.get(r.interviewId) ?? new Set<Theme>();
    for (const t of r.themes) if (isTheme(t)) set.add(t);
    out.set(r.interviewId, set);
  }
  return out;
}

/**
 * A repeated theme's plan says so twice: in `repeat` ("Third time X came up, this time at Globex.")
 * and at the head of its stronger action ("Third time X came up: make ..."). Both readers show the
 * repeat line, so the action loses its head.
 */
const withoutRepeat = (plan: ThemePlan) => (action: string) => {
  const head = plan.repeat ? `${plan.repeat.split(", this time at ")[0]}: ` : null;
  if (!head || !action.startsWith(head) || action.length === head.length) return action;
  const rest = action.slice(head.length);
  return rest.charAt(0).toUpperCase() + rest.slice(1);
};

/**
 * Reviews `interview` against the candidate's other interviews (any order) and all their
 * reflections. "Earlier" means interviews created before this one that the candidate wrote about.
 */
export function reviewInterview(
  interview: ReviewedInterview,
  interviews: readonly ReviewedInterview[],
  reflections: readonly ReviewedReflection[],
): InterviewReview {
  const mine = reflections.filter((r) => r.interviewId === interview.id && r.text !== null);
  const analyses = mine.map(storedAnalysis);
  const merged = mergeAnalyses(analyses);
  const byInterview = themesByInterview(reflections);
  const earlier = interviews
    .filter((i) => i.id !== interview.id && i.createdAt < interview.createdAt && byInterview.has(i.id))
    .sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime());
  const seenBefore: Partial<Record<Theme, number>> = {};
  for (const i of earlier) for (const t of byInterview.get(i.id) ?? []) seenBefore[t] = (seenBefore[t] ?? 0) + 1;

  const plans = actionPlan({
    themes: merged,
    company: interview.company,
    role: interview.role,
    earlier: seenBefore,
  });
  const evidenceOf = new Map(merged.map((m) => [m.theme, m.evidence]));
  const withSummary = [...mine.keys()].reverse().map((i) => ({ r: mine[i], a: analyses[i] }));
  const summaryOf = (pick: (x: (typeof withSummary)[number]) => boolean) =>
    withSummary.find((x) => pick(x) && x.a?.summary?.trim())?.a?.summary?.trim() ?? null;
  return {
    themes: plans.map((p) => ({
      ...p,
      actions: p.actions.map(withoutRepeat(p)),
      evidence: evidenceOf.get(p.theme) ?? [],
    })),
    highPoints: [...new Set(analyses.flatMap((a) => a.highPoints))].slice(0, MAX_HIGH_POINTS),
    summary: summaryOf((x) => x.r?.step === "analyse") ?? summaryOf(() => true),
    comparison: compareWithEarlier(
      merged.map((m) => m.theme),
      earlier.map((i) => ({ company: i.company, themes: [...(byInterview.get(i.id) ?? [])] })),
    ),
  };
}
