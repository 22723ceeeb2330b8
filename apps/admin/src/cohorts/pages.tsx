import { Link } from "@tanstack/react-router";
import { AlertTriangle, Archive, ArchiveRestore, Copy, MailX, Pencil, Plus, UserRoundX } from "lucide-react";
import { useState } from "react";
import { useSession } from "@/auth/queries";
import { Empty, ErrorState, Loading } from "@/components/states";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Dialog, DialogContent, DialogDescription, DialogTitle, DialogTrigger } from "@/components/ui/dialog";
import { Input, Label } from "@/components/ui/input";
import { CohortExports } from "@/imports/pages";
import { formatDate, formatDateTime, humanize, percent } from "@/lib/utils";
import { OutcomesChart, ReplyRateChart, StageFunnel, ThemeChart } from "./charts";
import { type Dashboard, useCohorts, useCreateCohort, useDashboard, useUpdateCohort } from "./queries";

const slugify = (s: string) =>
  s
    .toLowerCase()
    .normalize("NFKD")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 48);

function CreateCohortDialog() {
  const [open, setOpen] = useState(false);
  const [name, setName] = useState("");
  const [slug, setSlug] = useState("");
  const create = useCreateCohort();
  return (
    <Dialog open={open} onOpenChange={setOpen}>
      <DialogTrigger asChild>
        <Button>
          <Plus /> New cohort
        </Button>
      </DialogTrigger>
      <DialogContent>
        <DialogTitle>New cohort</DialogTitle>
        <DialogDescription>A group you follow together, like a semester or a bootcamp class.</DialogDescription>
        <form
          className="mt-4 space-y-3"
          onSubmit={(e) => {
            e.preventDefault();
            create.mutate(
              { name, slug: slug || slugify(name) },
              {
                onSuccess: () => {
                  setOpen(false);
                  setName("");
                  setSlug("");
                },
              },
            );
          }}
        >
          <div className="space-y-1">
            <Label htmlFor="cohort-name">Name</Label>
            <Input
              id="cohort-name"
              required
              value={name}
              onChange={(e) => setName(e.target.value)}
              placeholder="Spring 2027"
            />
          </div>
          <div className="space-y-1">
            <Label htmlFor="cohort-slug">Short name (in links and the API)</Label>
            <Input
              id="cohort-slug"
              value={slug || slugify(name)}
              onChange={(e) => setSlug(e.target.value)}
              pattern="[a-z0-9]+(-[a-z0-9]+)*"
            />
          </div>
          {create.error ? <p className="text-sm text-red-700">{create.error.message}</p> : null}
          <div className="flex justify-end gap-2">
            <Button type="button" variant="outline" onClick={() => setOpen(false)}>
              Cancel
            </Button>
            <Button type="submit" disabled={create.isPending || !name}>
              Create
            </Button>
          </div>
        </form>
      </DialogContent>
    </Dialog>
  );
}

export function CohortsPage() {
  const cohorts = useCohorts();
  const session = useSession();
  const canWrite = session.data?.role !== "viewer";
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-end justify-between gap-2">
        <div>
          <h1 className="text-xl font-semibold">Cohorts</h1>
          <p className="text-sm text-slate-500">Each cohort has its dashboard, its candidates and a signup link.</p>
        </div>
        {canWrite ? <CreateCohortDialog /> : null}
      </div>
      {cohorts.isPending ? (
        <Loading />
      ) : cohorts.error ? (
        <ErrorState error={cohorts.error} retry={() => cohorts.refetch()} />
      ) : cohorts.data.cohorts.length === 0 ? (
        <Empty title="No cohorts yet">
          {canWrite
            ? "Create one, then share its signup link or enrol people through the API."
            : "Ask a coach to create one."}
        </Empty>
      ) : (
        <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-3">
          {cohorts.data.cohorts.map((c) => (
            <Link
              key={c.id}
              to="/cohorts/$cohortId"
              params={{ cohortId: c.id }}
              className="block rounded-lg border border-slate-200 bg-white p-4 shadow-sm transition hover:border-teal-400"
            >
              <div className="flex items-start justify-between gap-2">
                <p className="font-medium">{c.name}</p>
                {c.archivedAt ? <Badge>archived</Badge> : null}
              </div>
              <p className="text-xs text-slate-500">{c.slug}</p>
              <p className="mt-3 text-sm text-slate-700">
                <span className="text-2xl font-semibold">{c.candidates}</span> candidates · {c.active} active
              </p>
              <p className="text-xs text-slate-400">since {formatDate(c.createdAt)}</p>
            </Link>
          ))}
        </div>
      )}
    </div>
  );
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;

/** Without delivery events (the dev outbox), a 0 "Delivered" stage would cut the funnel in two: it is left out. */
const hidesDelivered = (d: Dashboard) =>
  (d.stages.find((s) => s.key === "delivered")?.count ?? 0) === 0 && d.funnel.some((f) => f.sent > 0);
const funnelStages = (d: Dashboard) => (hidesDelivered(d) ? d.stages.filter((s) => s.key !== "delivered") : d.stages);

