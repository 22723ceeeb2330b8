import { type ConnectionOptions, Queue, type QueueOptions } from "bullmq";
import { Redis } from "ioredis";
import { z } from "zod";

/**
 * The job catalog. One queue per kind of work, each with its own concurrency.
 * Payloads carry ids only: PostgreSQL holds the state.
 */
export const QUEUE_NAMES = {
  drip: "drip",
  email: "email",
  inbound: "inbound",
  import: "import",
  maintenance: "maintenance",
} as const;
export type QueueName = (typeof QUEUE_NAMES)[keyof typeof QUEUE_NAMES];

const uuid = z.uuid();

export const jobSchemas = {
  /**
   * A drip message whose step is due. Only its id is stored (a delayed job per live track is
   * most of Redis's memory); jobs queued before carry the enrolment and step too.
   */
  drip: z
    .object({
      messageId: uuid,
      enrollmentId: uuid.optional(),
      step: z
        .string()
        .regex(/^[a-z-]+$/)
        .optional(),
    })
    .strict(),
  /** An inbound message stored in `InboundMessage`, to parse and turn into a reflection. */
  inbound: z.object({ inboundId: uuid }).strict(),
  /** An event-driven email (analysis, signup confirmation, notice) whose Message row is scheduled. */
  email: z.object({ messageId: uuid }).strict(),
  /** A CSV import of candidates, stored in `CsvImport`. */
  import: z.object({ importId: uuid }).strict(),
  maintenance: z.object({ task: z.enum(["reconcile", "retention"]) }).strict(),
} satisfies Record<QueueName, z.ZodType>;

export type JobData<Q extends QueueName> = z.infer<(typeof jobSchemas)[Q]>;

export function parseJob<Q extends QueueName>(queue: Q, data: unknown): JobData<Q> {
  return jobSchemas[queue].parse(data) as JobData<Q>;
}

/** BullMQ job ids may not contain ':'; derived ids make a second add a no-op. */
export const jobIds = {
  /** A message is one step of one enrolment (unique in PostgreSQL): its id is the job's. */
  drip: (messageId: string) => messageId,
  inbound: (inboundId: string) => `inbound-${inboundId}`,
  email: (messageId: string) => `email-${messageId}`,
  import: (importId: string) => `import-${importId}`,
};

export const RECONCILER_ID = "reconciler";
export const RETENTION_ID = "retention";

export function createRedis(url: string, opts: { forWorker?: boolean } = {}): Redis {
  return new Redis(url, {
    // Workers block on Redis; BullMQ requires unlimited retries there.
    maxRetriesPerRequest: opts.forWorker ? null : 3,
    enableReadyCheck: true,
    lazyConnect: false,
  });
}

const RETRIES: QueueOptions["defaultJobOptions"] = { attempts: 8, backoff: { type: "exponential", delay: 1000 } };
/** Finished jobs kept for the dashboard and the reconciler, bounded in count and age. */
const KEEP_COMPLETED = { age: 3600, count: 1000 };
const KEEP_FAILED = { age: 7 * 86_400, count: 1000 };
const DEFAULT_JOB_OPTIONS: QueueOptions["defaultJobOptions"] = {
  ...RETRIES,
  removeOnComplete: KEEP_COMPLETED,
  removeOnFail: KEEP_FAILED,
};

/**
 * What the drip worker removes once a job is over. Drip jobs carry no removal options of their
 * own (every byte of a delayed job counts, times every live track): the worker applies these.
 * A finished drip job frees its id at once, so a resumed or re-sent step can be queued again.
 */
export const DRIP_WORKER_KEEP = { removeOnComplete: { count: 0 }, removeOnFail: KEEP_FAILED };

/** BullMQ's event stream (read by dashboards, not by Rebound) is trimmed to about this many entries per queue. */
const EVENTS_MAX_LEN = 1000;

