import { AppError } from "@rebound/core";
import { createMiddleware } from "hono/factory";
import type { ApiEnv } from "./env.js";

/** Bearer program API key; every route behind it sees only that program's rows. */
export const requireApiKey = createMiddleware<ApiEnv>(async (c, next) => {
  const header = c.req.header("authorization") ?? "";
  const match = /^Bearer\s+(\S+)$/i.exec(header);
  if (!match?.[1]) throw new AppError(401, "unauthorized", "missing bearer API key");
  const key = await c.get("ctx").apiKeys.verify(match[1]);
  if (!key) throw new AppError(401, "unauthorized", "invalid or revoked API key");
  c.set("programId", key.programId);
  c.set("apiKeyPrefix", key.prefix);
  await next();
});
