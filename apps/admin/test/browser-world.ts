import { type ChildProcess, execFile, spawn } from "node:child_process";
import { mkdirSync } from "node:fs";
import { createServer } from "node:net";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { serve } from "@hono/node-server";
import { createApp } from "@rebound/api";
import { createTestEnv, type TestEnv } from "@rebound/testkit";
import { type Browser, chromium, type Page } from "playwright-core";

const here = dirname(fileURLToPath(import.meta.url));
const repo = join(here, "..", "..", "..");
export const SCREENSHOTS = join(here, "..", "screenshots");

/** Debian's Chromium with the flags of ../shared/ENVIRONMENT.md (Playwright downloads no browser here). */
const CHROMIUM_FLAGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once("error", reject);
    s.listen(0, "127.0.0.1", () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

export interface AdminWorld {
  env: TestEnv;
  url: string;
  browser: Browser;
  /** `pnpm cli ...` against this world's database, parsed JSON of its stdout. */
  cli<T>(...args: string[]): Promise<T>;
  close(): Promise<void>;
}

/**
 * The whole product on one machine, as a newcomer runs it: the real API (serving the admin app
 * built by the global set-up) on a port, a real worker process, PostgreSQL, Redis, the local
 * outbox (no RESEND_API_KEY) and DRIP_SPEEDUP, and Chromium driving the pages.
 */
export async function startAdminWorld(overrides: Record<string, string> = {}): Promise<AdminWorld> {
  const port = await freePort();
  const url = `http://localhost:${port}`;
  const env = await createTestEnv({
    RESEND_API_KEY: "",
    PUBLIC_URL: url,
    DRIP_SPEEDUP: "86400",
    RECONCILE_EVERY_MS: "500",
    ...overrides,
  });
  const app = createApp(env.ctx, { admin: { distDir: process.env.REBOUND_ADMIN_TEST_DIST ?? null } });
  const server = serve({ fetch: app.fetch, port, hostname: "127.0.0.1" });
  const worker: ChildProcess = spawn(process.execPath, ["--import", "tsx", "src/main.ts"], {
    cwd: join(repo, "apps", "worker"),
    env: { ...process.env, ...env.childEnv },
    stdio: ["ignore", "ignore", "inherit"],
  });
  const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: CHROMIUM_FLAGS });
  mkdirSync(SCREENSHOTS, { recursive: true });
  const run = promisify(execFile);
  return {
    env,
    url,
    browser,
    async cli<T>(...args: string[]) {
      const { stdout } = await run(process.execPath, ["--import", "tsx", "src/main.ts", ...args], {
        cwd: join(repo, "apps", "cli"),
        env: { ...process.env, ...env.childEnv },
      });
      return JSON.parse(stdout) as T;
    },
    async close() {
      await browser.close();
      worker.kill("SIGTERM");
      await new Promise((r) => worker.once("exit", r));
      await new Promise<void>((r) => server.close(() => r()));
      await env.close();
    },
  };
}

/** A full-page screenshot under apps/admin/screenshots (git-ignored), for a person to look at. */
export async function shot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true });
}
