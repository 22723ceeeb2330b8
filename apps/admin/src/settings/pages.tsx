import { CheckCircle2 } from "lucide-react";
import { type ReactNode, useEffect, useMemo, useState } from "react";
import { useSession } from "@/auth/queries";
import { ErrorState, Loading } from "@/components/states";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Input, Label, NativeSelect, Textarea } from "@/components/ui/input";
import { cn } from "@/lib/utils";
import { changesOf, errorsOf, type Field, formOf, hour, type SettingsForm, WEEKDAYS } from "./form";
import { EmailPreview } from "./preview";
import { type Settings, useEmailPreview, useSaveSettings, useSettings } from "./queries";

/** The program's name, sender and branding, send window and retention, with a live preview of its emails. */
export function SettingsPage() {
  const settings = useSettings();
  if (settings.isPending) return <Loading label="Loading settings…" />;
  if (settings.error) return <ErrorState error={settings.error} retry={() => settings.refetch()} />;
  return <SettingsEditor saved={settings.data} />;
}

/** The form's value, settled for a moment: the preview follows typing without a request per key. */
function useSettled<T>(value: T, ms = 350): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const t = setTimeout(() => setSettled(value), ms);
    return () => clearTimeout(t);
  }, [value, ms]);
  return settled;
}

function SettingsEditor({ saved }: { saved: Settings }) {
  const session = useSession();
  const canEdit = session.data?.role === "owner";
  const save = useSaveSettings();
  const savedForm = useMemo(() => formOf(saved), [saved]);
  const [form, setForm] = useState<SettingsForm>(savedForm);
  const changes = useMemo(() => changesOf(savedForm, form), [savedForm, form]);
  const dirty = Object.keys(changes).length > 0;
  const draft = useSettled(changes);
  const set = <K extends Field>(key: K, value: SettingsForm[K]) => {
    save.reset();
    setForm((f) => ({ ...f, [key]: value }));
  };
  // The field messages of the last save, or else the preview's: it checks the draft as a save would.
  const live = useEmailPreview("process", draft);
  const { fields: errors, other } = errorsOf(save.error ?? live.error);
  const err = (f: Field) => errors[f];

  return (
    <div className="space-y-4">
      <div>
        <h1 className="text-xl font-semibold">Settings and branding</h1>
        <p className="text-sm text-slate-500">
          How {saved.name}'s emails look and when they go out. Changes apply from the next email; emails already sent
          stay as they were.
        </p>
      </div>
      {!canEdit ? (
        <p className="rounded-md border border-slate-200 bg-white p-3 text-sm text-slate-600" role="note">
          Only the program's owners change these settings; you can read them and preview the emails.
        </p>
      ) : null}
      <div className="grid items-start gap-4 lg:grid-cols-[minmax(0,1fr)_minmax(0,1fr)]">
        <form
          className="space-y-4"
          aria-label="Program settings"
          onSubmit={(e) => {
            e.preventDefault();
            if (dirty) save.mutate(changes, { onSuccess: (s) => setForm(formOf(s)) });
          }}
        >
          <fieldset disabled={!canEdit} className="space-y-4">
            <Card>
              <CardHeader>
                <CardTitle>Program and sender</CardTitle>
                <CardDescription>Who the emails come from, as candidates see it in their inbox.</CardDescription>
              </CardHeader>
              <CardContent className="space-y-3">
                <TextField id="name" label="Program name" error={err("name")}>
                  <Input
                    id="name"
                    required
                    maxLength={120}
                    value={form.name}
                    onChange={(e) => set("name", e.target.value)}
                    {...describedBy("name", err("name"))}
                  />
                </TextField>
                <TextField
                  id="senderName"
                  label="Sender name"
                  hint="Shown as the sender; the program's name when empty."
                  error={err("senderName")}
                >
                  <Input
                    id="senderName"
                    maxLength={80}
                    placeholder={form.name}
                    value={form.senderName}
                    onChange={(e) => set("senderName", e.target.value)}
                    {...describedBy("senderName", err("senderName"))}
                  />
                </TextField>
                <TextField
                  id="fromEmail"
                  label="Your own sending address (optional)"
                  hint={`Must be on a verified domain: ${saved.verifiedDomains.join(", ")}. When empty, mail comes from Rebound's address as "… via Rebound".`}
                  error={err("fromEmail")}
                >
                  <Input
                    id="fromEmail"
                    type="email"
                    placeholder={`coach@${saved.verifiedDomains[0] ?? "example.org"}`}
                    value={form.fromEmail}
                    onChange={(e) => set("fromEmail", e.target.value)}
                    {...describedBy("fromEmail", err("fromEmail"))}
                  />
                </TextField>
                <div className="rounded-md bg-slate-50 px-3 py-2 text-sm">
                  <span className="text-slate-500">Candidates see: </span>
                  {live.error ? (
                    <span className="text-slate-500" data-from-header>
                      — (not yet: see the message above)
                    </span>
                  ) : (
                    <span className="break-all font-medium" data-from-header>
                      {live.data?.from ?? saved.from}
                    </span>
                  )}
                </div>
              </CardContent>
            </Card>
            <Card>
              <CardHeader>
                <CardTitle>Signature and reply footer</CardTitle>
                <CardDescription>Added to every coaching email. Plain text; line breaks are kept.</CardDescription>
              </CardHeader>
              <CardContent className="space-y-3">
                <TextField id="signature" label="Coach signature" error={err("signature")}>
                  <Textarea
                    id="signature"
                    maxLength={600}
                    rows={3}
                    placeholder={"Dana Okafor\nCareer coach"}
                    value={form.signature}
                    onChange={(e) => set("signature", e.target.value)}
                    {...describedBy("signature", err("signature"))}
                  />
                </TextField>
                <TextField
                  id="replyFooter"
                  label="Reply footer"
                  hint="A line under each email, for example who reads the replies."
                  error={err("replyFooter")}
                >
                  <Textarea
                    id="replyFooter"
                    maxLength={300}
                    rows={2}
                    value={form.replyFooter}
                    onChange={(e) => set("replyFooter", e.target.value)}
                    {...describedBy("replyFooter", err("replyFooter"), "min-h-16")}
                  />
                </TextField>
              </CardContent>
            </Card>
            <Card>
              <CardHeader>
                <CardTitle>Send window</CardTitle>
                <CardDescription>
                  Emails land inside this window, in each candidate's own time zone (a candidate may pick their own).
                </CardDescription>
              </CardHeader>
              <CardContent className="space-y-3">
                <div className="flex flex-wrap items-end gap-3">
                  <div className="space-y-1">
                    <Label htmlFor="sendWindowStart">From</Label>
                    <NativeSelect
                      id="sendWindowStart"
                      className="block"
                      value={form.sendWindowStart}
                      onChange={(e) => set("sendWindowStart", Number(e.target.value))}
                    >
                      {range(0, 23).map((h) => (
                        <option key={h} value={h}>
                          {hour(h)}
                        </option>
                      ))}
                    </NativeSelect>
                  </div>
                  <div className="space-y-1">
                    <Label htmlFor="sendWindowEnd">Until</Label>
                    <NativeSelect
                      id="sendWindowEnd"
                      value={form.sendWindowEnd}
                      onChange={(e) => set("sendWindowEnd", Number(e.target.value))}
                      {...describedBy("sendWindowEnd", err("sendWindowEnd"), "block")}
                    >
                      {range(1, 24).map((h) => (
                        <option key={h} value={h}>
                          {hour(h)}
                        </option>
                      ))}
                    </NativeSelect>
                  </div>
                </div>
                <FieldError id="sendWindowEnd" error={err("sendWindowEnd") ?? err("sendWindowStart")} />
                <fieldset {...describedBy("sendWeekdays", err("sendWeekdays"))}>
                  <legend className="mb-1 text-sm font-medium text-slate-700">On these days</legend>
                  <div className="flex flex-wrap gap-1.5">
                    {WEEKDAYS.map(([day, short, long]) => {
                      const on = form.sendWeekdays.includes(day);
                      return (
                        <label
                          key={day}
                          className={cn(
                            "flex cursor-pointer items-center gap-1.5 rounded-md border px-2.5 py-1.5 text-sm has-[:focus-visible]:ring-2 has-[:focus-visible]:ring-slate-400",
                            on ? "border-slate-900 bg-slate-900 text-white" : "border-slate-300 bg-white",
                          )}
                        >
                          <input
                            type="checkbox"
                            className="sr-only"
                            aria-label={long}
                            checked={on}
                            onChange={() =>
                              set(
                                "sendWeekdays",
                                on ? form.sendWeekdays.filter((d) => d !== day) : [...form.sendWeekdays, day],
                              )
                            }
                          />
                          {short}
                        </label>
                      );
                    })}
                  </div>
                  <FieldError id="sendWeekdays" error={err("sendWeekdays")} />
                </fieldset>
              </CardContent>
            </Card>
            <Card>
              <CardHeader>
                <CardTitle>Data retention</CardTitle>
                <CardDescription>
                  After this many months, what candidates wrote is removed; the counts on the dashboards stay.
                </CardDescription>
              </CardHeader>
              <CardContent>
                <TextField
                  id="retentionMonths"
                  label="Keep replies for (months)"
                  hint="1 to 120; empty keeps them until a candidate asks to be erased."
                  error={err("retentionMonths")}
                >
                  <Input
                    id="retentionMonths"
                    type="number"
                    inputMode="numeric"
                    min={1}
                    max={120}
                    value={form.retentionMonths}
                    onChange={(e) => set("retentionMonths", e.target.value)}
                    {...describedBy("retentionMonths", err("retentionMonths"), "w-32")}
                  />
                </TextField>
              </CardContent>
            </Card>
          </fieldset>
          {canEdit ? (
            <div className="flex flex-wrap items-center gap-3 border-t border-slate-200 pt-3">
              <Button type="submit" disabled={!dirty || save.isPending}>
                {save.isPending ? "Saving…" : "Save settings"}
              </Button>
              <Button type="button" variant="ghost" disabled={!dirty} onClick={() => setForm(savedForm)}>
                Discard changes
              </Button>
              <span className="text-sm" aria-live="polite">
                {save.error && other ? (
                  <span className="text-red-700">{other}</span>
                ) : Object.keys(errors).length ? (
                  <span className="text-red-700">
                    {save.error ? "Not saved: check the fields marked in red." : "Check the fields marked in red."}
                  </span>
                ) : save.isSuccess && !dirty ? (
                  <span className="flex items-center gap-1 text-emerald-700">
                    <CheckCircle2 className="size-4" /> Saved. The next emails carry these settings.
                  </span>
                ) : dirty ? (
                  <span className="text-slate-500">Unsaved changes</span>
                ) : null}
              </span>
            </div>
          ) : null}
        </form>
        <div className="lg:sticky lg:top-4">
          <EmailPreview draft={draft} unsaved={dirty} />
        </div>
      </div>
    </div>
  );
}

function TextField({
  id,
  label,
  hint,
  error,
  children,
}: {
  id: Field;
  label: string;
  hint?: string;
  error?: string | undefined;
  children: ReactNode;
}) {
  return (
    <div className="space-y-1">
      <Label htmlFor={id}>{label}</Label>
      {children}
      {hint && !error ? (
        <p id={`${id}-hint`} className="text-xs text-slate-500">
          {hint}
        </p>
      ) : null}
      <FieldError id={id} error={error} />
    </div>
  );
}

function FieldError({ id, error }: { id: Field; error?: string | undefined }) {
  return error ? (
    <p id={`${id}-error`} className="text-xs text-red-700">
      {error}
    </p>
  ) : null;
}

/** Ties a control to its message: the error when there is one, else its hint (fields with one). */
const describedBy = (id: Field, error: string | undefined, base?: string) => ({
  "aria-invalid": error ? true : undefined,
  className: cn(base, error && "border-red-500"),
  "aria-describedby": error ? `${id}-error` : HINTED.has(id) ? `${id}-hint` : undefined,
});
const HINTED = new Set<Field>(["senderName", "fromEmail", "replyFooter", "retentionMonths"]);

const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);
