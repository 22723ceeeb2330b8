import { createRoute, OpenAPIHono, z } from "@hono/zod-openapi";
import { AUDIT_GROUPS, type AuditGroup, listAudit } from "@rebound/core";
import type { AdminEnv } from "../../admin/env.js";
import { adminSecurity, ownerOnly } from "../../admin/session.js";
import { validationHook } from "../../errors.js";
import { adminErrors, jsonOf } from "./schemas.js";

const AuditEntrySchema = z
  .object({
    id: z.string(),
    at: z.string(),
    actor: z.string(),
    actorLabel: z.string(),
    action: z.string(),
    targetType: z.string().nullable(),
    targetId: z.string().nullable(),
    data: z.unknown(),
  })
  .openapi("AuditEntry");
const groups = Object.keys(AUDIT_GROUPS) as [AuditGroup, ...AuditGroup[]];

/** Who did what in the program, newest first, for owners. */
export const adminAuditRoutes = new OpenAPIHono<AdminEnv>({ defaultHook: validationHook }).openapi(
  createRoute({
    method: "get",
    path: "/admin/api/audit",
    summary: "The audit log: imports, erasures, key, member and setting changes (one row per interview left out)",
    tags: ["admin"],
    security: adminSecurity,
    middleware: [ownerOnly] as const,
    request: {
      query: z.object({
        group: z.enum(groups).optional(),
        before: z.string().max(64).optional(),
        limit: z.coerce.number().int().min(1).max(200).optional(),
      }),
    },
    responses: {
      200: jsonOf(z.object({ entries: z.array(AuditEntrySchema), next: z.string().nullable() }), "A page"),
      ...adminErrors,
    },
  }),
  async (c) => c.json(await listAudit(c.get("ctx").db, c.get("programId"), c.req.valid("query")), 200),
);
