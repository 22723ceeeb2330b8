import { processImport } from "@rebound/core";
import {
  createWorld,
  type ImportFixture,
  importFixture,
  prepareImportFixture,
  unique,
  type World,
} from "@rebound/testkit";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApp } from "../src/app.js";
import { expectError } from "./support.js";

type App = ReturnType<typeof createApp>;
let world: World<App>;
let cohort: { id: string; slug: string };

beforeAll(async () => {
  world = await createWorld({ app: createApp });
  cohort = await world.createCohort();
});
afterAll(async () => world?.close());

interface ImportJson {
  status: string;
  total: number;
  processed: number;
  created: number;
  updated: number;
  skipped: number;
  errors: { row: number; email: string | null; code: string; message: string }[];
}

const upload = (csv: string | Uint8Array, opts: { slug?: string; key?: string; type?: string; query?: string } = {}) =>
  world.app.request(`/v1/cohorts/${opts.slug ?? cohort.slug}/imports${opts.query ?? ""}`, {
    method: "POST",
    headers: { "content-type": opts.type ?? "text/csv", authorization: `Bearer ${opts.key ?? world.apiKey}` },
    body: csv,
  });
const status = async (id: string, key = world.apiKey) => {
  const res = await world.app.request(`/v1/imports/${id}`, { headers: { authorization: `Bearer ${key}` } });
  return { res, json: (await res.json()) as ImportJson };
};

/** Uploads and runs the job as the import worker would; returns the final status. */
async function runImport(csv: string, query = "") {
  const res = await upload(csv, { query });
  expect(res.status).toBe(202);
  const { importId, total } = (await res.json()) as { importId: string; total: number };
  const queued = await status(importId);
  expect(queued.json.status).toBe("queued");
  expect(queued.json.total).toBe(total);
  expect(await world.ctx.queues.import.getJob(`import-${importId}`)).toBeTruthy();
  expect(await processImport(world.ctx, importId)).toBe("completed");
  return { importId, ...(await status(importId)).json };
}

