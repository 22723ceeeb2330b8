// A bare Hono route on @hono/node-server, as its own process: what this machine's HTTP stack
// answers with no work behind it, for reading the API's figures as a ratio.
import { serve } from "@hono/node-server";
import { Hono } from "hono";

const app = new Hono().get("/", (c) => c.json({ status: "ok" }));
serve({ fetch: app.fetch, port: 0, hostname: "127.0.0.1" }, (info) => {
  process.stdout.write(`listening ${info.port}\n`);
});
process.on("SIGTERM", () => process.exit(0));
