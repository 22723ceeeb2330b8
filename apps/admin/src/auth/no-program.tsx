import { Empty } from "@/components/states";
import { Button } from "@/components/ui/button";
import { type Session, useAcceptInvitation } from "./queries";

/** Signed in, but in no program: the pending invitations, to accept. */
export function NoProgram({ session }: { session: Session }) {
  const accept = useAcceptInvitation();
  if (session.invitations.length === 0) {
    return (
      <Empty title="You are not in a program yet">
        Ask a program owner to invite {session.user.email}, or run <code>pnpm cli program create</code>.
      </Empty>
    );
  }
  return (
    <div className="mx-auto max-w-md space-y-3">
      <h1 className="text-lg font-semibold">Your invitations</h1>
      {session.invitations.map((i) => (
        <div key={i.id} className="flex items-center justify-between rounded-lg border border-slate-200 bg-white p-4">
          <div>
            <p className="font-medium">{i.program.name}</p>
            <p className="text-sm text-slate-500">as {i.role}</p>
          </div>
          <Button disabled={accept.isPending} onClick={() => accept.mutate(i.id)}>
            Accept
          </Button>
        </div>
      ))}
      {accept.error ? <p className="text-sm text-red-700">{accept.error.message}</p> : null}
    </div>
  );
}
