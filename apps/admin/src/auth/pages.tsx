import { useQueryClient } from "@tanstack/react-query";
import { Link, useNavigate } from "@tanstack/react-router";
import { CheckCircle2, Mail } from "lucide-react";
import { type FormEvent, useEffect, useState } from "react";
import { ErrorState, Loading } from "@/components/states";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Input, Label, NativeSelect } from "@/components/ui/input";
import { Table, TBody, TD, TH, THead, TR } from "@/components/ui/table";
import { authClient } from "@/lib/auth-client";
import { formatDate } from "@/lib/utils";
import { authCall, sessionKey, useAcceptInvitation, useInvite, useSession, useSetPassword, useTeam } from "./queries";

function Centered({ children }: { children: React.ReactNode }) {
  return (
    <div className="flex min-h-screen items-start justify-center bg-slate-50 px-4 pt-[12vh]">
      <div className="w-full max-w-sm">
        <p className="mb-4 text-center text-sm font-bold tracking-widest text-teal-700">REBOUND</p>
        {children}
      </div>
    </div>
  );
}

/** better-auth's error codes of a spent link (INVALID_TOKEN, ...): one plain sentence for all of them. */
const LINK_SPENT =
  "That sign-in link was already used or has expired. Sign in with your password, or ask for a new link.";

/** Sign in: email + password, or a one-time link by email. */
export function SignInPage({ next, error }: { next?: string; error?: string }) {
  const qc = useQueryClient();
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<string | null>(error ? LINK_SPENT : null);
  const [linkSent, setLinkSent] = useState(false);
  const target = next?.startsWith("/admin/") ? next : "/admin/";

  async function submit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    setMessage(null);
    try {
      await authCall(authClient.signIn.email({ email, password }));
      await qc.invalidateQueries({ queryKey: sessionKey });
      window.location.assign(target);
    } catch (err) {
      setMessage(err instanceof Error ? err.message : "Sign-in failed.");
    } finally {
      setBusy(false);
    }
  }
  async function sendLink() {
    if (!email) return setMessage("Enter your email address first.");
    setBusy(true);
    try {
      await authCall(authClient.signIn.magicLink({ email, callbackURL: target }));
      setLinkSent(true);
      setMessage(null);
    } catch (err) {
      setMessage(err instanceof Error ? err.message : "Could not send the link.");
    } finally {
      setBusy(false);
    }
  }
  return (
    <Centered>
      <Card>
        <CardHeader>
          <CardTitle className="text-lg">Sign in</CardTitle>
          <CardDescription>For program admins and coaches.</CardDescription>
        </CardHeader>
        <CardContent>
          <form className="space-y-3" onSubmit={submit}>
            <div className="space-y-1">
              <Label htmlFor="email">Email</Label>
              <Input
                id="email"
                type="email"
                autoComplete="email"
                required
                value={email}
                onChange={(e) => setEmail(e.target.value)}
              />
            </div>
            <div className="space-y-1">
              <Label htmlFor="password">Password</Label>
              <Input
                id="password"
                type="password"
                autoComplete="current-password"
                value={password}
                onChange={(e) => setPassword(e.target.value)}
              />
            </div>
            {message ? (
              <p role="alert" className="text-sm text-red-700">
                {message}
              </p>
            ) : null}
            {linkSent ? (
              <p className="flex items-center gap-1 text-sm text-emerald-700">
                <Mail className="size-4" /> If {email} belongs to an admin, a sign-in link is on its way.
              </p>
            ) : null}
            <Button type="submit" className="w-full" disabled={busy || !password}>
              Sign in
            </Button>
            <Button type="button" variant="outline" className="w-full" disabled={busy} onClick={sendLink}>
              Email me a sign-in link
            </Button>
          </form>
        </CardContent>
      </Card>
    </Centered>
  );
}

/** After the first sign-in by link: set a password. */
export function WelcomePage() {
  const session = useSession();
  const setPassword = useSetPassword();
  const [password, setPw] = useState("");
  const [again, setAgain] = useState("");
  const mismatch = again.length > 0 && again !== password;
  if (session.isPending) return <Loading />;
  if (session.error) return <ErrorState error={session.error} />;
  const s = session.data;
  return (
    <div className="mx-auto max-w-md">
      <Card>
        <CardHeader>
          <CardTitle className="text-lg">Welcome{s.user.name ? `, ${s.user.name}` : ""}</CardTitle>
          <CardDescription>
            You are signed in to {s.program?.name ?? "Rebound"} as {s.role}.
          </CardDescription>
        </CardHeader>
        <CardContent>
          {s.user.hasPassword ? (
            <div className="space-y-3">
              <p className="flex items-center gap-2 text-sm text-emerald-700">
                <CheckCircle2 className="size-4" /> Your password is set. Next time, sign in with {s.user.email}.
              </p>
              <Button asChild>
                <Link to="/">Go to your cohorts</Link>
              </Button>
            </div>
          ) : (
            <form
              className="space-y-3"
              onSubmit={(e) => {
                e.preventDefault();
                if (!mismatch) setPassword.mutate(password);
              }}
            >
              <input type="email" name="username" autoComplete="username" value={s.user.email} readOnly hidden />
              <p className="text-sm text-slate-600">
                The link you used works only once. Choose a password (10 characters or more) to sign in again.
              </p>
              <div className="space-y-1">
                <Label htmlFor="new-password">New password</Label>
                <Input
                  id="new-password"
                  type="password"
                  autoComplete="new-password"
                  minLength={10}
                  required
                  value={password}
                  onChange={(e) => setPw(e.target.value)}
                />
              </div>
              <div className="space-y-1">
                <Label htmlFor="again">Repeat it</Label>
                <Input
                  id="again"
                  type="password"
                  autoComplete="new-password"
                  required
                  value={again}
                  onChange={(e) => setAgain(e.target.value)}
                />
              </div>
              {mismatch ? <p className="text-sm text-red-700">The two passwords differ.</p> : null}
              {setPassword.error ? <p className="text-sm text-red-700">{setPassword.error.message}</p> : null}
              <Button type="submit" disabled={setPassword.isPending || mismatch || password.length < 10}>
                Set password
              </Button>
            </form>
          )}
        </CardContent>
      </Card>
    </div>
  );
}

