import type { OpenAPIHono } from "@hono/zod-openapi";

type Registry = OpenAPIHono["openAPIRegistry"];

export interface PlainRouteDoc {
  method: "get" | "post" | "delete";
  path: string;
  summary: string;
  description?: string;
  tags?: string[];
  /** Status code -> description and content type of the answer. */
  responses: Record<
    number,
    { description: string; type?: "text/html" | "application/json" | "text/plain" | "text/csv" }
  >;
  request?: { contentType: string; description: string };
}

/**
 * Routes that cannot be described by a zod schema (HTML pages, raw bodies verified before they
 * are parsed: webhooks, raw MIME) are still in the OpenAPI document: each route module lists them here.
 */
export function documentPlainRoutes(registry: Registry, docs: readonly PlainRouteDoc[]): void {
  for (const d of docs) {
    registry.registerPath({
      method: d.method,
      path: d.path.replace(/:([A-Za-z]+)/g, "{$1}"),
      summary: d.summary,
      ...(d.description ? { description: d.description } : {}),
      ...(d.tags ? { tags: d.tags } : {}),
      ...(d.request
        ? {
            request: {
              body: { description: d.request.description, content: { [d.request.contentType]: { schema: {} } } },
            },
          }
        : {}),
      responses: Object.fromEntries(
        Object.entries(d.responses).map(([status, r]) => [
          status,
          { description: r.description, ...(r.type ? { content: { [r.type]: { schema: {} } } } : {}) },
        ]),
      ),
    });
  }
}
