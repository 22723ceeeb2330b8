import { Link } from "@tanstack/react-router";
import { useSession } from "@/auth/queries";
import { ActorLabel } from "@/components/actor-label";
import { isForbidden, OwnersOnly, OwnersOnlyState } from "@/components/owners-only";
import { Empty, ErrorState, Loading } from "@/components/states";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { cn, formatDateTime } from "@/lib/utils";
import { type AuditEntry, type AuditGroup, useAuditLog } from "./queries";
import { AUDIT_GROUP_LABELS, actorOf, describe } from "./sentences";

const WHAT = "The audit log shows who changed what in the program (keys, settings, team, imports, erasures).";

/** Who did what in the program, newest first, narrowed to a group of actions. Owners only. */
export function AuditPage({ group }: { group?: AuditGroup }) {
  return (
    <OwnersOnly what={WHAT}>
      <AuditView {...(group ? { group } : {})} />
    </OwnersOnly>
  );
}

function AuditView({ group }: { group?: AuditGroup }) {
  const log = useAuditLog(group, true);
  const me = useSession().data?.user.id;
  if (log.error && isForbidden(log.error)) return <OwnersOnlyState what={WHAT} />;
  const entries = log.data?.pages.flatMap((p) => p.entries) ?? [];
  return (
    <div className="space-y-4">
      <div>
        <h1 className="text-xl font-semibold">Audit log</h1>
        <p className="text-sm text-slate-500">
          Who did what, newest first. Every interview an import or the API records is left out; the import itself is
          here.
        </p>
      </div>
      <nav aria-label="Filter the audit log" className="flex flex-wrap gap-1.5">
        <GroupLink label="Everything" active={!group} />
        {(Object.keys(AUDIT_GROUP_LABELS) as AuditGroup[]).map((g) => (
          <GroupLink key={g} group={g} label={AUDIT_GROUP_LABELS[g]} active={group === g} />
        ))}
      </nav>
      {log.isPending ? (
        <Loading label="Loading the log…" />
      ) : log.error ? (
        <ErrorState error={log.error} retry={() => log.refetch()} />
      ) : entries.length === 0 ? (
        <Empty title={group ? `Nothing under ${AUDIT_GROUP_LABELS[group]} yet` : "Nothing in the log yet"}>
          Changes to keys, settings, the team, imports and erasures appear here as they happen.
        </Empty>
      ) : (
        <Card>
          <ol className="divide-y divide-slate-100">
            {entries.map((e) => (
              <Entry key={e.id} e={e} mine={e.actor === `admin:${me}`} />
            ))}
          </ol>
          <div className="flex items-center justify-between gap-2 border-t border-slate-100 px-4 py-2 text-xs text-slate-500">
            <span>
              {entries.length} {entries.length === 1 ? "entry" : "entries"} shown
            </span>
            {log.hasNextPage ? (
              <Button size="sm" variant="outline" onClick={() => log.fetchNextPage()} disabled={log.isFetchingNextPage}>
                {log.isFetchingNextPage ? "Loading…" : "Show older entries"}
              </Button>
            ) : (
              <span>That is the beginning of the log.</span>
            )}
          </div>
        </Card>
      )}
    </div>
  );
}

function GroupLink({ group, label, active }: { group?: AuditGroup; label: string; active: boolean }) {
  return (
    <Link
      to="/audit"
      search={group ? { group } : {}}
      aria-current={active ? "page" : undefined}
      className={cn(
        "rounded-full border px-3 py-1 text-sm",
        active
          ? "border-slate-900 bg-slate-900 text-white"
          : "border-slate-300 bg-white text-slate-700 hover:bg-slate-50",
      )}
    >
      {label}
    </Link>
  );
}

function Entry({ e, mine }: { e: AuditEntry; mine: boolean }) {
  const { sentence, details, possessive } = describe(e);
  const actor = actorOf(e);
  return (
    <li className="grid gap-x-4 gap-y-1 px-4 py-3 sm:grid-cols-[10rem_minmax(0,1fr)_auto]" data-action={e.action}>
      <time dateTime={e.at} className="text-xs whitespace-nowrap text-slate-500 sm:pt-0.5">
        {formatDateTime(e.at)}
      </time>
      <div className="min-w-0">
        <p className="text-sm">
          <ActorLabel label={actor} />
          {mine ? <span className="text-slate-500"> (you)</span> : null}
          {possessive ? "’s " : " "}
          {sentence}.
        </p>
        {details.length ? (
          <ul className="mt-1 space-y-0.5 text-xs text-slate-600">
            {details.map((d) => (
              <li key={d} className="break-words">
                {d}
              </li>
            ))}
          </ul>
        ) : null}
      </div>
      <code className="hidden self-start text-[11px] text-slate-400 sm:block">{e.action}</code>
    </li>
  );
}
