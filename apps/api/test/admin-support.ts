import { issueLoginLink } from "@rebound/core";
import type { TestEnv } from "@rebound/testkit";
import { unique } from "@rebound/testkit";
import type { createApp } from "../src/app.js";

type App = ReturnType<typeof createApp>;
export const ORIGIN = "http://rebound.test";

/** The session cookie(s) a response sets, as a Cookie header. */
export function cookiesOf(res: Response): string {
  return res.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .filter((c): c is string => !!c && !c.endsWith("="))
    .join("; ");
}

/** Signs in through a login link (the CLI's adminLoginUrl) and returns the admin's cookie and CSRF token. */
export async function signInByLink(app: App, url: string) {
  const u = new URL(url);
  const res = await app.request(u.pathname + u.search);
  const cookie = cookiesOf(res);
  if (res.status !== 302 || !cookie) throw new Error(`sign-in link refused: ${res.status} ${await res.text()}`);
  const session = await app.request("/admin/api/session", { headers: { cookie } });
  const body = (await session.json()) as { csrfToken: string };
  return { cookie, csrf: body.csrfToken, location: res.headers.get("location") };
}

/** A signed-in admin's requests: the cookie, the origin and (for writes) the CSRF token, like the app sends them. */
export function adminRequests(app: App, who: { cookie: string; csrf: string }) {
  return (method: string, path: string, body?: unknown, headers: Record<string, string> = {}) =>
    app.request(path, {
      method,
      headers: {
        cookie: who.cookie,
        origin: ORIGIN,
        ...(method === "GET" ? {} : { "x-csrf-token": who.csrf }),
        ...(body === undefined ? {} : { "content-type": "application/json" }),
        ...headers,
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
}

/** Another admin of a program, with a role, signed in. */
export async function adminWithRole(env: TestEnv, app: App, programId: string, role: "owner" | "coach" | "viewer") {
  const email = `${unique(role)}@example.org`;
  const user = await env.ctx.db.adminUser.create({ data: { email, emailVerified: true } });
  await env.ctx.db.membership.create({ data: { programId, adminUserId: user.id, role } });
  return { email, ...(await signInByLink(app, await issueLoginLink(env.ctx, email, "/admin/"))) };
}
