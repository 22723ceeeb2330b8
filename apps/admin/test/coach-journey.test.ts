import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { BrowserContext, Page } from "playwright-core";
import { type AdminWorld, shot, startAdminWorld } from "./browser-world.js";

/**
 * A coach's first day, in the browser, against the real API, worker, PostgreSQL and Redis:
 * sign in with the CLI's link, set a password, create a cohort, enrol candidates (signup page
 * and API), watch the track run (DRIP_SPEEDUP), reply from the outbox, and see the dashboard's
 * numbers and charts follow. Screenshots of every main page land in apps/admin/screenshots.
 */
let world: AdminWorld;
let context: BrowserContext;
let page: Page;
let program: { programId: string; apiKey: string; adminLoginUrl: string };
let cohortId = "";
const password = "correct horse battery staple";
const ownerEmail = "owner@career-centre.example";

beforeAll(async () => {
  world = await startAdminWorld();
  context = await world.browser.newContext({ viewport: { width: 1280, height: 800 } });
  page = await context.newPage();
  program = await world.cli("program", "create", "--name", "Northwind Career Centre", "--admin", ownerEmail);
});
afterAll(async () => {
  await context?.close();
  await world?.close();
});

const kpi = (label: string) => page.locator(`[data-kpi="${label}"]`);

async function enrolByApi(name: string, email: string, slug: string) {
  const res = await fetch(`${world.url}/v1/interviews`, {
    method: "POST",
    headers: { authorization: `Bearer ${program.apiKey}`, "content-type": "application/json" },
    body: JSON.stringify({ email, name, company: "Acme", role: "Analyst", outcome: "rejected", cohort: slug }),
  });
  expect(res.status).toBe(202);
}

