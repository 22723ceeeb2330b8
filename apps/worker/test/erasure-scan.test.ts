/**
 * Erasure leaves nothing behind: after a full run (track emails, a reply, its analysis email, a
 * second signup, mail kept in the outbox) and the erasure, a pg_dump of the whole database, every
 * Redis key and value of the run, and every log line the run wrote hold neither the candidate's
 * address, nor their name, nor the words of their reflection. For both mail transports.
 */
import { execFileSync } from "node:child_process";
import { createApp } from "@rebound/api";
import { createLogger } from "@rebound/core";
import {
  createTestEnv,
  createTestProgram,
  eventually,
  postMime,
  sendScheduledEmails,
  type TestEnv,
  unique,
} from "@rebound/testkit";
import { signReplyToken } from "@rebound/domain";
import { Redis } from "ioredis";
import { describe, expect, it } from "vitest";
import { startWorkers } from "../src/workers.js";

const NAME = "Zebediah Quillfeather";
const WORDS = "xylophonic marmalade";

async function redisDump(env: TestEnv): Promise<string> {
  const r = new Redis(env.config.REDIS_URL);
  const out: string[] = [];
  try {
    let cursor = "0";
    do {
      const [next, keys] = await r.scan(cursor, "MATCH", `${env.config.QUEUE_PREFIX}:*`, "COUNT", 500);
      cursor = next;
      for (const key of keys) {
        const type = await r.type(key);
        out.push(key);
        if (type === "string") out.push(String(await r.get(key)));
        else if (type === "hash") out.push(JSON.stringify(await r.hgetall(key)));
        else if (type === "list") out.push(JSON.stringify(await r.lrange(key, 0, -1)));
        else if (type === "set") out.push(JSON.stringify(await r.smembers(key)));
        else if (type === "zset") out.push(JSON.stringify(await r.zrange(key, 0, -1)));
        else if (type === "stream") out.push(JSON.stringify(await r.xrange(key, "-", "+")));
      }
    } while (cursor !== "0");
  } finally {
    r.disconnect();
  }
  return out.join("\n");
}

function pgDump(env: TestEnv): string {
  return execFileSync("pg_dump", ["--data-only", "--no-owner", env.config.DATABASE_URL], {
    encoding: "utf8",
    maxBuffer: 512 * 1024 * 1024,
  });
}

/** A needle in plain text, in bytea's hex form, and in JSON's escaping. */
function expectAbsent(haystack: string, needle: string, where: string) {
  const lower = haystack.toLowerCase();
  expect(lower.includes(needle.toLowerCase()), `${where} holds "${needle}"`).toBe(false);
  expect(lower.includes(Buffer.from(needle.toLowerCase()).toString("hex")), `${where} holds "${needle}" as bytes`).toBe(
    false,
  );
}

for (const transport of ["resend", "outbox"] as const) {
  describe(`erasure with the ${transport} transport`, () => {
    it("leaves the address, the name and the reflection's words nowhere: database, Redis, logs", async () => {
      const lines: string[] = [];
      const env = await createTestEnv({
        DRIP_SPEEDUP: "864000",
        ...(transport === "outbox" ? { RESEND_API_KEY: "" } : {}),
      });
      env.ctx.log = createLogger("debug", (line) => lines.push(line));
      const workers = await startWorkers(env.ctx, { reconcileEveryMs: 500, lockDurationMs: 5000 });
      try {
        const app = createApp(env.ctx);
        const { programId, apiKey } = await createTestProgram(env.ctx);
        const email = `${unique("zeb").replace(/[^a-z0-9]/gi, "")}@example.com`;
        const res = await app.request("/v1/interviews", {
          method: "POST",
          headers: { "content-type": "application/json", authorization: `Bearer ${apiKey}` },
          body: JSON.stringify({ email, name: NAME, company: "Acme", role: "Engineer", outcome: "rejected" }),
        });
        expect(res.status).toBe(202);
        const { candidateId } = (await res.json()) as { candidateId: string };
        const first = await eventually(async () => {
          const m = await env.ctx.db.message.findFirst({ where: { candidateId, step: "process", status: "sent" } });
          return m ?? undefined;
        }, 20_000);
        // The candidate replies (substantial: it triggers the analysis email).
        const token = signReplyToken(first.id, env.config.APP_SECRET, first.dueAt);
        const reply = [
          `From: ${NAME} <${email}>`,
          `To: <reply+${token}@${env.config.INBOUND_DOMAIN}>`,
          `Message-ID: <${unique("zr")}@example.com>`,
          "Subject: Re: your interview",
          "",
          `The ${WORDS} question threw me completely and I rambled for minutes without structure. I was very nervous and my hands shook.`,
          "",
          `On Mon, Rebound <reply+${token}@${env.config.INBOUND_DOMAIN}> wrote:`,
          `> Hi Zebediah,`,
          "",
        ].join("\r\n");
        expect((await postMime(app, reply)).status).toBe(202);
        await eventually(
          async () =>
            (await env.ctx.db.message.count({ where: { candidateId, kind: "analysis", status: "sent" } })) === 1,
          20_000,
        );
        // A second signup of the same address, still pending; and a reply stuck in the queue.
        await app.request("/v1/subscribe", {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: JSON.stringify({ program: programId, email, name: NAME, company: "Initech" }),
        });
        await sendScheduledEmails(env);
        await env.ctx.db.inboundMessage.create({
          data: {
            sourceKey: `mime:${unique("stuck")}`,
            source: "mime",
            status: "failed",
            raw: Buffer.from(reply.replace("Message-ID", "X-Old-Id")),
          },
        });

        const erase = await app.request(`/v1/candidates/${candidateId}`, {
          method: "DELETE",
          headers: { authorization: `Bearer ${apiKey}` },
        });
        expect(erase.status).toBe(200);
        await new Promise((r) => setTimeout(r, 1500)); // let the workers settle whatever was in flight
        await workers.close();

        const dump = pgDump(env);
        expect(dump).toContain(candidateId); // the rows for the counts are still there
        const redisText = await redisDump(env);
        const logs = lines.join("\n");
        expect(lines.length).toBeGreaterThan(0);
        for (const needle of [email, NAME, "Zebediah", "Quillfeather", WORDS]) {
          expectAbsent(dump, needle, "pg_dump");
          expectAbsent(redisText, needle, "Redis");
          expectAbsent(logs, needle, "the logs");
        }
        // What stays: the statistics.
        const reflection = await env.ctx.db.reflection.findFirstOrThrow({ where: { candidateId } });
        expect(reflection.text).toBeNull();
        expect(reflection.themes.length).toBeGreaterThan(0);
      } finally {
        await workers.close().catch(() => {});
        await env.close();
      }
    }, 90_000);
  });
}
