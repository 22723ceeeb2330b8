import { createHmac, timingSafeEqual } from "node:crypto";
import type { AppContext } from "../context.js";
import { adminMailer } from "./admin-mail.js";
import { type AdminAuth, type AdminRole, createAdminAuth } from "./auth.js";

type Ctx = Pick<AppContext, "db" | "queues" | "log" | "config" | "clock">;

const instances = new WeakMap<object, AdminAuth>();

/** The server's better-auth, built once per context (its mail goes through the context's queues). */
export function adminAuth(ctx: Ctx): AdminAuth {
  let auth = instances.get(ctx.db);
  if (!auth) {
    auth = createAdminAuth(ctx, adminMailer(ctx));
    instances.set(ctx.db, auth);
  }
  return auth;
}

/** Who is asking, in which program, with which role. */
export interface AdminPrincipal {
  userId: string;
  email: string;
  name: string;
  /** Null for a signed-in admin who belongs to no program yet (an invitee who has not accepted). */
  programId: string | null;
  role: AdminRole | null;
  /** The session's own token: the CSRF token is derived from it. */
  sessionToken: string;
  sessionId: string;
}

/**
 * The admin behind a request's session cookie, or null. The program is the session's active one
 * when the admin still belongs to it, otherwise their oldest membership: a removed membership
 * takes effect on the next request.
 */
export async function resolveAdminSession(ctx: Ctx, headers: Headers): Promise<AdminPrincipal | null> {
  const found = await adminAuth(ctx).api.getSession({ headers, query: { disableCookieCache: true } });
  if (!found) return null;
  const active = (found.session as { activeOrganizationId?: string | null }).activeOrganizationId ?? null;
  const memberships = await ctx.db.membership.findMany({
    where: { adminUserId: found.user.id },
    orderBy: { createdAt: "asc" },
    select: { programId: true, role: true },
  });
  const membership = memberships.find((m) => m.programId === active) ?? memberships[0] ?? null;
  return {
    userId: found.user.id,
    email: found.user.email,
    name: found.user.name,
    programId: membership?.programId ?? null,
    role: membership?.role ?? null,
    sessionToken: found.session.token,
    sessionId: found.session.id,
  };
}

/**
 * The CSRF token of a session: an HMAC of its token, so it cannot be guessed from outside, needs
 * no storage and dies with the session. The app reads it from GET /admin/api/session and sends it
 * as `X-CSRF-Token` on every state-changing request.
 */
export function csrfTokenFor(config: Pick<AppContext["config"], "APP_SECRET">, sessionToken: string): string {
  return createHmac("sha256", config.APP_SECRET).update(`admin-csrf\n${sessionToken}`).digest("base64url");
}

export function csrfTokenMatches(
  config: Pick<AppContext["config"], "APP_SECRET">,
  sessionToken: string,
  sent: string | undefined | null,
): boolean {
  if (!sent) return false;
  const expected = Buffer.from(csrfTokenFor(config, sessionToken));
  const got = Buffer.from(sent);
  return got.length === expected.length && timingSafeEqual(got, expected);
}

const RANK: Record<AdminRole, number> = { viewer: 0, coach: 1, owner: 2 };

/** Whether `role` is at least `needed` (owner > coach > viewer). */
export function roleAllows(role: AdminRole | null, needed: AdminRole): boolean {
  return role !== null && RANK[role] >= RANK[needed];
}
