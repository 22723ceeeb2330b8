import { readdir, readFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { PrismaPg } from "@prisma/adapter-pg";
import { bindMigrationAwareSqlAdapterFactory } from "@prisma/driver-adapter-utils";

/**
 * Prisma's schema engine as WebAssembly, so migrations apply on machines that
 * cannot download the native engine. It records applied migrations in
 * `_prisma_migrations` exactly like `prisma migrate deploy`.
 * Needs `node --experimental-wasm-modules` on Node 20.
 */
const here = dirname(fileURLToPath(import.meta.url));
export const PRISMA_DIR = join(here, "..", "prisma");
export const MIGRATIONS_DIR = join(PRISMA_DIR, "migrations");
const FILTERS = { externalTables: [], externalEnums: [] };

type Engine = Awaited<ReturnType<typeof import("@prisma/schema-engine-wasm").SchemaEngine.new>>;

export async function withSchemaEngine<T>(databaseUrl: string, fn: (engine: Engine) => Promise<T>): Promise<T> {
  const { SchemaEngine } = await import("@prisma/schema-engine-wasm");
  const schemaPath = join(PRISMA_DIR, "schema.prisma");
  const schema = await readFile(schemaPath, "utf8");
  const adapter = bindMigrationAwareSqlAdapterFactory(new PrismaPg({ connectionString: databaseUrl }));
  const engine = await SchemaEngine.new({ datamodels: [[schemaPath, schema]] } as never, () => {}, adapter);
  try {
    return await fn(engine);
  } finally {
    engine.free();
  }
}

export async function readMigrations() {
  const lock = await readFile(join(MIGRATIONS_DIR, "migration_lock.toml"), "utf8").catch(() => null);
  const dirs = (await readdir(MIGRATIONS_DIR, { withFileTypes: true }))
    .filter((d) => d.isDirectory())
    .map((d) => d.name)
    .sort();
  const migrationDirectories = await Promise.all(
    dirs.map(async (path) => ({
      path,
      migrationFile: {
        path: "migration.sql",
        content: { tag: "ok" as const, value: await readFile(join(MIGRATIONS_DIR, path, "migration.sql"), "utf8") },
      },
    })),
  );
  return {
    baseDir: MIGRATIONS_DIR,
    lockfile: { path: "migration_lock.toml", content: lock },
    shadowDbInitScript: "",
    migrationDirectories,
  };
}

export async function applyMigrations(databaseUrl: string): Promise<string[]> {
  const migrationsList = await readMigrations();
  return withSchemaEngine(databaseUrl, async (engine) => {
    const out = await engine.applyMigrations({ migrationsList, filters: FILTERS } as never);
    return (out as { appliedMigrationNames: string[] }).appliedMigrationNames;
  });
}

/**
 * SQL that takes a database from one datamodel to another. Comparing two schema
 * files needs no database (the WebAssembly engine cannot introspect a shadow
 * database reliably), so `from` is the schema the last migration was made from.
 */
export async function diffDatamodels(
  databaseUrl: string,
  fromSchema: string | null,
  toSchema: string,
): Promise<string> {
  const path = join(PRISMA_DIR, "schema.prisma");
  return withSchemaEngine(databaseUrl, async (engine) => {
    const result = await engine.diff({
      from: fromSchema === null ? { tag: "empty" } : { tag: "schemaDatamodel", files: [{ path, content: fromSchema }] },
      to: { tag: "schemaDatamodel", files: [{ path, content: toSchema }] },
      script: true,
      shadowDatabaseUrl: null,
      exitCode: null,
      filters: FILTERS,
    } as never);
    return (result as { stdout?: string }).stdout ?? "";
  });
}
