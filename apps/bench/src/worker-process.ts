import { type ChildProcess, spawn } from "node:child_process";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const workerDir = join(dirname(fileURLToPath(import.meta.url)), "..", "..", "worker");
const running = new Set<ChildProcess>();
// A bench that fails half-way must not leave a worker process behind.
process.on("exit", () => {
  for (const w of running) w.kill("SIGKILL");
});

/** Starts the real worker as its own process (as in production) and resolves once it is consuming. */
export async function startWorkerProcess(env: Record<string, string>): Promise<ChildProcess> {
  const profile = process.env.BENCH_PROFILE ? ["--cpu-prof", "--cpu-prof-dir=/tmp/prof"] : [];
  const worker = spawn(process.execPath, [...profile, "--import", "tsx", "src/main.ts"], {
    cwd: workerDir,
    env: { ...process.env, ...env, LOG_LEVEL: "info" },
    stdio: ["ignore", "pipe", "inherit"],
  });
  running.add(worker);
  worker.once("exit", () => running.delete(worker));
  await new Promise<void>((resolve, reject) => {
    worker.stdout?.on("data", (d: Buffer) => d.toString().includes("workers started") && resolve());
    worker.once("exit", (code) => reject(new Error(`worker exited with ${code}`)));
  });
  return worker;
}

export async function stopWorkerProcess(worker: ChildProcess): Promise<void> {
  if (worker.exitCode !== null || worker.signalCode !== null) return;
  worker.kill("SIGTERM");
  await new Promise((r) => worker.once("exit", r));
}
