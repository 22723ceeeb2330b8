import { swaggerUI } from "@hono/swagger-ui";
import { OpenAPIHono } from "@hono/zod-openapi";
import { type AppContext, AppError, enforceRateLimit } from "@rebound/core";
import { bodyLimit } from "hono/body-limit";
import { type AdminAppOptions, mountAdmin, mountAdminPages } from "./admin/index.js";
import { clientIp } from "./client-ip.js";
import { documentPlainRoutes } from "./documented.js";
import { fixedSecureHeaders } from "./secure-headers.js";
import { smallBody } from "./small-body.js";
import type { ApiEnv } from "./env.js";
import { handleError, validationHook } from "./errors.js";
import { candidatesRoutes } from "./routes/candidates.js";
import { cohortsRoutes } from "./routes/cohorts.js";
import { confirmCommandDocs, confirmCommandRoutes } from "./routes/confirm-command.js";
import { exportsRoutes } from "./routes/exports.js";
import { healthDocs, healthRoutes } from "./routes/health.js";
import { IMPORT_BODY_LIMIT, IMPORT_PATH, importsRoutes } from "./routes/imports.js";
import { mountQueueDashboard, queuesDocs } from "./routes/queues.js";
import { INBOUND_BODY_LIMIT, inboundDocs, inboundRoutes } from "./routes/inbound.js";
import { interviewsRoutes } from "./routes/interviews.js";
import { logDocs, logRoutes } from "./routes/log.js";
import { preferencesDocs, preferencesRoutes } from "./routes/preferences.js";
import { reflectionsRoutes } from "./routes/reflections.js";
import { subscribeDocs, subscribeRoutes } from "./routes/subscribe.js";
import { unsubscribeDocs, unsubscribeRoutes } from "./routes/unsubscribe.js";
import { WEBHOOK_BODY_LIMIT, webhookDocs, webhookRoutes } from "./routes/webhooks.js";

/** JSON bodies of the program API are small; anything bigger is refused before parsing. */
export const JSON_BODY_LIMIT = 64 * 1024;

const tooLarge = (): never => {
  throw new AppError(413, "payload_too_large", "request body is too large");
};

/** Candidate pages: nothing runs but their own inline styles, nothing frames them, forms post only here. */
const PAGE_CSP = {
  defaultSrc: ["'none'"],
  styleSrc: ["'unsafe-inline'"],
  imgSrc: ["'self'", "data:"],
  formAction: ["'self'"],
  frameAncestors: ["'none'"],
  baseUri: ["'none'"],
};

/** Paths that are rate-limited per client address: everything a stranger can reach without a key or a signature. */
const PUBLIC_PATHS = /^\/(unsubscribe|preferences|log|confirm-command|v1\/subscribe|join|admin\/login)(\/|$)/;

/** `admin.distDir`: where the built admin app is (apps/admin/dist by default; tests build their own). */
export function createApp(ctx: AppContext, opts: { admin?: Pick<AdminAppOptions, "distDir"> } = {}) {
  const app = new OpenAPIHono<ApiEnv>({ defaultHook: validationHook });
  const production = ctx.config.NODE_ENV === "production";
  app.use(
    "*",
    fixedSecureHeaders({
      contentSecurityPolicy: PAGE_CSP,
      // Token-bearing URLs (/log/<token>, /unsubscribe/<token>) must never leak through Referer.
      referrerPolicy: "no-referrer",
      xContentTypeOptions: "nosniff",
      strictTransportSecurity: production ? "max-age=63072000; includeSubDomains" : false,
      crossOriginEmbedderPolicy: false,
      // A page with its own policy (the admin app, /docs, the signup page) keeps it.
    }),
  );
  app.use("*", async (c, next) => {
    c.set("ctx", ctx);
    await next();
  });
  app.use("*", async (c, next) => {
    if (PUBLIC_PATHS.test(c.req.path)) await enforceRateLimit(ctx, "public", clientIp(c));
    await next();
  });
  const jsonLimit = smallBody(JSON_BODY_LIMIT, tooLarge);
  const importLimit = bodyLimit({ maxSize: IMPORT_BODY_LIMIT, onError: tooLarge });
  app.use("/v1/*", (c, next) => (IMPORT_PATH.test(c.req.path) ? importLimit(c, next) : jsonLimit(c, next)));
  app.use("/unsubscribe/*", bodyLimit({ maxSize: 4 * 1024, onError: tooLarge }));
  app.use("/preferences/*", bodyLimit({ maxSize: 4 * 1024, onError: tooLarge }));
  app.use("/confirm-command/*", bodyLimit({ maxSize: 4 * 1024, onError: tooLarge }));
  app.use("/webhooks/*", bodyLimit({ maxSize: WEBHOOK_BODY_LIMIT, onError: tooLarge }));
  app.use("/inbound/*", bodyLimit({ maxSize: INBOUND_BODY_LIMIT, onError: tooLarge }));

  app.openAPIRegistry.registerComponent("securitySchemes", "bearer", {
    type: "http",
    scheme: "bearer",
    description: "Program API key",
  });
  app.route("/", healthRoutes);
  app.route("/", interviewsRoutes);
  app.route("/", candidatesRoutes);
  app.route("/", cohortsRoutes);
  app.route("/", importsRoutes);
  app.route("/", exportsRoutes);
  app.route("/", reflectionsRoutes);
  app.route("/", subscribeRoutes);
  app.route("/", unsubscribeRoutes);
  app.route("/", webhookRoutes);
  app.route("/", inboundRoutes);
  app.route("/", logRoutes);
  app.route("/", preferencesRoutes);
  app.route("/", confirmCommandRoutes);
  mountAdmin(app);
  mountQueueDashboard(app, ctx);
  documentPlainRoutes(app.openAPIRegistry, [
    ...healthDocs,
    ...subscribeDocs,
    ...unsubscribeDocs,
    ...webhookDocs,
    ...inboundDocs,
    ...logDocs,
    ...preferencesDocs,
    ...confirmCommandDocs,
    ...queuesDocs,
  ]);
  app.doc31("/openapi.json", {
    openapi: "3.1.0",
    info: { title: "Rebound API", version: "1.0.0", description: "Interview outcomes in, coaching tracks out." },
  });
  // The API explorer loads its script and styles from a CDN: its page gets its own policy.
  app.get(
    "/docs",
    async (c, next) => {
      await next();
      c.res.headers.set(
        "Content-Security-Policy",
        "default-src 'none'; script-src 'unsafe-inline' https://cdn.jsdelivr.net; style-src 'unsafe-inline' https://cdn.jsdelivr.net; img-src 'self' data: https:; connect-src 'self'; frame-ancestors 'none'",
      );
    },
    swaggerUI({ url: "/openapi.json" }),
  );
  mountAdminPages(app, ctx.config, opts.admin);
  app.notFound((c) => {
    throw new AppError(404, "not_found", `no route for ${c.req.method} ${c.req.path}`);
  });
  app.onError(handleError);
  return app;
}
