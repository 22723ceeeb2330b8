import {
  type AppContext,
  applyRetention,
  createAnalyser,
  failImport,
  giveUpInbound,
  ImportOvertakenError,
  MicroBatcher,
  processImport,
  processInboundBatch,
  reconcile,
  SendingPausedError,
  sendDueDrips,
  sendQueuedEmail,
  TemplateCache,
} from "@rebound/core";
import type { Analyser } from "@rebound/domain";
import { InboundParseError } from "@rebound/inbound";
import { createResendReader, PermanentSendError } from "@rebound/mail";
import { DRIP_WORKER_KEEP, type Job, parseJob, QUEUE_NAMES, RECONCILER_ID, RETENTION_ID, Worker } from "@rebound/queue";

export interface WorkerOptions {
  dripConcurrency?: number;
  /** How often the reconciler compares PostgreSQL with Redis. */
  reconcileEveryMs?: number;
  /** How long a job's lock lives; a killed worker's jobs are picked up after this. */
  lockDurationMs?: number;
  batchLingerMs?: number;
  /** The reflection analyser; by default the one the configuration names (ANALYSER, offline unless "llm"). */
  analyser?: Analyser;
}

export interface RunningWorkers {
  workers: Worker[];
  close(): Promise<void>;
}

/**
 * While the mail provider is unavailable, a send job does not fail: its whole queue pauses (in
 * every process, BullMQ's queue rate limit) for as long as the shared provider gate says, and the
 * job goes back to wait without using up an attempt.
 */
async function pauseQueueOn(worker: () => Worker, work: () => Promise<unknown>): Promise<unknown> {
  try {
    return await work();
  } catch (err) {
    if (err instanceof SendingPausedError) {
      await worker().rateLimit(Math.max(250, err.waitMs));
      throw Worker.RateLimitError();
    }
    throw err;
  }
}

const isLastAttempt = (job: Job) => job.attemptsMade + 1 >= (job.opts.attempts ?? 1);

/**
 * Starts the queue workers. Drip jobs are gathered into provider-sized batches:
 * each job waits for its batch, so BullMQ still retries per job.
 */
