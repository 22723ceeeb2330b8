import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api, call } from "@/lib/api";

const keysKey = ["api-keys"] as const;

/** The program's API keys (never the keys themselves: prefix, creator, last use). Owners only. */
export function useApiKeys(enabled: boolean) {
  return useQuery({
    queryKey: keysKey,
    enabled,
    queryFn: () => call(api.admin.api["api-keys"].$get()),
  });
}
export type ApiKey = NonNullable<ReturnType<typeof useApiKeys>["data"]>["keys"][number];

/** Creates a key; its answer is the only time the key itself is seen. */
export function useCreateApiKey() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (name: string) => call(api.admin.api["api-keys"].$post({ json: { name } })),
    onSuccess: () => qc.invalidateQueries({ queryKey: keysKey }),
  });
}

export function useRevokeApiKey() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (keyId: string) => call(api.admin.api["api-keys"][":keyId"].$delete({ param: { keyId } })),
    onSuccess: () => qc.invalidateQueries({ queryKey: keysKey }),
  });
}
