/**
 * Running a program from the admin app: API keys (shown once, listed without the key, revoked
 * and refused at once, in another process's context too), settings and branding (validated, in
 * the From and the footer of a sent email), the queue dashboard for owners only, the audit log,
 * uploads bigger than the JSON limit, and the CSV exports.
 */
import { buildContext, processImport, sendDueDrips, TemplateCache } from "@rebound/core";
import { createWorld, importFixture, prepareImportFixture, TestClock, unique, type World } from "@rebound/testkit";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApp } from "../src/app.js";
import { adminRequests, adminWithRole, ORIGIN, signInByLink } from "./admin-support.js";
import { expectError } from "./support.js";

type App = ReturnType<typeof createApp>;
let world: World<App>;
let programId: string;
let apiKey: string;
let owner: { cookie: string; csrf: string };
let ownerEmail: string;
let as: ReturnType<typeof adminRequests>;

beforeAll(async () => {
  world = await createWorld({ app: createApp, env: { VERIFIED_SENDER_DOMAINS: "careers.example.edu" } });
  const p = await world.createProgram();
  programId = p.programId;
  apiKey = p.apiKey;
  owner = await signInByLink(world.app, p.adminLoginUrl);
  ownerEmail = (await world.ctx.db.membership.findFirstOrThrow({ where: { programId }, include: { adminUser: true } }))
    .adminUser.email;
  as = adminRequests(world.app, owner);
});
afterAll(async () => world?.close());

const v1 = (path: string, key = apiKey) => world.app.request(path, { headers: { authorization: `Bearer ${key}` } });

describe("API keys", () => {
  it("shows a new key once, lists keys by prefix and creator, never the key", async () => {
    const res = await as("POST", "/admin/api/api-keys", { name: "LMS" });
    expect(res.status).toBe(201);
    expect(res.headers.get("cache-control")).toBe("no-store");
    const created = (await res.json()) as { id: string; apiKey: string; prefix: string };
    expect(created.apiKey.startsWith(created.prefix)).toBe(true);
    expect((await v1("/v1/cohorts", created.apiKey)).status).toBe(200);
    const list = await (await as("GET", "/admin/api/api-keys")).text();
    expect(list).not.toContain(created.apiKey);
    const keys = (
      JSON.parse(list) as { keys: { id: string; prefix: string; createdByLabel: string; lastUsedAt: string | null }[] }
    ).keys;
    const mine = keys.find((k) => k.id === created.id);
    expect(mine).toMatchObject({ prefix: created.prefix, createdByLabel: ownerEmail });
    expect(mine?.lastUsedAt).not.toBeNull();
  });

  it("refuses a revoked key at once, in this process and in another that had it cached", async () => {
    const { apiKey: key, id } = (await (await as("POST", "/admin/api/api-keys", { name: "Leaked" })).json()) as {
      apiKey: string;
      id: string;
    };
    // A second API process: its own context and key cache, the same PostgreSQL and Redis. Its clock
    // never moves, so its cache entry cannot expire: only the revocation message can clear it.
    const otherCtx = buildContext(world.env.config, { dbPoolSize: 2, clock: new TestClock() });
    const otherApp = createApp(otherCtx);
    try {
      const other = (path: string) => otherApp.request(path, { headers: { authorization: `Bearer ${key}` } });
      expect((await other("/v1/cohorts")).status).toBe(200);
      expect((await as("DELETE", `/admin/api/api-keys/${id}`)).status).toBe(200);
      await expectError(await v1("/v1/cohorts", key), 401, "unauthorized");
      await expect.poll(async () => (await other("/v1/cohorts")).status, { timeout: 5000 }).toBe(401);
      // The program's other keys still work everywhere.
      expect((await otherApp.request("/v1/cohorts", { headers: { authorization: `Bearer ${apiKey}` } })).status).toBe(
        200,
      );
    } finally {
      await otherCtx.close();
    }
    const entry = await world.ctx.db.auditLog.findFirst({ where: { action: "api-key.revoked", targetId: id } });
    expect(entry?.actor).toMatch(/^admin:/);
  });
});

