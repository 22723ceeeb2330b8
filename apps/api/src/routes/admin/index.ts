import { OpenAPIHono } from "@hono/zod-openapi";
import type { AdminEnv } from "../../admin/env.js";
import { validationHook } from "../../errors.js";
import { adminApiKeysRoutes } from "./api-keys.js";
import { adminAuditRoutes } from "./audit.js";
import { adminCandidatesRoutes } from "./candidates.js";
import { adminCohortsRoutes } from "./cohorts.js";
import { adminExportsRoutes } from "./exports.js";
import { adminImportsRoutes } from "./imports.js";
import { adminOutboxRoutes } from "./outbox.js";
import { sessionRoutes } from "./session.js";
import { adminSettingsRoutes } from "./settings.js";

/**
 * The admin app's JSON API, one module per resource. Its type is what the app's typed client
 * (Hono `hc`) is built from: a route added here is callable from apps/admin with its types.
 */
export const adminApi = new OpenAPIHono<AdminEnv>({ defaultHook: validationHook })
  .route("/", sessionRoutes)
  .route("/", adminCohortsRoutes)
  .route("/", adminCandidatesRoutes)
  .route("/", adminOutboxRoutes)
  .route("/", adminImportsRoutes)
  .route("/", adminExportsRoutes)
  .route("/", adminApiKeysRoutes)
  .route("/", adminSettingsRoutes)
  .route("/", adminAuditRoutes);

export type AdminApi = typeof adminApi;
