import { type CsvError, type Options, parse } from "csv-parse";
import { AppError } from "../errors.js";

/** The columns an import understands; any other column of the file is ignored. */
export const IMPORT_COLUMNS = ["email", "name", "company", "role", "outcome", "timezone", "interviewedAt"] as const;
export type ImportColumn = (typeof IMPORT_COLUMNS)[number];
export const REQUIRED_COLUMNS: readonly ImportColumn[] = ["email", "company", "outcome"];
export const MAX_IMPORT_ROWS = 50_000;

/** Where each of our columns is in the file's records. */
export type ColumnIndex = Partial<Record<ImportColumn, number>>;
/** The admin app's choice: our column -> the file's header that holds it. */
export type ColumnMapping = Partial<Record<ImportColumn, string>>;

export type CsvRow =
  | { row: number; values: Partial<Record<ImportColumn, string>> }
  | { row: number; malformed: string };

const key = (header: string) =>
  header
    .trim()
    .toLowerCase()
    .replace(/[\s_-]+/g, "");
const OUR_KEYS = new Map(IMPORT_COLUMNS.map((c) => [key(c), c]));

/**
 * Finds our columns in the header row: names compared case-insensitively (and ignoring spaces,
 * dashes and underscores, so "Interviewed at" is interviewedAt), or as the mapping says. A file
 * without the required columns is refused before any row is read.
 */
export function columnIndex(header: readonly string[], mapping: ColumnMapping | null = null): ColumnIndex {
  const index: ColumnIndex = {};
  const positions = new Map<string, number>();
  header.forEach((h, i) => {
    if (!positions.has(key(h))) positions.set(key(h), i);
  });
  for (const [k, i] of positions) {
    const ours = OUR_KEYS.get(k);
    if (ours) index[ours] = i;
  }
  for (const [ours, theirs] of Object.entries(mapping ?? {}) as [ImportColumn, string][]) {
    if (!theirs) continue;
    const i = positions.get(key(theirs));
    if (i === undefined)
      throw new AppError(422, "unknown_column", `the mapping names a column the file does not have: '${theirs}'`);
    index[ours] = i;
  }
  const missing = REQUIRED_COLUMNS.filter((c) => index[c] === undefined);
  if (missing.length) {
    throw new AppError(
      422,
      "missing_columns",
      `the header row has no ${missing.map((c) => `'${c}'`).join(", ")} column (columns: ${IMPORT_COLUMNS.join(", ")})`,
    );
  }
  return index;
}

/** A file must be UTF-8 (a spreadsheet saved as "CSV UTF-8"); anything else would turn names into garbage. */
export function assertUtf8(body: Uint8Array): void {
  try {
    new TextDecoder("utf-8", { fatal: true }).decode(body);
  } catch {
    throw new AppError(415, "not_utf8", "the file is not UTF-8 text: save it as CSV UTF-8 and upload it again");
  }
}

const CHUNK_BYTES = 64 * 1024;
const LF = 0x0a;

function malformedMessage(err: CsvError): string {
  if (/QUOTE/.test(err.code)) return "a quoted field in this row is not closed properly";
  if (err.code === "CSV_MAX_RECORD_SIZE") return "this row is far too long (an unclosed quote?)";
  return `this row could not be read as CSV (${err.code})`;
}

/** Where reading resumes after a record the parser refused: the line after the one it starts on. */
function nextLine(body: Uint8Array, from: number): number {
  let i = from;
  while (i < body.length && (body[i] === LF || body[i] === 0x0d || body[i] === 0x20 || body[i] === 0x09)) i++;
  const lf = body.indexOf(LF, i);
  return lf < 0 ? body.length : lf + 1;
}

type Parsed = { header: string[] } | { row: number; fields: string[] } | { row: number; malformed: string };

/**
 * Streams a CSV file: the header row first, then every data row in order, numbered from 1 (the
 * first row after the header). csv-parse reads it (quoting, embedded commas and line breaks,
 * CRLF, a byte-order mark), fed in chunks. A row with another number of fields than the header
 * is malformed. A row the parser refuses (a broken quote) is malformed too, and reading goes on
 * from the next line with a fresh parser: csv-parse on its own would read the rest of the file
 * as one quoted field. Empty lines are not rows.
 */
