import { processInbound, reconcile, sendQueuedEmail } from "@rebound/core";
import { jobIds } from "@rebound/queue";
import { createWorld, type World } from "@rebound/testkit";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { candidateAtStep, inboundDeps, storeReply } from "./support.js";

let world: World;
beforeAll(async () => {
  world = await createWorld({ env: { PROVIDER_BACKOFF_MAX_MS: "100" } });
});
afterAll(async () => world?.close());

const db = () => world.ctx.db;
const ANSWER =
  "I had not read about their products at all and rambled on the system design question. I was very nervous.";

/** A reply to the `analyse` step, processed: its analysis email is scheduled. */
async function analysedReply() {
  const c = await candidateAtStep(world, "analyse");
  const inbound = await storeReply(world, c.token, ANSWER, c.email);
  expect(await processInbound(world.ctx, inboundDeps, inbound)).toBe("reflection");
  const message = await db().message.findFirstOrThrow({ where: { candidateId: c.candidateId, kind: "analysis" } });
  expect(message.status).toBe("scheduled");
  return { ...c, analysisId: message.id };
}

const analysisEmailsTo = (email: string) =>
  world.env.resend.to(email).filter((e) => e.tags?.some((t) => t.name === "step" && t.value === "analysis"));

describe("analysis emails are reconciled like drip steps", () => {
  it("an analysis email whose job was lost is queued again by the reconciler and sent once", async () => {
    const c = await analysedReply();
    // The job went with Redis (a flush, a failover) before any worker took it.
    await world.ctx.queues.email.remove(jobIds.email(c.analysisId));
    expect(await world.ctx.queues.email.getJob(jobIds.email(c.analysisId))).toBeUndefined();
    await reconcile(world.ctx, 60_000);
    expect(await world.ctx.queues.email.getJob(jobIds.email(c.analysisId))).toBeDefined();
    expect(await sendQueuedEmail(world.ctx, c.analysisId)).toBe("sent");
    expect(await sendQueuedEmail(world.ctx, c.analysisId)).toBe("already-sent");
    expect(analysisEmailsTo(c.email)).toHaveLength(1);
  });

  it("its content is fixed at the first claim: a retry sends the same bytes, whatever happened since", async () => {
    const c = await analysedReply();
    world.env.resend.failNext(1, { status: 500 });
    await expect(sendQueuedEmail(world.ctx, c.analysisId)).rejects.toThrow(/paused/);
    const first = world.env.resend.requests.at(-1);
    const stored = await db().message.findUniqueOrThrow({ where: { id: c.analysisId } });
    expect([stored.status, stored.content === null]).toEqual(["sending", false]);
    // A second reply arrives meanwhile: it would change the email if it were built again.
    const more = await storeReply(
      world,
      c.token,
      "Also my CV had a typo in the first line, which they pointed out.",
      c.email,
    );
    await processInbound(world.ctx, inboundDeps, more);
    await world.ctx.provider.clear();
    expect(await sendQueuedEmail(world.ctx, c.analysisId)).toBe("sent");
    const retry = world.env.resend.requests.at(-1);
    expect(retry?.status).toBe(200);
    expect(retry?.headers["idempotency-key"]).toBe(first?.headers["idempotency-key"]);
    expect(JSON.stringify(retry?.body)).toBe(JSON.stringify(first?.body));
    expect(analysisEmailsTo(c.email)).toHaveLength(1);
  });

  it("an analysis email stuck in sending (its sender died) is resent by the reconciler under the same key", async () => {
    const c = await analysedReply();
    world.env.resend.failNext(1, { status: 500 });
    await expect(sendQueuedEmail(world.ctx, c.analysisId)).rejects.toThrow(/paused/);
    await world.ctx.provider.clear();
    await world.ctx.queues.email.remove(jobIds.email(c.analysisId));
    // Its claim is older than twice the provider timeout.
    await db().message.update({ where: { id: c.analysisId }, data: { claimedAt: new Date(Date.now() - 3_600_000) } });
    await reconcile(world.ctx, 60_000);
    expect(await world.ctx.queues.email.getJob(jobIds.email(c.analysisId))).toBeDefined();
    expect(await sendQueuedEmail(world.ctx, c.analysisId)).toBe("sent");
    expect(analysisEmailsTo(c.email)).toHaveLength(1);
  });
});
