import { notFound } from "@rebound/core";
import { isUuid } from "@rebound/domain";
import type { ApiEnv } from "./env.js";

type Vars = { get(k: "ctx"): ApiEnv["Variables"]["ctx"]; get(k: "programId"): string };

/**
 * The candidate `id` of the caller's program. A malformed id, an unknown one and
 * another program's are the same 404, so ids reveal nothing across programs.
 */
export async function ownCandidate(c: Vars, id: string) {
  const candidate = isUuid(id)
    ? await c.get("ctx").db.candidate.findFirst({ where: { id, programId: c.get("programId") } })
    : null;
  if (!candidate) throw notFound("candidate");
  return candidate;
}
