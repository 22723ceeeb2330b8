import { createHmac, timingSafeEqual } from "node:crypto";
import { AppError } from "../errors.js";
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

/** What the admin app needs to know about whoever is signed in: programs, role, pending invitations, CSRF token. */
export async function describeAdmin(ctx: Ctx, admin: AdminPrincipal) {
  const [memberships, invitations, password] = await Promise.all([
    ctx.db.membership.findMany({
      where: { adminUserId: admin.userId },
      orderBy: { createdAt: "asc" },
      select: { role: true, program: { select: { id: true, name: true } } },
    }),
    ctx.db.invitation.findMany({
      where: { email: admin.email.toLowerCase(), status: "pending", expiresAt: { gt: ctx.clock.now() } },
      select: { id: true, role: true, expiresAt: true, program: { select: { id: true, name: true } } },
    }),
    ctx.db.adminAccount.findFirst({
      where: { adminUserId: admin.userId, providerId: "credential", password: { not: null } },
      select: { id: true },
    }),
  ]);
  const current = memberships.find((m) => m.program.id === admin.programId);
  return {
    user: { id: admin.userId, email: admin.email, name: admin.name, hasPassword: password !== null },
    program: current ? { id: current.program.id, name: current.program.name } : null,
    role: admin.role,
    programs: memberships.map((m) => ({ id: m.program.id, name: m.program.name, role: m.role })),
    invitations: invitations.map((i) => ({
      id: i.id,
      role: i.role,
      expiresAt: i.expiresAt,
      program: { id: i.program.id, name: i.program.name },
    })),
    csrfToken: csrfTokenFor(ctx.config, admin.sessionToken),
    outbox: !ctx.config.RESEND_API_KEY,
  };
}

/**
 * Sets the first password of an admin who signed in by link (the CLI's, an invitation's).
 * An admin who has one changes it through better-auth's change-password (it asks for the old one).
 */
export async function setFirstPassword(ctx: Ctx, headers: Headers, admin: AdminPrincipal, password: string) {
  const has = await ctx.db.adminAccount.findFirst({
    where: { adminUserId: admin.userId, providerId: "credential", password: { not: null } },
    select: { id: true },
  });
  if (has) throw new AppError(409, "password_exists", "you already have a password: change it with your current one");
  if (password.length < 10 || password.length > 128) {
    throw new AppError(400, "invalid_password", "a password has 10 to 128 characters");
  }
  await adminAuth(ctx).api.setPassword({ body: { newPassword: password }, headers });
}
