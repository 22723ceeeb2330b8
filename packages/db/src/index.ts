import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { PrismaClient } from "./generated/prisma/client.ts";
import { rememberPool } from "./sql.ts";

export * from "./generated/prisma/client.ts";
export { dropDatabase, ensureDatabase } from "./ensure-database.js";
export { isDataError, isWriteConflict, type SqlClient, sqlTransaction } from "./sql.ts";

export type Db = PrismaClient;

/**
 * One client per process; the pool is shared by every request and job, by Prisma and by
 * `sqlTransaction` (the intake's prepared statements). Waiting for a free connection gives up
 * after 10 s, as a Prisma transaction's `maxWait` does.
 */
export function createDb(databaseUrl: string, opts: { max?: number } = {}): Db {
  const pool = new pg.Pool({ connectionString: databaseUrl, max: opts.max ?? 10, connectionTimeoutMillis: 10_000 });
  const db = new PrismaClient({ adapter: new PrismaPg(pool, { disposeExternalPool: true }) });
  rememberPool(db, pool);
  return db;
}
