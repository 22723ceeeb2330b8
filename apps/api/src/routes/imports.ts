import { createRoute, OpenAPIHono, z } from "@hono/zod-openapi";
import {
  AppError,
  type ColumnMapping,
  createImport,
  getImport,
  IMPORT_COLUMNS,
  importErrorsCsv,
  listImports,
  notFound,
} from "@rebound/core";
import { slugSchema } from "@rebound/domain";
import { requireApiKey } from "../auth.js";
import type { ApiEnv } from "../env.js";
import { ErrorSchema, errorResponses, json, validationHook } from "../errors.js";

/** A file of 50,000 rows with long names and a few extra columns still fits. */
export const IMPORT_BODY_LIMIT = 32 * 1024 * 1024;
export const IMPORT_PATH = /^\/v1\/cohorts\/[^/]+\/imports$/;

const ImportErrorSchema = z
  .object({ row: z.number(), email: z.string().nullable(), code: z.string(), message: z.string() })
  .openapi("ImportRowError");
const importFields = {
  id: z.string(),
  cohort: z.string(),
  status: z.enum(["queued", "running", "completed", "failed"]),
  filename: z.string().nullable(),
  createdBy: z.string(),
  total: z.number().describe("data rows in the file"),
  processed: z.number(),
  created: z.number().describe("rows that enrolled a new candidate"),
  updated: z.number().describe("rows that recorded a new interview for a candidate already known"),
  skipped: z
    .number()
    .describe("rows not enrolled: every row of `errors`, and rows whose interview was already recorded"),
  error: z.string().nullable().describe("why a failed import stopped"),
  createdAt: z.string(),
  startedAt: z.string().nullable(),
  finishedAt: z.string().nullable(),
};
export const ImportSchema = z
  .object({
    ...importFields,
    errors: z
      .array(ImportErrorSchema)
      .describe("every row not enrolled for a reason, by row number (1 = the first row after the header)"),
  })
  .openapi("Import");
export const ImportSummarySchema = z.object({ ...importFields, errorCount: z.number() }).openapi("ImportSummary");

const slugParam = z.object({
  slug: z
    .string()
    .max(64)
    .openapi({ param: { name: "slug", in: "path" } }),
});
const idParam = z.object({
  id: z
    .string()
    .max(64)
    .openapi({ param: { name: "id", in: "path" } }),
});
const auth = { security: [{ bearer: [] }], middleware: requireApiKey };

const CSV_TYPES = /^(text\/csv|application\/csv|text\/plain)\b/i;

/** The request's CSV body and mapping, checked at the edge; shared with the admin app's upload. */
export async function readUpload(c: {
  req: {
    header(name: string): string | undefined;
    arrayBuffer(): Promise<ArrayBuffer>;
    query(name: string): string | undefined;
  };
}): Promise<{ body: Uint8Array; filename: string | null; mapping: ColumnMapping | null }> {
  const type = c.req.header("content-type") ?? "";
  if (!CSV_TYPES.test(type))
    throw new AppError(415, "unsupported_media_type", "send the file as text/csv (UTF-8, header row first)");
  const raw = c.req.query("mapping");
  let mapping: ColumnMapping | null = null;
  if (raw) {
    try {
      mapping = JSON.parse(raw) as ColumnMapping;
    } catch {
      throw new AppError(400, "invalid_mapping", 'mapping must be JSON: { "email": "<header in the file>", ... }');
    }
    if (!mapping || typeof mapping !== "object" || Array.isArray(mapping)) {
      throw new AppError(400, "invalid_mapping", "mapping must be a JSON object");
    }
  }
  const filename = c.req.query("filename") ?? null;
  return { body: new Uint8Array(await c.req.arrayBuffer()), filename, mapping };
}

const cohortSlug = (slug: string) => {
  if (!slugSchema.safeParse(slug).success) throw notFound("cohort");
  return slug;
};

export const importsRoutes = new OpenAPIHono<ApiEnv>({ defaultHook: validationHook })
  .openapi(
    createRoute({
      method: "post",
      path: "/v1/cohorts/{slug}/imports",
      summary: "Import candidates from a CSV file",
      description: `Body: the CSV file (UTF-8, header row first, columns in any order, names case-insensitive: ${IMPORT_COLUMNS.join(", ")}; other columns are ignored; up to 50,000 rows). Answers at once; the rows are enrolled in the background: follow GET /v1/imports/{id}. Optional query: \`mapping\`, a JSON object naming the file's header for each of our columns, and \`filename\`.`,
      ...auth,
      request: {
        params: slugParam,
        query: z.object({ mapping: z.string().max(4000).optional(), filename: z.string().max(200).optional() }),
        body: { required: true, content: { "text/csv": { schema: z.string() } } },
      },
      responses: {
        202: json(z.object({ importId: z.string(), total: z.number() }).openapi("ImportAccepted"), "Stored and queued"),
        ...errorResponses,
        409: json(ErrorSchema, "The cohort is archived"),
        413: json(ErrorSchema, "Too many rows or too large a file"),
        415: json(ErrorSchema, "Not CSV, or not UTF-8"),
        422: json(ErrorSchema, "The header row lacks a required column (email, company, outcome)"),
      },
    }),
    async (c) => {
      const slug = cohortSlug(c.req.valid("param").slug);
      const upload = await readUpload(c);
      const actor = `api-key:${c.get("apiKeyPrefix")}`;
      const out = await createImport(c.get("ctx"), c.get("programId"), { cohortSlug: slug, actor, ...upload });
      return c.json(out, 202);
    },
  )
  .openapi(
    createRoute({
      method: "get",
      path: "/v1/cohorts/{slug}/imports",
      summary: "The cohort's imports, newest first",
      ...auth,
      request: { params: slugParam },
      responses: { 200: json(z.object({ imports: z.array(ImportSummarySchema) }), "Imports"), ...errorResponses },
    }),
    async (c) => {
      const slug = cohortSlug(c.req.valid("param").slug);
      return c.json({ imports: await listImports(c.get("ctx").db, c.get("programId"), { cohortSlug: slug }) }, 200);
    },
  )
  .openapi(
    createRoute({
      method: "get",
      path: "/v1/imports/{id}",
      summary: "An import's progress and its per-row error report",
      ...auth,
      request: { params: idParam },
      responses: { 200: json(ImportSchema, "Import"), ...errorResponses },
    }),
    async (c) => c.json(await getImport(c.get("ctx").db, c.get("programId"), c.req.valid("param").id), 200),
  )
  .openapi(
    createRoute({
      method: "get",
      path: "/v1/imports/{id}/errors.csv",
      summary: "An import's per-row error report as CSV (row, email, code, message)",
      ...auth,
      request: { params: idParam },
      responses: {
        200: { description: "The report", content: { "text/csv": { schema: z.string() } } },
        ...errorResponses,
      },
    }),
    async (c) => {
      const { id } = c.req.valid("param");
      const csv = await importErrorsCsv(c.get("ctx").db, c.get("programId"), id);
      return c.body(csv, 200, {
        "content-type": "text/csv; charset=utf-8",
        "content-disposition": `attachment; filename="import-${id}-errors.csv"`,
      });
    },
  );
