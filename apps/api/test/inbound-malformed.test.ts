import { MAX_REFLECTION_CHARS } from "@rebound/core";
import { MAX_RAW_BYTES } from "@rebound/inbound";
import { unique } from "@rebound/testkit";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import {
  acceptMime,
  createWorld,
  enrolWithSentEmail,
  expectConsistentInbound,
  expectError,
  inboundCounts,
  postMime,
  processStored,
  rawMail,
  type World,
} from "./support.js";

let world: World;

beforeAll(async () => {
  world = await createWorld();
});
afterAll(async () => world?.env.close());
// Whatever a case did, nothing may be left half-written.
afterEach(async () => {
  if (world) await expectConsistentInbound(world.env.ctx.db);
});

const db = () => world.env.ctx.db;

/** Posts, processes, and returns the outcome with the inbound row and the candidate's reflections. */
async function deliver(raw: string | Uint8Array, candidateId: string) {
  const id = await acceptMime(world.app, raw);
  const outcome = await processStored(world.env, id);
  const row = await db().inboundMessage.findUniqueOrThrow({ where: { id } });
  const reflections = await db().reflection.findMany({ where: { candidateId } });
  return { id, outcome, row, reflections };
}

describe("POST /inbound/mime refuses what is not a mail, and stores nothing", () => {
  const refusals: [string, () => string | Uint8Array, number, string][] = [
    ["an empty body", () => "", 400, "empty_message"],
    [
      "random binary bytes",
      () => Uint8Array.from({ length: 4096 }, (_, i) => (i * 7919 + 13) % 256),
      422,
      "not_a_message",
    ],
    ["NUL bytes", () => new Uint8Array(512), 422, "not_a_message"],
    ["whitespace only", () => "\r\n \r\n\t\r\n", 422, "not_a_message"],
    [
      "plain prose without a header block",
      () => "Hi, I just wanted to say the interview went fine.\r\n",
      422,
      "not_a_message",
    ],
    ["a JSON document", () => JSON.stringify({ from: "a@b.c", to: "d@e.f", text: "hi" }), 422, "not_a_message"],
    [
      "headers that name no sender, recipient or id",
      () => "X-Thing: 1\r\nSubject: hi\r\n\r\nbody\r\n",
      422,
      "not_a_message",
    ],
    [
      "a header block broken by a line that is no header",
      () => "From: sam@example.com\r\nthis line is not a header\r\nTo: start@reply.rebound.localhost\r\n\r\nhi\r\n",
      422,
      "not_a_message",
    ],
  ];
  for (const [name, body, status, code] of refusals) {
    it(`answers ${status} ${code} to ${name}`, async () => {
      const before = await inboundCounts(db());
      await expectError(await postMime(world.app, body()), status, code);
      expect(await inboundCounts(db())).toEqual(before);
    });
  }

  it("answers 413 to a message one byte over MAX_RAW_BYTES, before storing anything", async () => {
    const before = await inboundCounts(db());
    const head = rawMail({ to: "start@reply.rebound.localhost", body: "" });
    const raw = Buffer.alloc(MAX_RAW_BYTES + 1, "a");
    raw.write(head, 0, "latin1");
    const res = await postMime(world.app, raw);
    await expectError(res, 413, "payload_too_large");
    expect(await inboundCounts(db())).toEqual(before);
  });
});

