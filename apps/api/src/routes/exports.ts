import { createRoute, OpenAPIHono, z } from "@hono/zod-openapi";
import { candidatesCsv, cohortStatsCsv, exportCohort } from "@rebound/core";
import { STEP_KEYS } from "@rebound/domain";
import { requireApiKey } from "../auth.js";
import type { ApiEnv } from "../env.js";
import { errorResponses, validationHook } from "../errors.js";
import { cohortStats } from "../stats.js";

const slugParam = z.object({
  slug: z
    .string()
    .max(64)
    .openapi({ param: { name: "slug", in: "path" } }),
});
const csv = (description: string) => ({ description, content: { "text/csv": { schema: z.string() } } });
const auth = { security: [{ bearer: [] }], middleware: requireApiKey };
const attachment = (name: string) => ({
  "content-type": "text/csv; charset=utf-8",
  "content-disposition": `attachment; filename="${name}"`,
});

export const exportsRoutes = new OpenAPIHono<ApiEnv>({ defaultHook: validationHook })
  .openapi(
    createRoute({
      method: "get",
      path: "/v1/cohorts/{slug}/candidates.csv",
      summary: "Every candidate of the cohort as CSV: status, outcome, track, current and next step, replies, themes",
      ...auth,
      request: { params: slugParam },
      responses: { 200: csv("One row per candidate"), ...errorResponses },
    }),
    async (c) => {
      const { slug } = c.req.valid("param");
      const body = await candidatesCsv(c.get("ctx").db, c.get("programId"), slug);
      return c.body(body, 200, attachment(`${slug}-candidates.csv`));
    },
  )
  .openapi(
    createRoute({
      method: "get",
      path: "/v1/cohorts/{slug}/stats.csv",
      summary: "The cohort's stats as CSV (metric, key, value): funnel per step, reply rates, themes, outcomes",
      ...auth,
      request: { params: slugParam },
      responses: { 200: csv("The stats, one value per row"), ...errorResponses },
    }),
    async (c) => {
      const { slug } = c.req.valid("param");
      const db = c.get("ctx").db;
      const cohort = await exportCohort(db, c.get("programId"), slug);
      return c.body(cohortStatsCsv(await cohortStats(db, cohort.id, STEP_KEYS)), 200, attachment(`${slug}-stats.csv`));
    },
  );
