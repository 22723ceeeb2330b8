import { randomBytes } from "node:crypto";
import { type Config, loadConfig } from "@rebound/config";
import { type AppContext, buildContext, type Clock, createProgram, sendQueuedEmail } from "@rebound/core";
import { dropDatabase, ensureDatabase } from "@rebound/db";
import { Redis } from "ioredis";
import { FakeResend } from "./fake-resend.js";
import { templateDbName, withDatabase } from "./global-setup.js";

/** Clones the template; concurrent clones of one template are refused by PostgreSQL, so retry briefly. */
async function cloneTemplate(dbUrl: string): Promise<void> {
  for (let attempt = 0; ; attempt++) {
    try {
      await ensureDatabase(dbUrl, templateDbName());
      return;
    } catch (err) {
      if (attempt >= 40 || !/being accessed by other users/.test(String(err))) throw err;
      await new Promise((r) => setTimeout(r, 100 + Math.random() * 200));
    }
  }
}

export interface TestEnv {
  config: Config;
  ctx: AppContext;
  resend: FakeResend;
  /** Environment for child processes (worker, API) that must share this test's database and queues. */
  childEnv: Record<string, string>;
  close(): Promise<void>;
}

export const TEST_SECRET = "test-secret-0123456789abcdef0123456789";
export const TEST_WEBHOOK_SECRET = `whsec_${Buffer.from("fake-resend-webhook-secret-123456").toString("base64")}`;
export const TEST_MIME_SECRET = "inbound-mime-secret-0123456789";
export const TEST_METRICS_TOKEN = "metrics-token-0123456789abcdef";

/**
 * A private world for one test file: its own database cloned from the migrated
 * template, its own BullMQ prefix, its own fake Resend. Everything is removed on close.
 */
export async function createTestEnv(
  overrides: Record<string, string> = {},
  opts: { clock?: Clock; databaseProxyPort?: number } = {},
): Promise<TestEnv> {
  const base = loadConfig(process.env, { secret: "ephemeral" });
  const id = randomBytes(5).toString("hex");
  const dbUrl = withDatabase(base.DATABASE_URL, `rebound_t_${id}`);
  await cloneTemplate(dbUrl);
  const resend = new FakeResend();
  await resend.start();
  // Through a fault test's proxy (same database, another port), when one is given.
  const reachedAt = new URL(dbUrl);
  if (opts.databaseProxyPort) {
    reachedAt.hostname = "127.0.0.1";
    reachedAt.port = String(opts.databaseProxyPort);
  }
  const childEnv: Record<string, string> = {
    NODE_ENV: "test",
    DATABASE_URL: reachedAt.toString(),
    REDIS_URL: base.REDIS_URL,
    QUEUE_PREFIX: `t${id}`,
    APP_SECRET: TEST_SECRET,
    RESEND_API_KEY: resend.apiKey,
    RESEND_BASE_URL: resend.url,
    RESEND_RATE_LIMIT: "1000",
    RESEND_WEBHOOK_SECRET: TEST_WEBHOOK_SECRET,
    INBOUND_MIME_SECRET: TEST_MIME_SECRET,
    METRICS_TOKEN: TEST_METRICS_TOKEN,
    INBOUND_DOMAIN: "reply.rebound.localhost",
    PUBLIC_URL: "http://rebound.test",
    MAIL_FROM: "Rebound <coach@rebound.test>",
    LOG_LEVEL: "silent",
    ...overrides,
  };
  const config = loadConfig(childEnv);
  const ctx = buildContext(config, { dbPoolSize: 5, ...(opts.clock ? { clock: opts.clock } : {}) });
  return {
    config,
    ctx,
    resend,
    childEnv,
    async close() {
      await ctx.close();
      await deleteQueueKeys(config.REDIS_URL, config.QUEUE_PREFIX);
      await resend.stop();
      await dropDatabase(dbUrl);
    },
  };
}

async function deleteQueueKeys(redisUrl: string, prefix: string): Promise<void> {
  const redis = new Redis(redisUrl);
  try {
    let cursor = "0";
    do {
      const [next, keys] = await redis.scan(cursor, "MATCH", `${prefix}:*`, "COUNT", 1000);
      cursor = next;
      if (keys.length) await redis.del(...keys);
    } while (cursor !== "0");
  } finally {
    redis.disconnect();
  }
}

let counter = 0;
export const unique = (label: string) => `${label}-${process.pid}-${++counter}-${randomBytes(3).toString("hex")}`;

/** Factory: a program with an owner and an API key. */
export async function createTestProgram(ctx: Pick<AppContext, "db" | "config">, name = unique("program")) {
  return createProgram(ctx.db, ctx.config, { name, adminEmail: `${unique("admin")}@example.org` });
}

/** Polls until `check` returns a value (not undefined/false) or the time runs out. */
export async function eventually<T>(
  check: () => Promise<T | undefined | false> | T | undefined | false,
  timeoutMs = 15_000,
  everyMs = 50,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      const v = await check();
      if (v !== undefined && v !== false) return v;
    } catch (err) {
      last = err;
    }
    if (Date.now() > deadline)
      throw new Error(`condition not met in ${timeoutMs} ms${last ? `: ${String(last)}` : ""}`);
    await new Promise((r) => setTimeout(r, everyMs));
  }
}

/**
 * Sends every due event-driven email (signup confirmations, analysis emails, notices) through
 * the real sender, as the email queue's worker would: for tests that run without workers.
 */
export async function sendScheduledEmails(env: TestEnv): Promise<number> {
  const due = await env.ctx.db.message.findMany({
    where: {
      kind: { not: "drip" },
      status: { in: ["scheduled", "sending"] },
      dueAt: { lte: new Date(Date.now() + 2000) },
    },
    select: { id: true },
    orderBy: { createdAt: "asc" },
  });
  let sent = 0;
  for (const m of due) if ((await sendQueuedEmail(env.ctx, m.id)) === "sent") sent++;
  return sent;
}
