import { type CandidateExport, logUrl } from "@rebound/core";
import { signToken, THEME_LABELS } from "@rebound/domain";
import { createWorld, sendScheduledEmails, TEST_SECRET, type World } from "@rebound/testkit";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApp } from "../src/app.js";
import { JOURNAL, threeInterviewJournal } from "./journal-fixture.js";

/**
 * The log page as a coaching journal (three interviews), the candidate's own data as JSON, and
 * deleting one reply: through the app, against real PostgreSQL.
 */

type App = ReturnType<typeof createApp>;
let world: World<App>;
let maya: Awaited<ReturnType<typeof threeInterviewJournal>>;
let other: Awaited<ReturnType<typeof threeInterviewJournal>>;
let cohortSlug: string;

const escapeHtml = (s: string) =>
  s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&#39;");
const pathOf = (url: string) => new URL(url).pathname;
const logPath = (candidateId: string) => pathOf(logUrl(world.env.config, candidateId, new Date()));
const post = (path: string) => world.app.request(path, { method: "POST" });

beforeAll(async () => {
  // The local outbox transport (no RESEND_API_KEY): it keeps copies of sent mail, which a deletion must reach.
  world = await createWorld<App>({ app: createApp, env: { RESEND_API_KEY: "" } });
  const cohort = await world.createCohort();
  cohortSlug = cohort.slug;
  maya = await threeInterviewJournal(world);
  // Same story, other words: nothing Maya wrote is also in Zed's rows.
  other = await threeInterviewJournal(world, "Zed <b>Other</b>", (t) =>
    t.replace("in the UK", "in the Netherlands").replace("Kubernetes", "Terraform"),
  );
  await world.ctx.db.candidate.updateMany({
    where: { id: { in: [maya.candidateId, other.candidateId] } },
    data: { cohortId: cohort.id },
  });
  // A second candidate's replies must never show on Maya's pages: give them words of their own.
  await world.ctx.db.reflection.updateMany({
    where: { candidateId: other.candidateId, step: "feedback" },
    data: { text: "Zed's private note about Hooli <script>alert(1)</script>" },
  });
});
afterAll(async () => world?.close());

/** One interview's card of the log page. */
const card = (page: string, company: string) => page.split("<details").find((s) => s.includes(`<h2>${company}`));

function expectCandidatePageHeaders(res: Response) {
  expect(res.headers.get("content-security-policy")).toContain("default-src 'none'");
  expect(res.headers.get("content-security-policy")).not.toContain("script-src");
  expect(res.headers.get("x-content-type-options")).toBe("nosniff");
  expect(res.headers.get("referrer-policy")).toBe("no-referrer");
  expect(res.headers.get("cache-control")).toBe("no-store");
}

