import { Link } from "@tanstack/react-router";
import { ShieldCheck } from "lucide-react";
import type { ReactNode } from "react";
import { useSession } from "@/auth/queries";
import { ApiError } from "@/lib/api";
import { ErrorState, Loading } from "./states";
import { Button } from "./ui/button";

/** What a coach or viewer sees on an owner's page: why it is closed and whom to ask, not a broken page. */
export function OwnersOnlyState({ what }: { what: string }) {
  const session = useSession();
  return (
    <div
      className="flex flex-col items-center gap-3 rounded-lg border border-slate-200 bg-white p-10 text-center"
      role="status"
    >
      <ShieldCheck className="size-8 text-slate-400" />
      <h1 className="text-lg font-semibold">Owners only</h1>
      <p className="max-w-md text-sm text-slate-600">
        {what} {session.data?.role ? `You are signed in as a ${session.data.role}; ` : ""}ask an owner of{" "}
        {session.data?.program?.name ?? "your program"} if you need a change here.
      </p>
      <Button asChild variant="outline" size="sm">
        <Link to="/">Back to the cohorts</Link>
      </Button>
    </div>
  );
}

/** An API refusal because of the role (the role may have changed since the page loaded). */
export const isForbidden = (error: unknown) => error instanceof ApiError && error.status === 403;

/** Renders `children` for owners; everyone else gets the owners-only state. */
export function OwnersOnly({ what, children }: { what: string; children: ReactNode }) {
  const session = useSession();
  if (session.isPending) return <Loading />;
  if (session.error) return <ErrorState error={session.error} retry={() => session.refetch()} />;
  if (session.data.role !== "owner") return <OwnersOnlyState what={what} />;
  return <>{children}</>;
}
