import { createRoute, OpenAPIHono, z } from "@hono/zod-openapi";
import { addCohort, cohortDashboard, cohortSignupUrl, findCohort, listCohorts, updateCohort } from "@rebound/core";
import { cohortInputSchema } from "@rebound/domain";
import type { AdminEnv } from "../../admin/env.js";
import { adminSecurity, canRead, canWrite } from "../../admin/session.js";
import { ErrorSchema, validationHook } from "../../errors.js";
import { namedSchema } from "../../openapi-name.js";
import { jsonOf, adminErrors, cohortParams as params, iso } from "./schemas.js";

const AdminCohortSchema = z
  .object({
    id: z.string(),
    slug: z.string(),
    name: z.string(),
    createdAt: z.string(),
    archivedAt: z.string().nullable(),
    candidates: z.number(),
    active: z.number(),
    signupUrl: z.string(),
  })
  .openapi("AdminCohort");

const DashboardSchema = z
  .object({
    cohort: AdminCohortSchema.omit({ candidates: true, active: true }),
    enrolled: z.number(),
    funnel: z.array(
      z.object({
        step: z.string(),
        sent: z.number(),
        delivered: z.number(),
        replied: z.number(),
        replyRate: z.number(),
      }),
    ),
    stages: z.array(z.object({ key: z.string(), label: z.string(), count: z.number() })),
    replyRate: z.number(),
    themes: z.record(z.string(), z.number()),
    outcomes: z.record(z.string(), z.number()),
    outcomesOverTime: z.array(z.object({ week: z.string(), outcomes: z.record(z.string(), z.number()) })),
    medianDaysToOffer: z.number().nullable(),
    knowledgeRate: z.number(),
    statuses: z.record(z.string(), z.number()),
    needsAttention: z.array(
      z.object({
        candidateId: z.string(),
        name: z.string().nullable(),
        email: z.string().nullable(),
        reason: z.enum(["distress", "bounced", "complained", "no-reply"]),
        at: z.string(),
        evidence: z.array(z.string()),
      }),
    ),
  })
  .openapi("CohortDashboard");

const CohortPatch = z
  .object({ name: z.string().trim().min(1).max(120).optional(), archived: z.boolean().optional() })
  .strict()
  .refine((v) => v.name !== undefined || v.archived !== undefined, "give name or archived")
  .openapi("CohortPatch");

type CohortRow = { id: string; slug: string; name: string; createdAt: Date; archivedAt: Date | null };
const cohortJson = (publicUrl: string, c: CohortRow) => ({
  id: c.id,
  slug: c.slug,
  name: c.name,
  createdAt: c.createdAt.toISOString(),
  archivedAt: iso(c.archivedAt),
  signupUrl: cohortSignupUrl(publicUrl, c.id),
});

export const adminCohortsRoutes = new OpenAPIHono<AdminEnv>({ defaultHook: validationHook })
  .openapi(
    createRoute({
      method: "get",
      path: "/admin/api/cohorts",
      summary: "The program's cohorts with head counts",
      tags: ["admin"],
      security: adminSecurity,
      middleware: [canRead] as const,
      responses: { 200: jsonOf(z.object({ cohorts: z.array(AdminCohortSchema) }), "Cohorts"), ...adminErrors },
    }),
    async (c) => {
      const { db, config } = c.get("ctx");
      const rows = await listCohorts(db, c.get("programId"));
      return c.json(
        {
          cohorts: rows.map((r) => ({
            ...cohortJson(config.PUBLIC_URL, r),
            candidates: r.candidates,
            active: r.active,
          })),
        },
        200,
      );
    },
  )
  .openapi(
    createRoute({
      method: "post",
      path: "/admin/api/cohorts",
      summary: "Create a cohort",
      tags: ["admin"],
      security: adminSecurity,
      middleware: [canWrite] as const,
      request: {
        body: {
          required: true,
          content: { "application/json": { schema: namedSchema(cohortInputSchema, "CohortInput") } },
        },
      },
      responses: {
        201: jsonOf(AdminCohortSchema, "Created"),
        ...adminErrors,
        409: jsonOf(ErrorSchema, "Slug taken"),
      },
    }),
    async (c) => {
      const { db, config } = c.get("ctx");
      const cohort = await addCohort(db, c.get("programId"), c.req.valid("json"), `admin:${c.get("admin").userId}`);
      return c.json({ ...cohortJson(config.PUBLIC_URL, cohort), candidates: 0, active: 0 }, 201);
    },
  )
  .openapi(
    createRoute({
      method: "patch",
      path: "/admin/api/cohorts/{cohortId}",
      summary: "Rename, archive or restore a cohort",
      tags: ["admin"],
      security: adminSecurity,
      middleware: [canWrite] as const,
      request: { params, body: { required: true, content: { "application/json": { schema: CohortPatch } } } },
      responses: { 200: jsonOf(AdminCohortSchema.omit({ candidates: true, active: true }), "Updated"), ...adminErrors },
    }),
    async (c) => {
      const ctx = c.get("ctx");
      const { cohortId } = c.req.valid("param");
      const updated = await updateCohort(
        ctx.db,
        c.get("programId"),
        cohortId,
        c.req.valid("json"),
        ctx.clock.now(),
        `admin:${c.get("admin").userId}`,
      );
      return c.json(cohortJson(ctx.config.PUBLIC_URL, updated), 200);
    },
  )
  .openapi(
    createRoute({
      method: "get",
      path: "/admin/api/cohorts/{cohortId}/dashboard",
      summary: "The cohort dashboard: funnel, reply rate per step, themes, outcomes over time, who needs attention",
      tags: ["admin"],
      security: adminSecurity,
      middleware: [canRead] as const,
      request: { params },
      responses: { 200: jsonOf(DashboardSchema, "Dashboard"), ...adminErrors },
    }),
    async (c) => {
      const ctx = c.get("ctx");
      const cohort = await findCohort(ctx.db, c.get("programId"), c.req.valid("param").cohortId);
      const d = await cohortDashboard(ctx.db, cohort.id, { now: ctx.clock.now(), speedup: ctx.config.DRIP_SPEEDUP });
      return c.json({ cohort: cohortJson(ctx.config.PUBLIC_URL, cohort), ...d }, 200);
    },
  );
