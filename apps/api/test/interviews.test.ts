import { createApp } from "../src/app.js";
import { createTestEnv, createTestProgram, TEST_METRICS_TOKEN, type TestEnv, unique } from "@rebound/testkit";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

let env: TestEnv;
let app: ReturnType<typeof createApp>;
let keyA: string;
let keyB: string;

beforeAll(async () => {
  env = await createTestEnv();
  app = createApp(env.ctx);
  keyA = (await createTestProgram(env.ctx)).apiKey;
  keyB = (await createTestProgram(env.ctx)).apiKey;
});
afterAll(async () => env?.close());

const post = (body: unknown, key: string | null = keyA, headers: Record<string, string> = {}) =>
  app.request("/v1/interviews", {
    method: "POST",
    headers: { "content-type": "application/json", ...(key ? { authorization: `Bearer ${key}` } : {}), ...headers },
    body: typeof body === "string" ? body : JSON.stringify(body),
  });

const valid = () => ({
  email: `${unique("cand")}@example.com`,
  name: "Ada Lovelace",
  company: "Acme",
  role: "Engineer",
  outcome: "rejected",
  timezone: "Europe/Paris",
});

async function rowCounts() {
  const db = env.ctx.db;
  const [candidates, interviews, enrollments, messages] = await Promise.all([
    db.candidate.count(),
    db.interview.count(),
    db.enrollment.count(),
    db.message.count(),
  ]);
  return { candidates, interviews, enrollments, messages };
}

