import type { OpenAPIHono } from "@hono/zod-openapi";
import type { Config } from "@rebound/config";
import { bodyLimit } from "hono/body-limit";
import { documentPlainRoutes } from "../documented.js";
import type { ApiEnv } from "../env.js";
import { AppError } from "@rebound/core";
import { adminApi } from "../routes/admin/index.js";
import { authDocs, authRoutes } from "../routes/admin/auth.js";
import { ADMIN_IMPORT_PATH } from "../routes/admin/imports.js";
import { IMPORT_BODY_LIMIT } from "../routes/imports.js";
import { signupDocs, signupPageRoutes } from "../routes/admin/signup-page.js";
import type { AdminEnv } from "./env.js";
import { adminOriginCheck } from "./session.js";
import { type AdminAppOptions, adminPages } from "./spa.js";

export type { AdminApi } from "../routes/admin/index.js";
export type { AdminAppOptions } from "./spa.js";

const tooLarge = (): never => {
  throw new AppError(413, "payload_too_large", "request body is too large");
};

/**
 * Everything under /admin: the origin check, better-auth, the JSON API, the sign-in link, the
 * cohorts' public signup pages (/join), and the app's pages (static build, or Vite under
 * `pnpm dev`). /admin/queues is left to the queue dashboard. Call `mountAdminPages` last.
 */
export function mountAdmin(app: OpenAPIHono<ApiEnv>) {
  const admin = app as unknown as OpenAPIHono<AdminEnv>;
  admin.use("/admin/*", adminOriginCheck);
  const jsonLimit = bodyLimit({ maxSize: 64 * 1024, onError: tooLarge });
  // A CSV upload is the one bigger body (the program API's import limit).
  const importLimit = bodyLimit({ maxSize: IMPORT_BODY_LIMIT, onError: tooLarge });
  admin.use("/admin/api/*", (c, next) =>
    ADMIN_IMPORT_PATH.test(c.req.path) ? importLimit(c, next) : jsonLimit(c, next),
  );
  app.use("/join/*", bodyLimit({ maxSize: 8 * 1024, onError: tooLarge }));
  app.openAPIRegistry.registerComponent("securitySchemes", "adminSession", {
    type: "apiKey",
    in: "cookie",
    name: "rebound.session_token",
    description:
      "The admin app's session cookie (better-auth; __Secure- prefixed outside development). State-changing requests also need the X-CSRF-Token header from GET /admin/api/session.",
  });
  admin.route("/", authRoutes);
  admin.route("/", adminApi);
  app.route("/", signupPageRoutes);
  documentPlainRoutes(app.openAPIRegistry, [
    ...authDocs,
    ...signupDocs,
    {
      method: "get",
      path: "/admin/{page}",
      summary: "The admin app (a single-page app: every page answers with it)",
      tags: ["admin"],
      responses: { 200: { description: "The app", type: "text/html" } },
    },
  ]);
}

/** The app's pages: after every other route, so nothing else under /admin is shadowed. */
export function mountAdminPages(
  app: OpenAPIHono<ApiEnv>,
  config: Pick<Config, "NODE_ENV" | "ADMIN_DEV_URL">,
  opts: Pick<AdminAppOptions, "distDir"> = {},
) {
  const pages = adminPages({
    ...opts,
    devUrl: config.NODE_ENV === "development" ? (config.ADMIN_DEV_URL ?? null) : null,
  });
  app.get("/admin", pages);
  app.get("/admin/*", pages);
}
