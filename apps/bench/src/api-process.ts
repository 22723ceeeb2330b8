import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import { createServer } from "node:net";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const apiDir = join(dirname(fileURLToPath(import.meta.url)), "..", "..", "api");
const running = new Set<ChildProcess>();
process.on("exit", () => {
  for (const p of running) p.kill("SIGKILL");
});

/** A free TCP port on 127.0.0.1. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once("error", reject);
    s.listen(0, "127.0.0.1", () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

/** Bundles apps/api as `pnpm build` does, so the bench measures the code of this checkout. */
export function buildApi(): string {
  const bundle = process.env.BENCH_API_BUNDLE;
  if (bundle) return bundle;
  execFileSync(process.execPath, ["../../scripts/bundle.mjs", "src/server.ts", "dist/server.mjs"], {
    cwd: apiDir,
    stdio: ["ignore", "ignore", "inherit"],
  });
  return join(apiDir, "dist", "server.mjs");
}

export interface RunningApi {
  url: string;
  stop(): Promise<void>;
}

/**
 * The built API as production runs it (`node dist/server.mjs`, API_PROCESSES processes sharing
 * one port), on the bench's database and queues; resolves once /healthz answers.
 */
export async function startApi(bundle: string, env: Record<string, string>, processes: number): Promise<RunningApi> {
  const port = await freePort();
  const profile = process.env.BENCH_PROFILE ? ["--cpu-prof", `--cpu-prof-dir=${process.env.BENCH_PROFILE}`] : [];
  const child = spawn(process.execPath, [...profile, bundle], {
    cwd: apiDir,
    env: {
      ...process.env,
      ...env,
      NODE_ENV: "production",
      LOG_LEVEL: "warn",
      PORT: String(port),
      API_PROCESSES: String(processes),
    },
    stdio: ["ignore", "inherit", "inherit"],
  });
  running.add(child);
  child.once("exit", () => running.delete(child));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the API exited with ${child.exitCode}`);
    const ok = await fetch(`${url}/readyz`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) break;
    if (Date.now() > deadline) throw new Error("the API did not become ready");
    await new Promise((r) => setTimeout(r, 200));
  }
  // Every process must be up, not only the first: give the others their start-up time.
  if (processes > 1) await new Promise((r) => setTimeout(r, 1500));
  return {
    url,
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill("SIGTERM");
      await new Promise((r) => child.once("exit", r));
    },
  };
}
