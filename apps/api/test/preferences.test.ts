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
    expect(body).toContain(`emails are active`);
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

  it("refuses bad input and changes nothing", async () => {
    const { candidateId } = await enrol(world);
    const link = linkFor(candidateId);
    const before = await db().candidate.findUniqueOrThrow({ where: { id: candidateId } });
    for (const [form, code] of [
      [{ action: "pause", days: "3" }, "invalid_days"],
      [{ action: "timezone", timezone: "Mars/Olympus" }, "invalid_timezone"],
      [{ action: "explode" }, "invalid_action"],
    ] as const) {
      const res = await post(link, form);
      expect(res.status).toBe(400);
      expect(((await res.json()) as { error: { code: string } }).error.code).toBe(code);
    }
    expect(await db().candidate.findUniqueOrThrow({ where: { id: candidateId } })).toEqual(before);
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