describe("POST /v1/interviews", () => {
  it("records the outcome, enrols the candidate and schedules only the first step", async () => {
    const body = valid();
    const res = await post(body);
    expect(res.status).toBe(202);
    const out = (await res.json()) as { candidateId: string; interviewId: string; enrollmentId: string };
    expect(out).toEqual({
      candidateId: expect.any(String),
      interviewId: expect.any(String),
      enrollmentId: expect.any(String),
    });
    const messages = await env.ctx.db.message.findMany({ where: { enrollmentId: out.enrollmentId } });
    expect(messages.map((m) => [m.step, m.status])).toEqual([["process", "scheduled"]]);
    const job = await env.ctx.queues.drip.getJob(messages[0]?.id ?? "");
    expect(job?.data).toEqual({ messageId: messages[0]?.id });
  });

  it("honours Idempotency-Key: same key and body give the same result and one enrolment", async () => {
    const body = valid();
    const key = unique("idem");
    const first = await post(body, keyA, { "idempotency-key": key });
    const second = await post(body, keyA, { "idempotency-key": key });
    expect(first.status).toBe(202);
    expect(second.status).toBe(202);
    const a = await first.json();
    expect(await second.json()).toEqual(a);
    expect(await env.ctx.db.enrollment.count({ where: { candidate: { email: body.email } } })).toBe(1);
    const other = await post({ ...body, company: "Other" }, keyA, { "idempotency-key": key });
    expect(other.status).toBe(422);
    expect(((await other.json()) as { error: { code: string } }).error.code).toBe("idempotency_key_reused");
  });

  it("a second outcome supersedes the running track", async () => {
    const body = valid();
    const first = (await (await post(body)).json()) as { enrollmentId: string; candidateId: string };
    const second = (await (await post({ ...body, outcome: "offer", company: "Globex" })).json()) as {
      enrollmentId: string;
      candidateId: string;
    };
    expect(second.candidateId).toBe(first.candidateId);
    const old = await env.ctx.db.enrollment.findUniqueOrThrow({ where: { id: first.enrollmentId } });
    expect(old.status).toBe("superseded");
    const oldMessages = await env.ctx.db.message.findMany({ where: { enrollmentId: first.enrollmentId } });
    expect(oldMessages.every((m) => m.status === "cancelled")).toBe(true);
  });

  const bad: [string, unknown, number, string][] = [
    ["missing email", { company: "Acme", outcome: "rejected" }, 400, "invalid_body"],
    ["malformed email", { ...valid(), email: "not-an-email" }, 400, "invalid_body"],
    ["missing company", { email: "x@example.com", outcome: "rejected" }, 400, "invalid_body"],
    ["unknown outcome", { ...valid(), outcome: "ghosted" }, 400, "invalid_body"],
    ["bad time zone", { ...valid(), timezone: "Mars/Olympus" }, 400, "invalid_body"],
    ["unknown field", { ...valid(), admin: true }, 400, "invalid_body"],
    ["bad interviewedAt", { ...valid(), interviewedAt: "yesterday" }, 400, "invalid_body"],
    ["malformed JSON", "{ not json", 400, "bad_request"],
    ["oversized body", { ...valid(), role: "x".repeat(70_000) }, 413, "payload_too_large"],
    ["unknown cohort", { ...valid(), cohort: "nope" }, 404, "not_found"],
  ];
  for (const [name, body, status, code] of bad) {
    it(`refuses ${name} with ${status} ${code} and writes nothing`, async () => {
      const before = await rowCounts();
      const res = await post(body);
      expect(res.status).toBe(status);
      const json = (await res.json()) as { error: { code: string; message: string } };
      expect(json.error.code).toBe(code);
      expect(json.error.message.length).toBeGreaterThan(3);
      expect(await rowCounts()).toEqual(before);
    });
  }

  it("refuses a missing or wrong API key with 401 and writes nothing", async () => {
    const before = await rowCounts();
    for (const key of [null, "rb_live_wrong", "garbage"]) {
      const res = await post(valid(), key);
      expect(res.status).toBe(401);
      expect(((await res.json()) as { error: { code: string } }).error.code).toBe("unauthorized");
    }
    expect(await rowCounts()).toEqual(before);
  });

  it("isolates programs: another program's cohort and candidate are 404", async () => {
    await app.request("/v1/cohorts", {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${keyB}` },
      body: JSON.stringify({ slug: "spring-b", name: "B" }),
    });
    const before = await rowCounts();
    const res = await post({ ...valid(), cohort: "spring-b" }, keyA);
    expect(res.status).toBe(404);
    expect(await rowCounts()).toEqual(before);
    const mine = (await (await post(valid(), keyA)).json()) as { candidateId: string };
    const peek = await app.request(`/v1/candidates/${mine.candidateId}`, {
      headers: { authorization: `Bearer ${keyB}` },
    });
    expect(peek.status).toBe(404);
    const own = await app.request(`/v1/candidates/${mine.candidateId}`, {
      headers: { authorization: `Bearer ${keyA}` },
    });
    expect(own.status).toBe(200);
    const garbage = await app.request("/v1/candidates/not-a-uuid", { headers: { authorization: `Bearer ${keyA}` } });
    expect(garbage.status).toBe(404);
  });
});

describe("service endpoints", () => {
  it("serves health, readiness, metrics and a generated OpenAPI document", async () => {
    expect((await app.request("/healthz")).status).toBe(200);
    const ready = await app.request("/readyz");
    expect(ready.status).toBe(200);
    expect(await ready.json()).toMatchObject({ checks: { postgres: "ok", redis: "ok" } });
    expect((await app.request("/metrics")).status).toBe(401);
    expect(
      (await app.request("/metrics", { headers: { authorization: "Bearer wrong-token-0123456789" } })).status,
    ).toBe(401);
    const metricsRes = await app.request("/metrics", { headers: { authorization: `Bearer ${TEST_METRICS_TOKEN}` } });
    expect(metricsRes.status).toBe(200);
    const metrics = await metricsRes.text();
    expect(metrics).toMatch(/rebound_messages\{kind="drip",status="scheduled"\} \d+/);
    expect(metrics).toMatch(/rebound_mail_provider_paused 0/);
    // Without METRICS_TOKEN configured, /metrics is off altogether.
    const off = createApp({ ...env.ctx, config: { ...env.ctx.config, METRICS_TOKEN: undefined } });
    expect((await off.request("/metrics", { headers: { authorization: `Bearer ${TEST_METRICS_TOKEN}` } })).status).toBe(
      404,
    );
    const doc = (await (await app.request("/openapi.json")).json()) as { paths: Record<string, unknown> };
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining(["/v1/interviews", "/v1/candidates/{id}", "/v1/cohorts/{slug}/stats"]),
    );
    expect((await app.request("/docs")).status).toBe(200);
  });
});
