import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "vite";

/** Global set-up of the browser tests: the admin app built once from the current sources, into a temporary folder. */
export default async function buildAdmin(): Promise<() => void> {
  const outDir = mkdtempSync(join(tmpdir(), "rebound-admin-"));
  const root = fileURLToPath(new URL("..", import.meta.url));
  await build({ root, logLevel: "warn", build: { outDir, emptyOutDir: true } });
  process.env.REBOUND_ADMIN_TEST_DIST = outDir;
  return () => rmSync(outDir, { recursive: true, force: true });
}