describe("odd but genuine replies are processed without a crash", () => {
  it("stores the short reply of a ~9.5 MB message whose bulk is an attachment", async () => {
    const target = await enrolWithSentEmail(world);
    const photo = Buffer.alloc(7 * 1024 * 1024, 0x5a)
      .toString("base64")
      .replace(/.{76}/g, "$&\r\n");
    const raw = rawMail({
      to: target.replyTo,
      contentType: 'multipart/mixed; boundary="PHOTO"',
      body: [
        "--PHOTO",
        'Content-Type: text/plain; charset="utf-8"',
        "",
        "A photo of my notes is attached. I was nervous and forgot to ask questions.",
        "--PHOTO",
        'Content-Type: image/jpeg; name="notes.jpg"',
        "Content-Transfer-Encoding: base64",
        'Content-Disposition: attachment; filename="notes.jpg"',
        "",
        photo,
        "--PHOTO--",
        "",
      ].join("\r\n"),
    });
    expect(raw.length).toBeGreaterThan(9.4 * 1024 * 1024);
    expect(raw.length).toBeLessThan(MAX_RAW_BYTES);
    const { outcome, row, reflections } = await deliver(raw, target.candidateId);
    expect(outcome).toBe("reflection");
    expect(row.status).toBe("processed");
    expect(reflections.map((r) => r.text)).toEqual([
      "A photo of my notes is attached. I was nervous and forgot to ask questions.",
    ]);
    expect(reflections[0]?.themes).toContain("nonverbal");
  });

  it("stores a ~9.5 MB plain-text reply as one reflection, cut to MAX_REFLECTION_CHARS", async () => {
    const target = await enrolWithSentEmail(world);
    const line = "I prepared well but I rambled on the technical questions and my answers lacked structure.\n";
    const text = line.repeat(Math.ceil((9.5 * 1024 * 1024) / line.length));
    const { outcome, row, reflections } = await deliver(
      rawMail({ to: target.replyTo, body: text }),
      target.candidateId,
    );
    expect(outcome).toBe("reflection");
    expect(row.status).toBe("processed");
    expect(reflections).toHaveLength(1);
    const stored = reflections[0]?.text ?? "";
    expect(stored.length).toBeLessThanOrEqual(MAX_REFLECTION_CHARS);
    expect(stored.endsWith("[truncated]")).toBe(true);
    expect(stored.startsWith(line.trim())).toBe(true);
    expect(reflections[0]?.themes).toEqual(expect.arrayContaining(["communication", "structure"]));
  }, 40_000);

  it("stores a reply in an unknown charset", async () => {
    const target = await enrolWithSentEmail(world);
    const { outcome, reflections } = await deliver(
      rawMail({
        to: target.replyTo,
        contentType: "text/plain; charset=x-unknown",
        body: "I think my preparation was weak and I did not research the company.",
      }),
      target.candidateId,
    );
    expect(outcome).toBe("reflection");
    expect(reflections.map((r) => r.text)).toEqual([
      "I think my preparation was weak and I did not research the company.",
    ]);
    expect(reflections[0]?.themes).toContain("preparation");
  });

  it("stores a reply in an unknown charset that carries 8-bit bytes", async () => {
    const target = await enrolWithSentEmail(world);
    const raw = Buffer.from(
      rawMail({
        to: target.replyTo,
        contentType: "text/plain; charset=x-unknown",
        body: "Le recruteur \u00e9tait sympa but I was very nervous.",
      }),
      "latin1",
    );
    const { outcome, reflections } = await deliver(raw, target.candidateId);
    expect(outcome).toBe("reflection");
    expect(reflections).toHaveLength(1);
    expect(reflections[0]?.text).toMatch(/^Le recruteur .{1,2}tait sympa but I was very nervous\.$/);
  });

  it("salvages the text of a multipart message whose boundary never matches", async () => {
    const target = await enrolWithSentEmail(world);
    const { outcome, reflections } = await deliver(
      rawMail({
        to: target.replyTo,
        contentType: 'multipart/alternative; boundary="DECLARED"',
        body: [
          "--ACTUAL",
          'Content-Type: text/plain; charset="utf-8"',
          "",
          "My answers were too long and I rambled.",
          "--ACTUAL--",
          "",
        ].join("\r\n"),
      }),
      target.candidateId,
    );
    expect(outcome).toBe("reflection");
    expect(reflections.map((r) => r.text)).toEqual(["My answers were too long and I rambled."]);
  });

  it("handles a multipart message cut off in the middle of a part", async () => {
    const target = await enrolWithSentEmail(world);
    const { outcome, row, reflections } = await deliver(
      rawMail({
        to: target.replyTo,
        contentType: 'multipart/mixed; boundary="CUT"',
        body: [
          "--CUT",
          'Content-Type: text/plain; charset="utf-8"',
          "",
          "I froze on the system design question.",
          "--CUT",
          "Content-Type: application/pdf",
          "Content-Transfer-Encoding: base64",
          "",
          "JVBERi0xLjQKJcfs",
        ].join("\r\n"),
      }),
      target.candidateId,
    );
    expect(outcome).toBe("reflection");
    expect(row.status).toBe("processed");
    expect(reflections.map((r) => r.text)).toEqual(["I froze on the system design question."]);
  });

  it("accepts an mbox entry (a leading `From ` line), as relays hand them over", async () => {
    const target = await enrolWithSentEmail(world);
    const raw = `From sam@example.com Mon Mar  3 09:15:00 2025\r\n${rawMail({
      to: target.replyTo,
      body: "I should have practised with a friend first.",
    })}`;
    const { outcome, reflections } = await deliver(raw, target.candidateId);
    expect(outcome).toBe("reflection");
    expect(reflections.map((r) => r.text)).toEqual(["I should have practised with a friend first."]);
  });
});

