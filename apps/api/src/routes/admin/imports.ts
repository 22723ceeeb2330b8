import { createRoute, OpenAPIHono, z } from "@hono/zod-openapi";
import {
  actorLabels,
  createImport,
  findCohort,
  getImport,
  IMPORT_COLUMNS,
  importErrorsCsv,
  listImports,
} from "@rebound/core";
import type { AdminEnv } from "../../admin/env.js";
import { adminSecurity, canRead, canWrite } from "../../admin/session.js";
import { ErrorSchema, validationHook } from "../../errors.js";
import { ImportSchema, ImportSummarySchema, readUpload } from "../imports.js";
import { adminErrors, cohortParams, jsonOf } from "./schemas.js";

/** The upload is the one admin request bigger than 64 KiB: apps/api/src/admin/index.ts gives this path its own limit. */
export const ADMIN_IMPORT_PATH = /^\/admin\/api\/cohorts\/[^/]+\/imports$/;

const importParams = z.object({
  importId: z
    .string()
    .max(64)
    .openapi({ param: { name: "importId", in: "path" } }),
});
/** The app's history says who uploaded each file by name, not by user id. */
const AdminImportSummarySchema = ImportSummarySchema.extend({ createdByLabel: z.string() }).openapi(
  "AdminImportSummary",
);
const csv = (description: string) => ({ description, content: { "text/csv": { schema: z.string() } } });

/** CSV imports from the admin app: the same verbs as the program API, the signed-in admin as the actor. */
export const adminImportsRoutes = new OpenAPIHono<AdminEnv>({ defaultHook: validationHook })
  .openapi(
    createRoute({
      method: "post",
      path: "/admin/api/cohorts/{cohortId}/imports",
      summary: "Import candidates into a cohort from a CSV file",
      description: `Body: the CSV file (text/csv, UTF-8; columns ${IMPORT_COLUMNS.join(", ")}, any order). Query: \`mapping\` (JSON: our column -> the file's header) and \`filename\`.`,
      tags: ["admin"],
      security: adminSecurity,
      middleware: [canWrite] as const,
      request: {
        params: cohortParams,
        query: z.object({ mapping: z.string().max(4000).optional(), filename: z.string().max(200).optional() }),
        body: { required: true, content: { "text/csv": { schema: z.string() } } },
      },
      responses: {
        202: jsonOf(z.object({ importId: z.string(), total: z.number() }), "Stored and queued"),
        ...adminErrors,
        409: jsonOf(ErrorSchema, "The cohort is archived"),
        413: jsonOf(ErrorSchema, "Too many rows or too large a file"),
        415: jsonOf(ErrorSchema, "Not CSV, or not UTF-8"),
        422: jsonOf(ErrorSchema, "The header lacks a required column, or the mapping names an unknown one"),
      },
    }),
    async (c) => {
      const ctx = c.get("ctx");
      const programId = c.get("programId");
      const cohort = await findCohort(ctx.db, programId, c.req.valid("param").cohortId);
      const upload = await readUpload(c);
      const actor = `admin:${c.get("admin").userId}`;
      return c.json(await createImport(ctx, programId, { cohortSlug: cohort.slug, actor, ...upload }), 202);
    },
  )
  .openapi(
    createRoute({
      method: "get",
      path: "/admin/api/imports",
      summary: "The program's imports, newest first (optionally one cohort's)",
      tags: ["admin"],
      security: adminSecurity,
      middleware: [canRead] as const,
      request: { query: z.object({ cohortId: z.string().max(64).optional() }) },
      responses: { 200: jsonOf(z.object({ imports: z.array(AdminImportSummarySchema) }), "Imports"), ...adminErrors },
    }),
    async (c) => {
      const { db } = c.get("ctx");
      const programId = c.get("programId");
      const { cohortId } = c.req.valid("query");
      const cohortSlug = cohortId ? (await findCohort(db, programId, cohortId)).slug : undefined;
      const imports = await listImports(db, programId, cohortSlug ? { cohortSlug } : {});
      const labels = await actorLabels(
        db,
        imports.map((i) => i.createdBy),
      );
      return c.json(
        { imports: imports.map((i) => ({ ...i, createdByLabel: labels.get(i.createdBy) ?? i.createdBy })) },
        200,
      );
    },
  )
  .openapi(
    createRoute({
      method: "get",
      path: "/admin/api/imports/{importId}",
      summary: "An import's progress and its per-row error report",
      tags: ["admin"],
      security: adminSecurity,
      middleware: [canRead] as const,
      request: { params: importParams },
      responses: { 200: jsonOf(ImportSchema, "Import"), ...adminErrors },
    }),
    async (c) => c.json(await getImport(c.get("ctx").db, c.get("programId"), c.req.valid("param").importId), 200),
  )
  .openapi(
    createRoute({
      method: "get",
      path: "/admin/api/imports/{importId}/errors.csv",
      summary: "An import's per-row error report as CSV",
      tags: ["admin"],
      security: adminSecurity,
      middleware: [canRead] as const,
      request: { params: importParams },
      responses: { 200: csv("row, email, code, message"), ...adminErrors },
    }),
    async (c) => {
      const { importId } = c.req.valid("param");
      const body = await importErrorsCsv(c.get("ctx").db, c.get("programId"), importId);
      return c.body(body, 200, {
        "content-type": "text/csv; charset=utf-8",
        "content-disposition": `attachment; filename="import-${importId.slice(0, 8)}-errors.csv"`,
      });
    },
  );
