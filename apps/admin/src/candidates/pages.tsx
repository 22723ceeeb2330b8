import { Link, useNavigate } from "@tanstack/react-router";
import { AlertTriangle, Mail, MessageSquareText, Pause, Play, Search, Trash2, UserMinus } from "lucide-react";
import { useState } from "react";
import { useSession } from "@/auth/queries";
import { Pager } from "@/components/pager";
import { Empty, ErrorState, Loading } from "@/components/states";
import { Badge, StatusBadge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardContent } from "@/components/ui/card";
import {
  AlertDialog,
  AlertDialogAction,
  AlertDialogCancel,
  AlertDialogContent,
  AlertDialogDescription,
  AlertDialogTitle,
  AlertDialogTrigger,
} from "@/components/ui/dialog";
import { Input, NativeSelect } from "@/components/ui/input";
import { Table, TBody, TD, TH, THead, TR } from "@/components/ui/table";
import { formatDate, formatDateTime, humanize } from "@/lib/utils";
import { type ListFilter, type Timeline, useCandidateAction, useCandidates, useTimeline } from "./queries";

export function CandidatesPage({ cohortId, filter }: { cohortId: string; filter: ListFilter }) {
  const navigate = useNavigate();
  const list = useCandidates(cohortId, filter);
  const [q, setQ] = useState(filter.q ?? "");
  const go = (next: ListFilter) =>
    navigate({ to: "/cohorts/$cohortId/candidates", params: { cohortId }, search: next, replace: true });
  const pages = list.data ? Math.max(1, Math.ceil(list.data.total / list.data.pageSize)) : 1;
  const page = list.data?.page ?? 1;
  return (
    <div className="space-y-4">
      <div>
        <p className="text-xs text-slate-500">
          <Link to="/" className="hover:underline">
            Cohorts
          </Link>{" "}
          /{" "}
          <Link to="/cohorts/$cohortId" params={{ cohortId }} className="hover:underline">
            Dashboard
          </Link>{" "}
          /
        </p>
        <h1 className="text-xl font-semibold">Candidates</h1>
      </div>
      <form
        className="flex flex-wrap gap-2"
        onSubmit={(e) => {
          e.preventDefault();
          go({ ...filter, q: q || undefined, page: undefined });
        }}
      >
        <div className="relative min-w-56 flex-1">
          <Search className="absolute left-2.5 top-2.5 size-4 text-slate-400" />
          <Input
            aria-label="Search"
            className="pl-8"
            placeholder="Name or email"
            value={q}
            onChange={(e) => setQ(e.target.value)}
          />
        </div>
        <NativeSelect
          aria-label="Status"
          value={filter.status ?? ""}
          onChange={(e) =>
            go({ ...filter, status: (e.target.value || undefined) as ListFilter["status"], page: undefined })
          }
        >
          <option value="">Every status</option>
          {["active", "paused", "unsubscribed", "bounced", "complained", "erased"].map((s) => (
            <option key={s} value={s}>
              {s}
            </option>
          ))}
        </NativeSelect>
        <Button type="submit" variant="secondary">
          Search
        </Button>
      </form>
      {list.isPending ? (
        <Loading />
      ) : list.error ? (
        <ErrorState error={list.error} retry={() => list.refetch()} />
      ) : list.data.total === 0 ? (
        <Empty title={filter.q || filter.status ? "Nobody matches" : "No candidates yet"} />
      ) : (
        <Card>
          <Table>
            <THead>
              <TR>
                <TH>Candidate</TH>
                <TH>Status</TH>
                <TH>Step</TH>
                <TH className="hidden sm:table-cell">Last reply</TH>
                <TH className="hidden md:table-cell">Themes</TH>
              </TR>
            </THead>
            <TBody>
              {list.data.candidates.map((c) => (
                <TR key={c.id}>
                  <TD>
                    <Link
                      to="/candidates/$candidateId"
                      params={{ candidateId: c.id }}
                      className="font-medium hover:underline"
                    >
                      {c.name || c.email || "Erased candidate"}
                    </Link>
                    {c.name && c.email ? <div className="text-xs text-slate-500">{c.email}</div> : null}
                  </TD>
                  <TD>
                    <StatusBadge status={c.status} />
                  </TD>
                  <TD className="text-slate-700">{c.step ? humanize(c.step) : "—"}</TD>
                  <TD className="hidden text-slate-600 sm:table-cell">
                    {c.lastReplyAt ? `${formatDate(c.lastReplyAt)} (${c.replies})` : "—"}
                  </TD>
                  <TD className="hidden md:table-cell">
                    <div className="flex flex-wrap gap-1">
                      {c.themes.map((t) => (
                        <Badge key={t} tone="teal">
                          {humanize(t)}
                        </Badge>
                      ))}
                    </div>
                  </TD>
                </TR>
              ))}
            </TBody>
          </Table>
          <Pager
            total={list.data.total}
            noun="candidates"
            page={page}
            pages={pages}
            onPage={(p) => go({ ...filter, page: p })}
            className="border-t border-slate-100"
          />
        </Card>
      )}
    </div>
  );
}

