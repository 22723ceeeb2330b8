import { existsSync } from "node:fs";
import { dirname, join, sep } from "node:path";
import { fileURLToPath } from "node:url";
import { serveStatic } from "@hono/node-server/serve-static";
import { AppError } from "@rebound/core";
import type { Context, Next } from "hono";
import { proxy } from "hono/proxy";
import type { ApiEnv } from "../env.js";

/**
 * The folder of this package (apps/api): the nearest package.json above this module. This file
 * sits two levels down in src/ (tsx, tests) but one level down once bundled into dist/, so a
 * fixed relative path would be right for only one of them; the cwd is never used.
 */
function packageDir(moduleUrl: string): string {
  const start = dirname(fileURLToPath(moduleUrl));
  for (let dir = start; ; dir = dirname(dir)) {
    if (existsSync(join(dir, "package.json"))) return dir;
    if (dirname(dir) === dir) return start;
  }
}

/** The built admin app: apps/admin/dist beside this package, whichever way the API runs. */
export const DEFAULT_ADMIN_DIST = join(packageDir(import.meta.url), "..", "admin", "dist") + sep;

/**
 * The admin app's policy: its own scripts only, no inline script, no other origin. Styles may be
 * inline (charts and the email previews, which render in sandboxed frames without scripts).
 */
export const ADMIN_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "frame-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join("; ");

/** Under `pnpm dev` the pages come from Vite, whose reload needs its inline preamble and its socket. */
const devCsp = (devUrl: string) => {
  const u = new URL(devUrl);
  return ADMIN_CSP.replace("script-src 'self'", `script-src 'self' 'unsafe-inline' ${u.origin}`).replace(
    "connect-src 'self'",
    `connect-src 'self' ${u.origin} ws://${u.host}`,
  );
};

/** Paths under /admin that are not pages of the app: its API, the login link, and the queue dashboard (Bull Board). */
const NOT_PAGES = /^\/admin\/(api|login|queues)(\/|$)/;

export interface AdminAppOptions {
  /** The built app's folder; null serves nothing (a clear 503 page says how to build it). */
  distDir?: string | null;
  /** `pnpm dev`: forward page requests to the admin's Vite dev server instead. */
  devUrl?: string | null;
}

/** GET /admin and /admin/*: the app's files, and index.html for every other page (the app routes itself). */
export function adminPages(opts: AdminAppOptions) {
  const dist = opts.distDir === undefined ? DEFAULT_ADMIN_DIST : opts.distDir;
  const assets = dist ? serveStatic({ root: dist, rewriteRequestPath: (p) => p.replace(/^\/admin/, "") }) : null;
  const index = dist ? serveStatic({ path: join(dist, "index.html") }) : null;
  return async (c: Context<ApiEnv>, next: Next) => {
    if (NOT_PAGES.test(c.req.path)) return next();
    if (c.req.path === "/admin") return c.redirect("/admin/", 308);
    if (opts.devUrl) {
      const target = new URL(c.req.path + new URL(c.req.url).search, opts.devUrl);
      const res = await proxy(target, { headers: { accept: c.req.header("accept") ?? "*/*" } });
      const out = new Response(res.body, res);
      out.headers.set("Content-Security-Policy", devCsp(opts.devUrl));
      return out;
    }
    if (!dist || !index || !assets || !existsSync(join(dist, "index.html"))) {
      throw new AppError(503, "admin_not_built", "the admin app is not built: run `pnpm build` (or use `pnpm dev`)");
    }
    c.header("Content-Security-Policy", ADMIN_CSP);
    const isAsset = c.req.path.startsWith("/admin/assets/");
    if (isAsset) {
      c.header("Cache-Control", "public, max-age=31536000, immutable");
      const res = await assets(c, async () => {});
      if (res) return res;
      throw new AppError(404, "not_found", "no such file");
    }
    c.header("Cache-Control", "no-store");
    const res = await index(c, async () => {});
    return res ?? next();
  };
}
