import { createRoute, OpenAPIHono, z } from "@hono/zod-openapi";
import { getProgramSettings, previewProgramEmail, updateProgramSettings } from "@rebound/core";
import { programSettingsPatchSchema, STEP_KEYS } from "@rebound/domain";
import type { AdminEnv } from "../../admin/env.js";
import { adminSecurity, canRead, ownerOnly } from "../../admin/session.js";
import { ErrorSchema, validationHook } from "../../errors.js";
import { namedSchema } from "../../openapi-name.js";
import { adminErrors, jsonOf } from "./schemas.js";

const SettingsSchema = z
  .object({
    name: z.string(),
    senderName: z.string().nullable(),
    fromEmail: z.string().nullable(),
    signature: z.string().nullable(),
    replyFooter: z.string().nullable(),
    sendWindowStart: z.number(),
    sendWindowEnd: z.number(),
    sendWeekdays: z.array(z.number()),
    retentionMonths: z.number().nullable(),
    from: z.string().describe("the From header the program's emails carry"),
    verifiedDomains: z.array(z.string()).describe("domains a fromEmail may be on"),
  })
  .openapi("ProgramSettings");
const PreviewSchema = z
  .object({ from: z.string(), subject: z.string(), html: z.string(), text: z.string() })
  .openapi("EmailPreview");
const patch = namedSchema(programSettingsPatchSchema, "ProgramSettingsPatch");
const invalid = {
  422: jsonOf(ErrorSchema, "An empty send window, or a sender address on a domain that is not verified"),
};

/** The program's settings and branding: every member reads them, owners change them. */
export const adminSettingsRoutes = new OpenAPIHono<AdminEnv>({ defaultHook: validationHook })
  .openapi(
    createRoute({
      method: "get",
      path: "/admin/api/settings",
      summary: "The program's name, sender and branding, send window and retention",
      tags: ["admin"],
      security: adminSecurity,
      middleware: [canRead] as const,
      responses: { 200: jsonOf(SettingsSchema, "Settings"), ...adminErrors },
    }),
    async (c) => {
      const { db, config } = c.get("ctx");
      return c.json(await getProgramSettings(db, config, c.get("programId")), 200);
    },
  )
  .openapi(
    createRoute({
      method: "patch",
      path: "/admin/api/settings",
      summary: "Change settings (owners); the audit log keeps each change",
      tags: ["admin"],
      security: adminSecurity,
      middleware: [ownerOnly] as const,
      request: { body: { required: true, content: { "application/json": { schema: patch } } } },
      responses: { 200: jsonOf(SettingsSchema, "Saved"), ...adminErrors, ...invalid },
    }),
    async (c) => {
      const actor = `admin:${c.get("admin").userId}`;
      return c.json(await updateProgramSettings(c.get("ctx"), c.get("programId"), c.req.valid("json"), actor), 200);
    },
  )
  .openapi(
    createRoute({
      method: "post",
      path: "/admin/api/settings/preview",
      summary: "A drip email as candidates would get it, with the settings given (saved or not)",
      tags: ["admin"],
      security: adminSecurity,
      middleware: [canRead] as const,
      request: {
        query: z.object({ step: z.enum(STEP_KEYS).default("process") }),
        body: { required: true, content: { "application/json": { schema: patch } } },
      },
      responses: { 200: jsonOf(PreviewSchema, "The email"), ...adminErrors, ...invalid },
    }),
    async (c) => {
      const { step } = c.req.valid("query");
      return c.json(await previewProgramEmail(c.get("ctx"), c.get("programId"), step, c.req.valid("json")), 200);
    },
  );
