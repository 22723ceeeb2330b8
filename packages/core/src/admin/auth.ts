import { createHmac } from "node:crypto";
import type { Config } from "@rebound/config";
import type { Db } from "@rebound/db";
import { betterAuth } from "better-auth";
import { createAuthMiddleware, getSessionFromCtx } from "better-auth/api";
import { prismaAdapter } from "better-auth/adapters/prisma";
import { magicLink, organization } from "better-auth/plugins";
import { createAccessControl } from "better-auth/plugins/access";
import { defaultStatements, memberAc, ownerAc } from "better-auth/plugins/organization/access";
import { audit } from "../audit.js";

/** Everything of the admin app lives under /admin; its JSON API under /admin/api, better-auth under /admin/api/auth. */
export const ADMIN_PATH = "/admin";
export const ADMIN_API_PATH = "/admin/api";
export const AUTH_BASE_PATH = "/admin/api/auth";
/** A magic link (the CLI's adminLoginUrl, an emailed sign-in link) is single use and lives this long. */
export const MAGIC_LINK_TTL_S = 60 * 60;
export const INVITATION_TTL_S = 7 * 86_400;
export const SESSION_TTL_S = 7 * 86_400;

export const ADMIN_ROLES = ["owner", "coach", "viewer"] as const;
export type AdminRole = (typeof ADMIN_ROLES)[number];

/**
 * What each role may do. Owners run the program (admins, invitations, settings); coaches work with
 * cohorts and candidates; viewers read. better-auth enforces the organization/member/invitation
 * statements on its own endpoints; Rebound's admin routes check `program` through requireRole.
 */
const ac = createAccessControl({ ...defaultStatements, program: ["read", "write", "manage"] } as const);
export const adminRoles = {
  owner: ac.newRole({ ...ownerAc.statements, program: ["read", "write", "manage"] }),
  coach: ac.newRole({ ...memberAc.statements, program: ["read", "write"] }),
  viewer: ac.newRole({ ...memberAc.statements, program: ["read"] }),
};

export interface AdminMailer {
  /** A sign-in link for an admin (or an invited admin); sends nothing for an unknown address. */
  sendMagicLink(data: { email: string; url: string; token: string }): Promise<void>;
  sendInvitation(data: {
    invitationId: string;
    email: string;
    role: string;
    programId: string;
    programName: string;
    inviterName: string;
  }): Promise<void>;
}

export type AuthDeps = { db: Db; config: Pick<Config, "APP_SECRET" | "PUBLIC_URL" | "NODE_ENV" | "ADMIN_DEV_URL"> };

/** The trusted origins: the public URL, and in development the admin's own Vite server. */
export function adminOrigins(config: AuthDeps["config"]): string[] {
  const origins = [new URL(config.PUBLIC_URL).origin];
  if (config.NODE_ENV === "development" && config.ADMIN_DEV_URL) origins.push(new URL(config.ADMIN_DEV_URL).origin);
  return origins;
}

/** better-auth's secret, derived from APP_SECRET so one secret still signs everything. */
const authSecret = (appSecret: string) => createHmac("sha256", appSecret).update("better-auth").digest("base64url");

/**
 * The admins' sign-in, on better-auth: email + password (scrypt, better-auth's default hash),
 * magic links (stored hashed, single use), a program as the organization with roles owner,
 * coach and viewer, and invitations. Sessions live in AdminSession; the cookie is HttpOnly,
 * SameSite=Lax, scoped to /admin, and Secure outside development. Sign-up is closed: an admin
 * exists through `pnpm cli program create` or an invitation.
 */
