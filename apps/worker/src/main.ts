import { loadConfigOrExit } from "@rebound/config";
import { buildContext, createAnalyser, createLogger, runInProcesses } from "@rebound/core";
import { startWorkers } from "./workers.js";

const config = loadConfigOrExit();

/** One worker process: it consumes every queue; several share the work through Redis (WORKER_PROCESSES). */
async function startWorkerProcess() {
  const ctx = buildContext(config);
  const running = await startWorkers(ctx, {
    reconcileEveryMs: config.RECONCILE_EVERY_MS,
    lockDurationMs: config.WORKER_LOCK_MS,
    // ANALYSER=llm sends reflections to LLM_BASE_URL; any failure there falls back to the offline analyser.
    analyser: createAnalyser(config, { log: ctx.log }),
  });

  let closing = false;
  async function shutdown(signal: string) {
    if (closing) return;
    closing = true;
    ctx.log.info("worker shutting down", { signal, pid: process.pid });
    await running.close();
    await ctx.close();
    process.exit(0);
  }
  process.on("SIGTERM", () => void shutdown("SIGTERM"));
  process.on("SIGINT", () => void shutdown("SIGINT"));
}

runInProcesses(config.WORKER_PROCESSES, "worker", createLogger(config.LOG_LEVEL), startWorkerProcess);
