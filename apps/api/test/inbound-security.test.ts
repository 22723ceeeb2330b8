import { createLogger } from "@rebound/core";
import { signReplyToken } from "@rebound/domain";
import { createTestProgram, TEST_MIME_SECRET, TEST_WEBHOOK_SECRET, unique } from "@rebound/testkit";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  acceptMime,
  createWorld,
  enrolWithSentEmail,
  expectConsistentInbound,
  expectError,
  inboundCounts,
  postMime,
  postSignedEvent,
  postWebhook,
  processStored,
  rawMail,
  replyAddress,
  resendEvent,
  svixHeaders,
  svixId,
  type World,
} from "./support.js";

let world: World;
const logLines: string[] = [];

beforeAll(async () => {
  world = await createWorld();
  // Capture every log line, so the tests can check what a refusal writes to the logs.
  world.env.ctx.log = createLogger("debug", (line) => logLines.push(line));
});
afterAll(async () => world?.env.close());

const db = () => world.env.ctx.db;
const MINUTE = 60_000;

describe("POST /webhooks/resend refuses what it cannot verify", () => {
  const event = () => JSON.stringify(resendEvent("email.received", unique("email").replace(/-/g, "_")));

  const refusals: [string, () => { body: string; headers: Record<string, string> }][] = [
    ["no svix headers at all", () => ({ body: event(), headers: {} })],
    [
      "a missing signature",
      () => {
        const body = event();
        const { "svix-signature": _dropped, ...headers } = svixHeaders(body);
        return { body, headers };
      },
    ],
    [
      "a signature that is not one",
      () => {
        const body = event();
        return {
          body,
          headers: { ...svixHeaders(body), "svix-signature": `v1,${Buffer.alloc(32, 1).toString("base64")}` },
        };
      },
    ],
    [
      "a signature made with another secret",
      () => {
        const body = event();
        const other = `whsec_${Buffer.from("some-other-webhook-secret-000000").toString("base64")}`;
        return { body, headers: svixHeaders(body, { secret: other }) };
      },
    ],
    [
      "a body changed after signing",
      () => {
        const body = event();
        const headers = svixHeaders(body);
        return { body: body.replace('"email.received"', '"email.bounced"'), headers };
      },
    ],
    [
      "a signature moved to another svix-id",
      () => {
        const body = event();
        return { body, headers: { ...svixHeaders(body), "svix-id": svixId() } };
      },
    ],
    [
      "a timestamp six minutes old",
      () => {
        const body = event();
        return { body, headers: svixHeaders(body, { at: new Date(Date.now() - 6 * MINUTE) }) };
      },
    ],
    [
      "a timestamp six minutes in the future",
      () => {
        const body = event();
        return { body, headers: svixHeaders(body, { at: new Date(Date.now() + 6 * MINUTE) }) };
      },
    ],
    [
      "a timestamp that is not a number",
      () => {
        const body = event();
        return { body, headers: { ...svixHeaders(body), "svix-timestamp": "yesterday" } };
      },
    ],
  ];

  for (const [name, build] of refusals) {
    it(`answers 401 to ${name} and stores nothing`, async () => {
      const before = await inboundCounts(db());
      const { body, headers } = build();
      const res = await postWebhook(world.app, body, headers);
      const json = await expectError(res, 401, "invalid_signature");
      expect(json.error.message).not.toContain(headers["svix-signature"] ?? "no-signature-sent");
      expect(await inboundCounts(db())).toEqual(before);
    });
  }

  it("accepts a signature within the five-minute tolerance", async () => {
    const emailId = unique("email").replace(/-/g, "_");
    const res = await postSignedEvent(world.app, resendEvent("email.received", emailId), {
      at: new Date(Date.now() - 4 * MINUTE),
    });
    expect(res.status).toBe(202);
    expect(await db().inboundMessage.count({ where: { sourceKey: `resend:${emailId}` } })).toBe(1);
  });

  const nonEvents: [string, string][] = [
    ["a JSON object that is no Resend event", JSON.stringify({ hello: "world" })],
    ["an event without an email id", JSON.stringify({ type: "email.delivered", data: {} })],
    ["an event type outside email.*", JSON.stringify({ type: "domain.created", data: { email_id: "abc" } })],
    ["an email id with unsafe characters", JSON.stringify({ type: "email.delivered", data: { email_id: "../x?y" } })],
    ["bytes that are not JSON", "this is not json {"],
  ];
  for (const [name, body] of nonEvents) {
    it(`answers 400 to a correctly signed body holding ${name}, storing nothing`, async () => {
      const before = await inboundCounts(db());
      const res = await postWebhook(world.app, body, svixHeaders(body));
      await expectError(res, 400, "invalid_body");
      expect(await inboundCounts(db())).toEqual(before);
    });
  }

  it("answers a replayed svix-id with 200 duplicate and stores nothing new", async () => {
    const id = svixId();
    const emailId = unique("email").replace(/-/g, "_");
    const event = resendEvent("email.received", emailId);
    const first = await postSignedEvent(world.app, event, { id });
    expect(first.status).toBe(202);
    const firstJson = (await first.json()) as { status: string; id: string };
    expect(firstJson.status).toBe("queued");
    const afterFirst = await inboundCounts(db());
    const jobsAfterFirst = await world.env.ctx.queues.inbound.getJobCounts();

    // Resend re-delivers the same message (same svix-id), signed again a moment later.
    const replay = await postSignedEvent(world.app, event, { id, at: new Date(Date.now() + 1000) });
    expect(replay.status).toBe(200);
    expect(await replay.json()).toEqual({ status: "duplicate" });
    expect(await inboundCounts(db())).toEqual(afterFirst);
    expect(await db().emailEvent.count({ where: { providerEventId: id } })).toBe(1);
    expect(await db().inboundMessage.count({ where: { sourceKey: `resend:${emailId}` } })).toBe(1);
    expect(await world.env.ctx.queues.inbound.getJobCounts()).toEqual(jobsAfterFirst);
  });

  it("stores one inbound message when Resend sends the same email under two svix-ids", async () => {
    const emailId = unique("email").replace(/-/g, "_");
    const first = await postSignedEvent(world.app, resendEvent("email.received", emailId));
    const second = await postSignedEvent(world.app, resendEvent("email.received", emailId));
    const a = (await first.json()) as { status: string; id: string };
    const b = (await second.json()) as { status: string; id: string };
    expect([a.status, b.status]).toEqual(["queued", "duplicate"]);
    expect(b.id).toBe(a.id);
    expect(await db().inboundMessage.count({ where: { sourceKey: `resend:${emailId}` } })).toBe(1);
  });
});

