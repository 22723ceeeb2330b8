import { readFileSync } from "node:fs";
import { join } from "node:path";
import { createProgram, issueLoginLink } from "@rebound/core";
import { type ImportFixture, importFixture, prepareImportFixture } from "@rebound/testkit";
import Papa from "papaparse";
import type { BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type AdminWorld, SCREENSHOTS, shot, startAdminWorld } from "./browser-world.js";

/**
 * An owner imports a spreadsheet's 2,000 rows (30 bad rows of each kind) in the browser, against
 * the real API, the worker process, PostgreSQL and Redis: picks the file, maps the one column the
 * app cannot guess, watches the progress bar move while the worker enrols the rows, reads the
 * per-row report, finds the import in the cohort's history and downloads the CSV files.
 */
let world: AdminWorld;
let context: BrowserContext;
let page: Page;
let program: { programId: string; apiKey: string; adminLoginUrl: string };
let fixture: ImportFixture;
let cohortId = "";
let importId = "";
const ownerEmail = "owner@import-centre.example";
const fmt = (v: number) => new Intl.NumberFormat("en").format(v);

beforeAll(async () => {
  // Real time for the drip: only the first email of each of the 1,700 enrolled goes out during the test.
  world = await startAdminWorld({ DRIP_SPEEDUP: "1" });
  context = await world.browser.newContext({ viewport: { width: 1280, height: 800 }, acceptDownloads: true });
  page = await context.newPage();
  // The CLI's verb, called in-process: a tsx child process costs half a minute on a loaded machine.
  program = await createProgram(world.env.ctx.db, world.env.ctx.config, {
    name: "Riverside Careers",
    adminEmail: ownerEmail,
  });
  const res = await fetch(`${world.url}/v1/cohorts`, {
    method: "POST",
    headers: { authorization: `Bearer ${program.apiKey}`, "content-type": "application/json" },
    body: JSON.stringify({ slug: "autumn-2027", name: "Autumn 2027" }),
  });
  expect(res.status).toBe(201);
  cohortId = ((await res.json()) as { id: string }).id;
  fixture = importFixture({ rows: 2000, badPerKind: 30 });
  await prepareImportFixture(world.env.ctx, program.programId, fixture);
});
afterAll(async () => {
  await context?.close();
  await world?.close();
});

/** The file as the career centre's spreadsheet has it: its company column is called "Employer". */
const upload = () => {
  const [header = "", ...rest] = fixture.csv.split("\r\n");
  return Buffer.from([header.replace(",company,", ",Employer,"), ...rest].join("\r\n"));
};

const progress = () =>
  page
    .getByRole("progressbar", { name: "Rows processed" })
    .evaluate((el) => [Number(el.getAttribute("data-processed")), Number(el.getAttribute("data-total"))]);

async function downloaded(click: () => Promise<void>): Promise<{ name: string; text: string }> {
  const started = page.waitForEvent("download");
  await click();
  const download = await started;
  const path = await download.path();
  return { name: download.suggestedFilename(), text: readFileSync(path, "utf8") };
}

