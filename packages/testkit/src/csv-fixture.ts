import { type AppContext, EVERY_PROGRAM, enrolInterview, stopCandidate, suppress } from "@rebound/core";
import { unique } from "./test-env.js";

/** The kinds of bad row an import must report, each with the code it is reported under. */
export const BAD_ROW_KINDS = {
  malformed: "malformed",
  brokenQuote: "malformed",
  duplicate: "duplicate_in_file",
  suppressed: "suppressed",
  unsubscribed: "unsubscribed",
  invalidEmail: "invalid_email",
  invalidOutcome: "invalid_outcome",
  invalidTimezone: "invalid_timezone",
  invalidDate: "invalid_interviewed_at",
  missingCompany: "missing_company",
} as const;
export type BadRowKind = keyof typeof BAD_ROW_KINDS;

export interface ImportFixture {
  csv: string;
  rows: number;
  /** Data row number (1 = first after the header) -> the code it must be reported with. */
  bad: Map<number, string>;
  /** Addresses that must end up enrolled (good rows). */
  good: string[];
  /** Addresses set up as bounced (every program) and as unsubscribed (this program). */
  suppressed: string[];
  unsubscribed: string[];
}

const q = (v: string) => (/[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
const OUTCOMES = ["rejected", "Rejected", "no_response", "No response", "withdrawn", "offer", "pending"];
const ZONES = ["Europe/Paris", "America/New_York", "", "Asia/Tokyo", "UTC"];

/**
 * A CSV as a spreadsheet writes it: a BOM, CRLF line ends, a header in its own order and case
 * with a column we do not know, names with commas and quotes, date-only and full date-times;
 * and `badPerKind` rows of each bad kind spread through the file (the rest are good rows).
 */
export function importFixture(opts: { rows: number; badPerKind?: number; domain?: string }): ImportFixture {
  const per = opts.badPerKind ?? 0;
  const domain = opts.domain ?? `${unique("f").replace(/[^a-z0-9]/gi, "")}.example.com`;
  const kinds = Object.keys(BAD_ROW_KINDS) as BadRowKind[];
  const plan: (BadRowKind | null)[] = Array.from({ length: opts.rows }, () => null);
  const badTotal = per * kinds.length;
  if (badTotal > opts.rows / 2) throw new Error("too many bad rows for the file");
  // Bad rows evenly spread, never on the first rows (a duplicate needs an earlier row to repeat).
  const stride = Math.floor((opts.rows - 10) / Math.max(badTotal, 1));
  for (let i = 0; i < badTotal; i++) plan[10 + i * stride] = kinds[i % kinds.length] as BadRowKind;
  const header = "Name,EMAIL,Student ID,company,Role,Outcome,TimeZone,interviewed at";
  const lines = [header];
  const bad = new Map<number, string>();
  const good: string[] = [];
  const suppressed: string[] = [];
  const unsubscribed: string[] = [];
  for (let i = 0; i < opts.rows; i++) {
    const row = i + 1;
    const kind = plan[i];
    const email = `student${row}@${domain}`;
    const name = row % 7 === 0 ? `Lee, Sam ${row}` : row % 11 === 0 ? `Sam "Sunny" ${row}` : `Sam ${row}`;
    const company = row % 5 === 0 ? `Acme, Inc.` : `Company ${row % 40}`;
    const role = row % 3 === 0 ? "" : "Engineer";
    const outcome = OUTCOMES[row % OUTCOMES.length] as string;
    const tz = ZONES[row % ZONES.length] as string;
    const when = row % 2 === 0 ? "2025-03-01" : "2025-03-01T14:00:00+01:00";
    const fields = [name, email, `S${row}`, company, role, outcome, tz, when];
    let line: string;
    switch (kind) {
      case "malformed":
        line = [q(name), email, company].join(",");
        break;
      case "brokenQuote":
        line = [`"${name}"x`, email, `S${row}`, company, role, outcome, tz, when].join(",");
        break;
      case "duplicate": {
        const earlier = good[good.length - 1] as string;
        fields[1] = earlier.toUpperCase();
        line = fields.map(q).join(",");
        break;
      }
      case "suppressed":
        suppressed.push(email);
        line = fields.map(q).join(",");
        break;
      case "unsubscribed":
        unsubscribed.push(email);
        line = fields.map(q).join(",");
        break;
      case "invalidEmail":
        fields[1] = `student${row}.${domain}`;
        line = fields.map(q).join(",");
        break;
      case "invalidOutcome":
        fields[5] = "hired?";
        line = fields.map(q).join(",");
        break;
      case "invalidTimezone":
        fields[6] = "Mars/Olympus";
        line = fields.map(q).join(",");
        break;
      case "invalidDate":
        fields[7] = "01/03/2025";
        line = fields.map(q).join(",");
        break;
      case "missingCompany":
        fields[3] = "";
        line = fields.map(q).join(",");
        break;
      default:
        good.push(email);
        line = fields.map(q).join(",");
    }
    if (kind) bad.set(row, BAD_ROW_KINDS[kind]);
    lines.push(line);
  }
  return { csv: `\uFEFF${lines.join("\r\n")}\r\n`, rows: opts.rows, bad, good, suppressed, unsubscribed };
}

/** Makes the fixture's suppressed addresses bounced everywhere, and its unsubscribed ones known candidates who unsubscribed. */
export async function prepareImportFixture(
  ctx: Pick<AppContext, "db" | "queues" | "clock" | "config" | "redis">,
  programId: string,
  fixture: ImportFixture,
): Promise<void> {
  for (const email of fixture.suppressed) {
    await suppress(ctx.db, ctx.config.APP_SECRET, email, EVERY_PROGRAM, "bounced", ctx.clock.now());
  }
  for (const email of fixture.unsubscribed) {
    const c = await enrolInterview(ctx, programId, { email, company: "Earlier Co", outcome: "rejected" });
    await stopCandidate(ctx, c.candidateId, "unsubscribed", "test");
  }
}
