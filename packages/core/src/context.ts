import type { Config } from "@rebound/config";
import type { Db } from "@rebound/db";
import type { MailTransport } from "@rebound/mail";
import type { Queues } from "@rebound/queue";
import type { Redis } from "ioredis";
import type { Logger } from "./logger.js";

export interface Clock {
  now(): Date;
}
export const systemClock: Clock = { now: () => new Date() };

/** Built once at start-up and handed to routes and processors. */
export interface AppContext {
  config: Config;
  db: Db;
  redis: Redis;
  queues: Queues;
  mail: MailTransport;
  clock: Clock;
  log: Logger;
}
