import { Check, Copy, KeyRound, Plus, TriangleAlert } from "lucide-react";
import { useState } from "react";
import { ActorLabel } from "@/components/actor-label";
import { isForbidden, OwnersOnly, OwnersOnlyState } from "@/components/owners-only";
import { Empty, ErrorState, Loading } from "@/components/states";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import {
  AlertDialog,
  AlertDialogAction,
  AlertDialogCancel,
  AlertDialogContent,
  AlertDialogDescription,
  AlertDialogTitle,
  Dialog,
  DialogClose,
  DialogContent,
  DialogDescription,
  DialogTitle,
} from "@/components/ui/dialog";
import { Input, Label } from "@/components/ui/input";
import { Table, TBody, TD, TH, THead, TR } from "@/components/ui/table";
import { formatDateTime } from "@/lib/utils";
import { type ApiKey, useApiKeys, useCreateApiKey, useRevokeApiKey } from "./queries";

const WHAT = "API keys let other systems enrol candidates in the program, so only its owners see and change them.";

/** The program's API keys: create one (shown once), see which are used, revoke the ones no longer needed. */
export function ApiKeysPage() {
  return (
    <OwnersOnly what={WHAT}>
      <KeysView />
    </OwnersOnly>
  );
}

function KeysView() {
  const keys = useApiKeys(true);
  if (keys.error && isForbidden(keys.error)) return <OwnersOnlyState what={WHAT} />;
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-xl font-semibold">API keys</h1>
        <p className="text-sm text-slate-500">
          Your career centre's systems call the Rebound API with a key (<code>Authorization: Bearer …</code>) to enrol
          candidates. Give each system its own key, so you can revoke one without stopping the others.
        </p>
      </div>
      <CreateKey />
      {keys.isPending ? (
        <Loading label="Loading keys…" />
      ) : keys.error ? (
        <ErrorState error={keys.error} retry={() => keys.refetch()} />
      ) : keys.data.keys.length === 0 ? (
        <Empty title="No API keys yet">Create one above for the first system that enrols candidates.</Empty>
      ) : (
        <Card>
          <Table>
            <THead>
              <TR>
                <TH>Name</TH>
                <TH>Key starts with</TH>
                <TH>Created by</TH>
                <TH>Created</TH>
                <TH>Last used</TH>
                <TH>Status</TH>
                <TH>
                  <span className="sr-only">Actions</span>
                </TH>
              </TR>
            </THead>
            <TBody>
              {keys.data.keys.map((k) => (
                <KeyRow key={k.id} k={k} />
              ))}
            </TBody>
          </Table>
        </Card>
      )}
    </div>
  );
}

function KeyRow({ k }: { k: ApiKey }) {
  const revoked = !!k.revokedAt;
  return (
    <TR data-key={k.prefix} className={revoked ? "text-slate-400" : undefined}>
      <TD className="font-medium">{k.name}</TD>
      <TD>
        <code className="rounded bg-slate-100 px-1.5 py-0.5 text-xs">{k.prefix}…</code>
      </TD>
      <TD className="max-w-64">{k.createdByLabel ? <ActorLabel label={k.createdByLabel} /> : "—"}</TD>
      <TD className="whitespace-nowrap">{formatDateTime(k.createdAt)}</TD>
      <TD className="whitespace-nowrap">{k.lastUsedAt ? formatDateTime(k.lastUsedAt) : "Never"}</TD>
      <TD>
        {revoked ? (
          <Badge title={`Revoked ${formatDateTime(k.revokedAt)}`}>Revoked {formatDateTime(k.revokedAt)}</Badge>
        ) : (
          <Badge tone="green">Active</Badge>
        )}
      </TD>
      <TD className="text-right">{revoked ? null : <RevokeKey k={k} />}</TD>
    </TR>
  );
}

