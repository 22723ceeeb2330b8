import { Link, Navigate, Outlet, useLocation } from "@tanstack/react-router";
import { KeyRound, LogOut } from "lucide-react";
import { NoProgram } from "@/auth/no-program";
import { type Session, useSession, useSignOut, useSwitchProgram } from "@/auth/queries";
import { ApiError } from "@/lib/api";
import { cn } from "@/lib/utils";
import { NAV } from "./nav";
import { ErrorState, Loading } from "./states";
import { Button } from "./ui/button";

const RANK = { viewer: 0, coach: 1, owner: 2 } as const;

/** The signed-in shell: header with the program and navigation; pages below. Sends the signed-out to /signin. */
export function AppLayout() {
  const session = useSession();
  const location = useLocation();
  if (session.isPending) return <Loading />;
  if (session.error) {
    if (session.error instanceof ApiError && session.error.status === 401) {
      return <Navigate to="/signin" search={{ next: location.href }} replace />;
    }
    return (
      <div className="p-6">
        <ErrorState error={session.error} retry={() => session.refetch()} />
      </div>
    );
  }
  const s = session.data;
  return (
    <div className="min-h-screen bg-slate-50 text-slate-900">
      <Header session={s} />
      {!s.user.hasPassword && location.pathname !== "/welcome" ? (
        <div className="border-b border-amber-200 bg-amber-50 px-4 py-2 text-sm text-amber-900">
          <KeyRound className="mr-1 inline size-4" /> You signed in with a one-time link.{" "}
          <Link to="/welcome" className="font-medium underline">
            Set a password
          </Link>{" "}
          so you can sign in again.
        </div>
      ) : null}
      <main className="mx-auto max-w-6xl px-4 py-6">{s.program ? <Outlet /> : <NoProgram session={s} />}</main>
    </div>
  );
}

function Header({ session }: { session: Session }) {
  const signOut = useSignOut();
  const switchProgram = useSwitchProgram();
  const rank = session.role ? RANK[session.role] : -1;
  const items = NAV.filter((n) => (!n.outboxOnly || session.outbox) && rank >= RANK[n.role ?? "viewer"]);
  return (
    <header className="border-b border-slate-200 bg-white">
      <div className="mx-auto flex max-w-6xl flex-wrap items-center gap-x-6 gap-y-2 px-4 py-3">
        <Link to="/" className="flex items-baseline gap-2">
          <span className="text-sm font-bold tracking-widest text-teal-700">REBOUND</span>
          <span className="text-sm text-slate-600">{session.program?.name ?? "Admin"}</span>
        </Link>
        {session.programs.length > 1 ? (
          <select
            aria-label="Program"
            className="h-8 rounded-md border border-slate-300 bg-white px-2 text-xs"
            value={session.program?.id}
            onChange={(e) => switchProgram.mutate(e.target.value)}
          >
            {session.programs.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
          </select>
        ) : null}
        <nav className="order-3 flex w-full gap-1 overflow-x-auto sm:order-none sm:w-auto sm:flex-1">
          {items.map((n) =>
            n.external ? (
              <a key={n.to} href={n.to} className={navClass(false)}>
                <n.icon className="size-4" /> {n.label}
              </a>
            ) : (
              <Link
                key={n.to}
                to={n.to}
                className={navClass(false)}
                activeProps={{ className: navClass(true) }}
                activeOptions={{ exact: n.to === "/" }}
              >
                <n.icon className="size-4" /> {n.label}
              </Link>
            ),
          )}
        </nav>
        <div className="ml-auto flex items-center gap-2 text-xs text-slate-500">
          <span className="hidden 2xl:inline">
            {session.user.email} · {session.role}
          </span>
          <Button
            variant="ghost"
            size="sm"
            title={`${session.user.email} · ${session.role ?? "no role"}`}
            onClick={() => signOut.mutate(undefined, { onSettled: () => window.location.assign("/admin/signin") })}
          >
            <LogOut /> Sign out
          </Button>
        </div>
      </div>
    </header>
  );
}

const navClass = (active: boolean) =>
  cn(
    "flex items-center gap-1.5 rounded-md px-3 py-1.5 text-sm whitespace-nowrap",
    active ? "bg-slate-900 text-white" : "text-slate-600 hover:bg-slate-100",
  );
