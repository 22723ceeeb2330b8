import { Hono } from "hono";
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

export const healthRoutes = new Hono<ApiEnv>()
  .get("/healthz", (c) => c.json({ status: "ok" }))
  .get("/readyz", async (c) => {
    const ctx = c.get("ctx");
    const [pg, redis] = await Promise.allSettled([
      withTimeout(ctx.db.$queryRaw`SELECT 1`, 2000),
      withTimeout(ctx.redis.ping(), 2000),
    ]);
    const checks = {
      postgres: pg.status === "fulfilled" ? "ok" : "down",
      redis: redis.status === "fulfilled" ? "ok" : "down",
    };
    if (checks.postgres === "ok" && checks.redis === "ok") return c.json({ status: "ready", checks });
    return c.json({ ...errorBody("not_ready", `not ready: ${JSON.stringify(checks)}`), checks }, 503);
  })
  .get("/metrics", async (c) => {
    const ctx = c.get("ctx");
    const byStatus = await ctx.db.$queryRaw<{ status: string; count: bigint }[]>`
      SELECT status::text AS status, count(*) FROM "Message" GROUP BY status`;
    const counts = await ctx.queues.drip.getJobCounts("waiting", "delayed", "active", "failed");
    const lines = [
      "# HELP rebound_messages Messages by status.",
      "# TYPE rebound_messages gauge",
      ...byStatus.map((r) => `rebound_messages{status="${r.status}"} ${Number(r.count)}`),
      "# HELP rebound_drip_jobs Drip jobs by state.",
      "# TYPE rebound_drip_jobs gauge",
      ...Object.entries(counts).map(([state, v]) => `rebound_drip_jobs{state="${state}"} ${v}`),
      "# HELP rebound_process_resident_memory_bytes Resident memory.",
      "# TYPE rebound_process_resident_memory_bytes gauge",
      `rebound_process_resident_memory_bytes ${process.memoryUsage().rss}`,
    ];
    return c.text(`${lines.join("\n")}\n`, 200, { "content-type": "text/plain; version=0.0.4" });
  });
