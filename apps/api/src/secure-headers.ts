import type { ServerResponse } from "node:http";
import type { MiddlewareHandler } from "hono";
import { Hono } from "hono";
import { secureHeaders } from "hono/secure-headers";

type SecureHeadersOptions = NonNullable<Parameters<typeof secureHeaders>[0]>;

/**
 * Hono's `secureHeaders`, with the same headers written the cheap way under Node.
 *
 * The headers never change, so they are worked out once by running Hono's own middleware
 * on an empty response. Under @hono/node-server they are then put on Node's response with
 * `setHeader`, and Node merges them under the route's own headers when the response is
 * written (a page with its own policy keeps it, as `overwrite: false` does); that skips a
 * dozen checked writes into a WHATWG Headers object per request, which measured 3% of the
 * intake route's CPU. Without a Node response (`app.request()` in tests) Hono's middleware runs.
 */
export function fixedSecureHeaders(options: SecureHeadersOptions): MiddlewareHandler {
  const hono = secureHeaders({ ...options, overwrite: false });
  let fixed: Promise<[string, string][]> | undefined;
  const headers = () =>
    (fixed ??= Promise.resolve(
      new Hono()
        .use(hono)
        .get("/", (c) => c.body(null, 204))
        .request("/"),
    ).then((res) => [...res.headers].filter(([name]) => name !== "content-type")));
  return async (c, next) => {
    const outgoing = (c.env as { outgoing?: ServerResponse } | undefined)?.outgoing;
    if (!outgoing || typeof outgoing.setHeader !== "function") return hono(c, next);
    for (const [name, value] of await headers()) outgoing.setHeader(name, value);
    return next();
  };
}
