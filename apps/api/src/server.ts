import { serve } from "@hono/node-server";
import { loadConfigOrExit } from "@rebound/config";
import { buildContext, createLogger, runInProcesses } from "@rebound/core";
import { createApp } from "./app.js";

const config = loadConfigOrExit();

/** One API process: its own context (pools, caches, intake batcher), listening on the shared port. */
async function startServer() {
  const ctx = buildContext(config);
  const app = createApp(ctx);
  // The key check every /v1 request starts with is ready before the port is: a cold process
  // would otherwise meet its first burst with no connection and an uncompiled query.
  await ctx.apiKeys.warm().catch((error: unknown) => ctx.log.warn("api key check not warmed", { error }));
  const server = serve({ fetch: app.fetch, port: config.PORT }, (info) => {
    ctx.log.info("api listening", {
      port: info.port,
      pid: process.pid,
      publicUrl: config.PUBLIC_URL,
      transport: ctx.mail.name,
    });
  });

  let closing = false;
  async function shutdown(signal: string) {
    if (closing) return;
    closing = true;
    ctx.log.info("api shutting down", { signal, pid: process.pid });
    await new Promise<void>((resolve) => server.close(() => resolve()));
    await ctx.close();
    process.exit(0);
  }
  process.on("SIGTERM", () => void shutdown("SIGTERM"));
  process.on("SIGINT", () => void shutdown("SIGINT"));
}

// API_PROCESSES (one per core by default) processes share PORT.
runInProcesses(config.API_PROCESSES, "api", createLogger(config.LOG_LEVEL), startServer);
