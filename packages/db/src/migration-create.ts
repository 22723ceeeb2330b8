import { execFileSync } from "node:child_process";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { loadConfigOrExit } from "@rebound/config";
import { ensureDatabase } from "./ensure-database.js";
import { diffDatamodels, MIGRATIONS_DIR, PRISMA_DIR } from "./schema-engine.js";

// Developer command: writes a new SQL migration for the change between the schema
// committed at git HEAD (or --from FILE) and the schema in the working tree.
const args = process.argv.slice(2);
const fromIndex = args.indexOf("--from");
const fromFile = fromIndex >= 0 ? args[fromIndex + 1] : undefined;
const name = (args.find((a, i) => !a.startsWith("--") && !(fromIndex >= 0 && i === fromIndex + 1)) ?? "").replace(
  /[^a-z0-9_]/gi,
  "_",
);
if (!name) {
  console.error("usage: pnpm --filter @rebound/db migration:create <name> [--from previous-schema.prisma]");
  process.exit(2);
}
const config = loadConfigOrExit(undefined, { secret: "ephemeral" });
await ensureDatabase(config.DATABASE_URL);
const current = await readFile(join(PRISMA_DIR, "schema.prisma"), "utf8");
const previous = fromFile
  ? await readFile(fromFile, "utf8")
  : execFileSync("git", ["show", "HEAD:./prisma/schema.prisma"], { cwd: join(PRISMA_DIR, ".."), encoding: "utf8" });
const sql = await diffDatamodels(config.DATABASE_URL, previous, current);
if (!sql.trim() || /^-- This is an empty migration/.test(sql.trim())) {
  console.log("the schema did not change; nothing to write");
  process.exit(0);
}
const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
const dir = join(MIGRATIONS_DIR, `${stamp}_${name}`);
await mkdir(dir, { recursive: true });
await writeFile(join(dir, "migration.sql"), sql);
await writeFile(join(MIGRATIONS_DIR, "migration_lock.toml"), 'provider = "postgresql"\n');
console.log(`wrote ${dir}/migration.sql`);
