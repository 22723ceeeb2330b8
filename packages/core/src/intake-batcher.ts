import { isDataError } from "@rebound/db";
import type { AppContext } from "./context.js";
import { type EnrolItemResult, type EnrolRequest, type EnrolResult, enrolRequests, unwrapEnrolment } from "./enrol.js";
import { AppError } from "./errors.js";
import { MicroBatcher } from "./micro-batcher.js";

type Ctx = Pick<AppContext, "db" | "queues" | "clock" | "config" | "log">;

export interface IntakeOptions {
  /** Most outcomes in one transaction. */
  maxBatch?: number;
  /** How long the first outcome of a batch waits for company when a flush is free. */
  lingerMs?: number;
  /** Batches written at once; more outcomes wait for the next batch (each batch holds one connection). */
  maxInFlight?: number;
}

interface Slot {
  request: EnrolRequest;
  result?: EnrolItemResult;
}

/**
 * Outcomes posted at the same moment (an LMS pushing a term, many clients at once) are
 * written together: one transaction and one bulk job add serve a whole batch, and each caller
 * gets its own answer once the batch has committed. A refused outcome fails only its caller.
 * While every batch slot is busy, new outcomes gather for the next batch, so the batches grow
 * with the load and the database sees a few large transactions instead of many small ones.
 */
export class IntakeBatcher {
  private readonly batcher: MicroBatcher<Slot>;

  constructor(ctx: Ctx, opts: IntakeOptions = {}) {
    this.batcher = new MicroBatcher<Slot>(
      async (slots) => {
        const results = await enrolAlone(ctx, slots);
        return results.map((r, i) => {
          (slots[i] as Slot).result = r;
          return r.ok ? undefined : new AppError(r.status, r.code, r.message);
        });
      },
      opts.maxBatch ?? 200,
      opts.lingerMs ?? 1,
      // Four: with prepared statements (sqlTransaction) a batch costs little CPU and is mostly
      // waiting on PostgreSQL's commit, so four batches in flight keep the machine busy: at 64
      // connections, 1 API process, 2 in flight 1,152/s, 3 1,257/s, 4 1,408/s, 6 1,154/s,
      // 8 1,231/s (measured in one sitting on a loaded machine; ratios, not figures).
      opts.maxInFlight ?? 4,
    );
  }

  /** Records one outcome in the next batch; resolves after commit, or throws the outcome's own AppError. */
  async submit(request: EnrolRequest): Promise<EnrolResult & { replayed: boolean }> {
    const slot: Slot = { request };
    await this.batcher.submit(slot);
    const result = slot.result as EnrolItemResult;
    return { ...unwrapEnrolment(result), replayed: result.ok && result.replayed };
  }
}

/**
 * A batch whose transaction fails on its data (not on the connection) is split in halves and
 * retried, so a poison outcome fails alone and never takes its batch-mates with it.
 */
async function enrolAlone(ctx: Ctx, slots: readonly Slot[]): Promise<EnrolItemResult[]> {
  try {
    return await enrolRequests(
      ctx,
      slots.map((s) => s.request),
    );
  } catch (err) {
    if (!isDataError(err)) throw err;
    if (slots.length === 1) {
      ctx.log.error("an outcome could not be recorded", { error: err });
      return [
        {
          ok: false,
          status: 500,
          code: "internal",
          message: "something went wrong; it has been logged",
          candidateId: null,
        },
      ];
    }
    const half = Math.ceil(slots.length / 2);
    const [a, b] = await Promise.all([enrolAlone(ctx, slots.slice(0, half)), enrolAlone(ctx, slots.slice(half))]);
    return [...a, ...b];
  }
}

const batchers = new WeakMap<object, IntakeBatcher>();

/**
 * The intake of one context (one per process): POST /v1/interviews goes through it. The
 * batcher lives as long as its context and holds nothing between batches.
 */
export function intakeFor(ctx: Ctx, opts?: IntakeOptions): IntakeBatcher {
  let b = batchers.get(ctx.db);
  if (!b) {
    b = new IntakeBatcher(ctx, opts);
    batchers.set(ctx.db, b);
  }
  return b;
}
