import type { AdminPrincipal } from "@rebound/core";
import type { ApiEnv } from "../env.js";

/** Hono environment of the admin routes: the signed-in admin and their program (`programId`, as for API keys). */
export interface AdminEnv {
  Variables: ApiEnv["Variables"] & { admin: AdminPrincipal };
}
