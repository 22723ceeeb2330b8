import { useNavigate } from "@tanstack/react-router";
import { AlertTriangle, FileSpreadsheet, Upload } from "lucide-react";
import { useState } from "react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Input, Label, NativeSelect } from "@/components/ui/input";
import { Table, TBody, TD, TH, THead, TR } from "@/components/ui/table";
import {
  byName,
  FIELD_KEYS,
  FIELDS,
  guessMapping,
  type Mapping,
  mappableHeaders,
  missingRequired,
  type Preview,
  readPreview,
} from "./columns";
import { useStartImport } from "./queries";

/** The API's upload limit (apps/api IMPORT_BODY_LIMIT); a bigger file is refused before it is sent. */
const MAX_BYTES = 32 * 1024 * 1024;
const kb = (n: number) => (n < 1024 * 1024 ? `${Math.ceil(n / 1024)} KB` : `${(n / 1024 / 1024).toFixed(1)} MB`);
const list = (names: string[]) =>
  names.length < 2 ? (names[0] ?? "") : `${names.slice(0, -1).join(", ")} and ${names[names.length - 1]}`;

/** Pick a file, check the columns it will be read from, start the import. */
export function NewImport({ cohortId }: { cohortId: string }) {
  const navigate = useNavigate();
  const start = useStartImport(cohortId);
  const [file, setFile] = useState<File | null>(null);
  const [preview, setPreview] = useState<Preview | null>(null);
  const [readError, setReadError] = useState<string | null>(null);
  const [mapping, setMapping] = useState<Mapping>({});

  const pick = async (f: File | undefined) => {
    start.reset();
    setFile(null);
    setPreview(null);
    setReadError(null);
    if (!f) return;
    if (/\.(xlsx?|numbers|ods)$/i.test(f.name))
      return setReadError("This is a spreadsheet, not a CSV file: save it as “CSV UTF-8” and pick that file.");
    if (f.size > MAX_BYTES) return setReadError(`The file is ${kb(f.size)}; an import takes up to 32 MB.`);
    try {
      const p = await readPreview(f);
      setFile(f);
      setPreview(p);
      setMapping(guessMapping(p.header));
    } catch (err) {
      setReadError(err instanceof Error ? err.message : "The file could not be read as CSV.");
    }
  };
  const missing = missingRequired(mapping).map((f) => FIELDS[f].label);

  return (
    <Card>
      <CardHeader>
        <CardTitle>Import candidates from a CSV file</CardTitle>
        <CardDescription>
          A header row, then one candidate per row; up to 50,000 rows, saved as UTF-8 (in Excel: “CSV UTF-8”). Each
          candidate gets the coaching emails of their outcome's track.
        </CardDescription>
      </CardHeader>
      <CardContent className="space-y-4">
        <div className="space-y-1">
          <Label htmlFor="import-file">CSV file</Label>
          <Input
            id="import-file"
            type="file"
            accept=".csv,text/csv"
            className="h-auto py-1.5 file:mr-3 file:rounded file:border-0 file:bg-slate-100 file:px-2 file:py-1"
            onChange={(e) => void pick(e.target.files?.[0])}
          />
          {readError ? (
            <p className="flex items-center gap-1.5 text-sm text-red-700" role="alert">
              <AlertTriangle className="size-4" /> {readError}
            </p>
          ) : null}
        </div>
        {file && preview ? (
          <>
            <p className="flex items-center gap-2 text-sm text-slate-600">
              <FileSpreadsheet className="size-4" /> {file.name} · {kb(file.size)} · {preview.header.length} columns
            </p>
            <ColumnMapping preview={preview} mapping={mapping} onChange={setMapping} />
            <div className="flex flex-wrap items-center gap-3">
              <Button
                disabled={missing.length > 0 || start.isPending}
                onClick={() =>
                  start.mutate(
                    { file, mapping },
                    {
                      onSuccess: ({ importId }) =>
                        navigate({ to: "/cohorts/$cohortId/imports/$importId", params: { cohortId, importId } }),
                    },
                  )
                }
              >
                <Upload /> {start.isPending ? "Uploading…" : "Start import"}
              </Button>
              {missing.length ? (
                <p className="text-sm text-amber-800" role="alert">
                  Choose the file's column for {list(missing)} first: {missing.length > 1 ? "they are" : "it is"}{" "}
                  required.
                </p>
              ) : null}
              {start.error ? (
                <p className="text-sm text-red-700" role="alert">
                  The import was not started: {start.error.message}
                </p>
              ) : null}
            </div>
            <PreviewTable preview={preview} />
          </>
        ) : null}
      </CardContent>
    </Card>
  );
}

