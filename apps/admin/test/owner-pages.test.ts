import { issueLoginLink } from "@rebound/core";
import type { BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type AdminWorld, shot, startAdminWorld } from "./browser-world.js";

/**
 * An owner's pages, in the browser, against the real API, worker, PostgreSQL and Redis: an API
 * key created (shown once), used and revoked; the program's branding changed with a live
 * preview, saved, and carried by a real drip email the worker sends to the local outbox; the
 * audit log telling who did it; and a coach kept out of the owners' pages. Screenshots land in
 * apps/admin/screenshots as owner-*.png.
 */
let world: AdminWorld;
let context: BrowserContext;
let page: Page;
let program: { programId: string; apiKey: string; adminLoginUrl: string };
const ownerEmail = "dana@career-centre-x.example";
const signature = "Dana Okafor\nCareer coach, Career Centre X";
const footer = "Replies go to your coach at Career Centre X.";

beforeAll(async () => {
  world = await startAdminWorld({ VERIFIED_SENDER_DOMAINS: "careers.example.edu" });
  context = await world.browser.newContext({ viewport: { width: 1280, height: 800 } });
  page = await context.newPage();
  program = await world.cli("program", "create", "--name", "Career Centre X", "--admin", ownerEmail);
  // The audit log names admins by name and address: give the owner a name, as the team page shows it.
  await world.env.ctx.db.adminUser.update({ where: { email: ownerEmail }, data: { name: "Dana Okafor" } });
  await page.goto(program.adminLoginUrl);
  await page.waitForURL(/\/admin\/welcome$/);
  await page.getByLabel("New password").fill("correct horse battery staple");
  await page.getByLabel("Repeat it").fill("correct horse battery staple");
  await page.getByRole("button", { name: "Set password" }).click();
  await page.getByText("Your password is set").waitFor();
});
afterAll(async () => {
  await context?.close();
  await world?.close();
});

const cohortsWith = (key: string) =>
  fetch(`${world.url}/v1/cohorts`, { headers: { authorization: `Bearer ${key}` } }).then((r) => r.status);

