import { createRoute, OpenAPIHono, z } from "@hono/zod-openapi";
import { requireApiKey } from "../auth.js";
import { ownCandidate } from "../own-candidate.js";
import type { ApiEnv } from "../env.js";
import { errorResponses, validationHook } from "../errors.js";

const ReflectionSchema = z
  .object({
    id: z.string(),
    messageId: z.string().nullable(),
    interviewId: z.string(),
    step: z.string(),
    prompt: z.string(),
    text: z.string().nullable(),
    themes: z.array(z.string()),
    distress: z.boolean(),
    receivedAt: z.string(),
  })
  .openapi("Reflection");

const route = createRoute({
  method: "get",
  path: "/v1/candidates/{id}/reflections",
  summary: "A candidate's reflections (their replies), newest first",
  security: [{ bearer: [] }],
  middleware: requireApiKey,
  request: {
    params: z.object({
      id: z
        .string()
        .max(64)
        .openapi({ param: { name: "id", in: "path" } }),
    }),
  },
  responses: {
    200: {
      description: "Reflections",
      content: { "application/json": { schema: z.object({ reflections: z.array(ReflectionSchema) }) } },
    },
    ...errorResponses,
  },
});

export const reflectionsRoutes = new OpenAPIHono<ApiEnv>({ defaultHook: validationHook }).openapi(route, async (c) => {
  const { id } = c.req.valid("param");
  const db = c.get("ctx").db;
  await ownCandidate(c, id);
  const rows = await db.reflection.findMany({
    where: { candidateId: id },
    orderBy: [{ receivedAt: "desc" }, { id: "desc" }],
  });
  return c.json(
    {
      reflections: rows.map((r) => ({
        id: r.id,
        messageId: r.messageId,
        interviewId: r.interviewId,
        step: r.step,
        prompt: r.prompt,
        text: r.text,
        themes: r.themes,
        distress: r.distress,
        receivedAt: r.receivedAt.toISOString(),
      })),
    },
    200,
  );
});
