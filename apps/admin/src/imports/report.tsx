import { AlertTriangle, CheckCircle2, Download, Loader2 } from "lucide-react";
import { useMemo, useState } from "react";
import { Empty } from "@/components/states";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { NativeSelect } from "@/components/ui/input";
import { Table, TBody, TD, TH, THead, TR } from "@/components/ui/table";
import { humanize } from "@/lib/utils";
import { downloads, type ImportView } from "./queries";

const number = new Intl.NumberFormat("en");
export const n = (v: number) => number.format(v);

/** How a summary names rows refused for a reason: "30 duplicates in the file". */
const PROBLEMS: Record<string, string> = {
  malformed: "could not be read as CSV",
  duplicate_in_file: "duplicates in the file",
  suppressed: "addresses that bounced or marked us as spam",
  unsubscribed: "people who had unsubscribed",
  invalid_email: "invalid emails",
  missing_email: "without an email",
  missing_company: "without a company",
  missing_outcome: "without an outcome",
  invalid_outcome: "unknown outcomes",
  invalid_timezone: "unknown time zones",
  invalid_interviewed_at: "unreadable interview dates",
};
export const problemLabel = (code: string) => PROBLEMS[code] ?? humanize(code).toLowerCase();

/** Error codes by count, most frequent first. */
function byCode(errors: ImportView["errors"]): [string, number][] {
  const counts = new Map<string, number>();
  for (const e of errors) counts.set(e.code, (counts.get(e.code) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
}

/** "1,940 enrolled, 60 rows not imported: 30 duplicates in the file, 30 invalid emails." */
export function summarize(v: ImportView): string {
  const parts = [`${n(v.created)} enrolled`];
  if (v.updated) parts.push(`${n(v.updated)} already known with a new interview`);
  const known = v.skipped - v.errors.length;
  if (known > 0) parts.push(`${n(known)} already recorded (nothing new)`);
  let text = parts.join(", ");
  if (v.errors.length) {
    const codes = byCode(v.errors).map(([code, count]) => `${n(count)} ${problemLabel(code)}`);
    text += `, ${n(v.errors.length)} row${v.errors.length === 1 ? "" : "s"} not imported: ${codes.join(", ")}`;
  }
  return `${text}.`;
}

export function ImportProgress({ v }: { v: ImportView }) {
  const pct = v.total ? Math.round((v.processed / v.total) * 100) : 0;
  const running = v.status === "queued" || v.status === "running";
  return (
    <Card>
      <CardHeader>
        <CardTitle className="flex items-center gap-2">
          {running ? <Loader2 className="size-4 animate-spin text-teal-700" /> : null}
          {v.status === "completed" ? <CheckCircle2 className="size-4 text-emerald-600" /> : null}
          {v.status === "failed" ? <AlertTriangle className="size-4 text-red-600" /> : null}
          {v.status === "queued"
            ? "Waiting for a worker…"
            : v.status === "running"
              ? "Importing…"
              : v.status === "completed"
                ? "Import complete"
                : "Import failed"}
        </CardTitle>
        <CardDescription>
          {v.status === "queued"
            ? "The file is stored; a worker picks it up in a moment (if it stays here, check that the worker runs)."
            : v.status === "running"
              ? "You can leave this page: the import goes on in the background."
              : v.status === "completed"
                ? "The enrolled candidates are in the cohort; their first email goes out on their track's schedule."
                : null}
        </CardDescription>
      </CardHeader>
      <CardContent className="space-y-3">
        <div
          role="progressbar"
          aria-label="Rows processed"
          aria-valuemin={0}
          aria-valuemax={v.total}
          aria-valuenow={v.processed}
          aria-valuetext={`${n(v.processed)} of ${n(v.total)} rows`}
          data-processed={v.processed}
          data-total={v.total}
          className="h-3 overflow-hidden rounded-full bg-slate-100"
        >
          <div
            className={
              v.status === "failed" ? "h-full bg-red-500" : "h-full bg-teal-600 transition-[width] duration-200"
            }
            style={{ width: `${pct}%` }}
          />
        </div>
        <dl className="grid grid-cols-2 gap-3 text-sm sm:grid-cols-4">
          <Count label="Rows processed" value={`${n(v.processed)} of ${n(v.total)}`} />
          <Count label="Enrolled" value={n(v.created)} />
          <Count label="Updated" value={n(v.updated)} />
          <Count label="Not imported" value={n(v.errors.length)} tone={v.errors.length ? "amber" : undefined} />
        </dl>
        {v.status === "completed" ? (
          <p className="rounded-md bg-emerald-50 px-3 py-2 text-sm text-emerald-900" data-summary>
            {summarize(v)}
          </p>
        ) : null}
        {v.status === "failed" ? (
          <p className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-800" role="alert">
            The import stopped: {v.error ?? "unknown reason"}. Rows before it stay enrolled; fix the file and import it
            again (rows already enrolled are not enrolled twice).
          </p>
        ) : null}
      </CardContent>
    </Card>
  );
}

function Count({ label, value, tone }: { label: string; value: string; tone?: "amber" }) {
  return (
    <div>
      <dt className="text-xs text-slate-500">{label}</dt>
      <dd className={tone ? "text-lg font-semibold text-amber-800" : "text-lg font-semibold"} data-count={label}>
        {value}
      </dd>
    </div>
  );
}

const PAGE = 100;

/** Every row not imported, by number, filterable by problem, downloadable as the API's errors.csv. */
export function ErrorReport({ v }: { v: ImportView }) {
  const [code, setCode] = useState("");
  const [all, setAll] = useState(false);
  const codes = useMemo(() => byCode(v.errors), [v.errors]);
  const rows = code ? v.errors.filter((e) => e.code === code) : v.errors;
  const shown = all ? rows : rows.slice(0, PAGE);
  const running = v.status === "queued" || v.status === "running";
  return (
    <Card>
      <CardHeader className="flex-row flex-wrap items-start justify-between gap-2">
        <div className="space-y-1">
          <CardTitle>Rows not imported{running ? " so far" : ""}</CardTitle>
          <CardDescription>Row 1 is the first row after the header, as in a spreadsheet's row 2.</CardDescription>
        </div>
        {v.errors.length ? (
          <div className="flex flex-wrap items-center gap-2">
            <NativeSelect aria-label="Problem" value={code} onChange={(e) => setCode(e.target.value)}>
              <option value="">Every problem ({n(v.errors.length)})</option>
              {codes.map(([c, count]) => (
                <option key={c} value={c}>
                  {humanize(c)} ({n(count)})
                </option>
              ))}
            </NativeSelect>
            <Button asChild variant="outline" size="sm">
              <a href={downloads.errors(v.id)} download>
                <Download /> Download errors.csv
              </a>
            </Button>
          </div>
        ) : null}
      </CardHeader>
      <CardContent>
        {v.errors.length === 0 ? (
          <Empty title={running ? "No problem so far" : "Every row was imported"} />
        ) : (
          <>
            <div className="rounded-md border border-slate-200">
              <Table aria-label="Rows not imported">
                <THead>
                  <TR>
                    <TH className="w-16">Row</TH>
                    <TH>Email</TH>
                    <TH>Problem</TH>
                    <TH className="hidden md:table-cell">Why</TH>
                  </TR>
                </THead>
                <TBody>
                  {shown.map((e) => (
                    <TR key={e.row} data-row={e.row} data-code={e.code}>
                      <TD className="tabular-nums">{e.row}</TD>
                      <TD className="max-w-80 truncate text-slate-700" title={e.email ?? undefined}>
                        {e.email ?? "—"}
                      </TD>
                      <TD>
                        <Badge tone="amber">{e.code}</Badge>
                      </TD>
                      <TD className="hidden text-slate-600 md:table-cell">{e.message}</TD>
                    </TR>
                  ))}
                </TBody>
              </Table>
            </div>
            {rows.length > shown.length ? (
              <div className="mt-2 flex items-center gap-3 text-sm text-slate-600">
                <span>
                  Showing {n(shown.length)} of {n(rows.length)}.
                </span>
                <Button size="sm" variant="secondary" onClick={() => setAll(true)}>
                  Show all {n(rows.length)}
                </Button>
              </div>
            ) : null}
          </>
        )}
      </CardContent>
    </Card>
  );
}