describe("the log page as a coaching journal", () => {
  it("shows each interview with its themes, the candidate's words as evidence and actions per theme", async () => {
    const res = await world.app.request(logPath(maya.candidateId));
    expect(res.status).toBe(200);
    expectCandidatePageHeaders(res);
    const page = await res.text();
    expect(page).not.toMatch(/<script/i);
    expect(page).toContain("Maya, your interview log");
    expect(page).toContain("3 interviews");
    for (const item of JOURNAL) expect(page).toContain(item.company);

    const globex = card(page, "Globex");
    expect(globex).toBeDefined();
    // Evidence is quoted from the reply; actions follow the theme and say when it repeats.
    expect(globex).toContain(escapeHtml("They asked how many petrol stations there are in the UK and I froze."));
    expect(globex).toContain(THEME_LABELS["unexpected-questions"]);
    expect(globex).toContain("Second time preparation and research came up, this time at Globex.");
    expect(globex).toMatch(/<ol class="actions"><li>[^<]{20,}<\/li>/);
    // The repeat is said once, in its own line, not again at the head of the action.
    expect(globex).not.toContain("Second time preparation and research came up: ");
  });

  it("keeps a list of high points growing across interviews, oldest first", async () => {
    const page = await (await world.app.request(logPath(maya.candidateId))).text();
    const list = page.slice(page.indexOf('<ul class="highpoints">'), page.indexOf("</ul>", page.indexOf("highpoints")));
    const companies = [...list.matchAll(/<span class="from">([A-Za-z]+) ·/g)].map((m) => m[1]);
    expect(companies.length).toBeGreaterThanOrEqual(3);
    expect(companies[0]).toBe("Initech");
    expect(companies.at(-1)).toBe("Umbrella");
    expect(list).toContain("team lead liked how I explained my pipeline design");
  });

  it("draws themes over time as an accessible SVG: one dot per theme per interview, oldest first", async () => {
    const page = await (await world.app.request(logPath(maya.candidateId))).text();
    const svg = page.slice(page.indexOf("<svg"), page.indexOf("</svg>"));
    expect(svg).toContain('role="img"');
    expect(svg).toMatch(/<title id="chart-title">/);
    const cols = [...svg.matchAll(/class="col">([^<]+)</g)].map((m) => m[1]);
    expect(cols).toEqual(["Initech", "Globex", "Umbrella"]);
    // Preparation came up at Initech and Globex, not at Umbrella: said in the dots and in words.
    expect(svg).toContain("Preparation and research came up at Initech");
    expect(svg).toContain("Preparation and research came up at Globex");
    expect(svg).toContain("Preparation and research did not come up at Umbrella");
    expect(svg).toMatch(/<desc id="chart-desc">[^<]*Preparation and research: 2 of 3 \(Initech and Globex\)/);
  });

  it("shows two replies to one prompt as one answer, in the order they arrived", async () => {
    const page = await (await world.app.request(logPath(maya.candidateId))).text();
    const initech = card(page, "Initech");
    const lookingBack = initech?.split('<div class="answer">').filter((a) => a.includes("<h4>Looking back</h4>"));
    expect(lookingBack).toHaveLength(1);
    const first = lookingBack?.[0]?.indexOf(escapeHtml("I hadn't researched their product properly")) ?? -1;
    const second = lookingBack?.[0]?.indexOf(escapeHtml("Also my CV still listed an old project first")) ?? -1;
    expect(first).toBeGreaterThan(-1);
    expect(second).toBeGreaterThan(first);
    expect(lookingBack?.[0]).toContain("Added ");
  });

  it("shows none of another candidate's data, and escapes what candidates wrote", async () => {
    const page = await (await world.app.request(logPath(maya.candidateId))).text();
    expect(page).not.toContain("Zed");
    expect(page).not.toContain("Hooli");
    const theirs = await (await world.app.request(logPath(other.candidateId))).text();
    expect(theirs).toContain(escapeHtml("Zed's private note about Hooli <script>alert(1)</script>"));
    expect(theirs).not.toMatch(/<script/i);
    expect(theirs).not.toContain("<b>Other</b>");
  });
});

describe("the candidate's data as JSON", () => {
  it("downloads as an attachment with the profile, interviews, reflections with analysis and message metadata", async () => {
    const res = await post(`${logPath(maya.candidateId)}/export`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/application\/json/);
    expect(res.headers.get("content-disposition")).toMatch(
      /^attachment; filename="rebound-my-data-\d{4}-\d{2}-\d{2}\.json"$/,
    );
    expect(res.headers.get("cache-control")).toBe("no-store");
    const raw = await res.text();
    const data = JSON.parse(raw) as CandidateExport;
    expect(data.profile.email).toBe(maya.email);
    expect(data.profile.name).toBe("Maya Okafor");
    expect(data.interviews.map((i) => i.company).sort()).toEqual(["Globex", "Initech", "Umbrella"]);
    const replies = JOURNAL.reduce((n, i) => n + i.replies.length, 0);
    expect(data.reflections).toHaveLength(replies);
    const withAnalysis = data.reflections.find((r) => r.text?.includes("petrol stations there are in the UK"));
    expect((withAnalysis?.analysis as { themes: unknown[] } | null)?.themes.length).toBeGreaterThan(0);
    expect(data.messages.length).toBeGreaterThan(0);
    expect(data.messages.every((m) => m.to === null || m.to === maya.email)).toBe(true);

    // Nothing of anyone else, and no secrets or internals.
    expect(raw).not.toContain(other.email);
    expect(raw).not.toContain("Zed");
    expect(raw).not.toContain("Hooli");
    expect(raw).not.toContain(TEST_SECRET);
    expect(raw).not.toMatch(/idempotencyKey|providerId|"content"|batchKey|apiKey|sourceKey/);
    expect(raw).not.toContain(logPath(maya.candidateId).slice("/log/".length));
  });

  it("refuses a forged or expired link, and a GET, with nothing in the answer", async () => {
    const expired = `/log/${signToken("log", maya.candidateId, TEST_SECRET, new Date(Date.now() - 1000))}/export`;
    const forged = `/log/${signToken("log", maya.candidateId, "another-secret-0123456789abcdef0123", new Date(Date.now() + 60_000))}/export`;
    for (const path of [expired, forged]) {
      const res = await post(path);
      expect(res.status).toBe(404);
      expect(await res.text()).not.toContain(maya.email);
    }
    const get = await world.app.request(`${logPath(maya.candidateId)}/export`);
    expect(get.status).toBe(404);
    expect(await get.text()).not.toContain(maya.email);
  });
});

