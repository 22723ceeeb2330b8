import { type EnrolResult, enrolInterview } from "@rebound/core";
import type { InterviewInput } from "@rebound/domain";
import type { TestClock } from "./clock.js";
import { markFirstEmailSent, type RequestTarget } from "./inbound-requests.js";
import { createTestEnv, createTestProgram, type TestEnv, unique } from "./test-env.js";

type Ctx = TestEnv["ctx"];

export interface WorldOptions<A extends RequestTarget> {
  /** Environment overrides (DRIP_SPEEDUP, REDIS_URL of a private Redis, ...). */
  env?: Record<string, string>;
  /** A clock the test moves by hand; the system clock when absent. */
  clock?: TestClock;
  /** The HTTP app over the world's context (apps/api's createApp). */
  app?: (ctx: Ctx) => A;
  /** Workers running in-process over the world's context (apps/worker's startWorkers). */
  workers?: (ctx: Ctx) => Promise<{ close(): Promise<void> }>;
}

export interface World<A extends RequestTarget = RequestTarget> {
  env: TestEnv;
  ctx: Ctx;
  app: A;
  clock: TestClock | null;
  /** The world's first program and its API key. */
  programId: string;
  apiKey: string;
  createProgram(): ReturnType<typeof createTestProgram>;
  createCohort(input?: { slug?: string; name?: string; programId?: string }): Promise<{ id: string; slug: string }>;
  /** Enrols a new candidate (or the one with this email) through the real verb. */
  createCandidate(input?: Partial<InterviewInput> & { programId?: string }): Promise<EnrolResult & { email: string }>;
  /** A candidate whose first email counts as sent, with the reply token a reply to it carries. */
  candidateWithSentEmail(
    input?: Partial<InterviewInput> & { programId?: string },
  ): Promise<EnrolResult & { email: string; messageId: string; token: string }>;
  /** POST /v1/interviews under a key (the world's own by default). */
  postInterview(body: Record<string, unknown>, apiKey?: string, headers?: Record<string, string>): Promise<Response>;
  close(): Promise<void>;
}

/**
 * One test file's world, the one harness of Rebound's tests: a private database cloned from the
 * migrated template, its own queue prefix and fake Resend, a program with a key, factories with
 * unique values, and, when asked, the HTTP app, in-process workers and a hand-moved clock.
 */
export async function createWorld<A extends RequestTarget = RequestTarget>(
  opts: WorldOptions<A> = {},
): Promise<World<A>> {
  const clock = opts.clock ?? null;
  const env = await createTestEnv(opts.env ?? {}, clock ? { clock } : {});
  const ctx = env.ctx;
  const app = (opts.app ? opts.app(ctx) : { request: () => Promise.reject(new Error("this world has no app")) }) as A;
  const { programId, apiKey } = await createTestProgram(ctx);
  const workers = opts.workers ? await opts.workers(ctx) : null;
  const createCandidate: World<A>["createCandidate"] = async (input = {}) => {
    const { programId: pid, ...rest } = input;
    const email = rest.email ?? `${unique("cand")}@example.com`;
    const enrolled = await enrolInterview(ctx, pid ?? programId, {
      email,
      name: "Sam Lee",
      company: "Acme",
      role: "Engineer",
      outcome: "rejected",
      ...rest,
    });
    return { ...enrolled, email };
  };
  return {
    env,
    ctx,
    app,
    clock,
    programId,
    apiKey,
    createProgram: () => createTestProgram(ctx),
    async createCohort(input = {}) {
      const slug =
        input.slug ??
        unique("cohort")
          .replace(/[^a-z0-9]+/g, "-")
          .toLowerCase();
      const row = await ctx.db.cohort.create({
        data: { programId: input.programId ?? programId, slug, name: input.name ?? `Cohort ${slug}` },
      });
      return { id: row.id, slug: row.slug };
    },
    createCandidate,
    async candidateWithSentEmail(input = {}) {
      const c = await createCandidate(input);
      return { ...c, ...(await markFirstEmailSent(env, c.enrollmentId, c.email)) };
    },
    postInterview(body, key = apiKey, headers = {}) {
      return Promise.resolve(
        app.request("/v1/interviews", {
          method: "POST",
          headers: { "content-type": "application/json", authorization: `Bearer ${key}`, ...headers },
          body: JSON.stringify(body),
        }),
      );
    },
    async close() {
      await workers?.close();
      await env.close();
    },
  };
}
