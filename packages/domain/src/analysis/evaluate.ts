import { THEMES, type Theme } from "../themes.js";
import { analyseReflection } from "./analyse-reflection.js";
import type { Analysis } from "./types.js";

export interface LabelledReflection {
  text: string;
  themes: Theme[];
  /** Absent means "no distress". */
  distress?: boolean;
}

export interface ThemeScore {
  theme: Theme;
  precision: number;
  recall: number;
  tp: number;
  fp: number;
  fn: number;
}

export interface PrecisionRecall {
  precision: number;
  recall: number;
}

export interface Evaluation {
  perTheme: ThemeScore[];
  micro: PrecisionRecall;
  distress: PrecisionRecall & { tp: number; fp: number; fn: number };
  cases: number;
}

// With nothing predicted there is nothing wrong to count, so precision is 1; with
// nothing to find, recall is 1. Both conventions keep empty rows from looking like failures.
const precisionOf = (tp: number, fp: number) => (tp + fp === 0 ? 1 : tp / (tp + fp));
const recallOf = (tp: number, fn: number) => (tp + fn === 0 ? 1 : tp / (tp + fn));

export function evaluateAnalyser(
  cases: readonly LabelledReflection[],
  analyse: (text: string) => Analysis = analyseReflection,
): Evaluation {
  const counts = new Map<Theme, { tp: number; fp: number; fn: number }>(
    THEMES.map((t) => [t, { tp: 0, fp: 0, fn: 0 }]),
  );
  const distress = { tp: 0, fp: 0, fn: 0 };
  for (const c of cases) {
    const result = analyse(c.text);
    const found = new Set(result.themes.map((f) => f.theme));
    const expected = new Set(c.themes);
    for (const theme of THEMES) {
      const row = counts.get(theme);
      if (!row) continue;
      if (found.has(theme) && expected.has(theme)) row.tp++;
      else if (found.has(theme)) row.fp++;
      else if (expected.has(theme)) row.fn++;
    }
    const wanted = c.distress === true;
    if (result.distress && wanted) distress.tp++;
    else if (result.distress) distress.fp++;
    else if (wanted) distress.fn++;
  }
  const perTheme = THEMES.map((theme): ThemeScore => {
    const { tp, fp, fn } = counts.get(theme) ?? { tp: 0, fp: 0, fn: 0 };
    return { theme, precision: precisionOf(tp, fp), recall: recallOf(tp, fn), tp, fp, fn };
  });
  const total = perTheme.reduce((acc, r) => ({ tp: acc.tp + r.tp, fp: acc.fp + r.fp, fn: acc.fn + r.fn }), {
    tp: 0,
    fp: 0,
    fn: 0,
  });
  return {
    perTheme,
    micro: { precision: precisionOf(total.tp, total.fp), recall: recallOf(total.tp, total.fn) },
    distress: {
      ...distress,
      precision: precisionOf(distress.tp, distress.fp),
      recall: recallOf(distress.tp, distress.fn),
    },
    cases: cases.length,
  };
}

const pct = (n: number) => n.toFixed(2);

/** A plain-text table for test output and the console. */
export function formatEvaluation(result: Evaluation): string {
  const width = Math.max(...result.perTheme.map((r) => r.theme.length), "distress".length);
  const row = (name: string, cells: (string | number)[]) =>
    `${name.padEnd(width)}  ${cells.map((c) => String(c).padStart(9)).join(" ")}`;
  const lines = [
    row("theme", ["precision", "recall", "tp", "fp", "fn"]),
    "-".repeat(width + 2 + 5 * 10 - 1),
    ...result.perTheme.map((r) => row(r.theme, [pct(r.precision), pct(r.recall), r.tp, r.fp, r.fn])),
    "-".repeat(width + 2 + 5 * 10 - 1),
    row("micro", [pct(result.micro.precision), pct(result.micro.recall), "", "", ""]),
    row("distress", [
      pct(result.distress.precision),
      pct(result.distress.recall),
      result.distress.tp,
      result.distress.fp,
      result.distress.fn,
    ]),
    `${result.cases} labelled reflections`,
  ];
  return lines.join("\n");
}
