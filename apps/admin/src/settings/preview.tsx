import { Loader2 } from "lucide-react";
import { useState } from "react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Label, NativeSelect } from "@/components/ui/input";
import { type PreviewStep, type SettingsPatch, useEmailPreview } from "./queries";

/** Every drip step the preview can render, as the settings page names them (typed by the API's own step list). */
const STEPS: [PreviewStep, string][] = [
  ["process", "Day 0 · Process it (rejected)"],
  ["feedback", "Day 1 · Ask for feedback"],
  ["analyse", "Day 3 · Look back"],
  ["keep-applying", "Day 7 · Keep applying"],
  ["follow-up-nudge", "Follow-up nudge (no response)"],
  ["fit-reflection", "Fit reflection (withdrawn)"],
  ["congratulations", "Congratulations (offer)"],
  ["check-in", "Check-in (pending)"],
];

/** A drip email to a sample candidate, rendered by the API with the settings on the form, saved or not. */
export function EmailPreview({ draft, unsaved }: { draft: SettingsPatch | null; unsaved: boolean }) {
  const [step, setStep] = useState<PreviewStep>("process");
  const [asText, setAsText] = useState(false);
  const preview = useEmailPreview(step, draft);
  const email = preview.data;
  return (
    <Card aria-busy={preview.isFetching}>
      <CardHeader>
        <CardTitle className="flex items-center gap-2">
          Preview {unsaved ? <Badge tone="amber">with unsaved changes</Badge> : null}
          {preview.isFetching ? (
            <Loader2 className="size-3.5 animate-spin text-slate-400" aria-label="Updating" />
          ) : null}
        </CardTitle>
        <CardDescription>What a candidate (here a sample one, Maya) gets from this program.</CardDescription>
      </CardHeader>
      <CardContent className="space-y-3">
        <div className="flex flex-wrap items-end justify-between gap-2">
          <div className="space-y-1">
            <Label htmlFor="preview-step">Email</Label>
            <NativeSelect
              id="preview-step"
              className="block"
              value={step}
              onChange={(e) => setStep(e.target.value as PreviewStep)}
            >
              {STEPS.map(([key, label]) => (
                <option key={key} value={key}>
                  {label}
                </option>
              ))}
            </NativeSelect>
          </div>
          <fieldset className="flex gap-1">
            <legend className="sr-only">Show the email as</legend>
            <Button
              size="sm"
              variant={asText ? "outline" : "secondary"}
              aria-pressed={!asText}
              onClick={() => setAsText(false)}
            >
              HTML
            </Button>
            <Button
              size="sm"
              variant={asText ? "secondary" : "outline"}
              aria-pressed={asText}
              onClick={() => setAsText(true)}
            >
              Text
            </Button>
          </fieldset>
        </div>
        {preview.error ? (
          <p className="rounded-md border border-amber-200 bg-amber-50 p-3 text-sm text-amber-900" role="alert">
            The preview waits for settings it can use: {preview.error.message}
          </p>
        ) : !email ? (
          <div className="h-[28rem] animate-pulse rounded border border-slate-200 bg-slate-50" />
        ) : (
          <div className={preview.isPlaceholderData ? "opacity-60" : undefined}>
            <dl className="mb-2 grid grid-cols-[4.5rem_1fr] gap-x-2 gap-y-0.5 text-sm">
              <dt className="text-slate-500">From</dt>
              <dd className="break-all font-medium" data-preview="from">
                {email.from}
              </dd>
              <dt className="text-slate-500">Subject</dt>
              <dd data-preview="subject">{email.subject}</dd>
            </dl>
            {asText ? (
              <pre
                className="h-[28rem] overflow-auto whitespace-pre-wrap rounded border border-slate-200 bg-slate-50 p-3 text-xs"
                data-preview="text"
              >
                {email.text}
              </pre>
            ) : (
              <iframe
                title="Email preview"
                sandbox=""
                srcDoc={email.html}
                className="h-[28rem] w-full rounded border border-slate-200 bg-white"
              />
            )}
          </div>
        )}
      </CardContent>
    </Card>
  );
}
