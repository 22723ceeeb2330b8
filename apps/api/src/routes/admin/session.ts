import { createRoute, OpenAPIHono, z } from "@hono/zod-openapi";
import { describeAdmin, setFirstPassword } from "@rebound/core";
import type { AdminEnv } from "../../admin/env.js";
import { adminSecurity, requireSignedIn } from "../../admin/session.js";
import { ErrorSchema, validationHook } from "../../errors.js";
import { jsonOf, adminErrors } from "./schemas.js";

const RoleSchema = z.enum(["owner", "coach", "viewer"]);
const SessionSchema = z
  .object({
    user: z.object({ id: z.string(), email: z.string(), name: z.string(), hasPassword: z.boolean() }),
    program: z.object({ id: z.string(), name: z.string() }).nullable(),
    role: RoleSchema.nullable(),
    programs: z.array(z.object({ id: z.string(), name: z.string(), role: RoleSchema })),
    invitations: z.array(
      z.object({
        id: z.string(),
        role: RoleSchema,
        expiresAt: z.string(),
        program: z.object({ id: z.string(), name: z.string() }),
      }),
    ),
    csrfToken: z.string().openapi({ description: "Send as X-CSRF-Token on every state-changing request" }),
    outbox: z.boolean().openapi({ description: "Whether the dev outbox exists (no RESEND_API_KEY)" }),
  })
  .openapi("AdminSession");

export const sessionRoutes = new OpenAPIHono<AdminEnv>({ defaultHook: validationHook })
  .openapi(
    createRoute({
      method: "get",
      path: "/admin/api/session",
      summary: "Who is signed in: programs, role, pending invitations and the CSRF token",
      tags: ["admin"],
      security: adminSecurity,
      middleware: [requireSignedIn] as const,
      responses: { 200: jsonOf(SessionSchema, "The signed-in admin"), ...adminErrors },
    }),
    async (c) => {
      const s = await describeAdmin(c.get("ctx"), c.get("admin"));
      c.header("Cache-Control", "no-store");
      return c.json(
        { ...s, invitations: s.invitations.map((i) => ({ ...i, expiresAt: i.expiresAt.toISOString() })) },
        200,
      );
    },
  )
  .openapi(
    createRoute({
      method: "post",
      path: "/admin/api/session/password",
      summary: "Set a first password (after signing in by link)",
      tags: ["admin"],
      security: adminSecurity,
      middleware: [requireSignedIn] as const,
      request: {
        body: {
          required: true,
          content: { "application/json": { schema: z.object({ password: z.string().min(10).max(128) }).strict() } },
        },
      },
      responses: {
        200: jsonOf(z.object({ status: z.literal("password_set") }), "Set"),
        ...adminErrors,
        409: jsonOf(ErrorSchema, "Already has one"),
      },
    }),
    async (c) => {
      await setFirstPassword(c.get("ctx"), c.req.raw.headers, c.get("admin"), c.req.valid("json").password);
      return c.json({ status: "password_set" as const }, 200);
    },
  );
