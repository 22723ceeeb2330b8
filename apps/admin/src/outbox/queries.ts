import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api, call } from "@/lib/api";

export function useOutbox(filter: { q?: string; page?: number }) {
  return useQuery({
    queryKey: ["outbox", filter],
    queryFn: () =>
      call(
        api.admin.api.outbox.$get({
          query: { ...(filter.q ? { q: filter.q } : {}), ...(filter.page ? { page: String(filter.page) } : {}) },
        }),
      ),
    placeholderData: keepPreviousData,
    refetchInterval: 3_000,
  });
}

export function useOutboxEmail(emailId: string) {
  return useQuery({
    queryKey: ["outbox-email", emailId],
    queryFn: () => call(api.admin.api.outbox[":emailId"].$get({ param: { emailId } })),
  });
}

export function useSimulateReply(emailId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: { text: string; from?: string }) =>
      call(api.admin.api.outbox[":emailId"].reply.$post({ param: { emailId }, json: input })),
    onSuccess: () => qc.invalidateQueries({ queryKey: ["outbox"] }),
  });
}