describe("POST /inbound/mime requires the inbound secret", () => {
  const mail = () => rawMail({ to: "reply+abc@reply.rebound.localhost", body: "I was well prepared but nervous." });
  const wrong: [string, string | null][] = [
    ["no Authorization header", null],
    ["an empty bearer", "Bearer "],
    ["a wrong secret", "Bearer not-the-inbound-secret"],
    ["the secret with one character changed", `Bearer ${TEST_MIME_SECRET.slice(0, -1)}X`],
    ["a prefix of the secret", `Bearer ${TEST_MIME_SECRET.slice(0, 10)}`],
    ["the secret without the Bearer scheme", TEST_MIME_SECRET],
    ["the webhook secret", `Bearer ${TEST_WEBHOOK_SECRET}`],
  ];
  for (const [name, authorization] of wrong) {
    it(`answers 401 to ${name} and stores nothing`, async () => {
      const before = await inboundCounts(db());
      await expectError(await postMime(world.app, mail(), authorization), 401, "unauthorized");
      expect(await inboundCounts(db())).toEqual(before);
    });
  }
});

describe("replies with a token that does not verify", () => {
  async function replyWith(token: string) {
    const id = await acceptMime(
      world.app,
      rawMail({ to: replyAddress(token), body: "My preparation was thin and I rambled when nervous." }),
    );
    const outcome = await processStored(world.env, id);
    return { id, outcome, row: await db().inboundMessage.findUniqueOrThrow({ where: { id } }) };
  }

  const DAY = 86_400_000;
  const cases: [string, (messageId: string, good: string) => string, string][] = [
    [
      "a forged MAC (right shape, wrong signature)",
      (_id, good) => `${good.slice(0, -1)}${good.endsWith("a") ? "b" : "a"}`,
      "token bad-signature",
    ],
    [
      "an expired token (issued 400 days ago)",
      (id) => signReplyToken(id, world.env.config.APP_SECRET, new Date(Date.now() - 400 * DAY)),
      "token expired",
    ],
    [
      "a token signed with another secret",
      (id) => signReplyToken(id, "another-app-secret-0123456789abcdef0123"),
      "token bad-signature",
    ],
    [
      "a well-signed token naming no message",
      () => signReplyToken("0b7c4b8e-9d2f-4c1a-8e3b-5f6a7d8c9e0f", world.env.config.APP_SECRET),
      "token names no live message",
    ],
  ];

  for (const [name, forge, result] of cases) {
    it(`drops ${name}: no reflection, and neither the logs nor the row keep the token`, async () => {
      const target = await enrolWithSentEmail(world);
      const token = forge(target.messageId, target.token);
      expect(token).not.toBe(target.token);
      logLines.length = 0;
      const before = await db().reflection.count();
      const { outcome, row } = await replyWith(token);

      expect(outcome).toBe("dropped");
      expect(row.status).toBe("dropped");
      expect(row.result).toBe(result);
      expect(row.programId).toBeNull();
      expect(row.raw).toBeNull();
      expect(await db().reflection.count()).toBe(before);
      expect(await db().reflection.count({ where: { candidateId: target.candidateId } })).toBe(0);
      const candidate = await db().candidate.findUniqueOrThrow({ where: { id: target.candidateId } });
      expect(candidate.status).toBe("active");

      const warnings = logLines.filter((l) => l.includes('"level":"warn"') && l.includes("inbound reply dropped"));
      expect(warnings).toHaveLength(1);
      expect(warnings[0]).toContain(row.id);
      for (const line of logLines) {
        expect(line).not.toContain(token);
        expect(line).not.toContain(token.slice(-20));
      }
      expect(JSON.stringify(row)).not.toContain(token.slice(-20));
    });
  }

  it("drops a reply whose token belongs to an erased candidate", async () => {
    const target = await enrolWithSentEmail(world);
    const erased = await world.app.request(`/v1/candidates/${target.candidateId}`, {
      method: "DELETE",
      headers: { authorization: `Bearer ${world.apiKey}` },
    });
    expect(erased.status).toBeLessThan(300);
    const { outcome, row } = await replyWith(target.token);
    expect(outcome).toBe("dropped");
    expect(row.result).toBe("candidate erased");
    expect(row.raw).toBeNull();
    expect(await db().reflection.count({ where: { candidateId: target.candidateId } })).toBe(0);
  });

  it("stores the reply of a genuine token (the control case)", async () => {
    const target = await enrolWithSentEmail(world);
    const { outcome, row } = await replyWith(target.token);
    expect(outcome).toBe("reflection");
    expect(row.status).toBe("processed");
    const reflections = await db().reflection.findMany({ where: { candidateId: target.candidateId } });
    expect(reflections.map((r) => r.text)).toEqual(["My preparation was thin and I rambled when nervous."]);
    await expectConsistentInbound(db());
  });
});

