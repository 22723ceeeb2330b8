import { createRoute, OpenAPIHono, z } from "@hono/zod-openapi";
import { cohortInputSchema, STEP_KEYS, slugSchema } from "@rebound/domain";
import { requireApiKey } from "../auth.js";
import type { ApiEnv } from "../env.js";
import { namedSchema } from "../openapi-name.js";
import { ErrorSchema, errorResponses, json, validationHook } from "../errors.js";
import { cohortStats, createCohort, notFound } from "@rebound/core";

const CohortSchema = z
  .object({ id: z.string(), slug: z.string(), name: z.string(), createdAt: z.string() })
  .openapi("Cohort");
const StatsSchema = z
  .object({
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
    replyRate: z.number(),
    themes: z.record(z.string(), z.number()),
    outcomes: z.record(z.string(), z.number()),
    medianDaysToOffer: z.number().nullable(),
  })
  .openapi("CohortStats");
const auth = { security: [{ bearer: [] }], middleware: requireApiKey };
const toJson = (c: { id: string; slug: string; name: string; createdAt: Date }) => ({
  id: c.id,
  slug: c.slug,
  name: c.name,
  createdAt: c.createdAt.toISOString(),
});

export const cohortsRoutes = new OpenAPIHono<ApiEnv>({ defaultHook: validationHook })
  .openapi(
    createRoute({
      method: "get",
      path: "/v1/cohorts",
      summary: "The program's cohorts",
      ...auth,
      responses: { 200: json(z.object({ cohorts: z.array(CohortSchema) }), "Cohorts"), ...errorResponses },
    }),
    async (c) => {
      const rows = await c
        .get("ctx")
        .db.cohort.findMany({ where: { programId: c.get("programId") }, orderBy: { createdAt: "asc" } });
      return c.json({ cohorts: rows.map(toJson) }, 200);
    },
  )
  .openapi(
    createRoute({
      method: "post",
      path: "/v1/cohorts",
      summary: "Create a cohort",
      ...auth,
      request: {
        body: {
          required: true,
          content: { "application/json": { schema: namedSchema(cohortInputSchema, "CohortInput") } },
        },
      },
      responses: { 201: json(CohortSchema, "Created"), ...errorResponses, 409: json(ErrorSchema, "Slug taken") },
    }),
    async (c) => {
      const cohort = await createCohort(c.get("ctx").db, c.get("programId"), c.req.valid("json"));
      return c.json(toJson(cohort), 201);
    },
  )
  .openapi(
    createRoute({
      method: "get",
      path: "/v1/cohorts/{slug}/stats",
      summary: "Cohort progress: funnel per step, reply rate, themes, outcomes, median days to offer",
      ...auth,
      request: {
        params: z.object({
          slug: z
            .string()
            .max(64)
            .openapi({ param: { name: "slug", in: "path" } }),
        }),
      },
      responses: { 200: json(StatsSchema, "Stats"), ...errorResponses },
    }),
    async (c) => {
      const { slug } = c.req.valid("param");
      if (!slugSchema.safeParse(slug).success) throw notFound("cohort");
      const db = c.get("ctx").db;
      const cohort = await db.cohort.findUnique({ where: { programId_slug: { programId: c.get("programId"), slug } } });
      if (!cohort) throw notFound("cohort");
      return c.json(await cohortStats(db, cohort.id, STEP_KEYS), 200);
    },
  );
