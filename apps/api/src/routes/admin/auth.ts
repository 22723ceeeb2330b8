import {
  AppError,
  AUTH_BASE_PATH,
  adminAuth,
  csrfTokenMatches,
  enforceRateLimit,
  resolveAdminSession,
  safeNextPath,
} from "@rebound/core";
import { Hono } from "hono";
import type { AdminEnv } from "../../admin/env.js";
import { CSRF_HEADER } from "../../admin/session.js";
import { clientIp } from "../../client-ip.js";
import type { PlainRouteDoc } from "../../documented.js";

/** Sign-in endpoints whose attempts are counted per IP and per account (in Redis, across processes). */
const THROTTLED = new Set(["/sign-in/email", "/sign-in/magic-link"]);

async function emailOf(req: Request): Promise<string | null> {
  try {
    const body = (await req.clone().json()) as { email?: unknown };
    return typeof body.email === "string" ? body.email.trim().toLowerCase() : null;
  } catch {
    return null;
  }
}

export const authDocs: PlainRouteDoc[] = [
  {
    method: "get",
    path: "/admin/login",
    summary:
      "An admin's sign-in link (the CLI's adminLoginUrl, emailed links): signs in once, then redirects into the app",
    tags: ["admin"],
    responses: {
      302: {
        description: "Signed in (session cookie set) and sent to the app, or to the sign-in page if the link is spent",
      },
      429: { description: "Too many attempts from this address", type: "application/json" },
    },
  },
  {
    method: "post",
    path: "/admin/api/auth/{path}",
    summary: "better-auth: sign-in (email + password, magic link), sign-out, password, organization and invitations",
    description:
      "Handled by better-auth (https://better-auth.com): sign-in attempts are throttled per IP and per account; requests of a signed-in admin need the X-CSRF-Token header.",
    tags: ["admin"],
    request: { contentType: "application/json", description: "As better-auth defines for each path" },
    responses: {
      200: { description: "better-auth's answer", type: "application/json" },
      403: { description: "Wrong origin or missing CSRF token", type: "application/json" },
      429: { description: "Too many sign-in attempts", type: "application/json" },
    },
  },
  {
    method: "get",
    path: "/admin/api/auth/{path}",
    summary: "better-auth: session, organization and invitation reads",
    tags: ["admin"],
    responses: { 200: { description: "better-auth's answer", type: "application/json" } },
  },
];

/** better-auth's handler under /admin/api/auth, with Rebound's throttling and CSRF rule in front of it. */
export const authRoutes = new Hono<AdminEnv>()
  .on(["GET", "POST"], `${AUTH_BASE_PATH}/*`, async (c) => {
    const ctx = c.get("ctx");
    const path = c.req.path.slice(AUTH_BASE_PATH.length);
    if (c.req.method === "POST") {
      if (THROTTLED.has(path)) {
        await enforceRateLimit(ctx, "sign-in-ip", clientIp(c));
        const email = await emailOf(c.req.raw);
        if (email) await enforceRateLimit(ctx, "sign-in-account", email);
      }
      const admin = await resolveAdminSession(ctx, c.req.raw.headers);
      if (admin && !csrfTokenMatches(ctx.config, admin.sessionToken, c.req.header(CSRF_HEADER))) {
        throw new AppError(403, "csrf_token_invalid", `missing or wrong ${CSRF_HEADER} header; reload the page`);
      }
    }
    return adminAuth(ctx).handler(c.req.raw);
  })
  .get("/admin/login", async (c) => {
    const ctx = c.get("ctx");
    await enforceRateLimit(ctx, "sign-in-ip", clientIp(c));
    const token = c.req.query("token") ?? "";
    const next = safeNextPath(c.req.query("next"), "/admin/welcome");
    const verify = new URL(`${ctx.config.PUBLIC_URL}${AUTH_BASE_PATH}/magic-link/verify`);
    verify.searchParams.set("token", token);
    verify.searchParams.set("callbackURL", next);
    verify.searchParams.set("errorCallbackURL", "/admin/signin");
    c.header("Cache-Control", "no-store");
    const res = await adminAuth(ctx).handler(new Request(verify, { headers: c.req.raw.headers }));
    return res;
  });
