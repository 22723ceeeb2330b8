import { RATE_POLICIES } from "@rebound/core";
import { createTestProgram, sendScheduledEmails, unique } from "@rebound/testkit";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { adminRequests, adminWithRole, cookiesOf, ORIGIN, signInByLink } from "./admin-support.js";
import { createWorld, type World } from "./support.js";

let world: World;
beforeAll(async () => {
  world = await createWorld({ RESEND_API_KEY: "" });
});
afterAll(async () => world?.env.close());

const json = (body: unknown, cookie = "") => ({
  method: "POST",
  headers: { "content-type": "application/json", origin: ORIGIN, ...(cookie ? { cookie } : {}) },
  body: JSON.stringify(body),
});

describe("admin sign-in", () => {
  it("signs the first owner in once with the CLI's link, with an HttpOnly SameSite Secure cookie, then by password", async () => {
    const { adminLoginUrl } = await createTestProgram(world.env.ctx, "Sign-in Centre");
    const u = new URL(adminLoginUrl);
    const first = await world.app.request(u.pathname + u.search);
    expect(first.status).toBe(302);
    expect(first.headers.get("location")).toBe("http://rebound.test/admin/welcome");
    const setCookie = first.headers.getSetCookie().join("\n");
    expect(setCookie).toMatch(/__Secure-rebound\.session_token=/);
    expect(setCookie).toMatch(/HttpOnly/i);
    expect(setCookie).toMatch(/SameSite=Lax/i);
    expect(setCookie).toMatch(/Secure/);
    expect(setCookie).toMatch(/Path=\/admin/);
    // Single use: the same link again signs nobody in.
    const again = await world.app.request(u.pathname + u.search);
    expect(again.status).toBe(302);
    expect(again.headers.get("location")).toMatch(/\/admin\/signin\?error=INVALID_TOKEN/);
    expect(cookiesOf(again)).toBe("");

    const owner = await (async () => {
      const cookie = cookiesOf(first);
      const s = (await (await world.app.request("/admin/api/session", { headers: { cookie } })).json()) as {
        csrfToken: string;
        user: { email: string; hasPassword: boolean };
        role: string;
      };
      expect(s.role).toBe("owner");
      expect(s.user.hasPassword).toBe(false);
      return { cookie, csrf: s.csrfToken, email: s.user.email };
    })();
    const req = adminRequests(world.app, owner);
    const set = await req("POST", "/admin/api/session/password", { password: "a long new password" });
    expect(set.status, await set.clone().text()).toBe(200);
    expect((await req("POST", "/admin/api/session/password", { password: "another password" })).status).toBe(409);
    const stored = await world.env.ctx.db.adminAccount.findFirstOrThrow({ where: { providerId: "credential" } });
    expect(stored.password).toMatch(/^[0-9a-f]+:[0-9a-f]+$/); // better-auth's scrypt salt:hash, never the password

    const out = await req("POST", "/admin/api/auth/sign-out");
    expect(out.status).toBe(200);
    expect((await world.app.request("/admin/api/session", { headers: { cookie: owner.cookie } })).status).toBe(401);

    const wrong = await world.app.request(
      "/admin/api/auth/sign-in/email",
      json({ email: owner.email, password: "nope-nope-nope" }),
    );
    expect(wrong.status).toBe(401);
    const right = await world.app.request(
      "/admin/api/auth/sign-in/email",
      json({ email: owner.email, password: "a long new password" }),
    );
    expect(right.status).toBe(200);
    expect(cookiesOf(right)).toMatch(/session_token=/);
  });

  it("throttles sign-in attempts per account with 429 and Retry-After", async () => {
    const email = `${unique("target")}@example.org`;
    const statuses: number[] = [];
    for (let i = 0; i < RATE_POLICIES["sign-in-account"].points + 1; i++) {
      const res = await world.app.request(
        "/admin/api/auth/sign-in/email",
        json({ email, password: "guess-guess-guess" }),
      );
      statuses.push(res.status);
      if (res.status === 429) expect(Number(res.headers.get("retry-after"))).toBeGreaterThan(0);
    }
    expect(statuses.slice(0, -1).every((s) => s === 401)).toBe(true);
    expect(statuses.at(-1)).toBe(429);
  });

  it("invites a coach by a tracked email whose link signs them in and lets them join", async () => {
    const program = await createTestProgram(world.env.ctx);
    const owner = await signInByLink(world.app, program.adminLoginUrl);
    const coachEmail = `${unique("coach")}@example.org`;
    const invite = await adminRequests(world.app, owner)("POST", "/admin/api/auth/organization/invite-member", {
      email: coachEmail,
      role: "coach",
      organizationId: program.programId,
    });
    expect(invite.status, await invite.clone().text()).toBe(200);
    // The invitation goes the tracked way: a Message row sent by the email queue into the outbox.
    const message = await world.env.ctx.db.message.findFirstOrThrow({ where: { toEmail: coachEmail } });
    expect(message).toMatchObject({ kind: "notice", step: "admin-invitation", candidateId: null });
    await sendScheduledEmails(world.env);
    const mail = await world.env.ctx.db.outboxEmail.findFirstOrThrow({ where: { toAddress: coachEmail } });
    expect(mail.subject).toMatch(/invited/);
    const link = /href="(http:\/\/rebound\.test\/admin\/login\?token=[^"]+)"/
      .exec(mail.html)?.[1]
      ?.replace(/&amp;/g, "&");
    expect(link).toBeDefined();
    const coach = await signInByLink(world.app, link ?? "");
    expect(coach.location).toMatch(/\/admin\/invite\//);
    const invitationId = coach.location?.split("/").pop() ?? "";
    const accept = await adminRequests(world.app, coach)("POST", "/admin/api/auth/organization/accept-invitation", {
      invitationId,
    });
    expect(accept.status, await accept.clone().text()).toBe(200);
    const member = await world.env.ctx.db.membership.findFirstOrThrow({
      where: { programId: program.programId, adminUser: { email: coachEmail } },
    });
    expect(member.role).toBe("coach");
  });

  it("writes every team change to the audit log with the owner who made it; a refused change writes nothing", async () => {
    const program = await createTestProgram(world.env.ctx);
    const owner = await signInByLink(world.app, program.adminLoginUrl);
    const as = adminRequests(world.app, owner);
    const coach = await adminWithRole(world.env, world.app, program.programId, "coach");
    const ownerId = (
      await world.env.ctx.db.membership.findFirstOrThrow({ where: { programId: program.programId, role: "owner" } })
    ).adminUserId;
    const coachMember = await world.env.ctx.db.membership.findFirstOrThrow({
      where: { programId: program.programId, adminUser: { email: coach.email } },
    });
    const invitee = `${unique("viewer")}@example.org`;
    expect(
      (
        await as("POST", "/admin/api/auth/organization/invite-member", {
          email: invitee,
          role: "viewer",
          organizationId: program.programId,
        })
      ).status,
    ).toBe(200);
    expect(
      (
        await as("POST", "/admin/api/auth/organization/update-member-role", {
          memberId: coachMember.id,
          role: "viewer",
          organizationId: program.programId,
        })
      ).status,
    ).toBe(200);
    // A coach (now a viewer) may not change roles: refused, and not in the log.
    const refused = await adminRequests(world.app, coach)("POST", "/admin/api/auth/organization/update-member-role", {
      memberId: coachMember.id,
      role: "owner",
      organizationId: program.programId,
    });
    expect(refused.status).toBeGreaterThanOrEqual(400);
    expect(
      (
        await as("POST", "/admin/api/auth/organization/remove-member", {
          memberIdOrEmail: coachMember.id,
          organizationId: program.programId,
        })
      ).status,
    ).toBe(200);
    const entries = await world.env.ctx.db.auditLog.findMany({
      where: {
        programId: program.programId,
        OR: [{ action: { startsWith: "member." } }, { action: { startsWith: "invitation." } }],
      },
      orderBy: { createdAt: "asc" },
    });
    expect(entries.map((e) => [e.action, e.actor, (e.data as { role: string }).role])).toEqual([
      ["invitation.created", `admin:${ownerId}`, "viewer"],
      ["member.role-changed", `admin:${ownerId}`, "viewer"],
      ["member.removed", `admin:${ownerId}`, "viewer"],
    ]);
    expect(entries[0]?.data).toMatchObject({ email: invitee });
    expect(entries[2]).toMatchObject({ targetType: "member", targetId: coachMember.id });
    // The owners' audit page shows them under "members", by name.
    const page = (await (await as("GET", "/admin/api/audit?group=members")).json()) as {
      entries: { action: string }[];
    };
    expect(page.entries.map((e) => e.action)).toEqual(["member.removed", "member.role-changed", "invitation.created"]);
  });

  it("sends an emailed sign-in link only to known admins, and answers the same for anyone", async () => {
    const program = await createTestProgram(world.env.ctx);
    const known = (
      await world.env.ctx.db.membership.findFirstOrThrow({
        where: { programId: program.programId },
        include: { adminUser: true },
      })
    ).adminUser.email;
    const stranger = `${unique("stranger")}@example.org`;
    for (const email of [known, stranger]) {
      const res = await world.app.request(
        "/admin/api/auth/sign-in/magic-link",
        json({ email, callbackURL: "/admin/" }),
      );
      expect(res.status).toBe(200);
    }
    expect(await world.env.ctx.db.message.count({ where: { toEmail: known, step: "admin-sign-in" } })).toBe(1);
    expect(await world.env.ctx.db.message.count({ where: { toEmail: stranger } })).toBe(0);
  });
});