describe("CSV import in the admin app", () => {
  it("previews the file and blocks the upload until every required field has a column", async () => {
    await page.goto(program.adminLoginUrl);
    await page.waitForURL(/\/admin\/welcome$/);
    await page.goto(`${world.url}/admin/cohorts/${cohortId}`);
    await page.getByRole("link", { name: "Imports →" }).click();
    await page.waitForURL(/\/imports$/);
    await expect.poll(() => page.getByText("No import yet").count()).toBe(1);

    await page.getByLabel("CSV file").setInputFiles({ name: "students.csv", mimeType: "text/csv", buffer: upload() });
    await expect
      .poll(() => page.getByRole("table", { name: "Preview of the file" }).locator("tbody tr").count())
      .toBe(5);
    // Guessed from the header, case and spaces aside: "EMAIL", "Outcome", "interviewed at".
    expect(await page.getByLabel("Email", { exact: true }).inputValue()).toBe("EMAIL");
    expect(await page.getByLabel("Outcome", { exact: true }).inputValue()).toBe("Outcome");
    expect(await page.getByLabel("Interview date", { exact: true }).inputValue()).toBe("interviewed at");
    expect(await page.getByLabel("Company", { exact: true }).inputValue()).toBe("");
    await expect.poll(() => page.getByText("Choose the file's column for Company first").count()).toBe(1);
    expect(await page.getByRole("button", { name: "Start import" }).isDisabled()).toBe(true);
    await shot(page, "13-import-mapping-blocked");

    await page.getByLabel("Company", { exact: true }).selectOption("Employer");
    await expect.poll(() => page.getByText("Choose the file's column").count()).toBe(0);
    expect(await page.getByRole("button", { name: "Start import" }).isEnabled()).toBe(true);
    await shot(page, "14-import-mapped");
  });

  it("shows the worker's progress, then the summary and every bad row with its code", async () => {
    // On a quiet machine 2,000 rows take about a second. To see the bar part-way for sure, another
    // transaction holds an uncommitted candidate with the address of a row in the third chunk:
    // the worker's real chunk waits on that row (the unique index) until the screenshot is taken,
    // then the hold rolls back and the row is enrolled as usual (the counts do not change).
    const heldEmail = fixture.good[Math.floor(fixture.good.length * 0.6)] as string;
    let release = () => {};
    const released = new Promise<void>((r) => {
      release = r;
    });
    const hold = world.env.ctx.db
      .$transaction(
        async (tx) => {
          await tx.$executeRaw`INSERT INTO "Candidate" (id, "programId", email, "updatedAt")
            VALUES (gen_random_uuid(), ${program.programId}::uuid, ${heldEmail}, now())`;
          await released;
          throw new Error("rolled back on purpose");
        },
        { timeout: 90_000 },
      )
      .catch((err: Error) => {
        if (err.message !== "rolled back on purpose") throw err;
      });
    await page.getByRole("button", { name: "Start import" }).click();
    await page.waitForURL(/\/imports\/[0-9a-f-]{36}$/);
    importId = page.url().split("/").pop() ?? "";

    // The worker writes its progress every 500 rows; the page polls it every 250 ms. Caught part-way,
    // and still part-way once the screenshot is taken, so the picture shows a bar that is moving.
    await page.waitForFunction(
      () => {
        const bar = document.querySelector('[role="progressbar"]');
        const done = Number(bar?.getAttribute("data-processed"));
        return done > 0 && done < Number(bar?.getAttribute("data-total"));
      },
      null,
      { polling: 20, timeout: 30_000 },
    );
    const before = await progress();
    await page.screenshot({ path: join(SCREENSHOTS, "15-import-progress.png") });
    const after = await progress();
    expect(before[0]).toBeGreaterThan(0);
    expect(after[0]).toBeLessThan(after[1] ?? 0);
    release();
    await hold;

    await expect.poll(() => page.getByText("Import complete").count(), { timeout: 30_000 }).toBe(1);
    expect(await page.locator('[data-count="Enrolled"]').textContent()).toBe(fmt(fixture.good.length));
    const summary = await page.locator("[data-summary]").textContent();
    expect(summary).toContain(`${fmt(fixture.good.length)} enrolled`);
    expect(summary).toContain(`${fmt(fixture.bad.size)} rows not imported`);
    expect(summary).toContain("30 duplicates in the file");
    expect(summary).toContain("60 could not be read as CSV");

    // What a coach sees first: the summary and the top of the report (the full page is 300 rows long).
    await page.screenshot({ path: join(SCREENSHOTS, "16-import-report.png") });
    await page.getByRole("button", { name: `Show all ${fixture.bad.size}` }).click();
    const table = page.getByRole("table", { name: "Rows not imported" });
    await expect.poll(() => table.locator("tbody tr").count()).toBe(fixture.bad.size);
    const listed = await table
      .locator("tbody tr")
      .evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll("td")].map((td) => td.textContent ?? "")));
    expect(new Map(listed.map(([row, , code]) => [Number(row), code]))).toEqual(fixture.bad);
  });

  it("downloads the error report as CSV", async () => {
    const report = await downloaded(() => page.getByRole("link", { name: "Download errors.csv" }).click());
    expect(report.name).toMatch(/^import-[0-9a-f]{8}-errors\.csv$/);
    const rows = Papa.parse<string[]>(report.text.replace(/^\uFEFF/, ""), { skipEmptyLines: true }).data;
    expect(rows[0]).toEqual(["row", "email", "code", "message"]);
    expect(new Map(rows.slice(1).map((r) => [Number(r[0]), r[2]]))).toEqual(fixture.bad);
  });

  it("lists the import in the cohort's history, with who uploaded it and its counts", async () => {
    await page.getByRole("link", { name: "Imports", exact: true }).click();
    await page.waitForURL(/\/imports$/);
    const row = page.locator(`tr[data-import="${importId}"]`);
    await expect
      .poll(async () => (await row.locator("td").allTextContents()).slice(1))
      .toEqual([
        "students.csv",
        ownerEmail,
        fmt(2000),
        fmt(fixture.good.length),
        "0",
        fmt(fixture.bad.size),
        "completed",
      ]);
    await shot(page, "17-import-history");
  });

  it("shows a viewer the history and the downloads, and no upload (the API lets coaches and owners import)", async () => {
    const { db, config } = world.env.ctx;
    const email = "viewer@import-centre.example";
    const viewer = await db.adminUser.create({ data: { email, emailVerified: true } });
    await db.membership.create({ data: { programId: program.programId, adminUserId: viewer.id, role: "viewer" } });
    const other = await world.browser.newContext({ viewport: { width: 1280, height: 800 } });
    const p = await other.newPage();
    await p.goto(await issueLoginLink({ db, config }, email, "/admin/welcome"));
    await p.waitForURL(/\/admin\/welcome$/);
    await p.goto(`${world.url}/admin/cohorts/${cohortId}/imports`);
    await expect.poll(() => p.locator(`tr[data-import="${importId}"]`).count()).toBe(1);
    expect(await p.getByText("a coach or an owner of the program can import a file").count()).toBe(1);
    expect(await p.getByLabel("CSV file").count()).toBe(0);
    expect(await p.getByRole("link", { name: "Candidates CSV" }).count()).toBe(1);
    await shot(p, "19-import-history-viewer");
    await other.close();
  });

  it("exports the cohort's candidates and stats from its dashboard as CSV", async () => {
    await page.goto(`${world.url}/admin/cohorts/${cohortId}`);
    const candidates = await downloaded(() => page.getByRole("link", { name: "Candidates CSV" }).click());
    expect(candidates.name).toBe("autumn-2027-candidates.csv");
    const rows = Papa.parse<Record<string, string>>(candidates.text.replace(/^\uFEFF/, ""), {
      header: true,
      skipEmptyLines: true,
    }).data;
    expect(new Set(rows.map((r) => r.email))).toEqual(new Set(fixture.good));

    const stats = await downloaded(() => page.getByRole("link", { name: "Stats CSV" }).click());
    expect(stats.name).toBe("autumn-2027-stats.csv");
    expect(stats.text).toContain(`enrolled,,${fixture.good.length}`);
    for (const path of ["candidates.csv", "stats.csv"]) {
      const res = await page.request.get(`${world.url}/admin/api/cohorts/${cohortId}/${path}`);
      expect(res.headers()["content-type"]).toContain("text/csv");
    }
    await shot(page, "18-dashboard-exports");
  });
});
