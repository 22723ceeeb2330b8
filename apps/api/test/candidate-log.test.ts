import { logUrl } from "@rebound/core";
import { signToken, THEME_LABELS, unsubscribeToken } from "@rebound/domain";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  acceptMime,
  createWorld,
  enrol,
  enrolWithSentEmail,
  expectNoLeak,
  processStored,
  rawMail,
  type World,
} from "./support.js";

let world: World;
let ada: Awaited<ReturnType<typeof enrolWithSentEmail>>;
let bob: Awaited<ReturnType<typeof enrolWithSentEmail>>;

const DAY = 86_400_000;
const SCRIPT_REPLY = "I was nervous and my answers lacked structure. <script>alert('pwned')</script> & more";
const PLAIN_REPLY = "I did not research the company well enough before the interview.";
const BOB_REPLY = "Umbrella asked about my salary history and I froze.";

const escapeHtml = (s: string) =>
  s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&#39;");

async function reply(to: string, body: string) {
  const id = await acceptMime(world.app, rawMail({ to, body }));
  expect(await processStored(world.env, id)).toBe("reflection");
}

beforeAll(async () => {
  world = await createWorld();
  ada = await enrolWithSentEmail(world, { name: "Ada <Lovelace>", company: "Initech <R&D>", role: "Data Engineer" });
  await reply(ada.replyTo, SCRIPT_REPLY);
  await reply(ada.replyTo, PLAIN_REPLY);
  // A second interview for Ada, without replies yet.
  await enrol(world, { email: ada.email, name: "Ada <Lovelace>", company: "Globex", outcome: "no_response" });
  bob = await enrolWithSentEmail(world, { name: "Bob", company: "Umbrella" });
  await reply(bob.replyTo, BOB_REPLY);
});
afterAll(async () => world?.env.close());

const secret = () => world.env.config.APP_SECRET;
const logToken = (candidateId: string, expiresAt = new Date(Date.now() + 30 * DAY)) =>
  signToken("log", candidateId, secret(), expiresAt);
const open = (token: string) => world.app.request(`/log/${token}`);

/** A refusal: the expired-link page, as HTML, with none of anyone's data. */
async function expectRefused(res: Response) {
  expect(res.status).toBe(404);
  expect(res.headers.get("content-type") ?? "").toMatch(/text\/html/);
  const page = await res.text();
  expect(page).toContain("This link has expired");
  for (const secretBit of ["Initech", "Globex", "Umbrella", "Lovelace", ada.email, bob.email, "nervous", "salary"]) {
    expect(page).not.toContain(secretBit);
  }
  expectNoLeak(page);
}

describe("GET /log/:token", () => {
  it("shows the candidate's interviews, reflections and themes, HTML-escaped", async () => {
    const res = await open(logToken(ada.candidateId));
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type") ?? "").toMatch(/text\/html/);
    expect(res.headers.get("cache-control")).toBe("no-store");
    expect(res.headers.get("referrer-policy")).toBe("no-referrer");
    const page = await res.text();

    expect(page).toContain("Your interview log");
    expect(page).toContain("Ada, your interview log");
    expect(page).toContain(escapeHtml("Initech <R&D>"));
    expect(page).toContain("Data Engineer");
    expect(page).toContain("Globex");
    expect(page).toContain("2 interviews");
    expect(page).toContain(escapeHtml(SCRIPT_REPLY));
    expect(page).toContain(escapeHtml(PLAIN_REPLY));
    expect(page).toContain("What were the high points of this interview?");
    expect(page).toContain("No replies yet");

    // The script tag arrives as text, never as markup; nor do the name or company.
    expect(page).not.toContain("<script>");
    expect(page).not.toContain("<Lovelace>");
    expect(page).not.toContain("<R&D>");
    expect(page.match(/<script/gi)).toBeNull();

    const reflections = await world.env.ctx.db.reflection.findMany({ where: { candidateId: ada.candidateId } });
    const themes = [...new Set(reflections.flatMap((r) => r.themes))];
    expect(themes).toEqual(expect.arrayContaining(["nonverbal", "structure", "preparation"]));
    for (const theme of themes) {
      expect(page).toContain(escapeHtml(THEME_LABELS[theme as keyof typeof THEME_LABELS] ?? theme));
      expect(page).not.toContain(`>${theme}<`);
    }

    // Only Ada's data.
    expect(page).not.toContain("Umbrella");
    expect(page).not.toContain("salary");
  });

  it("opens from the link the emails carry", async () => {
    const url = logUrl(world.env.config, bob.candidateId, new Date());
    const path = new URL(url).pathname;
    expect(path).toMatch(/^\/log\//);
    const res = await world.app.request(path);
    expect(res.status).toBe(200);
    const page = await res.text();
    expect(page).toContain(escapeHtml(BOB_REPLY));
    expect(page).not.toContain("Initech");
  });

  it("refuses an expired token with the 404 page and no data", async () => {
    await expectRefused(await open(logToken(ada.candidateId, new Date(Date.now() - 60_000))));
  });

  it("refuses tampered tokens with the 404 page and no data", async () => {
    const good = logToken(ada.candidateId);
    const [subject = "", exp = "", mac = ""] = good.split(".");
    const forged = [
      `${subject}.${exp}.${mac.slice(0, -1)}${mac.endsWith("a") ? "b" : "a"}`,
      `${bob.candidateId}.${exp}.${mac}`,
      `${subject}.${(Number.parseInt(exp, 36) + 365 * 86_400).toString(36)}.${mac}`,
      signToken("log", ada.candidateId, "another-app-secret-0123456789abcdef", new Date(Date.now() + DAY)),
      `${subject}.${exp}`,
      "not-a-token",
      encodeURIComponent("<script>alert(1)</script>"),
    ];
    for (const token of forged) await expectRefused(await open(token));
  });

  it("refuses tokens minted for another purpose, and they change nothing", async () => {
    const inFuture = new Date(Date.now() + 30 * DAY);
    const others = [
      unsubscribeToken(ada.candidateId, secret()),
      signToken("prefs", ada.candidateId, secret(), inFuture),
      signToken("subscribe", ada.candidateId, secret(), inFuture),
    ];
    for (const token of others) await expectRefused(await open(token));
    const candidate = await world.env.ctx.db.candidate.findUniqueOrThrow({ where: { id: ada.candidateId } });
    expect(candidate.status).toBe("active");
  });

  it("refuses the log of an erased candidate, even with a valid token", async () => {
    const gone = await enrolWithSentEmail(world, { company: "Vandelay" });
    await reply(gone.replyTo, "I rambled a lot.");
    const token = logToken(gone.candidateId);
    expect((await open(token)).status).toBe(200);
    const erased = await world.app.request(`/v1/candidates/${gone.candidateId}`, {
      method: "DELETE",
      headers: { authorization: `Bearer ${world.apiKey}` },
    });
    expect(erased.status).toBeLessThan(300);
    const res = await open(token);
    expect(res.status).toBe(404);
    const page = await res.text();
    expect(page).not.toContain("Vandelay");
    expect(page).not.toContain("rambled");
  });
});
