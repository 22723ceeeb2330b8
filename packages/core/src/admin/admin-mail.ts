import { createHash, randomUUID } from "node:crypto";
import { type AdminAccessProps, renderAdminAccessEmail } from "@rebound/emails";
import { queueEmails } from "../analysis-email.js";
import type { AppContext } from "../context.js";
import { type AdminMailer, type AuthDeps, createAdminAuth, MAGIC_LINK_TTL_S } from "./auth.js";

type Ctx = Pick<AppContext, "db" | "queues" | "log" | "config" | "clock">;

/** Where an admin link lands: only paths of the admin app, never another site. */
export function safeNextPath(next: string | null | undefined, fallback = "/admin/"): string {
  return next && /^\/admin(\/[A-Za-z0-9\-._~/%?=&]*)?$/.test(next) && !next.startsWith("/admin/api") ? next : fallback;
}

export const adminLoginUrl = (config: AuthDeps["config"], token: string, next?: string) =>
  `${config.PUBLIC_URL}/admin/login?token=${encodeURIComponent(token)}${next ? `&next=${encodeURIComponent(next)}` : ""}`;

/**
 * A fresh single-use sign-in link for an address, made by better-auth's magic-link plugin (so it
 * is stored hashed and consumed atomically) but handed back instead of mailed: for the CLI's
 * adminLoginUrl and for the link inside an invitation.
 */
export async function issueLoginLink(deps: AuthDeps, email: string, next?: string): Promise<string> {
  let token: string | null = null;
  const auth = createAdminAuth(deps, {
    async sendMagicLink(data) {
      token = data.token;
    },
    async sendInvitation() {},
  });
  await auth.api.signInMagicLink({ body: { email, callbackURL: next ?? "/admin/" }, headers: new Headers() });
  if (!token) throw new Error("better-auth issued no magic-link token");
  return adminLoginUrl(deps.config, token, next);
}

/**
 * Mail to admins goes the tracked way, like every other email: a Message row (kind "notice", no
 * candidate) with its content fixed now, sent by the email queue; in development it lands in
 * the outbox. The address is checked against the program's suppressions at send time.
 */
async function queueAdminEmail(
  ctx: Ctx,
  input: { programId: string; to: string; key: string; step: string; props: AdminAccessProps },
): Promise<void> {
  const id = randomUUID();
  const content = await renderAdminAccessEmail(input.props);
  const now = ctx.clock.now();
  const email = {
    key: input.key,
    from: ctx.config.MAIL_FROM,
    to: input.to,
    ...content,
    headers: { "X-Rebound-Message": id },
    tags: [
      { name: "program", value: input.programId },
      { name: "step", value: input.step },
    ],
  };
  const inserted = await ctx.db.$queryRaw<{ id: string }[]>`
    INSERT INTO "Message" (id, "programId", kind, step, status, "idempotencyKey", "toEmail", content, "dueAt", "createdAt", attempts)
    VALUES (${id}::uuid, ${input.programId}::uuid, 'notice', ${input.step}, 'scheduled', ${input.key}, ${input.to},
            ${JSON.stringify(email)}::jsonb, ${now}, ${now}, 0)
    ON CONFLICT ("idempotencyKey") DO NOTHING
    RETURNING id`;
  await queueEmails(
    ctx,
    inserted.map((r) => r.id),
  );
}

const digest = (s: string) => createHash("sha256").update(s).digest("hex").slice(0, 32);

/** The mailer of the server's better-auth: sign-in links to known admins and invitees only, and invitations. */
export function adminMailer(ctx: Ctx): AdminMailer {
  const signInUrl = `${ctx.config.PUBLIC_URL}/admin/signin`;
  const validMinutes = MAGIC_LINK_TTL_S / 60;
  return {
    async sendMagicLink({ email, url, token }) {
      const address = email.trim().toLowerCase();
      const member = await ctx.db.membership.findFirst({
        where: { adminUser: { email: address } },
        orderBy: { createdAt: "asc" },
        select: { programId: true },
      });
      const invited = member
        ? null
        : await ctx.db.invitation.findFirst({
            where: { email: address, status: "pending", expiresAt: { gt: ctx.clock.now() } },
            select: { programId: true },
          });
      const programId = member?.programId ?? invited?.programId;
      // Nobody else gets mail, and the sign-in page answers the same either way.
      if (!programId) return;
      const next = safeNextPath(new URL(url).searchParams.get("callbackURL"));
      await queueAdminEmail(ctx, {
        programId,
        to: address,
        key: `admin-sign-in-${digest(token)}`,
        step: "admin-sign-in",
        props: { kind: "sign-in", url: adminLoginUrl(ctx.config, token, next), validMinutes, signInUrl },
      });
    },
    async sendInvitation(data) {
      const url = await issueLoginLink(ctx, data.email, `/admin/invite/${data.invitationId}`);
      await queueAdminEmail(ctx, {
        programId: data.programId,
        to: data.email.toLowerCase(),
        key: `admin-invitation-${data.invitationId}`,
        step: "admin-invitation",
        props: {
          kind: "invitation",
          url,
          validMinutes,
          programName: data.programName,
          role: data.role,
          inviterName: data.inviterName,
          signInUrl,
        },
      });
    },
  };
}
