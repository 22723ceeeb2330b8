import { type ConnectionOptions, Queue, type QueueOptions } from "bullmq";
import { Redis } from "ioredis";
import { z } from "zod";

/**
 * The job catalog. One queue per kind of work, each with its own concurrency.
 * Payloads carry ids only: PostgreSQL holds the state.
 */
export const QUEUE_NAMES = {
  drip: "drip",
  inbound: "inbound",
  analysis: "analysis",
  maintenance: "maintenance",
} as const;
export type QueueName = (typeof QUEUE_NAMES)[keyof typeof QUEUE_NAMES];

const uuid = z.uuid();

export const jobSchemas = {
  /** A drip message whose step is due. */
  drip: z.object({ enrollmentId: uuid, step: z.string().regex(/^[a-z-]+$/), messageId: uuid }).strict(),
  /** An inbound message stored in `InboundMessage`, to parse and turn into a reflection. */
  inbound: z.object({ inboundId: uuid }).strict(),
  /** The reflection that triggers its interview's analysis email. */
  analysis: z.object({ reflectionId: uuid, interviewId: uuid }).strict(),
  maintenance: z.object({ task: z.enum(["reconcile"]) }).strict(),
} satisfies Record<QueueName, z.ZodType>;

export type JobData<Q extends QueueName> = z.infer<(typeof jobSchemas)[Q]>;

export function parseJob<Q extends QueueName>(queue: Q, data: unknown): JobData<Q> {
  return jobSchemas[queue].parse(data) as JobData<Q>;
}

/** BullMQ job ids may not contain ':'; derived ids make a second add a no-op. */
export const jobIds = {
  drip: (enrollmentId: string, step: string) => `drip-${enrollmentId}-${step}`,
  inbound: (inboundId: string) => `inbound-${inboundId}`,
  /** One analysis email per interview, so one job per interview. */
  analysis: (interviewId: string) => `analysis-${interviewId}`,
};

export const RECONCILER_ID = "reconciler";

export function createRedis(url: string, opts: { forWorker?: boolean } = {}): Redis {
  return new Redis(url, {
    // Workers block on Redis; BullMQ requires unlimited retries there.
    maxRetriesPerRequest: opts.forWorker ? null : 3,
    enableReadyCheck: true,
    lazyConnect: false,
  });
}

const DEFAULT_JOB_OPTIONS: QueueOptions["defaultJobOptions"] = {
  attempts: 8,
  backoff: { type: "exponential", delay: 1000 },
  removeOnComplete: { count: 1000 },
  removeOnFail: { count: 5000 },
};

export interface Queues {
  drip: Queue<JobData<"drip">>;
  inbound: Queue<JobData<"inbound">>;
  analysis: Queue<JobData<"analysis">>;
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
  addDrips(jobs: { data: JobData<"drip">; delay: number }[]): Promise<void>;
  close(): Promise<void>;
}

export function createQueues(connection: ConnectionOptions, prefix: string): Queues {
  const make = <T>(name: QueueName) =>
    new Queue<T>(name, { connection, prefix, defaultJobOptions: DEFAULT_JOB_OPTIONS });
  const queues = {
    drip: make<JobData<"drip">>("drip"),
    inbound: make<JobData<"inbound">>("inbound"),
    analysis: make<JobData<"analysis">>("analysis"),
    maintenance: make<JobData<"maintenance">>("maintenance"),
  };
  const ids = {
    drip: (d: JobData<"drip">) => jobIds.drip(d.enrollmentId, d.step),
    inbound: (d: JobData<"inbound">) => jobIds.inbound(d.inboundId),
    analysis: (d: JobData<"analysis">) => jobIds.analysis(d.interviewId),
  };
  return {
    ...queues,
    async add(queue, data, opts = {}) {
      const payload = parseJob(queue, data);
      const jobId = (ids[queue] as (d: typeof payload) => string)(payload);
      await (queues[queue] as Queue).add(queue, payload, { jobId, delay: Math.max(0, opts.delay ?? 0) });
    },
    async addDrips(jobs) {
      if (jobs.length === 0) return;
      await queues.drip.addBulk(
        jobs.map(({ data, delay }) => {
          const payload = parseJob("drip", data);
          return {
            name: "drip",
            data: payload,
            opts: { jobId: ids.drip(payload), delay: Math.max(0, delay), removeOnComplete: true },
          };
        }),
      );
    },
    async close() {
      await Promise.all(Object.values(queues).map((q) => q.close()));
    },
  };
}

export type { Job, Queue } from "bullmq";
export { Worker } from "bullmq";
