// `pnpm start` (or `start:api` / `start:worker`): the built API and workers as plain
// node processes, so a signal reaches them directly and each shuts down gracefully.
// A missing bundle is built first. If one process dies, the other is stopped too,
// so a supervisor sees the failure.
import { execFileSync, spawn } from "node:child_process";
import { existsSync } from "node:fs";

const APPS = {
  api: { cwd: "apps/api", entry: "src/server.ts", bundle: "dist/server.mjs" },
  worker: { cwd: "apps/worker", entry: "src/main.ts", bundle: "dist/main.mjs" },
};
const names = process.argv.slice(2).length ? process.argv.slice(2) : Object.keys(APPS);
const apps = names.map((n) => {
  const app = APPS[n];
  if (!app) {
    console.error(`unknown app '${n}' (known: ${Object.keys(APPS).join(", ")})`);
    process.exit(2);
  }
  return app;
});
for (const a of apps) {
  if (!existsSync(`${a.cwd}/${a.bundle}`)) {
    execFileSync(process.execPath, ["../../scripts/bundle.mjs", a.entry, a.bundle], { cwd: a.cwd, stdio: "inherit" });
  }
}
const children = apps.map((a) =>
  spawn(process.execPath, ["--enable-source-maps", a.bundle], { cwd: a.cwd, stdio: "inherit" }),
);
let exiting = false;
const stopAll = (signal) => {
  for (const c of children) if (c.exitCode === null && c.signalCode === null) c.kill(signal);
};
for (const sig of ["SIGINT", "SIGTERM"]) {
  process.on(sig, () => {
    exiting = true;
    stopAll(sig);
  });
}
let remaining = children.length;
for (const c of children) {
  c.on("exit", (code) => {
    remaining--;
    if (!exiting) {
      exiting = true;
      process.exitCode = code ?? 1;
      stopAll("SIGTERM");
    }
    if (remaining === 0) process.exit(process.exitCode ?? 0);
  });
}
