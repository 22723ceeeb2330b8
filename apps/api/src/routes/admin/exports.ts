import { createRoute, OpenAPIHono, z } from "@hono/zod-openapi";
import { candidatesCsv, cohortStats, cohortStatsCsv, findCohort } from "@rebound/core";
import type { AdminEnv } from "../../admin/env.js";
import { adminSecurity, canRead } from "../../admin/session.js";
import { validationHook } from "../../errors.js";
import { adminErrors, cohortParams } from "./schemas.js";

const csv = (description: string) => ({ description, content: { "text/csv": { schema: z.string() } } });
const attachment = (name: string) => ({
  "content-type": "text/csv; charset=utf-8",
  "content-disposition": `attachment; filename="${name}"`,
});

/** The CSV exports behind the app's download buttons: the same files as the program API's. */
export const adminExportsRoutes = new OpenAPIHono<AdminEnv>({ defaultHook: validationHook })
  .openapi(
    createRoute({
      method: "get",
      path: "/admin/api/cohorts/{cohortId}/candidates.csv",
      summary: "Every candidate of the cohort as CSV",
      tags: ["admin"],
      security: adminSecurity,
      middleware: [canRead] as const,
      request: { params: cohortParams },
      responses: { 200: csv("One row per candidate"), ...adminErrors },
    }),
    async (c) => {
      const { db } = c.get("ctx");
      const cohort = await findCohort(db, c.get("programId"), c.req.valid("param").cohortId);
      return c.body(
        await candidatesCsv(db, c.get("programId"), cohort.slug),
        200,
        attachment(`${cohort.slug}-candidates.csv`),
      );
    },
  )
  .openapi(
    createRoute({
      method: "get",
      path: "/admin/api/cohorts/{cohortId}/stats.csv",
      summary: "The cohort's stats as CSV (metric, key, value)",
      tags: ["admin"],
      security: adminSecurity,
      middleware: [canRead] as const,
      request: { params: cohortParams },
      responses: { 200: csv("The stats, one value per row"), ...adminErrors },
    }),
    async (c) => {
      const { db } = c.get("ctx");
      const cohort = await findCohort(db, c.get("programId"), c.req.valid("param").cohortId);
      return c.body(cohortStatsCsv(await cohortStats(db, cohort.id)), 200, attachment(`${cohort.slug}-stats.csv`));
    },
  );