describe("a 2,000-row file with 30 bad rows of each kind", () => {
  let fixture: ImportFixture;
  let first: ImportJson & { importId: string };

  beforeAll(async () => {
    fixture = importFixture({ rows: 2000, badPerKind: 30 });
    await prepareImportFixture(world.ctx, world.programId, fixture);
    first = await runImport(fixture.csv);
  });

  it("enrols every good row and reports each bad row by its number, with its code", async () => {
    expect(first.status).toBe("completed");
    expect(first.total).toBe(2000);
    expect(first.processed).toBe(2000);
    expect(fixture.bad.size).toBe(300);
    expect(first.created).toBe(fixture.good.length);
    expect(first.created).toBe(1700);
    expect(first.updated).toBe(0);
    expect(first.skipped).toBe(300);
    const reported = new Map(first.errors.map((e) => [e.row, e.code]));
    expect(reported).toEqual(fixture.bad);
    for (const e of first.errors) expect(e.message.length).toBeGreaterThan(10);
    const dup = first.errors.find((e) => e.code === "duplicate_in_file");
    expect(dup?.message).toMatch(/row \d+/);
  });

  it("stores whole rows only: every good row has its candidate, interview, track and first email", async () => {
    const db = world.ctx.db;
    const candidates = await db.candidate.findMany({
      where: { email: { in: fixture.good } },
      include: { interviews: true, enrollments: true, messages: true },
    });
    expect(candidates).toHaveLength(1700);
    for (const c of candidates) {
      expect(c.cohortId).toBe(cohort.id);
      expect(c.interviews).toHaveLength(1);
      expect(c.enrollments).toHaveLength(1);
      expect(c.messages).toHaveLength(1);
      expect(c.consent).toMatchObject({ method: "import" });
      expect((c.consent as { source: string }).source).toMatch(
        new RegExp(`^CSV import ${first.importId} by api-key:rb_live_`),
      );
    }
    // Names with commas and quotes, date-only dates and "No response" came through.
    expect(candidates.find((c) => c.email?.startsWith("student7@"))?.name).toBe("Lee, Sam 7");
    const row = (n: number) => candidates.find((c) => c.email?.startsWith(`student${n}@`));
    expect(row(22)?.name).toBe('Sam "Sunny" 22');
    expect(row(3)?.interviews[0]?.outcome).toBe("no_response");
    expect(row(2)?.interviews[0]?.interviewedAt?.toISOString()).toBe("2025-03-01T00:00:00.000Z");
    expect(row(1)?.interviews[0]?.interviewedAt?.toISOString()).toBe("2025-03-01T13:00:00.000Z");
    // Rows that were not enrolled wrote nothing (the unsubscribed were known before the import).
    const others = await db.candidate.count({
      where: { email: { endsWith: fixture.good[0]?.split("@")[1] }, NOT: { email: { in: fixture.good } } },
    });
    expect(others).toBe(fixture.unsubscribed.length);
  });

  it("never re-subscribes an address that unsubscribed", async () => {
    const rows = await world.ctx.db.candidate.findMany({
      where: { email: { in: fixture.unsubscribed } },
      include: { enrollments: true },
    });
    expect(rows).toHaveLength(30);
    for (const r of rows) {
      expect(r.status).toBe("unsubscribed");
      expect(r.enrollments.every((e) => e.status !== "active" && e.status !== "paused")).toBe(true);
    }
    expect(await world.ctx.db.candidate.count({ where: { email: { in: fixture.suppressed } } })).toBe(0);
  });

  it("enrols nobody twice when the same file is imported again", async () => {
    const before = await world.ctx.db.enrollment.count();
    const messages = await world.ctx.db.message.count();
    const again = await runImport(fixture.csv);
    expect(again.status).toBe("completed");
    expect(again.created).toBe(0);
    expect(again.updated).toBe(0);
    expect(again.skipped).toBe(2000);
    expect(new Map(again.errors.map((e) => [e.row, e.code]))).toEqual(fixture.bad);
    expect(await world.ctx.db.enrollment.count()).toBe(before);
    expect(await world.ctx.db.message.count()).toBe(messages);
    const unsubscribed = await world.ctx.db.candidate.findMany({ where: { email: { in: fixture.unsubscribed } } });
    expect(unsubscribed.every((c) => c.status === "unsubscribed")).toBe(true);
  });

  it("removes the stored file once it is done, and offers the report as CSV", async () => {
    const row = await world.ctx.db.csvImport.findUnique({ where: { id: first.importId } });
    expect(row?.body).toBeNull();
    const res = await world.app.request(`/v1/imports/${first.importId}/errors.csv`, {
      headers: { authorization: `Bearer ${world.apiKey}` },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/text\/csv/);
    const lines = (await res.text())
      .replace(/^\uFEFF/, "")
      .trim()
      .split("\r\n");
    expect(lines[0]).toBe("row,email,code,message");
    expect(lines).toHaveLength(301);
    expect(lines[1]).toMatch(/^\d+,/);
  });
});

describe("a new outcome in a later file", () => {
  it("updates the known candidate with a new track instead of creating one", async () => {
    const email = `${unique("again")}@example.com`;
    const one = await runImport(`email,company,outcome\r\n${email},Acme,pending\r\n`);
    expect([one.created, one.updated, one.skipped]).toEqual([1, 0, 0]);
    const two = await runImport(`email,company,outcome\r\n${email},Acme,rejected\r\n`);
    expect([two.created, two.updated, two.skipped]).toEqual([0, 1, 0]);
    const enrollments = await world.ctx.db.enrollment.findMany({
      where: { candidate: { email } },
      orderBy: { enrolledAt: "asc" },
    });
    expect(enrollments.map((e) => [e.track, e.status])).toEqual([
      ["pending", "superseded"],
      ["rejected", "active"],
    ]);
  });

  it("takes the admin app's column mapping for headers of its own", async () => {
    const email = `${unique("map")}@example.com`;
    const mapping = encodeURIComponent(
      JSON.stringify({ email: "E-mail address", company: "Employer", outcome: "Result" }),
    );
    const out = await runImport(`Result,Employer,E-mail address\r\nrejected,Acme,${email}\r\n`, `?mapping=${mapping}`);
    expect([out.created, out.errors.length]).toEqual([1, 0]);
  });
});

describe("refused before anything is stored", () => {
  const imports = () => world.ctx.db.csvImport.count();

  it("refuses a header without the required columns, naming them", async () => {
    const before = await imports();
    const body = await expectError(await upload("name,mail\r\nSam,sam@example.com\r\n"), 422, "missing_columns");
    expect(body.error.message).toMatch(/'email'.*'company'.*'outcome'/);
    expect(await imports()).toBe(before);
  });

  it("refuses a file that is not UTF-8", async () => {
    const latin1 = new Uint8Array([
      ...new TextEncoder().encode("email,company,outcome\r\nsam@example.com,Soci"),
      0xe9,
      0x0d,
      0x0a,
    ]);
    await expectError(await upload(latin1), 415, "not_utf8");
  });

  it("refuses JSON, an empty file, a file without rows and an archived cohort", async () => {
    await expectError(await upload('{"email":"x"}', { type: "application/json" }), 415, "unsupported_media_type");
    await expectError(await upload(""), 422, "empty_file");
    await expectError(await upload("email,company,outcome\r\n"), 422, "no_rows");
    const archived = await world.createCohort();
    await world.ctx.db.cohort.update({ where: { id: archived.id }, data: { archivedAt: new Date() } });
    await expectError(
      await upload("email,company,outcome\r\na@example.com,A,rejected\r\n", { slug: archived.slug }),
      409,
      "cohort_archived",
    );
  });

  it("refuses more than 50,000 rows", async () => {
    const rows = Array.from({ length: 50_001 }, (_, i) => `s${i}@example.com,Acme,rejected`);
    await expectError(await upload(`email,company,outcome\n${rows.join("\n")}\n`), 413, "too_many_rows");
  });

  it("keeps programs apart: another program's key sees neither the cohort nor the import", async () => {
    const other = await world.createProgram();
    await expectError(
      await upload("email,company,outcome\r\na@example.com,A,rejected\r\n", { key: other.apiKey }),
      404,
      "not_found",
    );
    const mine = await upload(`email,company,outcome\r\n${unique("iso")}@example.com,A,rejected\r\n`);
    const { importId } = (await mine.json()) as { importId: string };
    const theirs = await world.app.request(`/v1/imports/${importId}`, {
      headers: { authorization: `Bearer ${other.apiKey}` },
    });
    await expectError(theirs, 404, "not_found");
    await expectError(
      await world.app.request("/v1/imports/not-a-uuid", { headers: { authorization: `Bearer ${world.apiKey}` } }),
      404,
    );
  });

  it("answers 401 without a key", async () => {
    const res = await world.app.request(`/v1/cohorts/${cohort.slug}/imports`, {
      method: "POST",
      headers: { "content-type": "text/csv" },
      body: "email,company,outcome\r\n",
    });
    await expectError(res, 401, "unauthorized");
  });
});
