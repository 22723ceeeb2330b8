import { execFileSync } from "node:child_process";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { loadConfig } from "@rebound/config";
import { dropDatabase, ensureDatabase } from "@rebound/db";

import { randomBytes } from "node:crypto";

/** The migrated template of this run; test files clone it. Per run, so parallel runs never collide. */
export function templateDbName(): string {
  const name = process.env.REBOUND_TEST_TEMPLATE_DB;
  if (!name)
    throw new Error("no test template database: run through vitest (global setup) or prepareTemplateDatabase()");
  return name;
}
const dbPackage = join(dirname(fileURLToPath(import.meta.url)), "..", "..", "db");

export function withDatabase(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

/** Migrates a template database once per run; each test file clones it (CREATE DATABASE ... TEMPLATE). */
export default async function prepareTemplateDatabase(): Promise<() => Promise<void>> {
  const base = loadConfig(process.env, { secret: "ephemeral" }).DATABASE_URL;
  const name = `rebound_tpl_${process.pid}_${randomBytes(3).toString("hex")}`;
  // Inherited by Vitest's worker processes, which start after global setup.
  process.env.REBOUND_TEST_TEMPLATE_DB = name;
  const templateUrl = withDatabase(base, name);
  await dropDatabase(templateUrl);
  await ensureDatabase(templateUrl);
  execFileSync(
    process.execPath,
    ["--experimental-wasm-modules", "--no-warnings", "--import", "tsx", "src/migrate-cli.ts"],
    {
      cwd: dbPackage,
      env: { ...process.env, DATABASE_URL: templateUrl },
      stdio: ["ignore", "ignore", "inherit"],
    },
  );
  return async () => {
    await dropDatabase(templateUrl);
  };
}
