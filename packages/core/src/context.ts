import type { Config } from "@rebound/config";
import type { Db } from "@rebound/db";
import type { MailTransport, ProviderGate } from "@rebound/mail";
import type { Queues } from "@rebound/queue";
import type { Redis } from "ioredis";
import type { ApiKeyVerifier } from "./api-keys.js";
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
  /** Shared by every process: open while the mail provider accepts requests, closed (with backoff) while it does not. */
  provider: ProviderGate;
  clock: Clock;
  log: Logger;
  /** Program API keys, verified from a short-lived cache that revocations clear in every process. */
  apiKeys: ApiKeyVerifier;
}