export async function* readCsv(body: Uint8Array): AsyncGenerator<Parsed> {
  let header: string[] | null = null;
  let row = 0;
  let start = 0;
  while (start < body.length) {
    const base = start;
    const records: { fields: string[]; end: number }[] = [];
    const options: Options<null, string[]> = {
      bom: base === 0,
      trim: true,
      skip_empty_lines: true,
      relax_column_count: true,
      max_record_size: 64 * 1024,
      // Records are taken here, as parsed: a stream that fails drops what it had buffered.
      on_record: (fields, context) => {
        records.push({ fields, end: base + context.bytes });
        return null;
      },
    };
    const drain = function* (): Generator<Parsed> {
      while (records.length) {
        const r = records.shift() as { fields: string[]; end: number };
        start = r.end;
        if (!header) {
          header = r.fields;
          yield { header };
          continue;
        }
        row++;
        if (r.fields.length !== header.length)
          yield { row, malformed: "this row does not have as many fields as the header row" };
        else yield { row, fields: r.fields };
      }
    };
    // csv-parse types on_record only for its column mode; the records here are arrays.
    const parser = parse(options as unknown as Options);
    parser.on("error", () => {}); // reported through the write callbacks below
    parser.resume();
    let failed: CsvError | null = null;
    for (let at = base; at < body.length && !failed; at += CHUNK_BYTES) {
      const chunk = body.subarray(at, Math.min(at + CHUNK_BYTES, body.length));
      failed = await new Promise<CsvError | null>((done) =>
        parser.write(chunk, (err) => done((err as CsvError) ?? null)),
      );
      yield* drain();
    }
    if (!failed) {
      failed = await new Promise<CsvError | null>((done) => {
        parser.once("error", (err) => done(err as CsvError));
        parser.end(() => done(null));
      });
      yield* drain();
      if (!failed) break;
    }
    // The refused record starts where the last good one ended.
    const badAt = start;
    if (!header) throw new AppError(422, "malformed_header", "the header row could not be read as CSV");
    row++;
    yield { row, malformed: malformedMessage(failed) };
    start = nextLine(body, badAt);
  }
  if (!header) throw new AppError(422, "empty_file", "the file is empty: it needs a header row and at least one row");
}

/** The import's rows with our columns picked out; the header was checked by columnIndex. */
export async function* importRows(body: Uint8Array, mapping: ColumnMapping | null): AsyncGenerator<CsvRow> {
  let index: ColumnIndex | null = null;
  for await (const item of readCsv(body)) {
    if ("header" in item) {
      index = columnIndex(item.header, mapping);
      continue;
    }
    if (!index) throw new AppError(422, "malformed_header", "the header row could not be read as CSV");
    if ("malformed" in item) {
      yield item;
      continue;
    }
    const values: Partial<Record<ImportColumn, string>> = {};
    for (const [col, i] of Object.entries(index) as [ImportColumn, number][]) {
      const v = item.fields[i];
      if (v !== undefined && v !== "") values[col] = v;
    }
    yield { row: item.row, values };
  }
}

/** Reads the whole file once to check its header and count its rows (before anything is stored). */
export async function surveyCsv(
  body: Uint8Array,
  mapping: ColumnMapping | null,
): Promise<{ header: string[]; rows: number }> {
  let header: string[] | null = null;
  let rows = 0;
  for await (const item of readCsv(body)) {
    if ("header" in item) {
      columnIndex(item.header, mapping);
      header = item.header;
      continue;
    }
    rows++;
    if (rows > MAX_IMPORT_ROWS) {
      throw new AppError(
        413,
        "too_many_rows",
        `an import takes at most ${MAX_IMPORT_ROWS.toLocaleString("en")} rows; split the file`,
      );
    }
  }
  if (!header) throw new AppError(422, "empty_file", "the file is empty: it needs a header row and at least one row");
  if (rows === 0) throw new AppError(422, "no_rows", "the file has a header row but no rows to import");
  return { header, rows };
}
