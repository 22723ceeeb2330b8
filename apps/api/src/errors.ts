import { z } from "@hono/zod-openapi";
import { AppError } from "@rebound/core";
import { Prisma } from "@rebound/db";
import type { Context } from "hono";
import { HTTPException } from "hono/http-exception";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import type { ZodError } from "zod";

export const ErrorSchema = z.object({ error: z.object({ code: z.string(), message: z.string() }) }).openapi("Error");

export const errorResponses = {
  400: { description: "Invalid request", content: { "application/json": { schema: ErrorSchema } } },
  401: { description: "Missing or invalid API key", content: { "application/json": { schema: ErrorSchema } } },
  404: {
    description: "Not found (including another program's ids)",
    content: { "application/json": { schema: ErrorSchema } },
  },
} as const;

/** A JSON response entry of an OpenAPI route. */
export const json = (schema: z.ZodType, description: string) => ({
  description,
  content: { "application/json": { schema } },
});

export function errorBody(code: string, message: string) {
  return { error: { code, message } };
}

export function zodMessage(error: ZodError): string {
  return error.issues
    .slice(0, 5)
    .map((i) => {
      const path = i.path.join(".");
      if (i.code === "unrecognized_keys") return `unknown field(s): ${i.keys.join(", ")}`;
      if (i.code === "invalid_type" && i.input === undefined) return `${path}: is required`;
      return path ? `${path}: ${i.message}` : i.message;
    })
    .join("; ");
}

/** Validation failures from @hono/zod-openapi become the one error shape. */
export function validationHook(result: { success: boolean; error?: ZodError; target?: string }, c: Context) {
  if (!result.success && result.error) {
    const code = result.target === "json" ? "invalid_body" : `invalid_${result.target ?? "request"}`;
    return c.json(errorBody(code, zodMessage(result.error)), 400);
  }
}

/** One onError for the whole app: every error leaves as `{ error: { code, message } }`. */
export function handleError(err: Error, c: Context) {
  if (err instanceof AppError) {
    const retry = (err.details as { retryAfterSeconds?: number } | undefined)?.retryAfterSeconds;
    if (retry) c.header("Retry-After", String(retry));
    return c.json(errorBody(err.code, err.message), err.status as ContentfulStatusCode);
  }
  if (err instanceof HTTPException) {
    const status = err.status;
    const code = status === 413 ? "payload_too_large" : status === 400 ? "bad_request" : `http_${status}`;
    const message = status === 413 ? "request body is too large" : err.message || "request refused";
    return c.json(errorBody(code, message), status as ContentfulStatusCode);
  }
  if (err instanceof Prisma.PrismaClientKnownRequestError && err.code === "P2002") {
    return c.json(errorBody("conflict", "a record with these values already exists"), 409);
  }
  const ctx = c.get("ctx" as never) as { log?: { error: (m: string, d: object) => void } } | undefined;
  // The route's pattern, never the path: paths carry tokens (/log/<token>, /unsubscribe/<token>).
  ctx?.log?.error("unhandled error", { method: c.req.method, route: c.req.routePath, error: err });
  return c.json(errorBody("internal", "something went wrong; it has been logged"), 500);
}
