import { type InterviewInput, interviewInputSchema } from "@rebound/domain";
import type { ImportColumn } from "./csv-rows.js";

export interface RowProblem {
  code: string;
  message: string;
}

const COLUMN_OF: Record<string, ImportColumn> = {
  email: "email",
  name: "name",
  company: "company",
  role: "role",
  outcome: "outcome",
  timezone: "timezone",
  interviewedAt: "interviewedAt",
};
const snake = (col: string) => col.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;

/**
 * One CSV row as the input of POST /v1/interviews, validated by the same schema. Spreadsheets are
 * forgiven two things only: an outcome written "No response" or "no-response", and an interview
 * date without a time (taken as midnight UTC). Anything else the API would refuse is a problem
 * named after its column: `invalid_email`, `missing_company`, `invalid_timezone`, ...
 */
export function rowInput(
  values: Partial<Record<ImportColumn, string>>,
  cohort: string,
): { input: InterviewInput } | { problem: RowProblem } {
  const outcome = values.outcome
    ?.trim()
    .toLowerCase()
    .replace(/[\s-]+/g, "_");
  const interviewedAt =
    values.interviewedAt && DATE_ONLY.test(values.interviewedAt)
      ? `${values.interviewedAt}T00:00:00Z`
      : values.interviewedAt;
  const parsed = interviewInputSchema.safeParse({
    email: values.email,
    name: values.name,
    company: values.company,
    role: values.role,
    outcome,
    timezone: values.timezone,
    interviewedAt,
    cohort,
  });
  if (parsed.success) return { input: parsed.data };
  const issue = parsed.error.issues[0];
  const field = String(issue?.path[0] ?? "row");
  const column = COLUMN_OF[field] ?? field;
  const missing = values[column as ImportColumn] === undefined;
  const detail =
    field === "outcome" && !missing
      ? "must be one of rejected, no_response, withdrawn, offer, pending"
      : field === "interviewedAt" && !missing
        ? "must be a date (2025-03-01) or an ISO date-time with a time zone (2025-03-01T14:00:00+01:00)"
        : (issue?.message ?? "is not valid");
  return {
    problem: missing
      ? { code: `missing_${snake(column)}`, message: `${column} is empty` }
      : { code: `invalid_${snake(column)}`, message: `${column}: ${detail}` },
  };
}
