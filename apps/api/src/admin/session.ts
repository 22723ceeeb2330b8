import {
  type AdminRole,
  AppError,
  adminOrigins,
  csrfTokenMatches,
  resolveAdminSession,
  roleAllows,
} from "@rebound/core";
import { createMiddleware } from "hono/factory";
import type { AdminEnv } from "./env.js";

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);
export const CSRF_HEADER = "x-csrf-token";

/**
 * Every state-changing request to /admin comes from the admin app's own origin. Browsers send
 * Origin on every POST/PATCH/DELETE; a request from elsewhere is refused before anything runs.
 */
export const adminOriginCheck = createMiddleware<AdminEnv>(async (c, next) => {
  if (!SAFE_METHODS.has(c.req.method)) {
    const origin = c.req.header("origin");
    const site = c.req.header("sec-fetch-site");
    const trusted = adminOrigins(c.get("ctx").config);
    if ((origin && origin !== "null" && !trusted.includes(origin)) || origin === "null" || site === "cross-site") {
      throw new AppError(403, "forbidden_origin", "this request did not come from the admin app");
    }
  }
  await next();
});

async function principal(c: Parameters<Parameters<typeof createMiddleware<AdminEnv>>[0]>[0]) {
  const ctx = c.get("ctx");
  const admin = await resolveAdminSession(ctx, c.req.raw.headers);
  if (!admin) throw new AppError(401, "unauthorized", "sign in to the admin app first");
  if (!SAFE_METHODS.has(c.req.method) && !csrfTokenMatches(ctx.config, admin.sessionToken, c.req.header(CSRF_HEADER))) {
    throw new AppError(403, "csrf_token_invalid", `missing or wrong ${CSRF_HEADER} header; reload the page`);
  }
  c.set("admin", admin);
  return admin;
}

/** Signed in (any program or none yet): the session route itself, invitations. State changes need the CSRF token. */
export const requireSignedIn = createMiddleware<AdminEnv>(async (c, next) => {
  await principal(c);
  await next();
});

/**
 * Signed in as a member of a program, with at least `role` (owner > coach > viewer). Sets
 * `programId`, so every verb behind it sees only that program's rows. GETs need viewer;
 * writes need coach unless a route asks for more.
 */
export const requireRole = (role: AdminRole) =>
  createMiddleware<AdminEnv>(async (c, next) => {
    const admin = await principal(c);
    if (!admin.programId || !admin.role) {
      throw new AppError(403, "no_program", "you are not a member of any program yet");
    }
    if (!roleAllows(admin.role, role)) {
      throw new AppError(403, "forbidden", `this needs the ${role} role; you are ${admin.role}`);
    }
    c.set("programId", admin.programId);
    await next();
  });

/** The usual pair: read as viewer, write as coach. */
export const canRead = requireRole("viewer");
export const canWrite = requireRole("coach");
export const ownerOnly = requireRole("owner");

/** OpenAPI security entry of the session-authenticated routes. */
export const adminSecurity = [{ adminSession: [] }];
