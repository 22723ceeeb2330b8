import { createHash } from "node:crypto";
import { createRoute, OpenAPIHono, z } from "@hono/zod-openapi";
import { AppError, enrolInterview, type EnrolResult } from "@rebound/core";
import { Prisma } from "@rebound/db";
import { interviewInputSchema } from "@rebound/domain";
import { requireApiKey } from "../auth.js";
import type { ApiEnv } from "../env.js";
import { errorResponses, ErrorSchema, validationHook } from "../errors.js";
import { namedSchema } from "../openapi-name.js";

const EnrolResultSchema = z
  .object({ candidateId: z.uuid(), interviewId: z.uuid(), enrollmentId: z.uuid() })
  .openapi("EnrolResult");

const route = createRoute({
  method: "post",
  path: "/v1/interviews",
  summary: "Record an interview outcome and start its coaching track",
  description:
    "Creates or updates the candidate, records the interview and enrols the candidate in the track of the outcome. A running track for the same candidate is superseded. Send `Idempotency-Key` to make retries safe: the same key and body return the same result.",
  security: [{ bearer: [] }],
  middleware: [requireApiKey] as const,
  request: {
    headers: z.object({
      "idempotency-key": z
        .string()
        .min(1)
        .max(200)
        .regex(/^[\x21-\x7e]+$/)
        .optional(),
    }),
    body: {
      required: true,
      content: { "application/json": { schema: namedSchema(interviewInputSchema, "InterviewInput") } },
    },
  },
  responses: {
    202: { description: "Enrolled", content: { "application/json": { schema: EnrolResultSchema } } },
    ...errorResponses,
    409: { description: "Suppressed address", content: { "application/json": { schema: ErrorSchema } } },
    413: { description: "Body too large", content: { "application/json": { schema: ErrorSchema } } },
    422: {
      description: "Idempotency-Key reused with another body",
      content: { "application/json": { schema: ErrorSchema } },
    },
  },
});

function requestHash(body: unknown): string {
  const canonical = JSON.stringify(body, Object.keys(body as object).sort());
  return createHash("sha256").update(canonical).digest("hex");
}

async function replay(ctx: ApiEnv["Variables"]["ctx"], programId: string, key: string, hash: string) {
  const prior = await ctx.db.idempotencyRecord.findUnique({ where: { programId_key: { programId, key } } });
  if (!prior) return null;
  if (prior.requestHash !== hash) {
    throw new AppError(422, "idempotency_key_reused", "this Idempotency-Key was used with a different body");
  }
  return prior.response as unknown as EnrolResult;
}

export const interviewsRoutes = new OpenAPIHono<ApiEnv>({ defaultHook: validationHook }).openapi(route, async (c) => {
  const ctx = c.get("ctx");
  const programId = c.get("programId");
  const input = c.req.valid("json");
  const key = c.req.valid("header")["idempotency-key"];
  if (!key) return c.json(await enrolInterview(ctx, programId, input), 202);
  const hash = requestHash(input);
  const prior = await replay(ctx, programId, key, hash);
  if (prior) return c.json(prior, 202);
  try {
    return c.json(await enrolInterview(ctx, programId, input, { idempotency: { key, requestHash: hash } }), 202);
  } catch (err) {
    // A concurrent request with the same key won the race; answer with its result.
    if (err instanceof Prisma.PrismaClientKnownRequestError && err.code === "P2002") {
      const raced = await replay(ctx, programId, key, hash);
      if (raced) return c.json(raced, 202);
    }
    throw err;
  }
});
