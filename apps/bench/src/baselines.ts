import { spawn } from "node:child_process";
import { loadavg } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { Queue, Worker } from "bullmq";
import { Redis } from "ioredis";
import { fmt } from "./stats.js";
import { type LoadResult, load } from "./http-load.js";

const here = dirname(fileURLToPath(import.meta.url));

/** A bare Hono route in its own process, loaded like the API: the ceiling of this machine's HTTP stack. */
export async function bareHono(seconds: number): Promise<LoadResult> {
  const child = spawn(process.execPath, ["--import", "tsx", join(here, "bare-hono.ts")], {
    cwd: join(here, ".."),
    env: { ...process.env, NODE_ENV: "production" },
    stdio: ["ignore", "pipe", "inherit"],
  });
  try {
    const port = await new Promise<number>((resolve, reject) => {
      child.stdout?.on("data", (d: Buffer) => {
        const m = /listening (\d+)/.exec(d.toString());
        if (m) resolve(Number(m[1]));
      });
      child.once("exit", (code) => reject(new Error(`bare Hono exited with ${code}`)));
    });
    return await load({ label: "bare Hono route (1 process)", url: `http://127.0.0.1:${port}/`, seconds });
  } finally {
    child.kill("SIGTERM");
  }
}

export interface QueueBaseline {
  addBulkPerSec: number;
  noopPerSec: number;
  jobs: number;
  load: number;
}

/** BullMQ on this Redis with nothing else: addBulk rate, and a no-op worker at concurrency 50. */
export async function noopWorker(redisUrl: string, jobs = 20_000): Promise<QueueBaseline> {
  const prefix = `bench-noop-${process.pid}`;
  const connection = new Redis(redisUrl, { maxRetriesPerRequest: null });
  const queue = new Queue("noop", { connection, prefix });
  const load1 = loadavg()[0] ?? 0;
  try {
    const addStart = performance.now();
    for (let i = 0; i < jobs; i += 1000) {
      await queue.addBulk(
        Array.from({ length: Math.min(1000, jobs - i) }, (_, k) => ({
          name: "noop",
          data: { n: i + k },
          opts: { removeOnComplete: true },
        })),
      );
    }
    const addSecs = (performance.now() - addStart) / 1000;
    let done = 0;
    let finished: () => void = () => {};
    const all = new Promise<void>((r) => {
      finished = r;
    });
    const start = performance.now();
    const worker = new Worker(
      "noop",
      async () => {
        if (++done === jobs) finished();
      },
      { connection, prefix, concurrency: 50 },
    );
    await all;
    const secs = (performance.now() - start) / 1000;
    await worker.close();
    return { addBulkPerSec: jobs / addSecs, noopPerSec: jobs / secs, jobs, load: load1 };
  } finally {
    await queue.obliterate({ force: true }).catch(() => {});
    await queue.close();
    connection.disconnect();
  }
}

export function printQueueBaseline(q: QueueBaseline): void {
  console.log(
    `BullMQ, ${q.jobs.toLocaleString()} jobs:           addBulk ${fmt(q.addBulkPerSec, 0)} jobs/s, no-op worker (concurrency 50) ${fmt(q.noopPerSec, 0)} jobs/s   load ${q.load.toFixed(1)}`,
  );
}
