import { z } from "@hono/zod-openapi";
import { ErrorSchema } from "../../errors.js";

const err = (description: string) => ({ description, content: { "application/json": { schema: ErrorSchema } } });

/** The errors every session-authenticated admin route can answer. */
export const adminErrors = {
  400: err("Invalid request"),
  401: err("Not signed in"),
  403: err("Wrong origin, missing CSRF token, or a role that may not do this (viewers cannot write)"),
  404: err("Not found (including another program's ids)"),
} as const;

export const iso = (d: Date | null | undefined) => (d ? d.toISOString() : null);

const id = (name: string) =>
  z
    .string()
    .max(64)
    .openapi({ param: { name, in: "path" } });
export const cohortParams = z.object({ cohortId: id("cohortId") });
export const candidateParams = z.object({ candidateId: id("candidateId") });
export const emailParams = z.object({ emailId: id("emailId") });

/** A typed JSON response entry (unlike errors.ts' `json`, it keeps the schema's type, which the app's client reads). */
export const jsonOf = <T extends z.ZodType>(schema: T, description: string) => ({
  description,
  content: { "application/json": { schema } },
});
