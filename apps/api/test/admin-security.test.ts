import { randomUUID } from "node:crypto";
import { createApiKey, createImport } from "@rebound/core";
import { createTestProgram, unique } from "@rebound/testkit";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { adminRequests, adminWithRole, ORIGIN, signInByLink } from "./admin-support.js";
import { createWorld, enrol, type World } from "./support.js";

/**
 * Every admin endpoint refuses: no session (401), another program's ids (404), a viewer writing
 * (403), a write without the CSRF token (403), a write from another origin (403). The table
 * below must name every /admin/api path of the OpenAPI document: a new endpoint without a line
 * here fails the last test.
 */
type Ids = { cohortId: string; candidateId: string; emailId: string; importId: string; keyId: string };
interface Endpoint {
  method: "GET" | "POST" | "PATCH" | "DELETE";
  path: string;
  body?: unknown;
  /** Owners only, reads included (API keys, the audit log). */
  ownerOnly?: boolean;
}
const ENDPOINTS: Endpoint[] = [
  { method: "GET", path: "/admin/api/session" },
  { method: "POST", path: "/admin/api/session/password", body: { password: "a-long-enough-password" } },
  { method: "GET", path: "/admin/api/cohorts" },
  { method: "POST", path: "/admin/api/cohorts", body: { slug: "sec-new", name: "New" } },
  { method: "PATCH", path: "/admin/api/cohorts/{cohortId}", body: { name: "Renamed" } },
  { method: "GET", path: "/admin/api/cohorts/{cohortId}/dashboard" },
  { method: "GET", path: "/admin/api/cohorts/{cohortId}/candidates" },
  { method: "GET", path: "/admin/api/candidates/{candidateId}" },
  { method: "POST", path: "/admin/api/candidates/{candidateId}/actions", body: { action: "pause" } },
  { method: "GET", path: "/admin/api/outbox" },
  { method: "GET", path: "/admin/api/outbox/{emailId}" },
  { method: "POST", path: "/admin/api/outbox/{emailId}/reply", body: { text: "Hello" } },
  { method: "POST", path: "/admin/api/cohorts/{cohortId}/imports", body: "email,company,outcome" },
  { method: "GET", path: "/admin/api/imports" },
  { method: "GET", path: "/admin/api/imports/{importId}" },
  { method: "GET", path: "/admin/api/imports/{importId}/errors.csv" },
  { method: "GET", path: "/admin/api/cohorts/{cohortId}/candidates.csv" },
  { method: "GET", path: "/admin/api/cohorts/{cohortId}/stats.csv" },
  { method: "GET", path: "/admin/api/api-keys", ownerOnly: true },
  { method: "POST", path: "/admin/api/api-keys", body: { name: "LMS" }, ownerOnly: true },
  { method: "DELETE", path: "/admin/api/api-keys/{keyId}", ownerOnly: true },
  { method: "GET", path: "/admin/api/settings" },
  { method: "PATCH", path: "/admin/api/settings", body: { senderName: "Evil" }, ownerOnly: true },
  { method: "POST", path: "/admin/api/settings/preview", body: {} },
  { method: "GET", path: "/admin/api/audit", ownerOnly: true },
];
const fill = (path: string, ids: Ids) =>
  path
    .replace("{cohortId}", ids.cohortId)
    .replace("{candidateId}", ids.candidateId)
    .replace("{emailId}", ids.emailId)
    .replace("{importId}", ids.importId)
    .replace("{keyId}", ids.keyId);
/** Reads that change nothing even though they are POSTs (a preview of unsaved settings). */
const READS_BY_POST = new Set(["/admin/api/settings/preview"]);
const writes = ENDPOINTS.filter(
  (e) => e.method !== "GET" && !e.path.startsWith("/admin/api/session") && !READS_BY_POST.has(e.path),
);
const withIds = ENDPOINTS.filter((e) => e.path.includes("{"));

let world: World;
let own: Ids;
let other: Ids;
let owner: { cookie: string; csrf: string };

async function programIds(programId: string, apiKey: string): Promise<Ids> {
  const cohort = await world.env.ctx.db.cohort.create({
    data: {
      programId,
      slug: unique("c")
        .replace(/[^a-z0-9]+/g, "-")
        .toLowerCase(),
      name: "C",
    },
  });
  const { candidateId } = await enrol(world, { cohort: cohort.slug }, apiKey);
  const email = await world.env.ctx.db.outboxEmail.create({
    data: {
      idempotencyKey: randomUUID(),
      fromAddress: "Rebound <coach@rebound.test>",
      toAddress: "cand@example.com",
      subject: "Hello",
      html: "<p>Hello</p>",
      text: "Hello",
      headers: { "Reply-To": "reply+x@reply.rebound.localhost" },
      tags: [{ name: "program", value: programId }],
    },
  });
  const imported = await createImport(world.env.ctx, programId, {
    cohortSlug: cohort.slug,
    body: new TextEncoder().encode("email,company,outcome\r\nsec@example.com,Acme,rejected\r\n"),
    actor: "test",
  });
  const key = await createApiKey(world.env.ctx.db, programId, "sec", "test");
  return { cohortId: cohort.id, candidateId, emailId: email.id, importId: imported.importId, keyId: key.id };
}

beforeAll(async () => {
  // No RESEND_API_KEY: the outbox endpoints exist (and must refuse like the others).
  world = await createWorld({ RESEND_API_KEY: "" });
  const first = await createTestProgram(world.env.ctx);
  const second = await createTestProgram(world.env.ctx);
  world.programId = first.programId;
  world.apiKey = first.apiKey;
  own = await programIds(first.programId, first.apiKey);
  other = await programIds(second.programId, second.apiKey);
  owner = await signInByLink(world.app, first.adminLoginUrl);
});
afterAll(async () => world?.env.close());

