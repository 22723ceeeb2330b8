import {
  type AppContext,
  MicroBatcher,
  processInboundBatch,
  reconcile,
  sendAnalysisEmail,
  sendDueDrips,
  TemplateCache,
} from "@rebound/core";
import { type Analyser, keywordAnalyser } from "@rebound/domain";
import { InboundParseError } from "@rebound/inbound";
import { createResendReader, PermanentSendError } from "@rebound/mail";
import { parseJob, QUEUE_NAMES, RECONCILER_ID, Worker } from "@rebound/queue";

export interface WorkerOptions {
  dripConcurrency?: number;
  /** How often the reconciler compares PostgreSQL with Redis. */
  reconcileEveryMs?: number;
  /** How long a job's lock lives; a killed worker's jobs are picked up after this. */
  lockDurationMs?: number;
  batchLingerMs?: number;
  /** The reflection analyser; the deterministic offline one unless another is plugged in. */
  analyser?: Analyser;
}

export interface RunningWorkers {
  workers: Worker[];
  close(): Promise<void>;
}

/**
 * Starts the queue workers. Drip jobs are gathered into provider-sized batches:
 * each job waits for its batch, so BullMQ still retries per job.
 */
export async function startWorkers(ctx: AppContext, opts: WorkerOptions = {}): Promise<RunningWorkers> {
  const connection = ctx.redis;
  const prefix = ctx.config.QUEUE_PREFIX;
  const lockDuration = opts.lockDurationMs ?? 30_000;
  const reconcileEvery = opts.reconcileEveryMs ?? 60_000;
  const templates = new TemplateCache();
  await templates.warm();
  const batcher = new MicroBatcher(
    (items: ReturnType<typeof parseJob<"drip">>[]) => sendDueDrips(ctx, templates, items),
    ctx.mail.maxBatch,
    opts.batchLingerMs ?? 25,
  );

  const drip = new Worker(QUEUE_NAMES.drip, (job) => batcher.submit(parseJob("drip", job.data)), {
    connection,
    prefix,
    concurrency: opts.dripConcurrency ?? 500,
    lockDuration,
    stalledInterval: Math.max(1000, Math.floor(lockDuration / 2)),
  });

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
  const inboundDeps = { analyser: opts.analyser ?? keywordAnalyser, fetchReceived };

  const inboundBatcher = new MicroBatcher(
    (ids: string[]) => processInboundBatch(ctx, inboundDeps, ids),
    50,
    opts.batchLingerMs ?? 25,
  );
  const inbound = new Worker(
    QUEUE_NAMES.inbound,
    (job) => inboundBatcher.submit(parseJob("inbound", job.data).inboundId),
    { connection, prefix, concurrency: 100, lockDuration },
  );

  const analysis = new Worker(
    QUEUE_NAMES.analysis,
    (job) => {
      const { reflectionId, interviewId } = parseJob("analysis", job.data);
      return sendAnalysisEmail(ctx, reflectionId, interviewId);
    },
    { connection, prefix, concurrency: 4, lockDuration },
  );

  const maintenance = new Worker(
    QUEUE_NAMES.maintenance,
    async (job) => {
      const { task } = parseJob("maintenance", job.data);
      if (task === "reconcile") return reconcile(ctx, reconcileEvery * 2);
    },
    { connection, prefix, concurrency: 1, lockDuration },
  );

  const ensureScheduler = () =>
    ctx.queues.maintenance.upsertJobScheduler(
      RECONCILER_ID,
      { every: reconcileEvery },
      { name: "reconcile", data: { task: "reconcile" } },
    );
  await ensureScheduler();
  // Redis may lose everything (that is why the reconciler exists); put the scheduler back each round.
  const keepScheduler = setInterval(() => {
    ensureScheduler().catch((err) => ctx.log.warn("could not ensure the reconciler schedule", { error: err }));
  }, reconcileEvery);

  const workers = [drip, inbound, analysis, maintenance];
  for (const w of workers) {
    w.on("failed", (job, err) =>
      ctx.log.warn("job failed", { queue: w.name, jobId: job?.id, attempts: job?.attemptsMade, error: err }),
    );
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
