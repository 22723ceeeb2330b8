import { programForApiKey } from "@rebound/core";
import { createMiddleware } from "hono/factory";
import type { ApiEnv } from "./env.js";
import { errorBody } from "./errors.js";

/** Bearer program API key; every route behind it sees only that program's rows. */
export const requireApiKey = createMiddleware<ApiEnv>(async (c, next) => {
  const header = c.req.header("authorization") ?? "";
  const match = /^Bearer\s+(\S+)$/i.exec(header);
  if (!match?.[1]) return c.json(errorBody("unauthorized", "missing bearer API key"), 401);
  const programId = await programForApiKey(c.get("ctx").db, match[1]);
  if (!programId) return c.json(errorBody("unauthorized", "invalid API key"), 401);
  c.set("programId", programId);
  await next();
});
