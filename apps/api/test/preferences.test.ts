import { preferencesUrl, sendDueDrips, TemplateCache } from "@rebound/core";
import { signToken, unsubscribeToken } from "@rebound/domain";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createWorld, enrol, type World } from "./support.js";

let world: World;
beforeAll(async () => {
  world = await createWorld();
});
afterAll(async () => world?.env.close());

const db = () => world.env.ctx.db;
const pathOf = (url: string) => new URL(url).pathname;
const linkFor = (candidateId: string) => pathOf(preferencesUrl(world.env.config, candidateId, new Date()));
const postForm = (path: string, body: string) =>
  world.app.request(path, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body,
  });
const post = (path: string, form: Record<string, string>) =>
  world.app.request(path, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams(form).toString(),
  });

describe("the preference page", () => {
  it("opens from the footer link of a real email", async () => {
    const { candidateId, enrollmentId } = await enrol(world);
    const message = await db().message.findFirstOrThrow({ where: { enrollmentId } });
    await db().message.update({ where: { id: message.id }, data: { dueAt: new Date() } });
    await sendDueDrips(world.env.ctx, new TemplateCache(), [{ enrollmentId, step: "process", messageId: message.id }]);
    const sent = world.env.resend.emails.at(-1);
    const href = /href="(http:\/\/rebound\.test\/preferences\/[^"]+)"/.exec(sent?.html ?? "")?.[1];
    expect(href).toBeDefined();
    const res = await world.app.request(pathOf(href ?? ""));
    expect(res.status).toBe(200);
    const body = await res.text();
    expect(body).toContain("Your email preferences");
    expect(body).toContain("emails are on");
    expect((await db().candidate.findUniqueOrThrow({ where: { id: candidateId } })).status).toBe("active");
  });

  it("pauses, resumes, changes the time zone and unsubscribes", async () => {
    const { candidateId } = await enrol(world);
    const link = linkFor(candidateId);
    const candidate = () => db().candidate.findUniqueOrThrow({ where: { id: candidateId } });

    expect((await post(link, { action: "pause", days: "14" })).status).toBe(303);
    const paused = await candidate();
    expect(paused.status).toBe("paused");
    expect((paused.pausedUntil?.getTime() ?? 0) - Date.now()).toBeGreaterThan(13 * 86_400_000);
    expect(await (await world.app.request(link)).text()).toContain("Resume my emails");

    expect((await post(link, { action: "resume" })).status).toBe(303);
    expect((await candidate()).status).toBe("active");

    expect((await post(link, { action: "timezone", timezone: "America/Chicago" })).status).toBe(303);
    expect((await candidate()).timezone).toBe("America/Chicago");

    expect((await post(link, { action: "unsubscribe" })).status).toBe(303);
    expect((await candidate()).status).toBe("unsubscribed");
    expect(await db().message.count({ where: { candidateId, status: "scheduled" } })).toBe(0);
  });

  it("refuses bad input with a page that says why, and changes nothing", async () => {
    const { candidateId } = await enrol(world);
    const link = linkFor(candidateId);
    const snapshot = async () => ({
      candidate: await db().candidate.findUniqueOrThrow({ where: { id: candidateId } }),
      messages: await db().message.findMany({ where: { candidateId }, orderBy: { id: "asc" } }),
    });
    const before = await snapshot();
    for (const [form, says] of [
      [{ action: "pause", days: "3" }, "A break can be 7, 14, 30 days long."],
      [{ action: "timezone", timezone: "Mars/Olympus" }, "Please choose a time zone from the list"],
      [{ action: "timezone", timezone: "<script>alert(1)</script>" }, "Please choose a time zone from the list"],
      [
        { action: "window", start: "18", end: "9", weekdays: "1" },
        "The end of the window must be later than its start.",
      ],
      [{ action: "window", start: "9", end: "10", weekdays: "1" }, "at least two hours"],
      [{ action: "window", start: "9", end: "17" }, "Please choose at least one day."],
      [{ action: "window", start: "9", end: "17", weekdays: "8" }, "One of the days is not valid."],
      [{ action: "window", start: "nine", end: "17", weekdays: "1" }, "The start hour is not valid."],
      [{ action: "window", start: "9", end: "25", weekdays: "1" }, "The end hour is not valid."],
      [{ action: "explode" }, "That is not a change this page can make."],
    ] as const) {
      const res = await post(link, form);
      expect(res.status, JSON.stringify(form)).toBe(400);
      expect(res.headers.get("content-type") ?? "").toMatch(/text\/html/);
      const page = await res.text();
      expect(page).toContain(says);
      expect(page).toContain("Nothing was changed.");
      expect(page).not.toMatch(/<script/i);
    }
    expect(await snapshot()).toEqual(before);
  });

  it("offers every IANA zone grouped by region, the candidate's own first and selected", async () => {
    const { candidateId } = await enrol(world, { timezone: "Asia/Kolkata" });
    const res = await world.app.request(linkFor(candidateId));
    expect(res.status).toBe(200);
    expect(res.headers.get("content-security-policy")).toContain("default-src 'none'");
    expect(res.headers.get("x-content-type-options")).toBe("nosniff");
    expect(res.headers.get("referrer-policy")).toBe("no-referrer");
    const page = await res.text();
    const select = page.slice(
      page.indexOf('<select name="timezone"'),
      page.indexOf("</select>", page.indexOf('name="timezone"')),
    );
    const first = /<optgroup label="([^"]+)"><option value="([^"]+)" selected>/.exec(select);
    expect(first?.slice(1)).toEqual(["Your current time zone", "Asia/Kolkata"]);
    for (const region of ["Africa", "America", "Asia", "Australia", "Europe", "Pacific"])
      expect(select).toContain(`<optgroup label="${region}">`);
    expect(select).toContain('<option value="Europe/Paris">');
    expect(select).toContain('<option value="UTC">');
    expect(select.match(/value="Asia\/Kolkata"/g)).toHaveLength(1);
    expect(select.match(/ selected/g)).toHaveLength(1);
  });

  it("runs one script, allowed only by this response's nonce, that offers the device's time zone", async () => {
    const { candidateId, email } = await enrol(world, { timezone: "Asia/Kolkata" });
    const get = () => world.app.request(linkFor(candidateId));
    const res = await get();
    const csp = res.headers.get("content-security-policy") ?? "";
    const nonce = /script-src 'nonce-([A-Za-z0-9+/=]{16,})'/.exec(csp)?.[1];
    expect(nonce).toBeDefined();
    expect(csp).toContain("default-src 'none'");
    expect(csp).not.toContain("unsafe-inline' 'nonce");
    expect(csp).not.toMatch(/script-src[^;]*unsafe/);
    const page = await res.text();
    const scripts = [...page.matchAll(/<script([^>]*)>([\s\S]*?)<\/script>/g)];
    expect(scripts).toHaveLength(1);
    expect(scripts[0]?.[1]).toBe(` nonce="${nonce}"`);
    // Constant text: nothing of the candidate's is written into the script.
    expect(scripts[0]?.[2]).not.toContain("Kolkata");
    expect(scripts[0]?.[2]).not.toContain(email);
    expect(page).toContain('<p id="tz-detected" class="notice" hidden>');
    // A new nonce for every response.
    const again = (await get()).headers.get("content-security-policy");
    expect(again).not.toBe(csp);
  });

  it("sets the candidate's own send window, shows it, and goes back to the program's", async () => {
    const { candidateId } = await enrol(world);
    const link = linkFor(candidateId);
    const page = async () => (await world.app.request(link)).text();
    expect(await page()).toContain("09:00–18:00, Monday to Friday");

    const saved = await postForm(link, "action=window&start=7&end=12&weekdays=2&weekdays=4&weekdays=6");
    expect(saved.status).toBe(303);
    expect(saved.headers.get("location")).toBe(`${link}?saved=window`);
    const c = await db().candidate.findUniqueOrThrow({ where: { id: candidateId } });
    expect([c.sendWindowStart, c.sendWindowEnd, c.sendWeekdays]).toEqual([7, 12, [2, 4, 6]]);
    const shown = await page();
    expect(shown).toContain("07:00–12:00, Tuesday, Thursday and Saturday");
    expect(shown).toMatch(/<option value="7" selected>07:00<\/option>/);
    expect(shown).toMatch(/value="4" checked/);
    expect(shown).not.toMatch(/value="1" checked/);

    expect((await post(link, { action: "window-default" })).status).toBe(303);
    const reset = await db().candidate.findUniqueOrThrow({ where: { id: candidateId } });
    expect([reset.sendWindowStart, reset.sendWindowEnd, reset.sendWeekdays]).toEqual([null, null, []]);
    expect(await page()).toContain("09:00–18:00, Monday to Friday");
  });

  it("refuses expired, tampered and wrong-purpose links", async () => {
    const { candidateId } = await enrol(world);
    const secret = world.env.config.APP_SECRET;
    const expired = `/preferences/${signToken("prefs", candidateId, secret, new Date(Date.now() - 1000))}`;
    const tampered = `${linkFor(candidateId).slice(0, -2)}xx`;
    const wrongPurpose = `/preferences/${unsubscribeToken(candidateId, secret)}`;
    for (const path of [expired, tampered, wrongPurpose]) {
      expect((await world.app.request(path)).status).toBe(404);
      expect((await post(path, { action: "unsubscribe" })).status).toBe(404);
    }
    expect((await db().candidate.findUniqueOrThrow({ where: { id: candidateId } })).status).toBe("active");
  });
});
