import { createRequire } from "node:module";
import { dirname } from "node:path";
import type { OpenAPIHono } from "@hono/zod-openapi";
import { createBullBoard } from "@bull-board/api";
import { BullMQAdapter } from "@bull-board/api/bullMQAdapter";
import { HonoAdapter } from "@bull-board/hono";
import { serveStatic } from "@hono/node-server/serve-static";
import { type AppContext, AppError, adminOrigins, resolveAdminSession, roleAllows } from "@rebound/core";
import type { MiddlewareHandler } from "hono";
import { html } from "hono/html";
import type { PlainRouteDoc } from "../documented.js";
import type { ApiEnv } from "../env.js";
import { page } from "../html-page.js";

export const QUEUES_PATH = "/admin/queues";
const SAFE = new Set(["GET", "HEAD", "OPTIONS"]);

/** Bull Board's page runs its own scripts and styles from /admin/queues/static, nothing from elsewhere. */
const BOARD_CSP =
  "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'";

const refused = (title: string, text: string) =>
  page(title, html`<h1>${title}</h1><p>${text}</p><p><a href="/admin/">Back to the admin app</a></p>`);

/**
 * Owners of a program only, behind the admin app's session. The board's own buttons (retry,
 * clean, promote) cannot send the app's CSRF header: state changes here need a same-origin
 * `Origin` instead (browsers send it on every such request), on top of the SameSite cookie.
 */
const ownersOnly: MiddlewareHandler<ApiEnv> = async (c, next) => {
  const ctx = c.get("ctx");
  if (!SAFE.has(c.req.method)) {
    const origin = c.req.header("origin");
    if (!origin || !adminOrigins(ctx.config).includes(origin)) {
      throw new AppError(403, "forbidden_origin", "queue actions come from the dashboard itself");
    }
  }
  const admin = await resolveAdminSession(ctx, c.req.raw.headers);
  const wantsPage = c.req.method === "GET" && !c.req.path.startsWith(`${QUEUES_PATH}/api/`);
  if (!admin) {
    if (wantsPage) return c.redirect("/admin/", 302);
    throw new AppError(401, "unauthorized", "sign in to the admin app first");
  }
  if (!roleAllows(admin.role, "owner")) {
    const message = `the queue dashboard is for the program's owners; you are ${admin.role ?? "not a member"}`;
    if (wantsPage) return c.html(refused("Owners only", message), 403);
    throw new AppError(403, "forbidden", message);
  }
  await next();
  c.res.headers.set("Content-Security-Policy", BOARD_CSP);
  c.res.headers.set("Cache-Control", "no-store");
};

/**
 * Bull Board over every queue of Rebound at /admin/queues. The queues are shared by every
 * program, so the board is an operator's view: only owners reach it (jobs carry ids, never
 * personal data).
 */
export function mountQueueDashboard(app: OpenAPIHono<ApiEnv>, ctx: Pick<AppContext, "queues">): void {
  const board = new HonoAdapter(serveStatic);
  board.setBasePath(QUEUES_PATH);
  const { drip, email, inbound, import: imports, maintenance } = ctx.queues;
  createBullBoard({
    queues: [drip, email, inbound, imports, maintenance].map((q) => new BullMQAdapter(q)),
    serverAdapter: board,
    options: {
      // Resolved from this package: the built API (one bundled file) finds the UI's files the same way.
      uiBasePath: dirname(createRequire(import.meta.url).resolve("@bull-board/ui/package.json")),
      uiConfig: { boardTitle: "Rebound queues" },
    },
  });
  app.use(QUEUES_PATH, ownersOnly);
  app.use(`${QUEUES_PATH}/*`, ownersOnly);
  app.route(QUEUES_PATH, board.registerPlugin());
}

export const queuesDocs: PlainRouteDoc[] = [
  {
    method: "get",
    path: QUEUES_PATH,
    summary: "Bull Board: the queues' jobs (owners of a program, signed in to the admin app)",
    tags: ["admin"],
    responses: {
      200: { description: "The dashboard", type: "text/html" },
      302: { description: "Not signed in: to the admin app's sign-in" },
      403: { description: "Signed in, but not an owner", type: "text/html" },
    },
  },
];
