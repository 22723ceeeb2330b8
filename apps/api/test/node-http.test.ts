import type { AddressInfo } from "node:net";
import { serve, type ServerType } from "@hono/node-server";
import { unique } from "@rebound/testkit";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { JSON_BODY_LIMIT } from "../src/app.js";
import { createWorld, type ErrorJson, expectError, type World } from "./support.js";

// Under Node the API reads small bodies straight from the request stream (small-body.ts) and
// writes its security headers on Node's response (secure-headers.ts); app.request() has no
// Node request, so these tests go through a real HTTP server.
let world: World;
let server: ServerType;
let base: string;

beforeAll(async () => {
  world = await createWorld();
  await new Promise<void>((resolve) => {
    server = serve({ fetch: world.app.fetch, port: 0, hostname: "127.0.0.1" }, () => resolve());
  });
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await new Promise<void>((resolve) => server?.close(() => resolve()));
  await world?.env.close();
});

const interview = (extra: Record<string, unknown> = {}) => ({
  email: `${unique("body")}@example.com`,
  name: "Zoë Ørsted",
  company: "Acme",
  role: "Engineer",
  outcome: "rejected",
  ...extra,
});

function post(body: string | ReadableStream<Uint8Array>, headers: Record<string, string> = {}) {
  return fetch(`${base}/v1/interviews`, {
    method: "POST",
    headers: { "content-type": "application/json", authorization: `Bearer ${world.apiKey}`, ...headers },
    body,
    // A ReadableStream body goes out chunked, with no Content-Length.
    ...(body instanceof ReadableStream ? { duplex: "half" } : {}),
  } as RequestInit);
}

/** A body sent in pieces with Transfer-Encoding: chunked. */
function chunked(text: string, pieces = 4): ReadableStream<Uint8Array> {
  const bytes = new TextEncoder().encode(text);
  const size = Math.ceil(bytes.length / pieces);
  let at = 0;
  return new ReadableStream({
    pull(controller) {
      if (at >= bytes.length) return controller.close();
      controller.enqueue(bytes.slice(at, at + size));
      at += size;
    },
  });
}

const candidates = () => world.env.ctx.db.candidate.count();

describe("small JSON bodies over real HTTP", () => {
  it("enrols from a body with a byte-order mark and non-ASCII text, read exactly", async () => {
    const body = interview();
    const res = await post(`\uFEFF${JSON.stringify(body)}`);
    expect(res.status).toBe(202);
    const { candidateId } = (await res.json()) as { candidateId: string };
    const row = await world.env.ctx.db.candidate.findUniqueOrThrow({ where: { id: candidateId } });
    expect(row.name).toBe("Zoë Ørsted");
    expect(row.email).toBe(body.email);
  });

  it("enrols from a chunked body with no Content-Length", async () => {
    const body = interview({ name: "Chunked Chen" });
    const res = await post(chunked(JSON.stringify(body)));
    expect(res.status).toBe(202);
    const { candidateId } = (await res.json()) as { candidateId: string };
    expect((await world.env.ctx.db.candidate.findUniqueOrThrow({ where: { id: candidateId } })).name).toBe(
      "Chunked Chen",
    );
  });

  it("refuses malformed JSON with 400 and writes nothing", async () => {
    const before = await candidates();
    await expectError(await post("{ not json"), 400, "bad_request");
    expect(await candidates()).toBe(before);
  });

  it("refuses a body over the limit by its Content-Length with 413 and writes nothing", async () => {
    const before = await candidates();
    const res = await post(JSON.stringify(interview({ role: "x".repeat(JSON_BODY_LIMIT) })));
    await expectError(res, 413, "payload_too_large");
    expect(await candidates()).toBe(before);
  });

  it("refuses a chunked body that grows over the limit with 413 and writes nothing", async () => {
    const before = await candidates();
    const res = await post(chunked(JSON.stringify(interview({ role: "y".repeat(JSON_BODY_LIMIT * 2) })), 16));
    const json = (await res.json()) as ErrorJson;
    expect([res.status, json.error.code]).toEqual([413, "payload_too_large"]);
    expect(await candidates()).toBe(before);
  });

  it("still parses form posts on /v1 (the signup confirmation button)", async () => {
    const form = (token: string) =>
      fetch(`${base}/v1/subscribe/confirm`, {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded", accept: "application/json" },
        body: new URLSearchParams({ token, action: "confirm" }).toString(),
      });
    // A token that is too short to be one is refused by the form's validator, so the form was read.
    await expectError(await form("short"), 400, "invalid_token");
  });
});

describe("security headers over real HTTP", () => {
  const headersOf = (res: Response) =>
    Object.fromEntries(
      [...res.headers].filter(([name]) => !["date", "content-length", "connection", "keep-alive"].includes(name)),
    );

  it("are the same as Hono's own middleware gives, on JSON, errors and candidate pages", async () => {
    for (const path of ["/healthz", "/v1/nothing-here", "/log/not-a-token", "/unsubscribe/not-a-token"]) {
      const overHttp = await fetch(`${base}${path}`);
      const inProcess = await world.app.request(path);
      expect(overHttp.status, path).toBe(inProcess.status);
      expect(headersOf(overHttp), path).toEqual(headersOf(inProcess));
      expect(overHttp.headers.get("x-content-type-options"), path).toBe("nosniff");
      expect(overHttp.headers.get("referrer-policy"), path).toBe("no-referrer");
      expect(overHttp.headers.get("content-security-policy"), path).toContain("frame-ancestors 'none'");
    }
  });

  it("leave a page's own policy in place (the API explorer)", async () => {
    const res = await fetch(`${base}/docs`);
    expect(res.status).toBe(200);
    const csp = res.headers.get("content-security-policy") ?? "";
    expect(csp).toContain("script-src 'unsafe-inline' https://cdn.jsdelivr.net");
    expect(csp).not.toContain("style-src 'unsafe-inline';");
    expect(res.headers.get("x-frame-options")).toBe("SAMEORIGIN");
  });
});
