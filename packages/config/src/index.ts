import { randomBytes } from "node:crypto";
import { availableParallelism } from "node:os";
import { existsSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { z } from "zod";

const url = (name: string) =>
  z.string().refine((v) => {
    try {
      new URL(v);
      return true;
    } catch {
      return false;
    }
  }, `${name} must be a URL`);

const schema = z.object({
  NODE_ENV: z.enum(["development", "test", "production"]).default("development"),
  DATABASE_URL: url("DATABASE_URL").default("postgresql://postgres@127.0.0.1:5432/rebound"),
  REDIS_URL: url("REDIS_URL").default("redis://127.0.0.1:6379"),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  /** API processes sharing PORT (node:cluster); one per core unless set. */
  API_PROCESSES: z.coerce
    .number()
    .int()
    .min(1)
    .max(256)
    .default(() => availableParallelism()),
  /** Worker processes started by `pnpm start` / `start:worker`; each consumes every queue. */
  WORKER_PROCESSES: z.coerce.number().int().min(1).max(256).default(1),
  /** PostgreSQL connections per process (behind PgBouncer, keep processes x pool under its pool size). */
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(1000).default(10),
  PUBLIC_URL: url("PUBLIC_URL").optional(),
  // No default: links signed with a public one could be forged. `pnpm dev` writes a random one to .env.
  APP_SECRET: z.string().min(32, "APP_SECRET must be at least 32 characters"),
  MAIL_FROM: z.string().min(3).default("Rebound <coach@rebound.localhost>"),
  /**
   * Domains verified with the mail provider (comma-separated) besides MAIL_FROM's own: a program
   * may send from its own address only on one of them.
   */
  VERIFIED_SENDER_DOMAINS: z
    .string()
    .default("")
    .transform((v) =>
      v
        .split(",")
        .map((d) => d.trim().toLowerCase())
        .filter(Boolean),
    )
    .refine(
      (list) => list.every((d) => /^[a-z0-9.-]+\.[a-z0-9-]+$/.test(d)),
      "VERIFIED_SENDER_DOMAINS must be domain names, comma-separated",
    ),
  INBOUND_DOMAIN: z
    .string()
    .regex(/^[a-z0-9.-]+\.[a-z0-9-]+$/i, "INBOUND_DOMAIN must be a domain name")
    .default("reply.rebound.localhost"),
  RESEND_API_KEY: z.string().min(1).optional(),
  RESEND_BASE_URL: url("RESEND_BASE_URL").default("https://api.resend.com"),
  RESEND_WEBHOOK_SECRET: z.string().min(1).optional(),
  RESEND_RATE_LIMIT: z.coerce.number().positive().default(2),
  /** How long one provider request may take; a claim held twice as long is resent by the reconciler. */
  RESEND_TIMEOUT_MS: z.coerce.number().int().min(500).default(15_000),
  /** Longest pause of all sending while the provider refuses requests (the backoff doubles up to it). */
  PROVIDER_BACKOFF_MAX_MS: z.coerce.number().int().min(100).default(60_000),
  INBOUND_MIME_SECRET: z.string().min(16, "INBOUND_MIME_SECRET must be at least 16 characters").optional(),
  DRIP_SPEEDUP: z.coerce.number().min(1).default(1),
  RECONCILE_EVERY_MS: z.coerce.number().int().min(200).default(15_000),
  WORKER_LOCK_MS: z.coerce.number().int().min(1000).default(30_000),
  /**
   * Prefix of every Redis key of Rebound. In braces it is a Redis Cluster hash tag: every key
   * (BullMQ's multi-key scripts need it) hashes to one slot.
   */
  QUEUE_PREFIX: z
    .string()
    .regex(
      /^(\{[a-zA-Z0-9_-]+\}|[a-zA-Z0-9_-]+)$/,
      "QUEUE_PREFIX must be letters, digits, _ or -, optionally in {braces}",
    )
    .default("{rebound}"),
  LOG_LEVEL: z.enum(["debug", "info", "warn", "error", "silent"]).default("info"),
  /** GET /metrics answers only with this bearer token; without it, /metrics is off. */
  METRICS_TOKEN: z.string().min(16, "METRICS_TOKEN must be at least 16 characters").optional(),
  /** Behind a reverse proxy: rate limits read the client from the first X-Forwarded-For hop. */
  TRUST_PROXY: z
    .enum(["true", "false", "1", "0"])
    .default("false")
    .transform((v) => v === "true" || v === "1"),
  // The offline analyser is the default; "llm" needs the three LLM_* variables below.
  ANALYSER: z.enum(["rules", "llm"]).default("rules"),
  LLM_BASE_URL: url("LLM_BASE_URL").optional(),
  LLM_API_KEY: z.string().min(1).optional(),
  LLM_MODEL: z.string().min(1).optional(),
  /** `pnpm dev` only: the admin app's Vite dev server, which the API forwards /admin pages to (with reload). */
  ADMIN_DEV_URL: url("ADMIN_DEV_URL").optional(),
});

const LLM_VARIABLES = ["LLM_BASE_URL", "LLM_API_KEY", "LLM_MODEL"] as const;

export type Config = z.infer<typeof schema> & { PUBLIC_URL: string };

export class ConfigError extends Error {
  override name = "ConfigError";
}

/**
 * Parses an environment into a Config. Empty strings count as unset so that a
 * copied `.env.example` with blank optional values still starts.
 */
export interface LoadOptions {
  /**
   * "required" (the default, and what every server process uses): a missing APP_SECRET stops
   * start-up. "ephemeral": for tools that sign nothing (migrations, test set-up), a random
   * secret of this process stands in when none is set.
   */
  secret?: "required" | "ephemeral";
}

export function loadConfig(env: Record<string, string | undefined> = process.env, opts: LoadOptions = {}): Config {
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ""));
  if (opts.secret === "ephemeral" && !cleaned.APP_SECRET) cleaned.APP_SECRET = randomBytes(32).toString("base64url");
  const parsed = schema.safeParse(cleaned);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const name = String(issue?.path[0] ?? "environment");
    const missing = issue?.code === "invalid_type" && cleaned[name] === undefined;
    const message =
      name === "APP_SECRET" && missing
        ? "is required (at least 32 random characters; `pnpm dev` writes one to .env)"
        : (issue?.message ?? "invalid");
    throw new ConfigError(`Invalid configuration: ${name}: ${message}`);
  }
  const cfg = parsed.data;
  if (cfg.ANALYSER === "llm") {
    const missing = LLM_VARIABLES.find((name) => cfg[name] === undefined);
    if (missing) throw new ConfigError(`Invalid configuration: ${missing}: required when ANALYSER=llm`);
  }
  return { ...cfg, PUBLIC_URL: (cfg.PUBLIC_URL ?? `http://localhost:${cfg.PORT}`).replace(/\/$/, "") };
}

/**
 * Loads `.env` from the workspace root (the folder with pnpm-workspace.yaml) into
 * process.env when it exists. Variables already set in the environment win.
 */
export function loadDotEnv(from: string = process.cwd()): string | null {
  for (let dir = resolve(from); ; dir = dirname(dir)) {
    if (existsSync(join(dir, "pnpm-workspace.yaml"))) {
      const file = join(dir, ".env");
      if (!existsSync(file)) return null;
      process.loadEnvFile(file);
      return file;
    }
    if (dirname(dir) === dir) return null;
  }
}

/** For process entry points: read `.env`, then print one clear line and exit instead of a stack trace. */
export function loadConfigOrExit(env?: Record<string, string | undefined>, opts: LoadOptions = {}): Config {
  try {
    if (!env) loadDotEnv();
    return loadConfig(env ?? process.env, opts);
  } catch (err) {
    if (err instanceof ConfigError) {
      console.error(err.message);
      process.exit(1);
    }
    throw err;
  }
}
