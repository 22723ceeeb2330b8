import { getConnInfo } from "@hono/node-server/conninfo";
import type { Context } from "hono";

/**
 * The client's address, for rate limits. Behind a proxy (TRUST_PROXY=true) it is the first
 * X-Forwarded-For hop; otherwise the socket's peer. Requests without a socket (app.request in
 * tests) count as "local".
 */
export function clientIp(c: Context): string {
  const ctx = c.get("ctx" as never) as { config: { TRUST_PROXY: boolean } };
  if (ctx.config.TRUST_PROXY) {
    const forwarded = c.req.header("x-forwarded-for")?.split(",")[0]?.trim();
    if (forwarded) return forwarded;
  }
  try {
    return getConnInfo(c).remote.address ?? "local";
  } catch {
    return "local";
  }
}
