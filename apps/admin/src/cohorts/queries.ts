import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api, call } from "@/lib/api";

/** One hook per resource: the program's cohorts, one cohort's dashboard, and the changes to a cohort. */
export function useCohorts() {
  return useQuery({ queryKey: ["cohorts"], queryFn: () => call(api.admin.api.cohorts.$get()) });
}
export type CohortList = NonNullable<ReturnType<typeof useCohorts>["data"]>;

export function useDashboard(cohortId: string, refetchInterval?: number) {
  return useQuery({
    queryKey: ["dashboard", cohortId],
    queryFn: () => call(api.admin.api.cohorts[":cohortId"].dashboard.$get({ param: { cohortId } })),
    ...(refetchInterval ? { refetchInterval } : {}),
  });
}
export type Dashboard = NonNullable<ReturnType<typeof useDashboard>["data"]>;

export function useCreateCohort() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: { slug: string; name: string }) => call(api.admin.api.cohorts.$post({ json: input })),
    onSuccess: () => qc.invalidateQueries({ queryKey: ["cohorts"] }),
  });
}

export function useUpdateCohort() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ cohortId, ...json }: { cohortId: string; name?: string; archived?: boolean }) =>
      call(api.admin.api.cohorts[":cohortId"].$patch({ param: { cohortId }, json })),
    onSuccess: (_d, v) => {
      qc.invalidateQueries({ queryKey: ["cohorts"] });
      qc.invalidateQueries({ queryKey: ["dashboard", v.cohortId] });
    },
  });
}
