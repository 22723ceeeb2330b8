import { z } from "@hono/zod-openapi";

type Named = (this: z.ZodType, refId: string) => z.ZodType;

/**
 * Names a schema from @rebound/domain in the OpenAPI document. Domain schemas are
 * built with plain zod, often before @hono/zod-openapi has extended it (the server
 * imports @rebound/core first), and zod 4 copies methods onto each schema when it
 * is created: such a schema has no `.openapi` of its own. The extension's method
 * is called directly, so the API starts whatever the import order.
 */
export function namedSchema<T extends z.ZodType>(schema: T, refId: string): T {
  return (z.ZodType.prototype.openapi as Named).call(schema, refId) as T;
}
