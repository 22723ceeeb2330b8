import cluster from "node:cluster";
import type { Logger } from "./logger.js";

/**
 * Runs `start` in `count` processes with node:cluster. This (primary) process forks them and
 * does nothing else: a server they start shares its listening port (the primary hands each new
 * connection to one of them in turn). SIGTERM/SIGINT are passed on and the primary exits once
 * they have shut down, with the first non-zero exit code; a process that exits on its own stops
 * the others too, so a supervisor sees the failure (as `pnpm start` does for API and worker).
 * With count 1 (or inside a forked process), `start` runs in this very process.
 */
export function runInProcesses(count: number, name: string, log: Logger, start: () => unknown): void {
  if (count <= 1 || !cluster.isPrimary) {
    void start();
    return;
  }
  let alive = count;
  let stopping = false;
  let exitCode = 0;
  const stopAll = (signal: NodeJS.Signals) => {
    for (const w of Object.values(cluster.workers ?? {})) if (w && !w.isDead()) w.process.kill(signal);
  };
  cluster.on("exit", (worker, code, signal) => {
    alive--;
    if (code) exitCode ||= code;
    if (!stopping) {
      stopping = true;
      exitCode ||= 1;
      log.error(`${name} process exited; stopping the others`, { pid: worker.process.pid, code, signal });
      stopAll("SIGTERM");
    }
    if (alive === 0) process.exit(exitCode);
  });
  for (const signal of ["SIGTERM", "SIGINT"] as const) {
    process.on(signal, () => {
      stopping = true;
      stopAll(signal);
    });
  }
  for (let i = 0; i < count; i++) cluster.fork();
  log.info(`${name} started in ${count} processes`, { primary: process.pid });
}