function CreateKey() {
  const create = useCreateApiKey();
  const [name, setName] = useState("");
  const created = create.data;
  return (
    <Card>
      <CardHeader>
        <CardTitle>Create a key</CardTitle>
        <CardDescription>Name it after the system that will use it, like "Student portal".</CardDescription>
      </CardHeader>
      <CardContent>
        <form
          className="flex flex-wrap items-end gap-2"
          onSubmit={(e) => {
            e.preventDefault();
            create.mutate(name.trim(), { onSuccess: () => setName("") });
          }}
        >
          <div className="min-w-56 flex-1 space-y-1">
            <Label htmlFor="key-name">Key name</Label>
            <Input
              id="key-name"
              required
              maxLength={80}
              value={name}
              onChange={(e) => setName(e.target.value)}
              placeholder="Student portal"
            />
          </div>
          <Button type="submit" disabled={create.isPending || !name.trim()}>
            <Plus /> Create key
          </Button>
        </form>
        {create.error ? (
          <p className="mt-2 text-sm text-red-700" role="alert">
            {create.error.message}
          </p>
        ) : null}
      </CardContent>
      <Dialog open={!!created} onOpenChange={(open) => (open ? null : create.reset())}>
        {created ? <ShowKeyOnce name={created.name} apiKey={created.apiKey} /> : null}
      </Dialog>
    </Card>
  );
}

/** The one moment the key exists outside its hash: copy it, then it is gone from the page. */
function ShowKeyOnce({ name, apiKey }: { name: string; apiKey: string }) {
  const [copied, setCopied] = useState<"yes" | "failed" | null>(null);
  return (
    <DialogContent
      className="max-w-lg"
      // A stray click outside must not throw away the only copy of the key.
      onInteractOutside={(e) => e.preventDefault()}
    >
      <DialogTitle className="flex items-center gap-2">
        <KeyRound className="size-4" /> Your new key "{name}"
      </DialogTitle>
      <DialogDescription>Copy it into the system that will use it.</DialogDescription>
      <div className="mt-4 space-y-2">
        <Label htmlFor="new-api-key">API key</Label>
        <div className="flex gap-2">
          <Input
            id="new-api-key"
            readOnly
            value={apiKey}
            className="font-mono text-xs"
            onFocus={(e) => e.currentTarget.select()}
          />
          <Button
            type="button"
            variant="outline"
            onClick={() =>
              navigator.clipboard.writeText(apiKey).then(
                () => setCopied("yes"),
                () => setCopied("failed"),
              )
            }
          >
            {copied === "yes" ? <Check /> : <Copy />} {copied === "yes" ? "Copied" : "Copy"}
          </Button>
        </div>
        {copied === "failed" ? (
          <p className="text-xs text-red-700">The browser did not allow copying; select the key and copy it by hand.</p>
        ) : null}
      </div>
      <p className="mt-4 flex items-start gap-2 rounded-md bg-amber-50 p-3 text-sm text-amber-900" role="note">
        <TriangleAlert className="mt-0.5 size-4 shrink-0" />
        <span>
          <strong>You will not see this key again.</strong> Rebound keeps only a hash of it. If it gets lost, create a
          new key and revoke this one.
        </span>
      </p>
      <div className="mt-4 flex justify-end">
        <DialogClose asChild>
          <Button>I have copied it</Button>
        </DialogClose>
      </div>
    </DialogContent>
  );
}

function RevokeKey({ k }: { k: ApiKey }) {
  const revoke = useRevokeApiKey();
  const [open, setOpen] = useState(false);
  return (
    <AlertDialog open={open} onOpenChange={setOpen}>
      <Button size="sm" variant="outline" onClick={() => setOpen(true)} aria-label={`Revoke ${k.name}`}>
        Revoke
      </Button>
      <AlertDialogContent>
        <AlertDialogTitle>Revoke "{k.name}"?</AlertDialogTitle>
        <AlertDialogDescription>
          Every request with the key {k.prefix}… is refused from now on, on every server. Systems still using it stop
          enrolling candidates. This cannot be undone.
        </AlertDialogDescription>
        {revoke.error ? (
          <p className="mt-2 text-sm text-red-700" role="alert">
            {revoke.error.message}
          </p>
        ) : null}
        <div className="mt-4 flex justify-end gap-2">
          <AlertDialogCancel asChild>
            <Button variant="outline">Cancel</Button>
          </AlertDialogCancel>
          <AlertDialogAction asChild>
            <Button
              variant="destructive"
              disabled={revoke.isPending}
              onClick={(e) => {
                e.preventDefault();
                revoke.mutate(k.id, { onSuccess: () => setOpen(false) });
              }}
            >
              Revoke key
            </Button>
          </AlertDialogAction>
        </div>
      </AlertDialogContent>
    </AlertDialog>
  );
}
