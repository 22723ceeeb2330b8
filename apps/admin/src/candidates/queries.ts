import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api, call } from "@/lib/api";

export type ListFilter = {
  q?: string;
  status?: "active" | "paused" | "unsubscribed" | "bounced" | "complained" | "erased";
  page?: number;
};

export function useCandidates(cohortId: string, filter: ListFilter) {
  return useQuery({
    queryKey: ["candidates", cohortId, filter],
    queryFn: () =>
      call(
        api.admin.api.cohorts[":cohortId"].candidates.$get({
          param: { cohortId },
          query: {
            ...(filter.q ? { q: filter.q } : {}),
            ...(filter.status ? { status: filter.status } : {}),
            ...(filter.page ? { page: String(filter.page) } : {}),
          },
        }),
      ),
    placeholderData: keepPreviousData,
  });
}

export function useTimeline(candidateId: string) {
  return useQuery({
    queryKey: ["timeline", candidateId],
    queryFn: () => call(api.admin.api.candidates[":candidateId"].$get({ param: { candidateId } })),
    refetchInterval: 5_000,
  });
}
export type Timeline = NonNullable<ReturnType<typeof useTimeline>["data"]>;

export function useCandidateAction(candidateId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: { action: "pause" | "resume" | "unsubscribe" | "erase"; confirm?: boolean }) =>
      call(api.admin.api.candidates[":candidateId"].actions.$post({ param: { candidateId }, json: input })),
    onSuccess: () => {
      qc.invalidateQueries({ queryKey: ["timeline", candidateId] });
      qc.invalidateQueries({ queryKey: ["candidates"] });
      qc.invalidateQueries({ queryKey: ["dashboard"] });
    },
  });
}