function Kpi({ label, value, hint }: { label: string; value: string; hint?: string }) {
  return (
    <Card>
      <CardContent className="pt-4">
        <p className="text-xs font-medium uppercase tracking-wide text-slate-500">{label}</p>
        <p className="mt-1 text-2xl font-semibold" data-kpi={label}>
          {value}
        </p>
        {hint ? <p className="text-xs text-slate-500">{hint}</p> : null}
      </CardContent>
    </Card>
  );
}

const REASON: Record<
  Dashboard["needsAttention"][number]["reason"],
  { label: string; icon: typeof AlertTriangle; tone: "red" | "amber" | "neutral" }
> = {
  distress: { label: "Distress in a reply", icon: AlertTriangle, tone: "red" },
  bounced: { label: "Email bounced", icon: MailX, tone: "amber" },
  complained: { label: "Marked as spam", icon: MailX, tone: "amber" },
  "no-reply": { label: "No reply for a week", icon: UserRoundX, tone: "neutral" },
};

function NeedsAttention({ items }: { items: Dashboard["needsAttention"] }) {
  if (items.length === 0) return <Empty title="Nobody needs attention right now" />;
  return (
    <ul className="divide-y divide-slate-100">
      {items.map((a) => {
        const r = REASON[a.reason];
        return (
          <li key={`${a.candidateId}-${a.reason}`} className="flex gap-3 py-3">
            <r.icon
              className={a.reason === "distress" ? "mt-0.5 size-4 text-red-600" : "mt-0.5 size-4 text-slate-400"}
            />
            <div className="min-w-0 flex-1">
              <div className="flex flex-wrap items-center gap-2">
                <Link
                  to="/candidates/$candidateId"
                  params={{ candidateId: a.candidateId }}
                  className="font-medium hover:underline"
                >
                  {a.name || a.email || "Erased candidate"}
                </Link>
                <Badge tone={r.tone === "neutral" ? "neutral" : r.tone}>{r.label}</Badge>
                <span className="text-xs text-slate-400">{formatDateTime(a.at)}</span>
              </div>
              {a.evidence.map((e) => (
                <blockquote key={e} className="mt-1 border-l-2 border-red-300 pl-2 text-sm italic text-slate-700">
                  “{e}”
                </blockquote>
              ))}
            </div>
          </li>
        );
      })}
    </ul>
  );
}

function CohortActions({ d }: { d: Dashboard }) {
  const update = useUpdateCohort();
  const [copied, setCopied] = useState(false);
  const [renaming, setRenaming] = useState(false);
  const [name, setName] = useState(d.cohort.name);
  return (
    <div className="flex flex-wrap items-center gap-2">
      {!d.cohort.archivedAt ? (
        <Button
          variant="outline"
          size="sm"
          onClick={() => {
            void navigator.clipboard?.writeText(d.cohort.signupUrl);
            setCopied(true);
          }}
          title={d.cohort.signupUrl}
        >
          <Copy /> {copied ? "Link copied" : "Copy signup link"}
        </Button>
      ) : null}
      <Dialog open={renaming} onOpenChange={setRenaming}>
        <DialogTrigger asChild>
          <Button variant="outline" size="sm">
            <Pencil /> Rename
          </Button>
        </DialogTrigger>
        <DialogContent>
          <DialogTitle>Rename cohort</DialogTitle>
          <form
            className="mt-4 space-y-3"
            onSubmit={(e) => {
              e.preventDefault();
              update.mutate({ cohortId: d.cohort.id, name }, { onSuccess: () => setRenaming(false) });
            }}
          >
            <Input aria-label="Name" value={name} onChange={(e) => setName(e.target.value)} required />
            {update.error ? <p className="text-sm text-red-700">{update.error.message}</p> : null}
            <div className="flex justify-end">
              <Button type="submit" disabled={update.isPending}>
                Save
              </Button>
            </div>
          </form>
        </DialogContent>
      </Dialog>
      <Button
        variant="outline"
        size="sm"
        disabled={update.isPending}
        onClick={() => update.mutate({ cohortId: d.cohort.id, archived: !d.cohort.archivedAt })}
      >
        {d.cohort.archivedAt ? (
          <>
            <ArchiveRestore /> Restore
          </>
        ) : (
          <>
            <Archive /> Archive
          </>
        )}
      </Button>
    </div>
  );
}

