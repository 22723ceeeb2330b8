import { Link, useNavigate } from "@tanstack/react-router";
import { CheckCircle2, Reply, Search } from "lucide-react";
import { useState } from "react";
import { useSession } from "@/auth/queries";
import { Pager } from "@/components/pager";
import { Empty, ErrorState, Loading } from "@/components/states";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Input, Label, Textarea } from "@/components/ui/input";
import { cn, formatDateTime, humanize } from "@/lib/utils";
import { useOutbox, useOutboxEmail, useSimulateReply } from "./queries";

/** The local outbox: every email the app would have sent, newest first; pick one to read it and reply. */
export function OutboxPage({ q, page, emailId }: { q?: string; page?: number; emailId?: string }) {
  const navigate = useNavigate();
  const list = useOutbox({ ...(q ? { q } : {}), ...(page ? { page } : {}) });
  const [search, setSearch] = useState(q ?? "");
  const pages = list.data ? Math.max(1, Math.ceil(list.data.total / list.data.pageSize)) : 1;
  const current = list.data?.page ?? 1;
  return (
    <div className="space-y-4">
      <div>
        <h1 className="text-xl font-semibold">Outbox</h1>
        <p className="text-sm text-slate-500">
          No RESEND_API_KEY is set, so mail is stored here instead of sent. Reply to any email to walk the whole loop.
        </p>
      </div>
      <div className="grid gap-4 lg:grid-cols-[minmax(0,2fr)_minmax(0,3fr)]">
        <div className="space-y-2">
          <form
            className="relative"
            onSubmit={(e) => {
              e.preventDefault();
              navigate({ to: "/outbox", search: { ...(search ? { q: search } : {}) } });
            }}
          >
            <Search className="absolute left-2.5 top-2.5 size-4 text-slate-400" />
            <Input
              aria-label="Search the outbox"
              className="pl-8"
              placeholder="Recipient or subject"
              value={search}
              onChange={(e) => setSearch(e.target.value)}
            />
          </form>
          {list.isPending ? (
            <Loading />
          ) : list.error ? (
            <ErrorState error={list.error} retry={() => list.refetch()} />
          ) : list.data.emails.length === 0 ? (
            <Empty title="The outbox is empty">Emails appear here as the workers send them.</Empty>
          ) : (
            <Card className="divide-y divide-slate-100">
              {list.data.emails.map((m) => (
                <Link
                  key={m.id}
                  to="/outbox/$emailId"
                  params={{ emailId: m.id }}
                  search={{ ...(q ? { q } : {}), ...(page ? { page } : {}) }}
                  className={cn("block px-3 py-2 hover:bg-slate-50", m.id === emailId && "bg-teal-50")}
                >
                  <div className="flex items-center justify-between gap-2">
                    <span className="truncate text-sm font-medium">{m.subject}</span>
                    {m.step ? <Badge className="shrink-0">{humanize(m.step)}</Badge> : null}
                  </div>
                  <div className="flex justify-between gap-2 text-xs text-slate-500">
                    <span className="truncate">{m.toAddress}</span>
                    <span className="shrink-0">{formatDateTime(m.createdAt)}</span>
                  </div>
                </Link>
              ))}
              <Pager
                total={list.data.total}
                noun="emails"
                page={current}
                pages={pages}
                onPage={(p) => navigate({ to: "/outbox", search: { ...(q ? { q } : {}), page: p } })}
                compact
              />
            </Card>
          )}
        </div>
        <div>
          {emailId ? <EmailView key={emailId} emailId={emailId} /> : <Empty title="Pick an email to read it" />}
        </div>
      </div>
    </div>
  );
}

function EmailView({ emailId }: { emailId: string }) {
  const email = useOutboxEmail(emailId);
  const session = useSession();
  const reply = useSimulateReply(emailId);
  const [asText, setAsText] = useState(false);
  const [text, setText] = useState("");
  if (email.isPending) return <Loading />;
  if (email.error) return <ErrorState error={email.error} retry={() => email.refetch()} />;
  const e = email.data;
  return (
    <div className="space-y-3">
      <Card>
        <CardHeader>
          <CardTitle className="text-base">{e.subject}</CardTitle>
          <CardDescription className="space-y-0.5">
            <span className="block">From {e.fromAddress}</span>
            <span className="block">To {e.toAddress}</span>
            {e.replyTo ? <span className="block break-all">Reply-To {e.replyTo}</span> : null}
            <span className="block">{formatDateTime(e.createdAt)}</span>
          </CardDescription>
        </CardHeader>
        <CardContent className="space-y-2">
          <div className="flex gap-1">
            <Button size="sm" variant={asText ? "outline" : "secondary"} onClick={() => setAsText(false)}>
              HTML
            </Button>
            <Button size="sm" variant={asText ? "secondary" : "outline"} onClick={() => setAsText(true)}>
              Text
            </Button>
          </div>
          {asText ? (
            <pre className="max-h-[32rem] overflow-auto whitespace-pre-wrap rounded bg-slate-50 p-3 text-xs">
              {e.text}
            </pre>
          ) : (
            <iframe
              title="Email"
              sandbox=""
              srcDoc={e.html}
              className="h-[32rem] w-full rounded border border-slate-200"
            />
          )}
        </CardContent>
      </Card>
      {e.replyTo && session.data?.role !== "viewer" ? (
        <Card>
          <CardHeader>
            <CardTitle className="flex items-center gap-2">
              <Reply className="size-4" /> Simulate a reply
            </CardTitle>
            <CardDescription>
              Sent as {e.toAddress} to the Reply-To address, through the real inbound path (parsing, quote stripping,
              commands like STOP or PAUSE, analysis).
            </CardDescription>
          </CardHeader>
          <CardContent>
            <form
              className="space-y-2"
              onSubmit={(ev) => {
                ev.preventDefault();
                reply.mutate({ text }, { onSuccess: () => setText("") });
              }}
            >
              <Label htmlFor="reply-text" className="sr-only">
                Reply
              </Label>
              <Textarea
                id="reply-text"
                required
                value={text}
                onChange={(ev) => setText(ev.target.value)}
                placeholder="Write the candidate's answer…"
              />
              {reply.error ? <p className="text-sm text-red-700">{reply.error.message}</p> : null}
              {reply.isSuccess ? (
                <p className="flex items-center gap-1 text-sm text-emerald-700">
                  <CheckCircle2 className="size-4" /> Reply received; the worker stores and analyses it in a moment.
                </p>
              ) : null}
              <Button type="submit" disabled={reply.isPending || !text.trim()}>
                Send reply
              </Button>
            </form>
          </CardContent>
        </Card>
      ) : null}
    </div>
  );
}