describe("admin endpoints", () => {
  it("answer 401 without a session", async () => {
    for (const e of ENDPOINTS) {
      const res = await world.app.request(fill(e.path, own), {
        method: e.method,
        headers: { origin: ORIGIN, "content-type": "application/json" },
        ...(e.body ? { body: JSON.stringify(e.body) } : {}),
      });
      expect({ e: `${e.method} ${e.path}`, status: res.status }).toEqual({ e: `${e.method} ${e.path}`, status: 401 });
      expect(((await res.json()) as { error: { code: string } }).error.code).toBe("unauthorized");
    }
  });

  it("answer 404 for another program's ids, as for unknown ones", async () => {
    const req = adminRequests(world.app, owner);
    for (const e of withIds) {
      const unknown = {
        cohortId: randomUUID(),
        candidateId: randomUUID(),
        emailId: randomUUID(),
        importId: randomUUID(),
        keyId: randomUUID(),
      };
      for (const ids of [other, unknown]) {
        const res = await req(e.method, fill(e.path, ids), e.body);
        expect({ e: `${e.method} ${e.path}`, status: res.status }).toEqual({
          e: `${e.method} ${e.path}`,
          status: 404,
        });
      }
    }
    // Nothing of the other program changed or leaked into lists.
    expect((await world.env.ctx.db.candidate.findUniqueOrThrow({ where: { id: other.candidateId } })).status).toBe(
      "active",
    );
    const cohorts = (await (await req("GET", "/admin/api/cohorts")).json()) as { cohorts: { id: string }[] };
    expect(cohorts.cohorts.map((c) => c.id)).toEqual([own.cohortId]);
    const outbox = (await (await req("GET", "/admin/api/outbox")).json()) as { emails: { id: string }[] };
    expect(outbox.emails.map((m) => m.id)).toEqual([own.emailId]);
  });

  it("answer 403 to a viewer who writes, and let the viewer read", async () => {
    const viewer = await adminWithRole(world.env, world.app, world.programId, "viewer");
    const req = adminRequests(world.app, viewer);
    for (const e of writes) {
      const res = await req(e.method, fill(e.path, own), e.body);
      expect({ e: `${e.method} ${e.path}`, status: res.status }).toEqual({ e: `${e.method} ${e.path}`, status: 403 });
    }
    for (const e of ENDPOINTS.filter((x) => x.method === "GET" || READS_BY_POST.has(x.path))) {
      const res = await req(e.method, fill(e.path, own), e.body);
      expect(res.status, e.path).toBe(e.ownerOnly ? 403 : 200);
    }
    // Owner-only pages refuse a coach too.
    const coach = adminRequests(world.app, await adminWithRole(world.env, world.app, world.programId, "coach"));
    for (const e of ENDPOINTS.filter((x) => x.ownerOnly)) {
      expect((await coach(e.method, fill(e.path, own), e.body)).status, `coach ${e.method} ${e.path}`).toBe(403);
    }
    expect(
      await world.env.ctx.db.apiKey.count({ where: { programId: world.programId, revokedAt: { not: null } } }),
    ).toBe(0);
    expect((await world.env.ctx.db.candidate.findUniqueOrThrow({ where: { id: own.candidateId } })).status).toBe(
      "active",
    );
  });

  it("answer 403 to a write without the CSRF token, or with another session's", async () => {
    const coach = await adminWithRole(world.env, world.app, world.programId, "coach");
    for (const e of ENDPOINTS.filter((x) => x.method !== "GET")) {
      for (const token of [undefined, coach.csrf]) {
        const res = await world.app.request(fill(e.path, own), {
          method: e.method,
          headers: {
            cookie: owner.cookie,
            origin: ORIGIN,
            "content-type": "application/json",
            ...(token ? { "x-csrf-token": token } : {}),
          },
          body: JSON.stringify(e.body),
        });
        expect({ e: `${e.method} ${e.path}`, status: res.status }).toEqual({
          e: `${e.method} ${e.path}`,
          status: 403,
        });
        expect(((await res.json()) as { error: { code: string } }).error.code).toBe("csrf_token_invalid");
      }
    }
    // better-auth's own endpoints follow the same rule for a signed-in admin.
    const signOut = await world.app.request("/admin/api/auth/sign-out", {
      method: "POST",
      headers: { cookie: owner.cookie, origin: ORIGIN },
    });
    expect(signOut.status).toBe(403);
  });

  it("answer 403 to a write from another origin, even with the token", async () => {
    const res = await adminRequests(world.app, owner)(
      "POST",
      "/admin/api/cohorts",
      { slug: "evil", name: "Evil" },
      {
        origin: "https://evil.example",
      },
    );
    expect(res.status).toBe(403);
    expect(await world.env.ctx.db.cohort.count({ where: { slug: "evil" } })).toBe(0);
  });

  it("cover every admin path of the OpenAPI document", async () => {
    const doc = (await (await world.app.request("/openapi.json")).json()) as { paths: Record<string, object> };
    const documented = Object.entries(doc.paths)
      .filter(([p]) => p.startsWith("/admin/api/") && !p.startsWith("/admin/api/auth/"))
      .flatMap(([p, ops]) => Object.keys(ops).map((m) => `${m.toUpperCase()} ${p}`))
      .sort();
    expect(documented).toEqual(ENDPOINTS.map((e) => `${e.method} ${e.path}`).sort());
  });
});
