import { OpenAPIHono } from "@hono/zod-openapi";
import type { AdminEnv } from "../../admin/env.js";
import { validationHook } from "../../errors.js";
import { adminCandidatesRoutes } from "./candidates.js";
import { adminCohortsRoutes } from "./cohorts.js";
import { adminOutboxRoutes } from "./outbox.js";
import { sessionRoutes } from "./session.js";

/**
 * The admin app's JSON API, one module per resource. Its type is what the app's typed client
 * (Hono `hc`) is built from: a route added here is callable from apps/admin with its types.
 */
export const adminApi = new OpenAPIHono<AdminEnv>({ defaultHook: validationHook })
  .route("/", sessionRoutes)
  .route("/", adminCohortsRoutes)
  .route("/", adminCandidatesRoutes)
  .route("/", adminOutboxRoutes);

export type AdminApi = typeof adminApi;