describe("replies with nothing of the candidate's own", () => {
  const empties: [string, string][] = [
    [
      "only the quoted original",
      [
        "On Mon, 3 Mar 2025 at 09:00, Rebound <coach@rebound.test> wrote:",
        "> What were the high points of this interview?",
        ">",
        "> Reply to this email.",
      ].join("\n"),
    ],
    ["only a mobile signature", "\nSent from my iPhone\n"],
    ["an empty body", ""],
  ];
  for (const [name, body] of empties) {
    it(`ignores a reply holding ${name}: no reflection`, async () => {
      const target = await enrolWithSentEmail(world);
      const { outcome, row, reflections } = await deliver(rawMail({ to: target.replyTo, body }), target.candidateId);
      expect(outcome).toBe("ignored");
      expect(row.status).toBe("ignored");
      expect(row.result).toBe("empty reply");
      expect(row.programId).toBe(world.programId);
      expect(reflections).toEqual([]);
    });
  }
});

describe("the same message twice", () => {
  it("answers the second post of a Message-ID with duplicate and keeps one row and one reflection", async () => {
    const target = await enrolWithSentEmail(world);
    const messageId = `${unique("dup")}@mail.example.com`;
    const raw = rawMail({ to: target.replyTo, messageId, body: "I need more STAR examples ready." });
    const first = await postMime(world.app, raw);
    expect(first.status).toBe(202);
    const a = (await first.json()) as { id: string; status: string };
    expect(a.status).toBe("queued");
    expect(await processStored(world.env, a.id)).toBe("reflection");

    // A relay retrying, with the Message-ID in another case and the body re-wrapped.
    const again = rawMail({
      to: target.replyTo,
      messageId: messageId.toUpperCase(),
      body: "I need more STAR\nexamples ready.",
    });
    for (const body of [raw, again]) {
      const res = await postMime(world.app, body);
      expect(res.status).toBe(202);
      expect(await res.json()).toEqual({ id: a.id, status: "duplicate" });
    }
    expect(await processStored(world.env, a.id)).toBe("duplicate");
    expect(await db().inboundMessage.count({ where: { sourceKey: `mime:${messageId.toLowerCase()}` } })).toBe(1);
    const reflections = await db().reflection.findMany({ where: { candidateId: target.candidateId } });
    expect(reflections.map((r) => r.text)).toEqual(["I need more STAR examples ready."]);
  });

  it("keys a message without a Message-ID on its content", async () => {
    const target = await enrolWithSentEmail(world);
    const raw = rawMail({ to: target.replyTo, body: "No message id on this one." }).replace(/^Message-ID:.*\r\n/m, "");
    const first = (await (await postMime(world.app, raw)).json()) as { id: string; status: string };
    const second = (await (await postMime(world.app, raw)).json()) as { id: string; status: string };
    expect(first.status).toBe("queued");
    expect(second).toEqual({ id: first.id, status: "duplicate" });
    const row = await db().inboundMessage.findUniqueOrThrow({ where: { id: first.id } });
    expect(row.sourceKey).toMatch(/^mime:sha256:[0-9a-f]{64}$/);
    expect(await processStored(world.env, first.id)).toBe("reflection");
  });
});