type EmailEvent = Extract<Timeline["events"][number], { type: "email" }>;
type ReflectionEvent = Extract<Timeline["events"][number], { type: "reflection" }>;

function EmailItem({ e }: { e: EmailEvent }) {
  const [open, setOpen] = useState(false);
  const [asText, setAsText] = useState(false);
  return (
    <div className="rounded-lg border border-slate-200 bg-white p-3">
      <div className="flex flex-wrap items-center gap-2">
        <Mail className="size-4 text-slate-400" />
        <span className="font-medium">{e.subject ?? humanize(e.step)}</span>
        <StatusBadge status={e.status} />
        <span className="text-xs text-slate-400">
          {humanize(e.step)} · {e.kind}
        </span>
      </div>
      <p className="mt-1 text-xs text-slate-500">
        {e.sentAt ? `sent ${formatDateTime(e.sentAt)}` : `due ${formatDateTime(e.at)}`}
        {e.deliveredAt ? ` · delivered ${formatDateTime(e.deliveredAt)}` : ""}
        {e.openedAt ? ` · opened ${formatDateTime(e.openedAt)}` : ""}
        {e.bouncedAt ? ` · bounced ${formatDateTime(e.bouncedAt)}` : ""}
        {e.complainedAt ? ` · marked as spam ${formatDateTime(e.complainedAt)}` : ""}
      </p>
      {e.error ? <p className="mt-1 text-xs text-red-700">{e.error}</p> : null}
      {e.preview ? (
        <div className="mt-2">
          <Button size="sm" variant="ghost" onClick={() => setOpen(!open)}>
            {open ? "Hide the email" : "Show the email"}
          </Button>
          {open ? (
            <div className="mt-2 space-y-2">
              <div className="flex gap-1">
                <Button size="sm" variant={asText ? "outline" : "secondary"} onClick={() => setAsText(false)}>
                  HTML
                </Button>
                <Button size="sm" variant={asText ? "secondary" : "outline"} onClick={() => setAsText(true)}>
                  Text
                </Button>
              </div>
              {asText ? (
                <pre className="max-h-96 overflow-auto whitespace-pre-wrap rounded bg-slate-50 p-3 text-xs">
                  {e.preview.text}
                </pre>
              ) : (
                <iframe
                  title={`Email ${e.step}`}
                  sandbox=""
                  srcDoc={e.preview.html}
                  className="h-96 w-full rounded border border-slate-200"
                />
              )}
            </div>
          ) : null}
        </div>
      ) : (
        <p className="mt-1 text-xs text-slate-400">
          The email's content is not kept once it has been delivered by the provider.
        </p>
      )}
    </div>
  );
}

function ReflectionItem({ r }: { r: ReflectionEvent }) {
  return (
    <div
      className={`rounded-lg border p-3 ${r.distress ? "border-red-300 bg-red-50/50" : "border-teal-200 bg-teal-50/40"}`}
    >
      <div className="flex flex-wrap items-center gap-2">
        <MessageSquareText className="size-4 text-teal-700" />
        <span className="font-medium">Reply to “{humanize(r.step)}”</span>
        <span className="text-xs text-slate-500">{formatDateTime(r.at)}</span>
        {r.fromOther ? <Badge tone="amber">from another address</Badge> : null}
      </div>
      {r.prompt ? <p className="mt-1 text-xs italic text-slate-500">{r.prompt}</p> : null}
      {r.distress ? (
        <div className="mt-2 flex gap-2 rounded border border-red-200 bg-white p-2 text-sm text-red-800">
          <AlertTriangle className="mt-0.5 size-4 shrink-0" />
          <div>
            <p className="font-medium">Distress flagged</p>
            {r.distressEvidence.map((s) => (
              <p key={s}>“{s}”</p>
            ))}
          </div>
        </div>
      ) : null}
      <p className="mt-2 whitespace-pre-wrap text-sm text-slate-800">{r.text ?? "(erased)"}</p>
      {r.evidence.length ? (
        <div className="mt-2 space-y-1">
          {r.evidence.map((t) => (
            <div key={t.theme} className="text-xs">
              <Badge tone="teal">{humanize(t.theme)}</Badge>{" "}
              <span className="text-slate-600">{t.phrases.map((p) => `“${p}”`).join(" · ")}</span>
            </div>
          ))}
        </div>
      ) : r.themes.length ? (
        <div className="mt-2 flex flex-wrap gap-1">
          {r.themes.map((t) => (
            <Badge key={t} tone="teal">
              {humanize(t)}
            </Badge>
          ))}
        </div>
      ) : null}
    </div>
  );
}