describe("settings and branding", () => {
  it("refuses an empty send window, bad weekdays and a sender on an unverified domain, changing nothing", async () => {
    const before = await world.ctx.db.program.findUniqueOrThrow({ where: { id: programId } });
    const window = await expectError(
      await as("PATCH", "/admin/api/settings", { sendWindowStart: 18, sendWindowEnd: 9 }),
      422,
      "invalid_send_window",
    );
    expect(window.error.message).toMatch(/start before it ends/);
    await expectError(await as("PATCH", "/admin/api/settings", { sendWeekdays: [1, 8] }), 400);
    await expectError(await as("PATCH", "/admin/api/settings", { sendWeekdays: [] }), 400);
    const domain = await expectError(
      await as("PATCH", "/admin/api/settings", { senderName: "X", fromEmail: "coach@unverified.example" }),
      422,
      "sender_domain_not_verified",
    );
    expect(domain.error.message).toMatch(/careers\.example\.edu/);
    await expectError(await as("PATCH", "/admin/api/settings", { senderName: 'Evil" <x@y>' }), 400);
    expect(await world.ctx.db.program.findUniqueOrThrow({ where: { id: programId } })).toEqual(before);
  });

  it("lets only owners change settings", async () => {
    const coach = adminRequests(world.app, await adminWithRole(world.env, world.app, programId, "coach"));
    expect((await coach("PATCH", "/admin/api/settings", { senderName: "Coach" })).status).toBe(403);
    expect((await coach("GET", "/admin/api/settings")).status).toBe(200);
  });

  it("puts the program's name in the From and its signature and reply footer in every drip email", async () => {
    const saved = await as("PATCH", "/admin/api/settings", {
      name: "Career Centre X",
      senderName: "Career Centre X",
      signature: "Dana Okafor\nCareer coach, Career Centre X",
      replyFooter: "Replies go to your coach at Career Centre X.",
      sendWeekdays: [1, 2, 3, 4, 5, 6],
      retentionMonths: 18,
    });
    expect(saved.status).toBe(200);
    expect(((await saved.json()) as { from: string }).from).toBe('"Career Centre X via Rebound" <coach@rebound.test>');
    const email = await sendFirstEmail();
    expect(email.from).toBe('"Career Centre X via Rebound" <coach@rebound.test>');
    expect(email.html).toContain("Dana Okafor<br/>Career coach, Career Centre X");
    expect(email.html).toContain("Replies go to your coach at Career Centre X.");
    expect(email.html).toContain("Career Centre X · Rebound");
    expect(email.text).toMatch(/Dana Okafor\nCareer coach, Career Centre X/);
    expect(email.text).toContain("Replies go to your coach at Career Centre X.");
    const audit = await world.ctx.db.auditLog.findFirstOrThrow({ where: { programId, action: "settings.updated" } });
    expect(audit.data).toMatchObject({
      senderName: { from: null, to: "Career Centre X" },
      retentionMonths: { from: null, to: 18 },
    });
  });

  it("sends from the program's own address once its domain is verified", async () => {
    const res = await as("PATCH", "/admin/api/settings", { fromEmail: "Coach@Careers.Example.edu" });
    expect(res.status).toBe(200);
    const email = await sendFirstEmail();
    expect(email.from).toBe('"Career Centre X" <coach@careers.example.edu>');
    expect(String(email.reply_to)).toMatch(/^reply\+/);
  });

  it("previews an email with settings not saved yet", async () => {
    const res = await as("POST", "/admin/api/settings/preview?step=feedback", {
      senderName: "Draft Centre",
      fromEmail: null,
      signature: "Sam, your coach",
    });
    expect(res.status).toBe(200);
    const preview = (await res.json()) as { from: string; subject: string; html: string };
    expect(preview.from).toBe('"Draft Centre via Rebound" <coach@rebound.test>');
    expect(preview.html).toContain("Sam, your coach");
    // Nothing was saved.
    expect((await world.ctx.db.program.findUniqueOrThrow({ where: { id: programId } })).senderName).toBe(
      "Career Centre X",
    );
  });
});

