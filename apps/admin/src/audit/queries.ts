import { useInfiniteQuery } from "@tanstack/react-query";
import { api, call } from "@/lib/api";

/** A group of actions the log narrows to (the API's AUDIT_GROUPS). */
export type AuditGroup = NonNullable<Parameters<typeof api.admin.api.audit.$get>[0]["query"]["group"]>;

/** The audit log, newest first, a page at a time: each next page starts `before` the last entry seen. */
export function useAuditLog(group: AuditGroup | undefined, enabled: boolean) {
  return useInfiniteQuery({
    queryKey: ["audit", group ?? "all"],
    enabled,
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam }) =>
      call(
        api.admin.api.audit.$get({
          query: { ...(group ? { group } : {}), ...(pageParam ? { before: pageParam } : {}), limit: "50" },
        }),
      ),
    getNextPageParam: (last) => last.next ?? undefined,
  });
}
export type AuditEntry = NonNullable<ReturnType<typeof useAuditLog>["data"]>["pages"][number]["entries"][number];