export function DashboardPage({ cohortId }: { cohortId: string }) {
  const session = useSession();
  const dash = useDashboard(cohortId, 5_000);
  if (dash.isPending) return <Loading label="Loading the dashboard…" />;
  if (dash.error) return <ErrorState error={dash.error} retry={() => dash.refetch()} />;
  const d = dash.data;
  const hasThemes = Object.keys(d.themes).length > 0;
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div>
          <p className="text-xs text-slate-500">
            <Link to="/" className="hover:underline">
              Cohorts
            </Link>{" "}
            /
          </p>
          <h1 className="text-xl font-semibold">
            {d.cohort.name} {d.cohort.archivedAt ? <Badge>archived</Badge> : null}
          </h1>
          <div className="mt-1 flex gap-3 text-sm">
            <Link
              to="/cohorts/$cohortId/candidates"
              params={{ cohortId }}
              className="font-medium text-teal-700 hover:underline"
            >
              Candidates ({d.enrolled}) →
            </Link>
            <Link
              to="/cohorts/$cohortId/imports"
              params={{ cohortId }}
              className="font-medium text-teal-700 hover:underline"
            >
              Imports →
            </Link>
          </div>
        </div>
        <div className="flex flex-wrap items-center gap-2">
          {session.data?.role !== "viewer" ? <CohortActions d={d} /> : null}
          <CohortExports cohortId={cohortId} />
        </div>
      </div>
      {!d.cohort.archivedAt ? (
        <p className="break-all rounded-md bg-slate-100 px-3 py-2 text-xs text-slate-600">
          Signup link for candidates: <span className="font-mono">{d.cohort.signupUrl}</span>
        </p>
      ) : null}
      <div className="grid grid-cols-2 gap-3 lg:grid-cols-4">
        <Kpi label="Enrolled" value={String(d.enrolled)} hint={`${d.statuses.active ?? 0} active`} />
        <Kpi label="Reply rate" value={d.funnel.length ? percent(d.replyRate) : "—"} hint="replies per email sent" />
        <Kpi
          label="Median days to offer"
          value={d.medianDaysToOffer === null ? "—" : String(d.medianDaysToOffer)}
          hint={d.medianDaysToOffer === null ? "no offer yet" : plural(d.outcomes.offer ?? 0, "offer")}
        />
        <Kpi
          label="Knowledge rate"
          value={d.enrolled ? percent(d.knowledgeRate) : "—"}
          hint="candidates whose outcome is known"
        />
      </div>
      <Card className={d.needsAttention.some((a) => a.reason === "distress") ? "border-red-200" : ""}>
        <CardHeader>
          <CardTitle>Needs attention</CardTitle>
          <CardDescription>Distress first, with the words that raised it; then bounces and silence.</CardDescription>
        </CardHeader>
        <CardContent>
          <NeedsAttention items={d.needsAttention} />
        </CardContent>
      </Card>
      {d.enrolled === 0 ? (
        <Empty title="No candidates in this cohort yet">
          Share the signup link, or enrol people through the API with <code>"cohort": "{d.cohort.slug}"</code>.
        </Empty>
      ) : (
        <div className="grid gap-4 lg:grid-cols-2">
          <Card>
            <CardHeader>
              <CardTitle>Funnel</CardTitle>
              <CardDescription>Candidates at each stage of the track</CardDescription>
            </CardHeader>
            <CardContent>
              <StageFunnel stages={funnelStages(d)} />
              {hidesDelivered(d) ? (
                <p className="mt-1 text-xs text-slate-500">
                  No delivery reported yet (the local outbox reports none; Resend does, by webhook).
                </p>
              ) : null}
            </CardContent>
          </Card>
          <Card>
            <CardHeader>
              <CardTitle>Reply rate per step</CardTitle>
              <CardDescription>Share of sent emails that got a reply</CardDescription>
            </CardHeader>
            <CardContent>
              {d.funnel.length ? <ReplyRateChart funnel={d.funnel} /> : <Empty title="No email sent yet" />}
            </CardContent>
          </Card>
          <Card>
            <CardHeader>
              <CardTitle>What they struggle with</CardTitle>
              <CardDescription>Themes across the cohort's reflections</CardDescription>
            </CardHeader>
            <CardContent>
              {hasThemes ? <ThemeChart themes={d.themes} /> : <Empty title="No reflections analysed yet" />}
            </CardContent>
          </Card>
          <Card>
            <CardHeader>
              <CardTitle>Outcomes over time</CardTitle>
              <CardDescription>Interviews per week, by outcome</CardDescription>
            </CardHeader>
            <CardContent>
              <OutcomesChart series={d.outcomesOverTime} />
            </CardContent>
          </Card>
          <Card className="lg:col-span-2">
            <CardHeader>
              <CardTitle>Steps</CardTitle>
            </CardHeader>
            <CardContent className="overflow-x-auto">
              <table className="w-full text-sm">
                <thead className="text-left text-xs text-slate-500">
                  <tr>
                    <th className="py-1">Step</th>
                    <th>Sent</th>
                    <th>Delivered</th>
                    <th>Replied</th>
                    <th>Reply rate</th>
                  </tr>
                </thead>
                <tbody>
                  {d.funnel.map((f) => (
                    <tr key={f.step} className="border-t border-slate-100" data-step={f.step}>
                      <td className="py-1.5">{humanize(f.step)}</td>
                      <td>{f.sent}</td>
                      <td>{f.delivered}</td>
                      <td>{f.replied}</td>
                      <td>{percent(f.replyRate)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </CardContent>
          </Card>
        </div>
      )}
    </div>
  );
}
