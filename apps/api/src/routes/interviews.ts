import { createRoute, OpenAPIHono, z } from "@hono/zod-openapi";
import { intakeFor } from "@rebound/core";
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

export const interviewsRoutes = new OpenAPIHono<ApiEnv>({ defaultHook: validationHook }).openapi(route, async (c) => {
  const ctx = c.get("ctx");
  const key = c.req.valid("header")["idempotency-key"];
  // Concurrent requests are written together (one transaction, one bulk job add); 202 after commit.
  const { candidateId, interviewId, enrollmentId } = await intakeFor(ctx).submit({
    programId: c.get("programId"),
    input: c.req.valid("json"),
    source: "api",
    consent: { at: ctx.clock.now().toISOString(), method: "api", source: `program API key ${c.get("apiKeyPrefix")}` },
    ...(key ? { idempotency: { key } } : {}),
  });
  return c.json({ candidateId, interviewId, enrollmentId }, 202);
});
