import { timingSafeEqual } from "node:crypto";
import { AppError } from "@rebound/core";
import { Hono } from "hono";
import type { PlainRouteDoc } from "../documented.js";
import type { ApiEnv } from "../env.js";
import { errorBody } from "../errors.js";

async function withTimeout<T>(p: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  try {
    return await Promise.race([
      p,
      new Promise<never>((_, rej) => (timer = setTimeout(() => rej(new Error("timeout")), ms))),
    ]);
  } finally {
    clearTimeout(timer);
  }
}

function bearerIs(header: string | undefined, token: string): boolean {
  const m = /^Bearer\s+(\S+)$/i.exec(header ?? "");
  if (!m?.[1]) return false;
  const a = Buffer.from(m[1]);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}

export const healthDocs: PlainRouteDoc[] = [
  {
    method: "get",
    path: "/healthz",
    summary: "The process is up",
    tags: ["service"],
    responses: { 200: { description: "ok", type: "application/json" } },
  },
  {
    method: "get",
    path: "/readyz",
    summary: "PostgreSQL and Redis are reachable; reports whether the mail provider accepts requests",
    tags: ["service"],
    responses: {
      200: { description: "Ready (mail may still be paused: see checks.mail)", type: "application/json" },
      503: { description: "Not ready", type: "application/json" },
    },
  },
  {
    method: "get",
    path: "/metrics",
    summary: "Prometheus metrics (Authorization: Bearer <METRICS_TOKEN>; off without METRICS_TOKEN)",
    tags: ["service"],
    responses: {
      200: { description: "Prometheus text", type: "text/plain" },
      401: { description: "Missing or wrong token", type: "application/json" },
      404: { description: "METRICS_TOKEN is not set", type: "application/json" },
    },
  },
];

export const healthRoutes = new Hono<ApiEnv>()
  .get("/healthz", (c) => c.json({ status: "ok" }))
  .get("/readyz", async (c) => {
    const ctx = c.get("ctx");
    const [pg, redis, provider] = await Promise.allSettled([
      withTimeout(ctx.db.$queryRaw`SELECT 1`, 2000),
      withTimeout(ctx.redis.ping(), 2000),
      withTimeout(ctx.provider.state(), 2000),
    ]);
    const mail = provider.status === "fulfilled" ? provider.value : null;
    const checks = {
      postgres: pg.status === "fulfilled" ? "ok" : "down",
      redis: redis.status === "fulfilled" ? "ok" : "down",
      // Sending pauses by itself while the provider refuses requests, and resumes by itself.
      mail: !mail
        ? "unknown"
        : mail.status === "healthy"
          ? "ok"
          : `paused (${mail.kind ?? "unknown"}, ${mail.failures} failures)`,
    };
    if (checks.postgres === "ok" && checks.redis === "ok") return c.json({ status: "ready", checks });
    return c.json({ ...errorBody("not_ready", `not ready: ${JSON.stringify(checks)}`), checks }, 503);
  })
  .get("/metrics", async (c) => {
    const ctx = c.get("ctx");
    const token = ctx.config.METRICS_TOKEN;
    if (!token) throw new AppError(404, "not_found", "metrics are off: set METRICS_TOKEN to turn them on");
    if (!bearerIs(c.req.header("authorization"), token)) {
      throw new AppError(401, "unauthorized", "metrics need Authorization: Bearer <METRICS_TOKEN>");
    }
    const byStatus = await ctx.db.$queryRaw<{ kind: string; status: string; count: bigint }[]>`
      SELECT kind::text AS kind, status::text AS status, count(*) FROM "Message" GROUP BY kind, status`;
    const [counts, provider] = await Promise.all([
      ctx.queues.drip.getJobCounts("waiting", "delayed", "active", "failed"),
      ctx.provider.state(),
    ]);
    const lines = [
      "# HELP rebound_messages Messages by kind and status.",
      "# TYPE rebound_messages gauge",
      ...byStatus.map((r) => `rebound_messages{kind="${r.kind}",status="${r.status}"} ${Number(r.count)}`),
      "# HELP rebound_drip_jobs Drip jobs by state.",
      "# TYPE rebound_drip_jobs gauge",
      ...Object.entries(counts).map(([state, v]) => `rebound_drip_jobs{state="${state}"} ${v}`),
      "# HELP rebound_mail_provider_paused 1 while sending is paused because the mail provider refuses requests.",
      "# TYPE rebound_mail_provider_paused gauge",
      `rebound_mail_provider_paused ${provider.status === "healthy" ? 0 : 1}`,
      "# HELP rebound_mail_provider_failures Consecutive failed provider requests.",
      "# TYPE rebound_mail_provider_failures gauge",
      `rebound_mail_provider_failures ${provider.failures}`,
      "# HELP rebound_process_resident_memory_bytes Resident memory.",
      "# TYPE rebound_process_resident_memory_bytes gauge",
      `rebound_process_resident_memory_bytes ${process.memoryUsage().rss}`,
    ];
    return c.text(`${lines.join("\n")}\n`, 200, { "content-type": "text/plain; version=0.0.4" });
  });
