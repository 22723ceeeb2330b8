import { describe, expect, it } from "vitest";
import { columnIndex, importRows, surveyCsv } from "../src/imports/csv-rows.js";
import { rowInput } from "../src/imports/row-input.js";

const bytes = (s: string) => new TextEncoder().encode(s);
async function rows(csv: string) {
  const out: unknown[] = [];
  for await (const r of importRows(bytes(csv), null)) out.push(r);
  return out;
}

describe("reading an import's CSV", () => {
  it("reads quoted fields, embedded commas, quotes and line breaks, CRLF and a BOM, in any column order", async () => {
    const csv =
      '\uFEFFOutcome,Company,E-Mail,Name\r\nrejected,"Acme, Inc.",a@example.com,"Sam ""Sunny"" Lee"\r\noffer,Beta,b@example.com,"two\r\nlines"\r\n';
    expect(await rows(csv)).toEqual([
      {
        row: 1,
        values: { outcome: "rejected", company: "Acme, Inc.", email: "a@example.com", name: 'Sam "Sunny" Lee' },
      },
      { row: 2, values: { outcome: "offer", company: "Beta", email: "b@example.com", name: "two\r\nlines" } },
    ]);
  });

  it("reports a row with a broken quote and reads on from the next line", async () => {
    const csv =
      'email,company,outcome\n"a@example.com"x,Acme,rejected\nb@example.com,Beta,offer\n"c@example.com,Gamma\n';
    expect(await rows(csv)).toEqual([
      { row: 1, malformed: "a quoted field in this row is not closed properly" },
      { row: 2, values: { email: "b@example.com", company: "Beta", outcome: "offer" } },
      { row: 3, malformed: "a quoted field in this row is not closed properly" },
    ]);
  });

  it("reports rows with too few or too many fields, and skips empty lines without counting them", async () => {
    const csv =
      "email,company,outcome\na@example.com,Acme\n\n\nb@example.com,Beta,offer,extra\nc@example.com,Gamma,pending";
    expect(await rows(csv)).toEqual([
      { row: 1, malformed: "this row does not have as many fields as the header row" },
      { row: 2, malformed: "this row does not have as many fields as the header row" },
      { row: 3, values: { email: "c@example.com", company: "Gamma", outcome: "pending" } },
    ]);
  });

  it("finds columns case-insensitively, ignores unknown ones and follows a mapping", () => {
    expect(columnIndex(["Student ID", "EMAIL", "Interviewed at", "company", "outcome"])).toEqual({
      email: 1,
      interviewedAt: 2,
      company: 3,
      outcome: 4,
    });
    expect(columnIndex(["Mail", "Firm", "Result"], { email: "mail", company: "Firm", outcome: "RESULT" })).toEqual({
      email: 0,
      company: 1,
      outcome: 2,
    });
    expect(() => columnIndex(["email", "company"])).toThrow(/no 'outcome' column/);
    expect(() => columnIndex(["email", "company", "outcome"], { role: "Job" })).toThrow(/'Job'/);
  });

  it("counts rows before anything is stored, and refuses a file of only a header", async () => {
    expect(await surveyCsv(bytes("email,company,outcome\r\na@x.io,A,offer\r\nb@x.io,B,offer\r\n"), null)).toMatchObject(
      {
        rows: 2,
      },
    );
    await expect(surveyCsv(bytes("email,company,outcome\r\n"), null)).rejects.toMatchObject({ code: "no_rows" });
    await expect(surveyCsv(bytes('"email,company\r\n'), null)).rejects.toMatchObject({ code: "malformed_header" });
  });
});

describe("a row as an interview", () => {
  it("is validated like POST /v1/interviews, forgiving only 'No response' and a date without a time", () => {
    expect(
      rowInput(
        { email: " Sam@Example.com ", company: "Acme", outcome: "No response", interviewedAt: "2025-03-01" },
        "fall",
      ),
    ).toEqual({
      input: {
        email: "sam@example.com",
        company: "Acme",
        outcome: "no_response",
        interviewedAt: "2025-03-01T00:00:00Z",
        cohort: "fall",
      },
    });
    const problem = (values: Record<string, string>) => {
      const out = rowInput({ email: "a@example.com", company: "Acme", outcome: "rejected", ...values }, "fall");
      return "problem" in out ? out.problem.code : "ok";
    };
    expect(problem({ email: "not-an-address" })).toBe("invalid_email");
    expect(problem({ outcome: "hired" })).toBe("invalid_outcome");
    expect(problem({ timezone: "Mars/Olympus" })).toBe("invalid_timezone");
    expect(problem({ interviewedAt: "01/03/2025" })).toBe("invalid_interviewed_at");
    // An empty cell is absent (importRows drops it); a required one is reported missing.
    expect(rowInput({ email: "a@example.com", outcome: "rejected" }, "fall")).toMatchObject({
      problem: { code: "missing_company", message: "company is empty" },
    });
  });
});