export async function startWorkers(ctx: AppContext, opts: WorkerOptions = {}): Promise<RunningWorkers> {
  const connection = ctx.redis;
  const prefix = ctx.config.QUEUE_PREFIX;
  const lockDuration = opts.lockDurationMs ?? 30_000;
  const reconcileEvery = opts.reconcileEveryMs ?? 15_000;
  const templates = new TemplateCache();
  await templates.warm();
  const batcher = new MicroBatcher(
    async (items: ReturnType<typeof parseJob<"drip">>[]) => {
      await sendDueDrips(ctx, templates, items);
      return undefined; // a batch fails or succeeds as one: its jobs retry together
    },
    ctx.mail.maxBatch,
    opts.batchLingerMs ?? 25,
  );

  const drip: Worker = new Worker(
    QUEUE_NAMES.drip,
    (job) =>
      pauseQueueOn(
        () => drip,
        () => batcher.submit(parseJob("drip", job.data)),
      ),
    {
      connection,
      prefix,
      concurrency: opts.dripConcurrency ?? 500,
      lockDuration,
      // Drip jobs carry no removal options (bytes per live track): the worker removes them.
      ...DRIP_WORKER_KEEP,
      stalledInterval: Math.max(1000, Math.floor(lockDuration / 2)),
    },
  );

  const email: Worker = new Worker(
    QUEUE_NAMES.email,
    (job) =>
      pauseQueueOn(
        () => email,
        () => sendQueuedEmail(ctx, parseJob("email", job.data).messageId),
      ),
    { connection, prefix, concurrency: 8, lockDuration },
  );

  const readReceived = ctx.config.RESEND_API_KEY
    ? createResendReader({ apiKey: ctx.config.RESEND_API_KEY, baseUrl: ctx.config.RESEND_BASE_URL })
    : null;
  const fetchReceived = async (emailId: string) => {
    if (!readReceived) throw new InboundParseError("RESEND_API_KEY is not set: cannot fetch a received email");
    try {
      return await readReceived(emailId);
    } catch (err) {
      if (err instanceof PermanentSendError) throw new InboundParseError(`Resend refused the fetch: ${err.message}`);
      throw err;
    }
  };
  const inboundDeps = { analyser: opts.analyser ?? createAnalyser(ctx.config, { log: ctx.log }), fetchReceived };

  const inboundBatcher = new MicroBatcher(
    async (ids: string[]) => (await processInboundBatch(ctx, inboundDeps, ids)).errors,
    50,
    opts.batchLingerMs ?? 25,
  );
  const inbound = new Worker(
    QUEUE_NAMES.inbound,
    async (job) => {
      const { inboundId } = parseJob("inbound", job.data);
      try {
        await inboundBatcher.submit(inboundId);
      } catch (err) {
        // The last attempt: the message ends as failed with its reason, and is never retried again.
        if (isLastAttempt(job)) await giveUpInbound(ctx, inboundId, err);
        throw err;
      }
    },
    { connection, prefix, concurrency: 100, lockDuration },
  );

  // CSV imports: one job per file, resumable (progress is in PostgreSQL); the last failed attempt says why.
  const imports = new Worker(
    QUEUE_NAMES.import,
    async (job, token) => {
      const { importId } = parseJob("import", job.data);
      const heartbeat = async () => {
        if (token && !(await job.extendLock(token, lockDuration))) {
          throw new ImportOvertakenError("this attempt lost its lock; another worker carries on");
        }
      };
      try {
        return await processImport(ctx, importId, { heartbeat });
      } catch (err) {
        const overtaken = err instanceof ImportOvertakenError;
        if (isLastAttempt(job) && !overtaken)
          await failImport(ctx, importId, err instanceof Error ? err.message : String(err));
        throw err;
      }
    },
    { connection, prefix, concurrency: 2, lockDuration, stalledInterval: Math.max(1000, Math.floor(lockDuration / 2)) },
  );

  const maintenance = new Worker(
    QUEUE_NAMES.maintenance,
    async (job) => {
      const { task } = parseJob("maintenance", job.data);
      if (task === "reconcile") return reconcile(ctx, reconcileEvery * 2);
      if (task === "retention") return applyRetention(ctx);
    },
    { connection, prefix, concurrency: 1, lockDuration },
  );

  const ensureScheduler = () =>
    Promise.all([
      ctx.queues.maintenance.upsertJobScheduler(
        RECONCILER_ID,
        { every: reconcileEvery },
        { name: "reconcile", data: { task: "reconcile" } },
      ),
      // Per-program retention: hourly is plenty for a rule counted in months.
      ctx.queues.maintenance.upsertJobScheduler(
        RETENTION_ID,
        { every: 3_600_000 },
        { name: "retention", data: { task: "retention" } },
      ),
    ]);
  await ensureScheduler();
  // Redis may lose everything (that is why the reconciler exists); put the scheduler back each round.
  const keepScheduler = setInterval(() => {
    ensureScheduler().catch((err) => ctx.log.warn("could not ensure the reconciler schedule", { error: err }));
  }, reconcileEvery);

  const workers = [drip, email, inbound, imports, maintenance];
  for (const w of workers) {
    w.on("failed", (job, err) => {
      if (err.name === "RateLimitError") return;
      ctx.log.warn("job failed", { queue: w.name, jobId: job?.id, attempts: job?.attemptsMade, error: err });
    });
    w.on("error", (err) => ctx.log.error("worker error", { queue: w.name, error: err }));
  }
  ctx.log.info("workers started", { queues: workers.map((w) => w.name), transport: ctx.mail.name });
  return {
    workers,
    async close() {
      clearInterval(keepScheduler);
      await Promise.all(workers.map((w) => w.close()));
    },
  };
}