describe("program isolation", () => {
  it("files a reply under the program of its token, and another program's key cannot read it", async () => {
    const other = await createTestProgram(world.env.ctx);
    const mine = await enrolWithSentEmail(world, { company: "Initech" });
    const theirs = await enrolWithSentEmail(world, { company: "Globex", email: mine.email }, other.apiKey);
    expect(theirs.candidateId).not.toBe(mine.candidateId);

    const id = await acceptMime(
      world.app,
      rawMail({ to: replyAddress(mine.token), body: "I did not research Initech well enough." }),
    );
    expect(await processStored(world.env, id)).toBe("reflection");

    const row = await db().inboundMessage.findUniqueOrThrow({ where: { id } });
    expect(row.programId).toBe(world.programId);
    const stored = await db().reflection.findMany({ where: { sourceKey: row.sourceKey } });
    expect(stored.map((r) => [r.programId, r.candidateId, r.messageId])).toEqual([
      [world.programId, mine.candidateId, mine.messageId],
    ]);
    expect(await db().reflection.count({ where: { candidateId: theirs.candidateId } })).toBe(0);

    const get = (candidateId: string, key: string) =>
      world.app.request(`/v1/candidates/${candidateId}/reflections`, { headers: { authorization: `Bearer ${key}` } });
    const own = await get(mine.candidateId, world.apiKey);
    expect(own.status).toBe(200);
    const body = (await own.json()) as { reflections: { text: string; messageId: string; step: string }[] };
    expect(body.reflections).toEqual([
      expect.objectContaining({
        text: "I did not research Initech well enough.",
        messageId: mine.messageId,
        step: "process",
      }),
    ]);
    const peek = await get(mine.candidateId, other.apiKey);
    const err = await expectError(peek, 404, "not_found");
    expect(JSON.stringify(err)).not.toContain("Initech");
    await expectError(await get(mine.candidateId, "rb_live_not_a_key"), 401, "unauthorized");
  });
});