/** Every row of every table, as text: where a deleted reply's words could still hide. */
async function everyRowAsText(): Promise<string> {
  const tables = await world.ctx.db.$queryRaw<{ name: string }[]>`
    SELECT table_name AS name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'`;
  const parts: string[] = [];
  for (const { name } of tables) {
    const rows = await world.ctx.db.$queryRawUnsafe<{ row: string }[]>(
      `SELECT to_jsonb(t)::text AS row FROM "${name.replace(/"/g, "")}" t`,
    );
    for (const r of rows) parts.push(r.row);
  }
  return parts.join("\n");
}

const themeCount = async (theme: string) => {
  const res = await world.app.request(`/v1/cohorts/${cohortSlug}/stats`, {
    headers: { authorization: `Bearer ${world.apiKey}` },
  });
  expect(res.status).toBe(200);
  return ((await res.json()) as { themes: Record<string, number> }).themes[theme] ?? 0;
};

describe("deleting one reply", () => {
  it("asks first: the confirmation page shows the reply and changes nothing", async () => {
    const r = await world.ctx.db.reflection.findFirstOrThrow({
      where: { candidateId: maya.candidateId, text: { contains: "Kubernetes" } },
    });
    const res = await world.app.request(`${logPath(maya.candidateId)}/reflections/${r.id}/delete`);
    expect(res.status).toBe(200);
    expectCandidatePageHeaders(res);
    const page = await res.text();
    expect(page).toContain("Delete this reply?");
    expect(page).toContain("Kubernetes");
    expect(page).toMatch(/<form method="post" action="\/log\/[^"]+\/reflections\/[0-9a-f-]+\/delete">/);
    expect((await world.ctx.db.reflection.findUniqueOrThrow({ where: { id: r.id } })).text).toBe(r.text);
  });

  it("removes its text, analysis and themes everywhere, and the cohort's theme counts drop", async () => {
    const r = await world.ctx.db.reflection.findFirstOrThrow({
      where: { candidateId: maya.candidateId, text: { contains: "petrol stations there are in the UK" } },
    });
    expect(r.themes).toContain("unexpected-questions");
    // The interview's analysis email went out through the local outbox (its copy quotes the reply).
    await sendScheduledEmails(world.env);
    const copies = await world.ctx.db.outboxEmail.count({
      where: { text: { contains: "petrol stations there are in the UK" } },
    });
    expect(copies).toBeGreaterThan(0);
    const before = await themeCount("unexpected-questions");
    expect(await everyRowAsText()).toContain("petrol stations there are in the UK");

    const log = logPath(maya.candidateId);
    const res = await post(`${log}/reflections/${r.id}/delete`);
    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toBe(`${log}?deleted=1`);

    const after = await world.ctx.db.reflection.findUniqueOrThrow({ where: { id: r.id } });
    expect([after.text, after.analysis, after.themes, after.distress]).toEqual([null, null, [], false]);
    // Kept: that the candidate replied to that email (the funnel's reply counts stay true).
    expect([after.messageId, after.step]).toEqual([r.messageId, r.step]);
    expect(await themeCount("unexpected-questions")).toBe(before - 1);
    expect(await everyRowAsText()).not.toContain("petrol stations there are in the UK");

    const page = await (await world.app.request(`${logPath(maya.candidateId)}?deleted=1`)).text();
    expect(page).toContain("Your reply was deleted");
    expect(page).not.toContain("petrol stations there are in the UK");
    const exported = await (await post(`${logPath(maya.candidateId)}/export`)).text();
    expect(exported).not.toContain("petrol stations there are in the UK");
  });

  it("refuses another candidate's reply, an unknown id, and a deleted one, changing nothing", async () => {
    const theirs = await world.ctx.db.reflection.findFirstOrThrow({
      where: { candidateId: other.candidateId, text: { not: null } },
    });
    const mine = logPath(maya.candidateId);
    for (const id of [theirs.id, "00000000-0000-4000-8000-000000000000", "not-a-uuid"]) {
      expect((await post(`${mine}/reflections/${id}/delete`)).status).toBe(404);
      expect((await world.app.request(`${mine}/reflections/${id}/delete`)).status).toBe(404);
    }
    expect((await world.ctx.db.reflection.findUniqueOrThrow({ where: { id: theirs.id } })).text).toBe(theirs.text);
    const gone = await world.ctx.db.reflection.findFirstOrThrow({
      where: { candidateId: maya.candidateId, text: null },
    });
    expect((await post(`${mine}/reflections/${gone.id}/delete`)).status).toBe(404);
  });
});
