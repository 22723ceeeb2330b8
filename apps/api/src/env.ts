import type { AppContext } from "@rebound/core";

/** Hono environment: the context is passed in, never imported as a global. */
export interface ApiEnv {
  Variables: { ctx: AppContext; programId: string; apiKeyPrefix: string };
}