function Actions({ t }: { t: Timeline }) {
  const act = useCandidateAction(t.candidate.id);
  const status = t.candidate.status;
  return (
    <div className="flex flex-wrap gap-2">
      {status === "active" ? (
        <Button variant="outline" size="sm" disabled={act.isPending} onClick={() => act.mutate({ action: "pause" })}>
          <Pause /> Pause
        </Button>
      ) : null}
      {status === "paused" ? (
        <Button variant="outline" size="sm" disabled={act.isPending} onClick={() => act.mutate({ action: "resume" })}>
          <Play /> Resume
        </Button>
      ) : null}
      {status === "active" || status === "paused" ? (
        <Button
          variant="outline"
          size="sm"
          disabled={act.isPending}
          onClick={() => act.mutate({ action: "unsubscribe" })}
        >
          <UserMinus /> Unsubscribe
        </Button>
      ) : null}
      {status !== "erased" ? (
        <AlertDialog>
          <AlertDialogTrigger asChild>
            <Button variant="outline" size="sm" className="text-red-700">
              <Trash2 /> Erase
            </Button>
          </AlertDialogTrigger>
          <AlertDialogContent>
            <AlertDialogTitle>Erase {t.candidate.name || t.candidate.email}?</AlertDialogTitle>
            <AlertDialogDescription>This cannot be undone. {t.erasureKeeps}</AlertDialogDescription>
            <div className="mt-4 flex justify-end gap-2">
              <AlertDialogCancel asChild>
                <Button variant="outline">Cancel</Button>
              </AlertDialogCancel>
              <AlertDialogAction asChild>
                <Button variant="destructive" onClick={() => act.mutate({ action: "erase", confirm: true })}>
                  Erase for good
                </Button>
              </AlertDialogAction>
            </div>
          </AlertDialogContent>
        </AlertDialog>
      ) : null}
      {act.error ? <p className="w-full text-sm text-red-700">{act.error.message}</p> : null}
    </div>
  );
}

export function TimelinePage({ candidateId }: { candidateId: string }) {
  const session = useSession();
  const t = useTimeline(candidateId);
  if (t.isPending) return <Loading />;
  if (t.error) return <ErrorState error={t.error} retry={() => t.refetch()} />;
  const { candidate, interviews, enrollments, events } = t.data;
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div>
          {candidate.cohort ? (
            <p className="text-xs text-slate-500">
              <Link
                to="/cohorts/$cohortId/candidates"
                params={{ cohortId: candidate.cohort.id }}
                className="hover:underline"
              >
                {candidate.cohort.name}
              </Link>{" "}
              /
            </p>
          ) : null}
          <h1 className="flex flex-wrap items-center gap-2 text-xl font-semibold">
            {candidate.name || candidate.email || "Erased candidate"} <StatusBadge status={candidate.status} />
          </h1>
          <p className="text-sm text-slate-500">
            {candidate.email ?? "no address (erased)"} · {candidate.timezone} · since {formatDate(candidate.createdAt)}
            {candidate.pausedUntil ? ` · paused until ${formatDateTime(candidate.pausedUntil)}` : ""}
          </p>
        </div>
        {session.data?.role !== "viewer" ? <Actions t={t.data} /> : null}
      </div>
      <div className="grid gap-3 md:grid-cols-2">
        <Card>
          <CardContent className="pt-4 text-sm">
            <p className="mb-1 text-xs font-medium uppercase tracking-wide text-slate-500">Interviews</p>
            {interviews.map((i) => (
              <p key={i.id}>
                {i.company}
                {i.role ? ` · ${i.role}` : ""} —{" "}
                <Badge tone={i.offerAt ? "green" : "neutral"}>{i.offerAt ? "offer" : i.outcome}</Badge>{" "}
                <span className="text-xs text-slate-400">{formatDate(i.createdAt)}</span>
              </p>
            ))}
          </CardContent>
        </Card>
        <Card>
          <CardContent className="pt-4 text-sm">
            <p className="mb-1 text-xs font-medium uppercase tracking-wide text-slate-500">Tracks</p>
            {enrollments.map((e) => (
              <p key={e.id}>
                {humanize(e.track)} track — <StatusBadge status={e.status} />{" "}
                {e.nextStep ? (
                  <span className="text-xs text-slate-500">
                    next: {humanize(e.nextStep)} {e.nextDueAt ? formatDateTime(e.nextDueAt) : ""}
                  </span>
                ) : e.stopReason ? (
                  <span className="text-xs text-slate-500">({e.stopReason})</span>
                ) : null}
              </p>
            ))}
          </CardContent>
        </Card>
      </div>
      <h2 className="text-sm font-semibold text-slate-700">Timeline</h2>
      {events.length === 0 ? (
        <Empty title="Nothing sent yet">The first email goes out in the candidate's send window.</Empty>
      ) : (
        <ol className="space-y-2">
          {events.map((e) => (
            <li key={e.id}>{e.type === "email" ? <EmailItem e={e} /> : <ReflectionItem r={e} />}</li>
          ))}
        </ol>
      )}
    </div>
  );
}
