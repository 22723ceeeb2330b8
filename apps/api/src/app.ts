import { swaggerUI } from "@hono/swagger-ui";
import { OpenAPIHono } from "@hono/zod-openapi";
import type { AppContext } from "@rebound/core";
import { bodyLimit } from "hono/body-limit";
import { secureHeaders } from "hono/secure-headers";
import type { ApiEnv } from "./env.js";
import { errorBody, handleError, validationHook } from "./errors.js";
import { candidatesRoutes } from "./routes/candidates.js";
import { cohortsRoutes } from "./routes/cohorts.js";
import { healthRoutes } from "./routes/health.js";
import { INBOUND_BODY_LIMIT, inboundRoutes } from "./routes/inbound.js";
import { interviewsRoutes } from "./routes/interviews.js";
import { logRoutes } from "./routes/log.js";
import { preferencesRoutes } from "./routes/preferences.js";
import { reflectionsRoutes } from "./routes/reflections.js";
import { subscribeRoutes } from "./routes/subscribe.js";
import { WEBHOOK_BODY_LIMIT, webhookRoutes } from "./routes/webhooks.js";
import { unsubscribeRoutes } from "./routes/unsubscribe.js";

/** JSON bodies of the program API are small; anything bigger is refused before parsing. */
export const JSON_BODY_LIMIT = 64 * 1024;

const tooLarge = (c: Parameters<Parameters<typeof bodyLimit>[0]["onError"] & object>[0]) =>
  c.json(errorBody("payload_too_large", "request body is too large"), 413);

export function createApp(ctx: AppContext) {
  const app = new OpenAPIHono<ApiEnv>({ defaultHook: validationHook });
  app.use("*", secureHeaders());
  app.use("*", async (c, next) => {
    c.set("ctx", ctx);
    await next();
  });
  app.use("/v1/*", bodyLimit({ maxSize: JSON_BODY_LIMIT, onError: tooLarge }));
  app.use("/unsubscribe/*", bodyLimit({ maxSize: 4 * 1024, onError: tooLarge }));
  app.use("/preferences/*", bodyLimit({ maxSize: 4 * 1024, onError: tooLarge }));
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
  app.route("/", reflectionsRoutes);
  app.route("/", subscribeRoutes);
  app.route("/", unsubscribeRoutes);
  app.route("/", webhookRoutes);
  app.route("/", inboundRoutes);
  app.route("/", logRoutes);
  app.route("/", preferencesRoutes);
  app.doc31("/openapi.json", {
    openapi: "3.1.0",
    info: { title: "Rebound API", version: "1.0.0", description: "Interview outcomes in, coaching tracks out." },
  });
  app.get("/docs", swaggerUI({ url: "/openapi.json" }));
  app.notFound((c) => c.json(errorBody("not_found", `no route for ${c.req.method} ${c.req.path}`), 404));
  app.onError(handleError);
  return app;
}
