import { Link } from "@tanstack/react-router";
import { Download } from "lucide-react";
import { useSession } from "@/auth/queries";
import { useCohorts } from "@/cohorts/queries";
import { Empty, ErrorState, Loading } from "@/components/states";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Table, TBody, TD, TH, THead, TR } from "@/components/ui/table";
import { formatDateTime } from "@/lib/utils";
import { downloads, type ImportSummary, useImport, useImports } from "./queries";
import { ErrorReport, ImportProgress, n } from "./report";
import { NewImport } from "./upload";

function Crumbs({ cohortId, imports = false }: { cohortId: string; imports?: boolean }) {
  const cohorts = useCohorts();
  const name = cohorts.data?.cohorts.find((c) => c.id === cohortId)?.name ?? "Dashboard";
  return (
    <p className="text-xs text-slate-500">
      <Link to="/" className="hover:underline">
        Cohorts
      </Link>{" "}
      /{" "}
      <Link to="/cohorts/$cohortId" params={{ cohortId }} className="hover:underline">
        {name}
      </Link>{" "}
      /{" "}
      {imports ? (
        <>
          <Link to="/cohorts/$cohortId/imports" params={{ cohortId }} className="hover:underline">
            Imports
          </Link>{" "}
          /
        </>
      ) : null}
    </p>
  );
}

/** A cohort's imports: a new one (coaches and owners; the API refuses viewers) and the history. */
export function ImportsPage({ cohortId }: { cohortId: string }) {
  const session = useSession();
  const canImport = session.data?.role === "owner" || session.data?.role === "coach";
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <Crumbs cohortId={cohortId} />
          <h1 className="text-xl font-semibold">Imports</h1>
        </div>
        <CohortExports cohortId={cohortId} />
      </div>
      {session.data && !canImport ? (
        <p className="rounded-md bg-slate-100 px-3 py-2 text-sm text-slate-600">
          Viewers see the imports; a coach or an owner of the program can import a file.
        </p>
      ) : null}
      {canImport ? <NewImport cohortId={cohortId} /> : null}
      <ImportHistory cohortId={cohortId} />
    </div>
  );
}

const STATUS_TONE = { queued: "neutral", running: "blue", completed: "green", failed: "red" } as const;

function ImportHistory({ cohortId }: { cohortId: string }) {
  const imports = useImports(cohortId);
  return (
    <Card>
      <CardHeader>
        <CardTitle>Import history</CardTitle>
        <CardDescription>Every file imported into this cohort, newest first.</CardDescription>
      </CardHeader>
      <CardContent>
        {imports.isPending ? (
          <Loading label="Loading the imports…" />
        ) : imports.error ? (
          <ErrorState error={imports.error} retry={() => imports.refetch()} />
        ) : imports.data.imports.length === 0 ? (
          <Empty title="No import yet">Files imported into this cohort are listed here, with their reports.</Empty>
        ) : (
          <div className="rounded-md border border-slate-200">
            <Table aria-label="Import history">
              <THead>
                <TR>
                  <TH>When</TH>
                  <TH>File</TH>
                  <TH className="hidden md:table-cell">By</TH>
                  <TH className="text-right">Rows</TH>
                  <TH className="text-right">Enrolled</TH>
                  <TH className="hidden text-right sm:table-cell">Updated</TH>
                  <TH className="text-right">Not imported</TH>
                  <TH>Status</TH>
                </TR>
              </THead>
              <TBody>
                {imports.data.imports.map((i) => (
                  <HistoryRow key={i.id} i={i} cohortId={cohortId} />
                ))}
              </TBody>
            </Table>
          </div>
        )}
      </CardContent>
    </Card>
  );
}

function HistoryRow({ i, cohortId }: { i: ImportSummary; cohortId: string }) {
  return (
    <TR data-import={i.id}>
      <TD className="whitespace-nowrap">
        <Link
          to="/cohorts/$cohortId/imports/$importId"
          params={{ cohortId, importId: i.id }}
          className="font-medium text-teal-700 hover:underline"
        >
          {formatDateTime(i.createdAt)}
        </Link>
      </TD>
      <TD className="max-w-48 truncate">{i.filename ?? <span className="text-slate-400">unnamed</span>}</TD>
      <TD className="hidden max-w-56 truncate text-slate-600 md:table-cell">{i.createdByLabel}</TD>
      <TD className="text-right tabular-nums">{n(i.total)}</TD>
      <TD className="text-right tabular-nums">{n(i.created)}</TD>
      <TD className="hidden text-right tabular-nums sm:table-cell">{n(i.updated)}</TD>
      <TD className="text-right tabular-nums">{i.errorCount ? n(i.errorCount) : "—"}</TD>
      <TD>
        <Badge tone={STATUS_TONE[i.status]}>
          {i.status === "running" ? `running · ${Math.round((i.processed / Math.max(i.total, 1)) * 100)}%` : i.status}
        </Badge>
      </TD>
    </TR>
  );
}

/** One import: progress while it runs, then its summary and per-row report. */
export function ImportPage({ cohortId, importId }: { cohortId: string; importId: string }) {
  const imp = useImport(importId);
  return (
    <div className="space-y-4">
      <div>
        <Crumbs cohortId={cohortId} imports />
        <h1 className="text-xl font-semibold">{imp.data?.filename ?? "Import"}</h1>
        {imp.data ? (
          <p className="text-sm text-slate-500">
            {n(imp.data.total)} rows · uploaded {formatDateTime(imp.data.createdAt)}
            {imp.data.finishedAt ? ` · finished ${formatDateTime(imp.data.finishedAt)}` : ""}
          </p>
        ) : null}
      </div>
      {imp.isPending ? (
        <Loading label="Loading the import…" />
      ) : imp.error ? (
        <ErrorState error={imp.error} retry={() => imp.refetch()} />
      ) : (
        <>
          <ImportProgress v={imp.data} />
          <ErrorReport v={imp.data} />
        </>
      )}
    </div>
  );
}

/** The cohort's CSV downloads (every role may read them). */
export function CohortExports({ cohortId }: { cohortId: string }) {
  return (
    <div className="flex flex-wrap gap-2">
      <Button asChild variant="outline" size="sm">
        <a href={downloads.candidates(cohortId)} download>
          <Download /> Candidates CSV
        </a>
      </Button>
      <Button asChild variant="outline" size="sm">
        <a href={downloads.stats(cohortId)} download>
          <Download /> Stats CSV
        </a>
      </Button>
    </div>
  );
}
