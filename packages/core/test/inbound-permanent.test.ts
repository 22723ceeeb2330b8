import { acceptInboundMime, giveUpInbound, processInbound, processInboundBatch } from "@rebound/core";
import { createWorld, sendScheduledEmails, unique, type World } from "@rebound/testkit";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { candidateAtStep, inboundDeps, storeReply } from "./support.js";

let world: World;
beforeAll(async () => {
  world = await createWorld();
});
afterAll(async () => world?.close());

const db = () => world.ctx.db;

const signupLetter = (from: string) =>
  Buffer.from(
    [
      `From: Kim Park <${from}>`,
      `To: <start@${world.env.config.INBOUND_DOMAIN}>`,
      `Message-ID: <${unique("letter")}@example.com>`,
      "Subject: Fwd: Your application to Initrode",
      "",
      "---------- Forwarded message ---------",
      "From: Initrode Careers <careers@initrode.com>",
      "",
      "Thank you for your interest in Initrode. We will not be moving forward.",
      "",
    ].join("\r\n"),
  );

describe("bad inbound never loops", () => {
  it("a signup whose From the provider refuses ends once, with one pending signup and no retry", async () => {
    const from = `${unique("refused")}@example.com`;
    world.env.resend.refused.add(from);
    const { id } = await acceptInboundMime(world.ctx, signupLetter(from));
    expect(await processInbound(world.ctx, inboundDeps, id)).toBe("subscription");
    // The job being retried anyway (a crash after the work) finds it done.
    expect(await processInbound(world.ctx, inboundDeps, id)).toBe("duplicate");
    expect(await db().pendingSubscription.count({ where: { email: from } })).toBe(1);
    await sendScheduledEmails(world.env);
    const confirmation = await db().message.findFirstOrThrow({ where: { kind: "confirmation", toEmail: from } });
    expect(confirmation.status).toBe("failed");
    expect(confirmation.error).toMatch(/provider refused/);
    // Nothing is left to send or retry.
    expect(await sendScheduledEmails(world.env)).toBe(0);
    expect((await db().inboundMessage.findUniqueOrThrow({ where: { id } })).status).toBe("processed");
  });

  it("one bad message never aborts its batch: each keeps its own outcome", async () => {
    const a = await candidateAtStep(world, "process");
    const b = await candidateAtStep(world, "process");
    const good1 = await storeReply(world, a.token, "The high point was the whiteboard part.", a.email);
    const good2 = await storeReply(world, b.token, "I liked the team a lot.", b.email);
    const broken = (
      await acceptInboundMime(
        world.ctx,
        Buffer.from(`From: <x@example.com>\r\nTo: <y@example.com>\r\nContent-Type: multipart/mixed\r\n\r\n\u0000`),
      )
    ).id;
    // A webhook-path message whose body fetch meets a network failure (transient: only its job retries).
    const fetchFails = (
      await db().inboundMessage.create({
        data: { sourceKey: `resend:${unique("e")}`, source: "resend", payload: { email_id: "re_down" } },
      })
    ).id;
    const deps = { ...inboundDeps, fetchReceived: () => Promise.reject(new Error("socket hang up")) };
    const { outcomes, errors } = await processInboundBatch(world.ctx, deps, [good1, broken, fetchFails, good2]);
    expect([outcomes.get(good1), outcomes.get(good2)]).toEqual(["reflection", "reflection"]);
    expect(errors.map((e) => (e instanceof Error ? e.message : e))).toEqual([
      undefined,
      undefined,
      "socket hang up",
      undefined,
    ]);
    expect((await db().inboundMessage.findUniqueOrThrow({ where: { id: fetchFails } })).status).toBe("queued");
    expect(await db().reflection.count({ where: { candidateId: { in: [a.candidateId, b.candidateId] } } })).toBe(2);
  });

  it("a message whose last attempt failed ends as failed with its reason, and its author is told", async () => {
    const c = await candidateAtStep(world, "process");
    const id = await storeReply(world, c.token, "Here is my answer that could not be stored.", c.email);
    await giveUpInbound(world.ctx, id, new Error("the database refused it"));
    const row = await db().inboundMessage.findUniqueOrThrow({ where: { id } });
    expect([row.status, row.raw]).toEqual(["failed", null]);
    expect(row.result).toMatch(/^gave up: Error: the database refused it/);
    await sendScheduledEmails(world.env);
    const notices = world.env.resend.to(c.email).filter((e) => e.subject.includes("did not reach your Rebound log"));
    expect(notices).toHaveLength(1);
    // Processing it again (a stray retry) changes nothing.
    expect(await processInbound(world.ctx, inboundDeps, id)).toBe("duplicate");
  });

  it("a STOP from another address is not obeyed until the candidate confirms it", async () => {
    const c = await candidateAtStep(world, "process");
    const id = await storeReply(world, c.token, "STOP", "someone.else@example.org");
    expect(await processInbound(world.ctx, inboundDeps, id)).toBe("command");
    expect((await db().candidate.findUniqueOrThrow({ where: { id: c.candidateId } })).status).toBe("active");
    await sendScheduledEmails(world.env);
    const ask = world.env.resend.to(c.email).find((e) => e.subject.startsWith("Please confirm"));
    expect(ask?.text).toContain("someone.else@example.org");
    expect(ask?.text).toMatch(/\/confirm-command\/[A-Za-z0-9_.-]+/);
  });
});