/** An invitation link lands here (after its sign-in link): accept, then set a password. */
export function InvitePage({ invitationId }: { invitationId: string }) {
  const accept = useAcceptInvitation();
  const navigate = useNavigate();
  const { mutate } = accept;
  useEffect(() => {
    mutate(invitationId, { onSuccess: () => navigate({ to: "/welcome" }) });
  }, [invitationId, mutate, navigate]);
  if (accept.error) return <ErrorState error={accept.error} />;
  return <Loading label="Joining the program…" />;
}

/** The program's admins and invitations; owners invite by email. */
export function TeamPage() {
  const session = useSession();
  const programId = session.data?.program?.id;
  const team = useTeam(programId);
  const invite = useInvite(programId);
  const [email, setEmail] = useState("");
  const [role, setRole] = useState<"owner" | "coach" | "viewer">("coach");
  const isOwner = session.data?.role === "owner";
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-xl font-semibold">Team</h1>
        <p className="text-sm text-slate-500">Owners run the program, coaches work with candidates, viewers read.</p>
      </div>
      {isOwner ? (
        <Card>
          <CardHeader>
            <CardTitle>Invite an admin</CardTitle>
            <CardDescription>
              They get an email with a one-time sign-in link; the invitation stays open a week.
            </CardDescription>
          </CardHeader>
          <CardContent>
            <form
              className="flex flex-wrap items-end gap-2"
              onSubmit={(e) => {
                e.preventDefault();
                invite.mutate({ email, role }, { onSuccess: () => setEmail("") });
              }}
            >
              <div className="min-w-56 flex-1 space-y-1">
                <Label htmlFor="invite-email">Email</Label>
                <Input
                  id="invite-email"
                  type="email"
                  required
                  value={email}
                  onChange={(e) => setEmail(e.target.value)}
                />
              </div>
              <div className="space-y-1">
                <Label htmlFor="invite-role">Role</Label>
                <NativeSelect
                  id="invite-role"
                  value={role}
                  onChange={(e) => setRole(e.target.value as typeof role)}
                  className="block"
                >
                  <option value="coach">Coach</option>
                  <option value="viewer">Viewer</option>
                  <option value="owner">Owner</option>
                </NativeSelect>
              </div>
              <Button type="submit" disabled={invite.isPending}>
                Send invitation
              </Button>
            </form>
            {invite.error ? <p className="mt-2 text-sm text-red-700">{invite.error.message}</p> : null}
            {invite.isSuccess ? <p className="mt-2 text-sm text-emerald-700">Invitation sent.</p> : null}
          </CardContent>
        </Card>
      ) : null}
      {team.isPending ? (
        <Loading />
      ) : team.error ? (
        <ErrorState error={team.error} retry={() => team.refetch()} />
      ) : (
        <Card>
          <Table>
            <THead>
              <TR>
                <TH>Admin</TH>
                <TH>Role</TH>
                <TH>Since</TH>
              </TR>
            </THead>
            <TBody>
              {team.data?.members.map((m) => (
                <TR key={m.id}>
                  <TD>
                    <div className="font-medium">{m.user.name || m.user.email}</div>
                    {m.user.name ? <div className="text-xs text-slate-500">{m.user.email}</div> : null}
                  </TD>
                  <TD>
                    <Badge>{m.role}</Badge>
                  </TD>
                  <TD>{formatDate(new Date(m.createdAt).toISOString())}</TD>
                </TR>
              ))}
              {team.data?.invitations
                .filter((i) => i.status === "pending")
                .map((i) => (
                  <TR key={i.id}>
                    <TD className="text-slate-500">{i.email}</TD>
                    <TD>
                      <Badge tone="amber">invited · {i.role}</Badge>
                    </TD>
                    <TD className="text-slate-500">until {formatDate(new Date(i.expiresAt).toISOString())}</TD>
                  </TR>
                ))}
            </TBody>
          </Table>
        </Card>
      )}
    </div>
  );
}