describe("the owner's pages of the admin app", () => {
  it("creates an API key shown once, which works until it is revoked in the UI", async () => {
    await page.goto(`${world.url}/admin/keys`);
    await expect.poll(() => page.getByRole("heading", { name: "API keys" }).count()).toBe(1);
    await expect.poll(() => page.locator("tbody tr").count()).toBe(1); // the CLI's key
    await page.getByLabel("Key name").fill("Student portal");
    await page.getByRole("button", { name: "Create key" }).click();
    const dialog = page.getByRole("dialog");
    await expect.poll(() => dialog.getByText("You will not see this key again").count()).toBe(1);
    const apiKey = await dialog.getByLabel("API key").inputValue();
    expect(apiKey).toMatch(/^\S{20,}$/);
    expect(await dialog.getByRole("button", { name: "Copy" }).count()).toBe(1);
    await shot(page, "owner-01-key-shown-once");
    expect(await cohortsWith(apiKey)).toBe(200);

    await dialog.getByRole("button", { name: "I have copied it" }).click();
    await expect.poll(() => page.getByRole("dialog").count()).toBe(0);
    // Gone from the page: only the prefix remains.
    expect(await page.content()).not.toContain(apiKey);
    const row = page.locator("tbody tr", { hasText: "Student portal" });
    expect(await row.textContent()).toContain("Dana Okafor");
    await row.getByRole("button", { name: "Revoke Student portal" }).click();
    await expect.poll(() => page.getByText("This cannot be undone").count()).toBe(1);
    await shot(page, "owner-02-key-revoke-confirmation");
    await page.getByRole("button", { name: "Revoke key" }).click();
    await expect.poll(() => row.getByText(/^Revoked/).count()).toBe(1);
    expect(await cohortsWith(apiKey)).toBe(401);
    expect(await cohortsWith(program.apiKey)).toBe(200);
    await shot(page, "owner-03-keys");
  });

  it("previews the branding before saving, then a real drip email carries it", async () => {
    await page.goto(`${world.url}/admin/settings`);
    await expect
      .poll(() => page.locator('[data-preview="from"]').textContent())
      .toBe('"Career Centre X via Rebound" <coach@rebound.test>');
    expect(await page.getByText("careers.example.edu").count()).toBeGreaterThan(0);
    await page.frameLocator('iframe[title="Email preview"]').getByText("Hi Maya").waitFor();
    await shot(page, "owner-04-settings-saved-state");

    await page.getByLabel("Sender name").fill("Dana at Career Centre X");
    await page.getByLabel("Coach signature").fill(signature);
    await page.getByLabel("Reply footer").fill(footer);
    await expect
      .poll(() => page.locator('[data-preview="from"]').textContent())
      .toBe('"Dana at Career Centre X via Rebound" <coach@rebound.test>');
    expect(await page.locator("[data-from-header]").textContent()).toBe(
      '"Dana at Career Centre X via Rebound" <coach@rebound.test>',
    );
    const email = page.frameLocator('iframe[title="Email preview"]');
    await expect.poll(() => email.getByText("Career coach, Career Centre X").count()).toBeGreaterThan(0);
    await expect.poll(() => email.getByText(footer).count()).toBe(1);
    expect(await page.getByText("with unsaved changes").count()).toBe(1);
    await page.getByRole("button", { name: "Text", exact: true }).click();
    await expect.poll(() => page.locator('[data-preview="text"]').textContent()).toContain(footer);
    await page.getByRole("button", { name: "HTML", exact: true }).click();

    // An address on a domain nobody verified: the API's message, at the field, before saving.
    await page.getByLabel("Your own sending address (optional)").fill("coach@unverified.example");
    await expect.poll(() => page.locator("#fromEmail-error").textContent()).toContain("not a verified sending domain");
    await shot(page, "owner-05-settings-unverified-domain");
    await page.getByLabel("Your own sending address (optional)").fill("coach@careers.example.edu");
    await expect
      .poll(() => page.locator("[data-from-header]").textContent())
      .toBe('"Dana at Career Centre X" <coach@careers.example.edu>');
    await page.getByLabel("Saturday").check({ force: true });
    await email.getByText(footer).waitFor();
    await shot(page, "owner-06-settings-preview-unsaved");
    await page.getByRole("button", { name: "Save settings" }).click();
    await expect.poll(() => page.getByText("Saved. The next emails carry these settings.").count()).toBe(1);
    expect(await page.getByText("with unsaved changes").count()).toBe(0);
    // With nothing unsaved, the preview is of the settings just saved.
    await expect
      .poll(() => page.locator('[data-preview="from"]').textContent())
      .toBe('"Dana at Career Centre X" <coach@careers.example.edu>');
    await email.getByText(footer).waitFor();
    await page.setViewportSize({ width: 390, height: 844 });
    await email.getByText(footer).waitFor();
    await shot(page, "owner-06b-settings-phone");
    await page.setViewportSize({ width: 1280, height: 800 });

    // A candidate enrolled now gets the day-0 email from the worker, with the saved branding.
    const res = await fetch(`${world.url}/v1/interviews`, {
      method: "POST",
      headers: { authorization: `Bearer ${program.apiKey}`, "content-type": "application/json" },
      body: JSON.stringify({ email: "maya@example.com", name: "Maya", company: "Globex", outcome: "rejected" }),
    });
    expect(res.status).toBe(202);
    await expect
      .poll(() => world.env.ctx.db.outboxEmail.count({ where: { toAddress: "maya@example.com" } }), {
        timeout: 20_000,
      })
      .toBeGreaterThan(0);
    const mail = await world.env.ctx.db.outboxEmail.findFirstOrThrow({ where: { toAddress: "maya@example.com" } });
    expect(mail.fromAddress).toBe('"Dana at Career Centre X" <coach@careers.example.edu>');
    expect(mail.text).toContain(footer);
    expect(mail.text).toContain("Career coach, Career Centre X");
    expect(mail.html).toContain(footer);
    await page.goto(`${world.url}/admin/outbox?q=maya`);
    await page.getByRole("link").filter({ hasText: "maya@example.com" }).first().click();
    await expect.poll(() => page.getByText('From "Dana at Career Centre X"').count()).toBe(1);
    await page.frameLocator('iframe[title="Email"]').getByText(footer).waitFor();
    await shot(page, "owner-07-outbox-branded-email");
  });

  it("lists the key and settings changes in the audit log with the owner's name", async () => {
    await page.goto(`${world.url}/admin/audit`);
    const entry = (action: string) => page.locator(`li[data-action="${action}"]`);
    await expect.poll(() => entry("settings.updated").count()).toBe(1);
    const created = await entry("api-key.created").filter({ hasText: "Student portal" }).textContent();
    expect(created).toContain("Dana Okafor");
    expect(created).toContain('created the API key "Student portal"');
    expect(await entry("api-key.revoked").textContent()).toMatch(/Dana Okafor.*revoked the API key/);
    const settings = await entry("settings.updated").textContent();
    expect(settings).toMatch(/Dana Okafor.*changed the .*sender name/);
    expect(settings).toContain('Sender name: none → "Dana at Career Centre X"');
    expect(settings).toContain("Send days: Mon, Tue, Wed, Thu, Fri → Mon, Tue, Wed, Thu, Fri, Sat");
    await shot(page, "owner-08-audit");

    await page
      .getByRole("navigation", { name: "Filter the audit log" })
      .getByRole("link", { name: "API keys" })
      .click();
    await page.waitForURL(/\/admin\/audit\?group=keys$/);
    await expect.poll(() => entry("api-key.revoked").count()).toBe(1);
    expect(await entry("settings.updated").count()).toBe(0);
    expect(await entry("api-key.created").count()).toBe(2);
    await shot(page, "owner-09-audit-keys-only");
  });

  it("keeps a coach out: owners-only pages say so, and the queue dashboard answers 403", async () => {
    const coachEmail = "coach@career-centre-x.example";
    const user = await world.env.ctx.db.adminUser.create({
      data: { email: coachEmail, name: "Sam Coach", emailVerified: true },
    });
    await world.env.ctx.db.membership.create({
      data: { programId: program.programId, adminUserId: user.id, role: "coach" },
    });
    const coachContext = await world.browser.newContext({ viewport: { width: 1280, height: 800 } });
    const coach = await coachContext.newPage();
    await coach.goto(await issueLoginLink(world.env.ctx, coachEmail, "/admin/keys"));
    await coach.waitForURL(/\/admin\/keys$/);
    await expect.poll(() => coach.getByRole("heading", { name: "Owners only" }).count()).toBe(1);
    expect(await coach.getByRole("link", { name: "API keys" }).count()).toBe(0);
    await shot(coach, "owner-10-coach-keys-owners-only");
    await coach.goto(`${world.url}/admin/audit`);
    await expect.poll(() => coach.getByRole("heading", { name: "Owners only" }).count()).toBe(1);
    await coach.goto(`${world.url}/admin/settings`);
    await expect.poll(() => coach.getByText("Only the program's owners change these settings").count()).toBe(1);
    expect(await coach.getByLabel("Sender name").isDisabled()).toBe(true);
    expect(await coach.getByRole("button", { name: "Save settings" }).count()).toBe(0);
    await coach.frameLocator('iframe[title="Email preview"]').getByText(footer).waitFor();
    await shot(coach, "owner-11-coach-settings-read-only");
    const queues = await coach.goto(`${world.url}/admin/queues`);
    expect(queues?.status()).toBe(403);
    await coachContext.close();

    const board = await page.goto(`${world.url}/admin/queues`);
    expect(board?.status()).toBe(200);
  });
});