export function createAdminAuth(deps: AuthDeps, mailer: AdminMailer) {
  const { db, config } = deps;
  return betterAuth({
    // Team changes go through better-auth's own endpoints: the audit log gets them here, once.
    hooks: { after: createAuthMiddleware(async (ctx) => auditTeamChange(db, ctx)) },
    appName: "Rebound",
    baseURL: config.PUBLIC_URL,
    basePath: AUTH_BASE_PATH,
    secret: authSecret(config.APP_SECRET),
    trustedOrigins: adminOrigins(config),
    database: prismaAdapter(db, { provider: "postgresql" }),
    telemetry: { enabled: false },
    // Sign-in attempts are throttled in Redis by the API (enforceRateLimit), shared by every process.
    rateLimit: { enabled: false },
    logger: { disabled: config.NODE_ENV === "test" },
    user: { modelName: "adminUser" },
    session: {
      modelName: "adminSession",
      fields: { userId: "adminUserId" },
      expiresIn: SESSION_TTL_S,
      updateAge: 86_400,
    },
    account: { modelName: "adminAccount", fields: { userId: "adminUserId" } },
    verification: { modelName: "adminVerification" },
    emailAndPassword: { enabled: true, disableSignUp: true, minPasswordLength: 10, maxPasswordLength: 128 },
    advanced: {
      cookiePrefix: "rebound",
      useSecureCookies: config.NODE_ENV !== "development",
      defaultCookieAttributes: { path: ADMIN_PATH, sameSite: "lax", httpOnly: true },
      database: { generateId: "uuid" },
    },
    plugins: [
      organization({
        ac,
        roles: adminRoles,
        allowUserToCreateOrganization: false,
        disableOrganizationDeletion: true,
        creatorRole: "owner",
        invitationExpiresIn: INVITATION_TTL_S,
        cancelPendingInvitationsOnReInvite: true,
        async sendInvitationEmail(data) {
          await mailer.sendInvitation({
            invitationId: data.id,
            email: data.email,
            role: data.role,
            programId: data.organization.id,
            programName: data.organization.name,
            inviterName: data.inviter.user.name || data.inviter.user.email,
          });
        },
        schema: {
          session: { fields: { activeOrganizationId: "activeProgramId" } },
          organization: { modelName: "program" },
          member: { modelName: "membership", fields: { organizationId: "programId", userId: "adminUserId" } },
          invitation: { modelName: "invitation", fields: { organizationId: "programId" } },
        },
      }),
      magicLink({
        expiresIn: MAGIC_LINK_TTL_S,
        storeToken: "hashed",
        // An invited admin has no account yet: their first magic link creates it (sendMagicLink only
        // sends to known admins and to addresses with a pending invitation).
        disableSignUp: false,
        async sendMagicLink(data) {
          await mailer.sendMagicLink(data);
        },
      }),
    ],
  });
}

export type AdminAuth = ReturnType<typeof createAdminAuth>;

/** better-auth's team endpoints, and what the audit log calls each. */
const TEAM_ACTIONS: Record<string, string> = {
  "/organization/invite-member": "invitation.created",
  "/organization/cancel-invitation": "invitation.cancelled",
  "/organization/accept-invitation": "member.joined",
  "/organization/update-member-role": "member.role-changed",
  "/organization/remove-member": "member.removed",
};

interface TeamRecord {
  id?: string;
  email?: string;
  role?: string;
  userId?: string;
  organizationId?: string;
}

type AfterHookContext = Parameters<Parameters<typeof createAuthMiddleware>[0]>[0];

/**
 * Writes one audit entry for a team change that succeeded: who did it (the session's admin),
 * what (an invitation with its address and role, a member's new role, a removal) and in which
 * program. Failed calls (an error returned) change nothing and write nothing.
 */
async function auditTeamChange(db: Db, ctx: AfterHookContext): Promise<void> {
  const action = ctx.path ? TEAM_ACTIONS[ctx.path] : undefined;
  const returned = ctx.context.returned as Record<string, unknown> | undefined;
  if (!action || !returned || returned instanceof Error || typeof returned !== "object") return;
  const session = await getSessionFromCtx(ctx);
  if (!session) return;
  const nested = (returned.member ?? returned) as TeamRecord;
  const invitation = (returned.invitation ?? (action.startsWith("invitation.") ? returned : null)) as TeamRecord | null;
  const programId = nested.organizationId ?? invitation?.organizationId;
  if (!programId) return;
  const target = action.startsWith("invitation.") ? invitation : nested;
  await audit(db, {
    programId,
    actor: `admin:${session.user.id}`,
    action,
    targetType: action.startsWith("invitation.") ? "invitation" : "member",
    targetId: target?.id,
    data: {
      role: target?.role ?? null,
      ...(invitation?.email && action.startsWith("invitation.") ? { email: invitation.email } : {}),
      ...(nested.userId && !action.startsWith("invitation.") ? { userId: nested.userId } : {}),
    },
  });
}
