import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { ApiError, api, call, setCsrfToken } from "@/lib/api";
import { authClient } from "@/lib/auth-client";

export const sessionKey = ["session"] as const;

/** The signed-in admin (or an ApiError 401): programs, role, invitations; it also arms the CSRF token. */
export function useSession() {
  return useQuery({
    queryKey: sessionKey,
    queryFn: async () => {
      const s = await call(api.admin.api.session.$get());
      setCsrfToken(s.csrfToken);
      return s;
    },
    retry: (count, err) => !(err instanceof ApiError && err.status < 500) && count < 2,
    staleTime: 30_000,
  });
}
export type Session = NonNullable<ReturnType<typeof useSession>["data"]>;

/** better-auth answers `{ data, error }`; the app wants a thrown error with its message. */
export async function authCall<T>(p: Promise<{ data: T | null; error: { message?: string; status?: number } | null }>) {
  const { data, error } = await p;
  if (error) throw new ApiError(error.status ?? 400, "auth_error", error.message ?? "that did not work");
  return data as T;
}

export function useSetPassword() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (password: string) => call(api.admin.api.session.password.$post({ json: { password } })),
    onSuccess: () => qc.invalidateQueries({ queryKey: sessionKey }),
  });
}

export function useSignOut() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: () => authCall(authClient.signOut()),
    onSettled: () => {
      setCsrfToken(null);
      qc.clear();
    },
  });
}

export function useSwitchProgram() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (organizationId: string) => authCall(authClient.organization.setActive({ organizationId })),
    onSuccess: () => qc.invalidateQueries(),
  });
}

/** The program's admins and pending invitations (better-auth's organization). */
export function useTeam(programId: string | undefined) {
  return useQuery({
    queryKey: ["team", programId],
    enabled: !!programId,
    queryFn: () =>
      authCall(authClient.organization.getFullOrganization({ query: { organizationId: programId ?? "" } })),
  });
}

export function useInvite(programId: string | undefined) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: { email: string; role: "owner" | "coach" | "viewer" }) =>
      // The client knows better-auth's default role names only; the server checks Rebound's (owner, coach, viewer).
      authCall(
        authClient.organization.inviteMember({
          ...input,
          role: input.role as "owner",
          organizationId: programId ?? "",
        }),
      ),
    onSuccess: () => qc.invalidateQueries({ queryKey: ["team", programId] }),
  });
}

export function useAcceptInvitation() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: async (invitationId: string) => {
      const accepted = await authCall(authClient.organization.acceptInvitation({ invitationId }));
      await authCall(authClient.organization.setActive({ organizationId: accepted?.member.organizationId ?? null }));
      return accepted;
    },
    onSuccess: () => qc.invalidateQueries(),
  });
}
