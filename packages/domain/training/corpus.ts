import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import type { LabelledReflection } from "../src/analysis/index.js";
import { isTheme } from "../src/themes.js";
import { ANALYSIS_CASES } from "../test/analysis-cases.js";
import {
  ANALYSIS_HOLDOUT_CASES,
  ANALYSIS_HOLDOUT_CASES_2,
  ANALYSIS_HOLDOUT_CASES_3,
} from "../test/analysis-holdout-cases.js";
import { ANALYSIS_OUTSIDE_CASES } from "../test/analysis-outside-cases.js";

const here = dirname(fileURLToPath(import.meta.url));

/** One labelled reflection per line: {"text", "themes", "distress"}. */
export function readJsonl(file: string): LabelledReflection[] {
  const path = join(here, file);
  if (!existsSync(path)) return [];
  return readFileSync(path, "utf8")
    .split("\n")
    .filter((line) => line.trim() !== "")
    .map((line, i) => {
      const row = JSON.parse(line) as { text?: unknown; themes?: unknown; distress?: unknown };
      if (typeof row.text !== "string" || !Array.isArray(row.themes))
        throw new Error(`${file}:${i + 1}: not {"text","themes"}`);
      const themes = row.themes.filter(isTheme);
      if (themes.length !== row.themes.length)
        throw new Error(`${file}:${i + 1}: unknown theme in ${JSON.stringify(row.themes)}`);
      return { text: row.text, themes, distress: row.distress === true };
    });
}

export interface Corpus {
  name: string;
  cases: LabelledReflection[];
}

/**
 * Sealed set 2 (test/sealed/analysis-sealed-2.jsonl, 140 replies by an outside author who never
 * saw the analyser or its data): scored in aggregate only, never trained or tuned on.
 */
export const sealedSet2 = (): Corpus => ({
  name: "sealed set 2",
  cases: readJsonl("../test/sealed/analysis-sealed-2.jsonl"),
});

/**
 * Sealed set 3 (test/sealed/analysis-sealed-3.jsonl, 150 replies, 25 of them distress, by an
 * outside author who never saw the analyser or its data): scored in aggregate only.
 */
export const sealedSet3 = (): Corpus => ({
  name: "sealed set 3",
  cases: readJsonl("../test/sealed/analysis-sealed-3.jsonl"),
});

/**
 * Sealed set 4 (test/sealed/analysis-sealed-4.jsonl, 130 replies, 20 of them distress, by an
 * outside author who never saw the analyser or its data): scored in aggregate only.
 */
export const sealedSet4 = (): Corpus => ({
  name: "sealed set 4",
  cases: readJsonl("../test/sealed/analysis-sealed-4.jsonl"),
});

/** The training sets of the outside authors, one file each (training/README-<x>.md). */
export const AUTHOR_FILES = [
  "reflections-a.jsonl",
  "reflections-b.jsonl",
  "reflections-c.jsonl",
  "reflections-d.jsonl",
  "reflections-e.jsonl",
  "reflections-f.jsonl",
  "reflections-g.jsonl",
  "reflections-h.jsonl",
  "reflections-i.jsonl",
  "reflections-j.jsonl",
  "reflections-k.jsonl",
  "reflections-l.jsonl",
  "reflections-m.jsonl",
  "reflections-n.jsonl",
] as const;

/** Each outside author's set, named by its file (the name `train --cross` leaves out by). */
export const outsideAuthors = (): Corpus[] => AUTHOR_FILES.map((name) => ({ name, cases: readJsonl(name) }));
export const labelled = (): Corpus => ({ name: "analysis-cases", cases: ANALYSIS_CASES });
export const outside = (): Corpus => ({ name: "analysis-outside-cases (unsealed)", cases: ANALYSIS_OUTSIDE_CASES });
export const holdout = (): Corpus => ({
  name: "analysis-holdout-cases",
  cases: [...ANALYSIS_HOLDOUT_CASES, ...ANALYSIS_HOLDOUT_CASES_2, ...ANALYSIS_HOLDOUT_CASES_3],
});

/**
 * ANALYSIS_SEALED_MULTI_CASES, once its outside author has delivered it; null before.
 * Only ever scored in aggregate (tests and bench), never trained or tuned on.
 */
export async function sealedMultiCases(): Promise<LabelledReflection[] | null> {
  const path = join(here, "..", "test", "analysis-sealed-multi-cases.ts");
  if (!existsSync(path)) return null;
  const module = (await import(/* @vite-ignore */ path)) as { ANALYSIS_SEALED_MULTI_CASES?: LabelledReflection[] };
  return module.ANALYSIS_SEALED_MULTI_CASES ?? null;
}