describe("the admin app, as a coach uses it", () => {
  it("signs in through the CLI's link once, and leads to setting a password", async () => {
    await page.goto(program.adminLoginUrl);
    await page.waitForURL(/\/admin\/welcome$/);
    await expect.poll(() => page.getByText("Choose a password").count()).toBe(1);
    await shot(page, "01-welcome-set-password");
    await page.getByLabel("New password").fill(password);
    await page.getByLabel("Repeat it").fill(password);
    await page.getByRole("button", { name: "Set password" }).click();
    await expect.poll(() => page.getByText("Your password is set").count()).toBe(1);
    const cookies = await context.cookies();
    const session = cookies.find((c) => c.name.endsWith("rebound.session_token"));
    expect(session).toMatchObject({ httpOnly: true, sameSite: "Lax", path: "/admin" });

    // The link is single use: a second visit lands on the sign-in page with an explanation.
    const again = await world.browser.newContext();
    const other = await again.newPage();
    await other.goto(program.adminLoginUrl);
    await other.waitForURL(/\/admin\/signin\?error=/);
    await expect.poll(() => other.getByText("already used or has expired").count()).toBe(1);
    await shot(other, "02-signin-link-spent");
    // ... and the password works there.
    await other.getByLabel("Email").fill(ownerEmail);
    await other.getByLabel("Password").fill(password);
    await other.getByRole("button", { name: "Sign in", exact: true }).click();
    await other.waitForURL(/\/admin\/$/);
    await expect.poll(() => other.getByText("No cohorts yet").count()).toBe(1);
    await shot(other, "03-cohorts-empty");
    await again.close();
  });

  it("creates a cohort and enrols candidates from its signup page and the API", async () => {
    await page.goto(`${world.url}/admin/`);
    await page.getByRole("button", { name: "New cohort" }).click();
    await page.getByLabel("Name", { exact: true }).fill("Spring 2027");
    await page.getByRole("button", { name: "Create" }).click();
    await page.getByRole("link", { name: /Spring 2027/ }).click();
    await page.waitForURL(/\/admin\/cohorts\/[0-9a-f-]{36}$/);
    cohortId = page.url().split("/").pop() ?? "";
    await expect.poll(() => page.getByText("No candidates in this cohort yet").count()).toBe(1);
    await shot(page, "04-dashboard-empty");

    // A candidate signs up on the cohort's public page, then confirms from the outbox email.
    const signup = await context.newPage();
    await signup.goto(`${world.url}/join/${cohortId}`);
    await signup.getByLabel("Email").fill("maya@example.com");
    await signup.getByLabel("Your name").fill("Maya");
    await signup.getByLabel("Company you interviewed with").fill("Globex");
    await expect.poll(() => signup.locator("#tz").inputValue()).not.toBe("");
    await shot(signup, "05-signup-page");
    await signup.getByRole("button", { name: "Send me the coaching emails" }).click();
    await expect.poll(() => signup.getByText("Check your inbox").count()).toBe(1);
    await page.goto(`${world.url}/admin/outbox`);
    await page
      .getByRole("link", { name: /Please confirm/ })
      .first()
      .click({ timeout: 30_000 });
    const frame = page.frameLocator('iframe[title="Email"]');
    const href = await frame
      .locator('a[href*="/v1/subscribe/confirm?token="]:not([href*="decline"])')
      .first()
      .getAttribute("href");
    expect(href).toContain("/v1/subscribe/confirm?token=");
    await signup.goto(href ?? "");
    await signup.getByRole("button", { name: "Yes, start my coaching" }).click();
    await expect.poll(() => signup.getByText("you are in").count()).toBe(1);
    await signup.close();

    await enrolByApi("Sam Lee", "sam@example.com", "spring-2027");
    await enrolByApi("Ada Byron", "ada@example.com", "spring-2027");
    await enrolByApi("Lin Chen", "lin@example.com", "spring-2027");
    await page.goto(`${world.url}/admin/cohorts/${cohortId}`);
    await expect.poll(() => kpi("Enrolled").textContent(), { timeout: 20_000 }).toBe("4");
  });

  it("shows the track running: each step sent as the days pass", async () => {
    // DRIP_SPEEDUP=86400: the rejected track's days 0, 1, 3 and 7 pass in about seven seconds.
    await expect
      .poll(async () => page.locator('tr[data-step="keep-applying"] td').nth(1).textContent(), { timeout: 45_000 })
      .toBe("4");
    await shot(page, "06-dashboard-track-sent");
  });

  it("takes replies from the outbox through the real inbound path, and the dashboard follows", async () => {
    await page.goto(`${world.url}/admin/outbox?q=maya`);
    await page
      .getByRole("link", { name: /look back at Globex/ })
      .first()
      .click();
    await page
      .getByLabel("Reply")
      .fill(
        "I did not research the company enough and I rambled on the salary question. Honestly I feel hopeless and I can't see the point anymore.",
      );
    await shot(page, "07-outbox-simulate-reply");
    await page.getByRole("button", { name: "Send reply" }).click();
    await expect.poll(() => page.getByText("Reply received").count()).toBe(1);

    await page.goto(`${world.url}/admin/outbox?q=sam`);
    await page
      .getByRole("link", { name: /not a verdict/ })
      .first()
      .click();
    await page.getByLabel("Reply").fill("GOT THE JOB");
    await page.getByRole("button", { name: "Send reply" }).click();
    await expect.poll(() => page.getByText("Reply received").count()).toBe(1);

    await page.goto(`${world.url}/admin/cohorts/${cohortId}`);
    await expect.poll(() => page.getByText("Distress in a reply").count(), { timeout: 30_000 }).toBe(1);
    await expect.poll(() => page.getByText(/hopeless/).count()).toBeGreaterThan(0);
    await expect.poll(() => kpi("Median days to offer").textContent(), { timeout: 30_000 }).not.toBe("—");
    expect(await kpi("Reply rate").textContent()).not.toBe("0%");
    expect(await page.locator(".recharts-funnel-trapezoid").count()).toBeGreaterThan(3);
    // Each stage's name is one line right of the funnel, never wrapped over a narrowing row.
    const names = await page
      .locator(".recharts-wrapper", { has: page.locator(".recharts-funnel-trapezoid") })
      .locator("text")
      .evaluateAll((els) => els.map((e) => e.textContent));
    expect(names).toEqual(expect.arrayContaining(["Enrolled", "Keep applying sent", "Replied", "Offer"]));
    expect(await page.locator(".recharts-bar-rectangle").count()).toBeGreaterThan(0);
    await shot(page, "08-dashboard-with-replies");
    await page.setViewportSize({ width: 390, height: 844 });
    await shot(page, "09-dashboard-phone");
    await page.setViewportSize({ width: 1280, height: 800 });
  });

  it("lists candidates and shows a timeline with emails and reflections; erasure asks first", async () => {
    await page.goto(`${world.url}/admin/cohorts/${cohortId}/candidates`);
    await expect.poll(() => page.getByRole("link", { name: "Maya" }).count()).toBe(1);
    await shot(page, "10-candidates");
    await page.getByRole("link", { name: "Maya" }).click();
    await expect.poll(() => page.getByText("Distress flagged").count(), { timeout: 20_000 }).toBe(1);
    await page.getByRole("button", { name: "Show the email" }).first().click();
    await shot(page, "11-timeline");
    await page.getByRole("button", { name: "Erase" }).click();
    await expect.poll(() => page.getByText("This cannot be undone").count()).toBe(1);
    await shot(page, "12-erase-confirmation");
    await page.getByRole("button", { name: "Cancel" }).click();
  });
});