/** Enrols a candidate and runs the drip sender for its first step, as the drip worker would. */
async function sendFirstEmail() {
  const email = `${unique("brand")}@example.com`;
  const enrolled = await world.createCandidate({ programId, email });
  const message = await world.ctx.db.message.findFirstOrThrow({ where: { enrollmentId: enrolled.enrollmentId } });
  await world.ctx.db.message.update({ where: { id: message.id }, data: { dueAt: new Date() } });
  await sendDueDrips(world.ctx, new TemplateCache(), [
    { enrollmentId: enrolled.enrollmentId, step: message.step, messageId: message.id },
  ]);
  const sent = world.env.resend.emails.find((e) => e.to.includes(email));
  if (!sent) throw new Error("the first email was not sent");
  return sent;
}

describe("the queue dashboard", () => {
  it("opens for owners, refuses coaches and sends strangers to sign in", async () => {
    const page = await world.app.request("/admin/queues", { headers: { cookie: owner.cookie } });
    expect(page.status).toBe(200);
    expect(await page.text()).toContain("Rebound queues");
    expect(page.headers.get("content-security-policy")).toContain("script-src 'self'");
    const queues = await world.app.request("/admin/queues/api/queues", { headers: { cookie: owner.cookie } });
    expect(queues.status).toBe(200);
    const names = ((await queues.json()) as { queues: { name: string }[] }).queues.map((q) => q.name).sort();
    expect(names).toEqual(["drip", "email", "import", "inbound", "maintenance"]);

    const coach = await adminWithRole(world.env, world.app, programId, "coach");
    const refused = await world.app.request("/admin/queues", { headers: { cookie: coach.cookie } });
    expect(refused.status).toBe(403);
    expect(await refused.text()).toContain("Owners only");
    await expectError(
      await world.app.request("/admin/queues/api/queues", { headers: { cookie: coach.cookie } }),
      403,
      "forbidden",
    );
    const stranger = await world.app.request("/admin/queues");
    expect(stranger.status).toBe(302);
    await expectError(await world.app.request("/admin/queues/api/queues"), 401, "unauthorized");
    // A state change from elsewhere is refused even with an owner's cookie.
    const clean = await world.app.request("/admin/queues/api/queues/drip/clean/completed", {
      method: "PUT",
      headers: { cookie: owner.cookie, origin: "https://evil.example" },
    });
    expect(clean.status).toBe(403);
    const ok = await world.app.request("/admin/queues/api/queues/drip/clean/completed", {
      method: "PUT",
      headers: { cookie: owner.cookie, origin: ORIGIN },
    });
    expect(ok.status).toBeLessThan(300);
  });
});

