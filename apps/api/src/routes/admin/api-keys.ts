import { createRoute, OpenAPIHono, z } from "@hono/zod-openapi";
import { createApiKey, listApiKeys, revokeApiKey } from "@rebound/core";
import type { AdminEnv } from "../../admin/env.js";
import { adminSecurity, ownerOnly } from "../../admin/session.js";
import { validationHook } from "../../errors.js";
import { adminErrors, iso, jsonOf } from "./schemas.js";

const ApiKeySchema = z
  .object({
    id: z.string(),
    name: z.string(),
    prefix: z.string().describe("the key's first characters, to tell keys apart"),
    createdBy: z.string().nullable(),
    createdByLabel: z.string().nullable(),
    createdAt: z.string(),
    lastUsedAt: z.string().nullable().describe("written at most once a minute"),
    revokedAt: z.string().nullable(),
  })
  .openapi("ApiKey");
const keyParams = z.object({
  keyId: z
    .string()
    .max(64)
    .openapi({ param: { name: "keyId", in: "path" } }),
});
const NewKeySchema = z
  .object({ name: z.string().trim().min(1).max(80) })
  .strict()
  .openapi("ApiKeyInput");

type KeyRow = Awaited<ReturnType<typeof listApiKeys>>[number];
const keyJson = (k: KeyRow) => ({
  id: k.id,
  name: k.name,
  prefix: k.prefix,
  createdBy: k.createdBy,
  createdByLabel: k.createdByLabel,
  createdAt: k.createdAt.toISOString(),
  lastUsedAt: iso(k.lastUsedAt),
  revokedAt: iso(k.revokedAt),
});

/** Program API keys, for owners: create (the key is shown once), list, revoke (refused at once everywhere). */
export const adminApiKeysRoutes = new OpenAPIHono<AdminEnv>({ defaultHook: validationHook })
  .openapi(
    createRoute({
      method: "get",
      path: "/admin/api/api-keys",
      summary: "The program's API keys (prefix, creator, last use; never the key)",
      tags: ["admin"],
      security: adminSecurity,
      middleware: [ownerOnly] as const,
      responses: { 200: jsonOf(z.object({ keys: z.array(ApiKeySchema) }), "Keys"), ...adminErrors },
    }),
    async (c) => c.json({ keys: (await listApiKeys(c.get("ctx").db, c.get("programId"))).map(keyJson) }, 200),
  )
  .openapi(
    createRoute({
      method: "post",
      path: "/admin/api/api-keys",
      summary: "Create an API key; the answer is the only time the key is shown",
      tags: ["admin"],
      security: adminSecurity,
      middleware: [ownerOnly] as const,
      request: { body: { required: true, content: { "application/json": { schema: NewKeySchema } } } },
      responses: {
        201: jsonOf(
          ApiKeySchema.extend({ apiKey: z.string().describe("shown once; only its hash is kept") }),
          "Created",
        ),
        ...adminErrors,
      },
    }),
    async (c) => {
      const admin = c.get("admin");
      const actor = `admin:${admin.userId}`;
      const key = await createApiKey(c.get("ctx").db, c.get("programId"), c.req.valid("json").name, actor);
      c.header("Cache-Control", "no-store");
      return c.json(
        {
          ...keyJson({ ...key, createdBy: actor, createdByLabel: admin.email, lastUsedAt: null, revokedAt: null }),
          apiKey: key.apiKey,
        },
        201,
      );
    },
  )
  .openapi(
    createRoute({
      method: "delete",
      path: "/admin/api/api-keys/{keyId}",
      summary: "Revoke an API key: every API process refuses it from now on",
      tags: ["admin"],
      security: adminSecurity,
      middleware: [ownerOnly] as const,
      request: { params: keyParams },
      responses: { 200: jsonOf(z.object({ revoked: z.literal(true) }), "Revoked"), ...adminErrors },
    }),
    async (c) => {
      await revokeApiKey(
        c.get("ctx"),
        c.get("programId"),
        c.req.valid("param").keyId,
        `admin:${c.get("admin").userId}`,
      );
      return c.json({ revoked: true as const }, 200);
    },
  );