export interface Queues {
  drip: Queue<JobData<"drip">>;
  email: Queue<JobData<"email">>;
  inbound: Queue<JobData<"inbound">>;
  import: Queue<JobData<"import">>;
  maintenance: Queue<JobData<"maintenance">>;
  add<Q extends Exclude<QueueName, "maintenance">>(
    queue: Q,
    data: JobData<Q>,
    opts?: { delay?: number },
  ): Promise<void>;
  /**
   * Bulk add of due-step jobs; ids are derived, so re-adding a pending job is a no-op. A finished
   * drip job frees its id at once: a step that ran while its candidate was paused must be
   * re-addable on resume (a re-run after a send finds the message sent and sends nothing).
   */
  addDrips(jobs: { data: DripRef; delay: number }[]): Promise<void>;
  /** Like addDrips, but a job already waiting for another time is moved to the new one (a resume). */
  rescheduleDrips(jobs: { data: DripRef; delay: number }[]): Promise<void>;
  close(): Promise<void>;
}

/** A drip step to queue: its message (callers may name the enrolment and step; only the message id is stored). */
export interface DripRef {
  messageId: string;
  enrollmentId?: string;
  step?: string;
}

/**
 * The queues of the job catalog. `prefix` is QUEUE_PREFIX: in braces (the default, `{rebound}`)
 * it is a Redis Cluster hash tag, so every key of every queue lands in one slot, as BullMQ's
 * multi-key scripts require.
 */
export function createQueues(connection: ConnectionOptions, prefix: string): Queues {
  const make = <T>(name: QueueName, defaultJobOptions = DEFAULT_JOB_OPTIONS) =>
    new Queue<T>(name, { connection, prefix, defaultJobOptions, streams: { events: { maxLen: EVENTS_MAX_LEN } } });
  const queues = {
    drip: make<JobData<"drip">>("drip", RETRIES),
    email: make<JobData<"email">>("email"),
    inbound: make<JobData<"inbound">>("inbound"),
    import: make<JobData<"import">>("import"),
    maintenance: make<JobData<"maintenance">>("maintenance"),
  };
  const ids = {
    drip: (d: DripRef) => jobIds.drip(d.messageId),
    inbound: (d: JobData<"inbound">) => jobIds.inbound(d.inboundId),
    email: (d: JobData<"email">) => jobIds.email(d.messageId),
    import: (d: JobData<"import">) => jobIds.import(d.importId),
  };
  return {
    ...queues,
    async add(queue, data, opts = {}) {
      const payload = parseJob(queue, data);
      const jobId = (ids[queue] as (d: typeof payload) => string)(payload);
      // An email's job frees its id when done, so a resend (soft bounce) or the reconciler can add it again.
      await (queues[queue] as Queue).add(queue, payload, {
        jobId,
        delay: Math.max(0, opts.delay ?? 0),
        ...(queue === "email" ? { removeOnComplete: true } : {}),
      });
    },
    async addDrips(jobs) {
      if (jobs.length === 0) return;
      await queues.drip.addBulk(
        jobs.map(({ data, delay }) => {
          const payload = parseJob("drip", { messageId: data.messageId });
          return { name: "drip", data: payload, opts: { jobId: ids.drip(payload), delay: Math.max(0, delay) } };
        }),
      );
    },
    async rescheduleDrips(jobs) {
      const missing: typeof jobs = [];
      for (const j of jobs) {
        const existing = await queues.drip.getJob(ids.drip(j.data));
        if (existing && (await existing.isDelayed())) await existing.changeDelay(Math.max(0, j.delay));
        else if (!existing || (await existing.isCompleted()) || (await existing.isFailed())) missing.push(j);
      }
      if (missing.length) {
        for (const j of missing) await queues.drip.remove(ids.drip(j.data)).catch(() => 0);
        await this.addDrips(missing);
      }
    },
    async close() {
      await Promise.all(Object.values(queues).map((q) => q.close()));
    },
  };
}

export type { Job, Queue } from "bullmq";
export { Worker } from "bullmq";