describe("imports and exports from the app", () => {
  it("takes an upload far bigger than the JSON limit and reports it like the API", async () => {
    const cohort = await world.createCohort({ programId });
    const fixture = importFixture({ rows: 2000, badPerKind: 2 });
    expect(fixture.csv.length).toBeGreaterThan(64 * 1024);
    await prepareImportFixture(world.ctx, programId, fixture);
    const res = await world.app.request(`/admin/api/cohorts/${cohort.id}/imports?filename=students.csv`, {
      method: "POST",
      headers: { cookie: owner.cookie, origin: ORIGIN, "x-csrf-token": owner.csrf, "content-type": "text/csv" },
      body: fixture.csv,
    });
    expect(res.status).toBe(202);
    const { importId } = (await res.json()) as { importId: string };
    await processImport(world.ctx, importId);
    const status = (await (await as("GET", `/admin/api/imports/${importId}`)).json()) as {
      status: string;
      created: number;
      errors: { row: number }[];
      createdBy: string;
      filename: string;
    };
    expect(status).toMatchObject({ status: "completed", created: fixture.good.length, filename: "students.csv" });
    expect(status.errors.map((e) => e.row)).toEqual([...fixture.bad.keys()]);
    const history = (await (await as("GET", `/admin/api/imports?cohortId=${cohort.id}`)).json()) as {
      imports: { id: string; errorCount: number }[];
    };
    expect(history.imports).toEqual([expect.objectContaining({ id: importId, errorCount: fixture.bad.size })]);
    const report = await as("GET", `/admin/api/imports/${importId}/errors.csv`);
    expect((await report.text()).trim().split("\r\n")).toHaveLength(fixture.bad.size + 1);
  });

  it("exports the cohort's candidates with status, step, replies, themes and outcome, and its stats", async () => {
    const cohort = await world.createCohort({ programId });
    const a = await world.candidateWithSentEmail({
      programId,
      cohort: cohort.slug,
      name: '=HYPERLINK("x")',
      company: "Acme",
    });
    // The first step went out: the track moved on to the second.
    await world.ctx.db.enrollment.update({ where: { id: a.enrollmentId }, data: { nextStep: 1 } });
    await world.createCandidate({ programId, cohort: cohort.slug, outcome: "offer", company: "Beta" });
    await world.ctx.db.reflection.create({
      data: {
        programId,
        candidateId: a.candidateId,
        interviewId: a.interviewId,
        messageId: a.messageId,
        step: "process",
        prompt: "What were the high points?",
        text: "I prepared well but rambled.",
        themes: ["preparation", "communication"],
        sourceKey: unique("src"),
      },
    });
    const res = await v1(`/v1/cohorts/${cohort.slug}/candidates.csv`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-disposition")).toContain(`${cohort.slug}-candidates.csv`);
    const [header, ...rows] = (await res.text())
      .replace(/^\uFEFF/, "")
      .trim()
      .split("\r\n");
    expect(header).toBe(
      "candidate_id,email,name,status,company,role,outcome,track,track_status,current_step,next_step,next_due_at,emails_sent,replies,last_reply_at,themes,enrolled_at",
    );
    expect(rows).toHaveLength(2);
    const row = rows.find((r) => r.startsWith(a.candidateId)) ?? "";
    // A formula-like name is defused for spreadsheets; the step sent, its reply and themes are there.
    expect(row).toContain(`,"'=HYPERLINK(""x"")",active,Acme,Engineer,rejected,rejected,active,process,feedback,`);
    expect(row).toMatch(/,1,1,\d{4}-[^,]+,communication;preparation,/);
    const offer = rows.find((r) => !r.startsWith(a.candidateId)) ?? "";
    expect(offer).toContain(",offer,offer,");

    const stats = await (await as("GET", `/admin/api/cohorts/${cohort.id}/stats.csv`)).text();
    const lines = stats
      .replace(/^\uFEFF/, "")
      .trim()
      .split("\r\n");
    expect(lines[0]).toBe("metric,key,value");
    expect(lines).toContain("enrolled,,2");
    expect(lines).toContain("sent,process,1");
    expect(lines).toContain("replied,process,1");
    expect(lines).toContain("theme,preparation,1");
    expect(lines).toContain("outcome,offer,1");
    const same = await (await as("GET", `/admin/api/cohorts/${cohort.id}/candidates.csv`)).text();
    expect(same).toBe(await (await v1(`/v1/cohorts/${cohort.slug}/candidates.csv`)).text());
  });
});

describe("the audit log", () => {
  it("shows owners who changed keys, settings and imports, by name, newest first", async () => {
    const res = await as("GET", "/admin/api/audit?limit=200");
    expect(res.status).toBe(200);
    const { entries } = (await res.json()) as { entries: { action: string; actorLabel: string; at: string }[] };
    const actions = new Set(entries.map((e) => e.action));
    for (const a of ["api-key.created", "api-key.revoked", "settings.updated", "import.created", "import.completed"]) {
      expect(actions.has(a), a).toBe(true);
    }
    expect(actions.has("interview.recorded")).toBe(false);
    expect(entries.find((e) => e.action === "settings.updated")?.actorLabel).toBe(ownerEmail);
    const times = entries.map((e) => e.at);
    expect([...times].sort().reverse()).toEqual(times);
    const keys = (await (await as("GET", "/admin/api/audit?group=keys")).json()) as { entries: { action: string }[] };
    expect(new Set(keys.entries.map((e) => e.action))).toEqual(new Set(["api-key.created", "api-key.revoked"]));
  });

  it("pages through with `before`", async () => {
    const first = (await (await as("GET", "/admin/api/audit?limit=2")).json()) as {
      entries: { id: string }[];
      next: string;
    };
    expect(first.entries).toHaveLength(2);
    const second = (await (await as("GET", `/admin/api/audit?limit=2&before=${first.next}`)).json()) as {
      entries: { id: string }[];
    };
    expect(second.entries.map((e) => e.id)).not.toContain(first.entries[0]?.id);
    expect(second.entries[0]?.id).not.toBe(first.entries[1]?.id);
  });
});
