/**
 * Screenshots of the candidate pages (log with three interviews, a deletion's confirmation, the
 * preference page) at phone (390×844) and laptop (1280×800) widths, into apps/api/screenshots/
 * (git-ignored). Run: pnpm --filter @rebound/api exec tsx scripts/log-screenshots.ts
 * Needs PostgreSQL, Redis and /usr/bin/chromium (apt-get install chromium).
 */
import { mkdirSync } from "node:fs";
import type { AddressInfo } from "node:net";
import { createRequire } from "node:module";
import { logUrl, preferencesUrl } from "@rebound/core";
import { serve } from "@hono/node-server";
import { createWorld, prepareTemplateDatabase, sendScheduledEmails } from "@rebound/testkit";
import { createApp } from "../src/app.js";
import { threeInterviewJournal } from "../test/journal-fixture.js";

// playwright-core is the admin app's browser driver; borrow it rather than install a second copy.
const { chromium } = createRequire(new URL("../../admin/package.json", import.meta.url))(
  "playwright-core",
) as typeof import("playwright-core");

const out = new URL("../screenshots/", import.meta.url).pathname;
mkdirSync(out, { recursive: true });

const dropTemplate = await prepareTemplateDatabase();
const world = await createWorld({ app: createApp });
const server = serve({ fetch: world.app.fetch, port: 0, hostname: "127.0.0.1" });
await new Promise((r) => server.once("listening", r));
const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

const { candidateId } = await threeInterviewJournal(world);
const path = (url: string) => new URL(url).pathname;
const log = path(logUrl(world.env.config, candidateId, new Date()));
const prefs = path(preferencesUrl(world.env.config, candidateId, new Date()));
const someReflection = await world.ctx.db.reflection.findFirstOrThrow({ where: { candidateId, step: "analyse" } });

// The analysis emails as the candidate receives them; one with a summary, as the LLM analyser writes.
const globex = await world.ctx.db.interview.findFirstOrThrow({ where: { candidateId, company: "Globex" } });
const globexReply = await world.ctx.db.reflection.findFirstOrThrow({
  where: { interviewId: globex.id, step: "analyse" },
});
await world.ctx.db.reflection.update({
  where: { id: globexReply.id },
  data: {
    analysis: {
      ...(globexReply.analysis as object),
      summary: "You stayed calm and your STAR story landed; what held you back was knowing Globex well enough, again.",
    },
  },
});
await sendScheduledEmails(world.env);
const analysisEmail = world.env.resend.emails.find((e) => e.subject.includes("Globex"))?.html ?? "";

const browser = await chromium.launch({
  executablePath: "/usr/bin/chromium",
  args: [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
  ],
});
const shots: [string, string][] = [
  ["log", log],
  ["delete-confirm", `${log}/reflections/${someReflection.id}/delete`],
  ["preferences", prefs],
];
for (const [device, viewport] of [
  ["phone", { width: 390, height: 844 }],
  ["laptop", { width: 1280, height: 800 }],
] as const) {
  // The device says Paris; the candidate is saved as UTC: the preference page should offer Paris.
  const page = await browser.newPage({ viewport, deviceScaleFactor: 1, timezoneId: "Europe/Paris" });
  const errors: string[] = [];
  page.on("console", (m) => {
    if (m.type() === "error") errors.push(m.text());
  });
  for (const [name, target] of shots) {
    await page.goto(`${base}${target}`);
    await page.screenshot({ path: `${out}${name}-${device}.png`, fullPage: true });
    // The full page shrinks too much to judge: also in slices the size of the screen.
    const height = await page.evaluate(() => document.documentElement.scrollHeight);
    for (let y = 0, n = 1; y < height; y += viewport.height, n++) {
      const clip = { x: 0, y, width: viewport.width, height: Math.min(viewport.height, height - y) };
      await page.screenshot({ path: `${out}${name}-${device}-${n}.png`, clip, fullPage: true });
    }
  }
  if (device === "laptop") {
    // The one script, under the page's nonce CSP: offers the device's zone and saves it in one click.
    await page.goto(`${base}${prefs}`);
    const offered = await page.locator("#tz-detected").isVisible();
    await page.click("#tz-use");
    await page.waitForURL(/saved=timezone/);
    const saved = await world.ctx.db.candidate.findUniqueOrThrow({ where: { id: candidateId } });
    console.log(`time-zone hint shown: ${offered}; saved zone after one click: ${saved.timezone}`);
    await page.screenshot({ path: `${out}preferences-after-zone-${device}.png`, fullPage: true });
  }
  await page.setContent(analysisEmail);
  await page.screenshot({ path: `${out}analysis-email-${device}.png`, fullPage: true });
  if (errors.length) console.error(`${device}: console errors (CSP?)`, errors);
  await page.close();
}
await browser.close();
server.close();
await world.close();
await dropTemplate();
console.log(`screenshots in ${out}`);
