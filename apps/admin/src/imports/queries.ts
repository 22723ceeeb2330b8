import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api, call } from "@/lib/api";
import type { Mapping } from "./columns";

const FINAL = new Set(["completed", "failed"]);
/** Fast enough for a progress bar that moves with each chunk the worker writes (500 rows). */
const RUNNING_POLL_MS = 250;

/** The cohort's imports, newest first; polled while one of them is still running. */
export function useImports(cohortId: string) {
  return useQuery({
    queryKey: ["imports", cohortId],
    queryFn: () => call(api.admin.api.imports.$get({ query: { cohortId } })),
    refetchInterval: (q) => (q.state.data?.imports.some((i) => !FINAL.has(i.status)) ? 2_000 : false),
  });
}
export type ImportSummary = NonNullable<ReturnType<typeof useImports>["data"]>["imports"][number];

/** One import with its per-row report, polled until it is completed or failed. */
export function useImport(importId: string) {
  const qc = useQueryClient();
  return useQuery({
    queryKey: ["import", importId],
    queryFn: async () => {
      const imp = await call(api.admin.api.imports[":importId"].$get({ param: { importId } }));
      // The history (and the dashboard's counts) saw this import running: they are read again once it ends.
      if (FINAL.has(imp.status)) {
        void qc.invalidateQueries({ queryKey: ["imports"] });
        void qc.invalidateQueries({ queryKey: ["dashboard"] });
      }
      return imp;
    },
    refetchInterval: (q) => (q.state.data && FINAL.has(q.state.data.status) ? false : RUNNING_POLL_MS),
  });
}
export type ImportView = NonNullable<ReturnType<typeof useImport>["data"]>;

/** Uploads the file as it is (bytes untouched) with the mapping the admin chose; the API answers 202 at once. */
export function useStartImport(cohortId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ file, mapping }: { file: File; mapping: Mapping }) =>
      call(
        api.admin.api.cohorts[":cohortId"].imports.$post(
          { param: { cohortId }, query: { filename: file.name, mapping: JSON.stringify(mapping) } },
          { init: { body: file, headers: { "content-type": "text/csv" } } },
        ),
      ),
    onSuccess: () => qc.invalidateQueries({ queryKey: ["imports", cohortId] }),
  });
}

/** The download links: typed paths of the API, opened by the browser as attachments. */
export const downloads = {
  errors: (importId: string) => api.admin.api.imports[":importId"]["errors.csv"].$url({ param: { importId } }).pathname,
  candidates: (cohortId: string) =>
    api.admin.api.cohorts[":cohortId"]["candidates.csv"].$url({ param: { cohortId } }).pathname,
  stats: (cohortId: string) => api.admin.api.cohorts[":cohortId"]["stats.csv"].$url({ param: { cohortId } }).pathname,
};
