import type { ColumnMapping } from "@rebound/core";
import Papa from "papaparse";

type ImportColumn = keyof ColumnMapping;

/**
 * The fields of an import (PRODUCT.md, "CSV import and export"). Keyed by the API's own column
 * type, so a column added there fails the typecheck here until the app can map it.
 */
export const FIELDS: Record<ImportColumn, { label: string; required: boolean; hint: string }> = {
  email: { label: "Email", required: true, hint: "where the coaching emails go" },
  company: { label: "Company", required: true, hint: "the company they interviewed with" },
  outcome: { label: "Outcome", required: true, hint: "rejected, no response, withdrawn, offer or pending" },
  name: { label: "Name", required: false, hint: "how the emails greet them" },
  role: { label: "Role", required: false, hint: "the job they interviewed for" },
  timezone: { label: "Time zone", required: false, hint: "e.g. Europe/Paris; else the program's" },
  interviewedAt: { label: "Interview date", required: false, hint: "2025-03-01, or a date-time with its zone" },
};
export const FIELD_KEYS = Object.keys(FIELDS) as ImportColumn[];

/** Our field -> the header of the file's column that holds it; what the API takes as `mapping`. */
export type Mapping = ColumnMapping;

/**
 * The API's own rule for matching a header to a field (case, spaces, dashes and underscores do not
 * count: "Interviewed at" is interviewedAt), so what the app guesses is what the API would read.
 */
export const headerKey = (h: string) =>
  h
    .trim()
    .toLowerCase()
    .replace(/[\s_-]+/g, "");

/** The file's headers that can be named in a mapping: the API reads the first of any two with the same key. */
export function mappableHeaders(header: readonly string[]): string[] {
  const seen = new Set<string>();
  return header.filter((h) => {
    const k = headerKey(h);
    if (!k || seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

/** The header the API would read a field from by name alone, if the file has one. */
export function byName(header: readonly string[], field: ImportColumn): string | undefined {
  return mappableHeaders(header).find((h) => headerKey(h) === headerKey(field));
}

export function guessMapping(header: readonly string[]): Mapping {
  const out: Mapping = {};
  for (const f of FIELD_KEYS) {
    const h = byName(header, f);
    if (h) out[f] = h;
  }
  return out;
}

export const missingRequired = (mapping: Mapping) => FIELD_KEYS.filter((f) => FIELDS[f].required && !mapping[f]);

export interface Preview {
  header: string[];
  rows: string[][];
}

/** The header and the first rows of the file, read in the browser; the API reads the whole file again. */
export function readPreview(file: File, rows = 5): Promise<Preview> {
  return new Promise((resolve, reject) => {
    Papa.parse<string[]>(file, {
      preview: rows + 1,
      skipEmptyLines: "greedy",
      complete: (result) => {
        const [first, ...rest] = result.data;
        if (!first || first.every((h) => !h.trim())) {
          reject(new Error("The file is empty: it needs a header row and at least one row."));
          return;
        }
        // A spreadsheet's "CSV UTF-8" starts with a byte order mark; it is not part of the first name.
        const header = first.map((h, i) => (i === 0 ? h.replace(/^\uFEFF/, "") : h).trim());
        resolve({ header, rows: rest });
      },
      error: (err) => reject(err),
    });
  });
}
