import { createHash } from "node:crypto";
import pg from "pg";
import { Prisma, type PrismaClient } from "./generated/prisma/client.ts";

/**
 * What the set-based verbs need of a transaction: tagged-template raw SQL. A Prisma
 * transaction client satisfies it, and so does `sqlTransaction`'s client below.
 */
export interface SqlClient {
  $queryRaw<T = unknown>(query: TemplateStringsArray, ...values: unknown[]): PromiseLike<T>;
  $executeRaw(query: TemplateStringsArray, ...values: unknown[]): PromiseLike<number>;
}

interface Statement {
  name: string;
  text: string;
}

const statements = new WeakMap<TemplateStringsArray, Statement>();

/**
 * One named prepared statement per template literal: PostgreSQL parses and plans it once per
 * connection, then only binds. The name is the text's hash, so the same SQL from two call sites
 * shares one statement and a changed query never reuses an old plan.
 */
function statementOf(strings: TemplateStringsArray): Statement {
  let s = statements.get(strings);
  if (!s) {
    const text = strings.reduce((sql, part, i) => (i === 0 ? part : `${sql}$${i}${part}`), "");
    s = { name: `rb_${createHash("sha256").update(text).digest("hex").slice(0, 24)}`, text };
    statements.set(strings, s);
  }
  return s;
}

/**
 * Values as Prisma sends them: an instant as its UTC wall time (the columns are `timestamp`
 * without zone, holding UTC), whatever the process's own time zone; arrays element by element.
 */
function param(value: unknown): unknown {
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return value.map(param);
  return value;
}

/** `timestamp` columns hold UTC: read them back as UTC instants (node-postgres would use local time). */
const TIMESTAMP_OID = 1114;
const TIMESTAMP_ARRAY_OID = 1115;
const TEXT_ARRAY_OID = 1009;
const utc = (v: string) => new Date(`${v.replace(" ", "T")}Z`);
const builtinParser = pg.types.getTypeParser as (oid: number, format?: "text" | "binary") => (v: string) => unknown;
const parseTextArray = builtinParser(TEXT_ARRAY_OID) as (v: string) => (string | null)[];
const types = {
  getTypeParser(oid: number, format?: "text" | "binary") {
    if (oid === TIMESTAMP_OID) return utc;
    if (oid === TIMESTAMP_ARRAY_OID) return (v: string) => parseTextArray(v).map((x) => (x === null ? null : utc(x)));
    return builtinParser(oid, format);
  },
};

class PreparedClient implements SqlClient {
  constructor(private readonly client: pg.PoolClient) {}

  async $queryRaw<T = unknown>(query: TemplateStringsArray, ...values: unknown[]): Promise<T> {
    const { name, text } = statementOf(query);
    const result = await this.client.query({ name, text, values: values.map(param), types });
    return result.rows as T;
  }

  async $executeRaw(query: TemplateStringsArray, ...values: unknown[]): Promise<number> {
    const { name, text } = statementOf(query);
    const result = await this.client.query({ name, text, values: values.map(param), types });
    return result.rowCount ?? 0;
  }
}

const pools = new WeakMap<object, pg.Pool>();

/** Remembers the node-postgres pool under a Prisma client (createDb does). */
export function rememberPool(db: object, pool: pg.Pool): void {
  pools.set(db, pool);
}

/**
 * Runs `fn` in one transaction on a connection of `db`'s own pool, with named prepared
 * statements: for the hot set-based verbs (intake), where Prisma's per-query work and
 * PostgreSQL's parse and plan of each unnamed statement cost more than the statement itself.
 * Commits when `fn` resolves, rolls back when it throws. A client without a known pool (not
 * made by createDb) runs the same function in a Prisma transaction instead.
 */
export async function sqlTransaction<T>(
  db: PrismaClient,
  fn: (sql: SqlClient) => Promise<T>,
  opts: { maxWait: number; timeout: number } = { maxWait: 10_000, timeout: 30_000 },
): Promise<T> {
  const pool = pools.get(db);
  if (!pool) return db.$transaction((tx) => fn(tx), opts);
  const client = await pool.connect();
  let broken: Error | undefined;
  try {
    await client.query("BEGIN");
    try {
      const value = await fn(new PreparedClient(client));
      await client.query("COMMIT");
      return value;
    } catch (err) {
      await client.query("ROLLBACK").catch((e: Error) => {
        broken = e;
      });
      throw err;
    }
  } catch (err) {
    if (!isDatabaseError(err)) broken ??= err as Error;
    throw err;
  } finally {
    // A connection that failed outside a statement's own error is not handed out again.
    client.release(broken);
  }
}

/** An error PostgreSQL answered (it has a SQLSTATE), as node-postgres reports it. */
function isDatabaseError(err: unknown): err is pg.DatabaseError {
  return err instanceof pg.DatabaseError;
}

const sqlstateOf = (err: unknown): string | undefined => {
  if (isDatabaseError(err)) return err.code;
  if (err instanceof Prisma.PrismaClientKnownRequestError) {
    const meta = err.meta as
      | { code?: unknown; driverAdapterError?: { cause?: { originalCode?: unknown } } }
      | undefined;
    const code = meta?.code ?? meta?.driverAdapterError?.cause?.originalCode;
    return typeof code === "string" ? code : undefined;
  }
  return undefined;
};

/**
 * PostgreSQL aborted the transaction for a deadlock (40P01) or a serialization failure (40001):
 * running it again is right. From Prisma (P2034) or from sqlTransaction.
 */
export function isWriteConflict(err: unknown): boolean {
  if (err instanceof Prisma.PrismaClientKnownRequestError && err.code === "P2034") return true;
  const code = sqlstateOf(err);
  return code === "40P01" || code === "40001";
}

/**
 * The statement failed on its data (a value, a constraint), not on the connection or the
 * server's state: the same data will fail again, other data may not. Prisma's request errors
 * (P20xx, except pool timeout and write conflicts), or a SQLSTATE of class 22 (data), 23
 * (integrity) or 42 (a value the statement cannot use) from sqlTransaction.
 */
export function isDataError(err: unknown): boolean {
  if (err instanceof Prisma.PrismaClientKnownRequestError) {
    return /^P20\d\d$/.test(err.code) && err.code !== "P2024" && err.code !== "P2034";
  }
  const code = isDatabaseError(err) ? err.code : undefined;
  return typeof code === "string" && /^(22|23|42)/.test(code);
}