function ColumnMapping({
  preview,
  mapping,
  onChange,
}: {
  preview: Preview;
  mapping: Mapping;
  onChange: (m: Mapping) => void;
}) {
  const headers = mappableHeaders(preview.header);
  const sample = (h: string | undefined) => {
    const i = h === undefined ? -1 : preview.header.indexOf(h);
    return i < 0 ? "" : (preview.rows[0]?.[i] ?? "");
  };
  return (
    <div className="rounded-md border border-slate-200">
      <Table aria-label="Column mapping">
        <THead>
          <TR>
            <TH className="w-1/3">Field</TH>
            <TH>Column of the file</TH>
            <TH className="hidden sm:table-cell">First row</TH>
          </TR>
        </THead>
        <TBody>
          {FIELD_KEYS.map((f) => {
            const field = FIELDS[f];
            // The API reads a column named like the field on its own; a mapping can point elsewhere, not nowhere.
            const named = byName(preview.header, f);
            return (
              <TR key={f} data-field={f}>
                <TD>
                  <div className="flex items-center gap-2">
                    <Label htmlFor={`map-${f}`}>{field.label}</Label>
                    {field.required ? <Badge tone="amber">required</Badge> : null}
                  </div>
                  <p className="text-xs text-slate-500">{field.hint}</p>
                </TD>
                <TD>
                  <NativeSelect
                    id={`map-${f}`}
                    className={!mapping[f] && field.required ? "w-full border-amber-400" : "w-full"}
                    value={mapping[f] ?? ""}
                    onChange={(e) => {
                      const { [f]: _old, ...rest } = mapping;
                      onChange(e.target.value ? { ...rest, [f]: e.target.value } : rest);
                    }}
                  >
                    <option value="" disabled={Boolean(named)}>
                      {field.required ? "Choose a column…" : "Not in the file"}
                    </option>
                    {headers.map((h) => (
                      <option key={h} value={h}>
                        {h}
                      </option>
                    ))}
                  </NativeSelect>
                </TD>
                <TD className="hidden max-w-48 truncate text-slate-600 sm:table-cell">{sample(mapping[f]) || "—"}</TD>
              </TR>
            );
          })}
        </TBody>
      </Table>
      <p className="border-t border-slate-100 px-3 py-2 text-xs text-slate-500">
        Other columns ({preview.header.filter((h) => !Object.values(mapping).includes(h)).join(", ") || "none"}) are not
        imported.
      </p>
    </div>
  );
}

function PreviewTable({ preview }: { preview: Preview }) {
  return (
    <div>
      <p className="mb-1 text-xs font-medium uppercase tracking-wide text-slate-500">
        Preview: the first {preview.rows.length} rows
      </p>
      <div className="rounded-md border border-slate-200">
        <Table aria-label="Preview of the file">
          <THead>
            <TR>
              <TH>Row</TH>
              {preview.header.map((h, i) => (
                <TH key={i}>{h || <span className="italic text-slate-400">no name</span>}</TH>
              ))}
            </TR>
          </THead>
          <TBody>
            {preview.rows.map((r, i) => (
              <TR key={i}>
                <TD className="text-slate-400">{i + 1}</TD>
                {preview.header.map((_h, j) => (
                  <TD key={j} className="whitespace-nowrap">
                    {r[j] ?? ""}
                  </TD>
                ))}
              </TR>
            ))}
          </TBody>
        </Table>
      </div>
    </div>
  );
}
