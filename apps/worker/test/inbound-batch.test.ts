import { eventually, type TestEnv, unique } from "@rebound/testkit";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { candidateWithSentEmail, postMime, startWorkerWorld, type WorkerWorld } from "./support.js";

let world: WorkerWorld;
let env: TestEnv;
let app: WorkerWorld["app"];
let programId: string;

beforeAll(async () => {
  // A long linger so the burst below lands in shared batches.
  world = await startWorkerWorld({}, { batchLingerMs: 300 });
  ({ env, app, programId } = world);
});
afterAll(async () => world?.close());

const mail = (to: string, body: string, extra: string[] = [], from = "someone@example.com") =>
  [
    `From: Candidate <${from}>`,
    `To: <reply+${to}@reply.rebound.localhost>`,
    "Subject: Re: your interview",
    `Message-ID: <${unique("burst")}@example.com>`,
    ...extra,
    'Content-Type: text/plain; charset="utf-8"',
    "",
    body,
    "",
  ].join("\r\n");

describe("inbound replies processed in batches", () => {
  it("a mixed burst keeps every reply's own outcome and the order of replies to one prompt", async () => {
    const talker = await candidateWithSentEmail(env, programId);
    const quitter = await candidateWithSentEmail(env, programId);
    const away = await candidateWithSentEmail(env, programId);
    const forged = `${talker.token.slice(0, -4)}zzzz`;
    const burst = [
      ...Array.from({ length: 12 }, (_, i) =>
        mail(talker.token, `Reply number ${i + 1}: I rambled a bit on question ${i + 1}.`),
      ),
      mail(quitter.token, "STOP", [], quitter.email),
      mail(away.token, "I am out of the office until Monday.", ["Auto-Submitted: auto-replied"]),
      mail(forged, "This should never be stored."),
    ];
    // Sent one after the other (arrival order), answered fast, processed together.
    const ids: string[] = [];
    for (const raw of burst) ids.push(((await (await postMime(app, raw)).json()) as { id: string }).id);
    const rows = await eventually(async () => {
      const r = await env.ctx.db.inboundMessage.findMany({ where: { id: { in: ids } } });
      return r.every((x) => x.status !== "queued") ? r : undefined;
    });
    const byId = new Map(rows.map((r) => [r.id, r]));
    // The talker wrote from another address: kept (people reply from a second account), but marked.
    expect(ids.slice(0, 12).map((id) => byId.get(id)?.result)).toEqual(Array(12).fill("reflection"));
    expect(byId.get(ids[12] ?? "")?.result).toBe("command stop");
    expect(byId.get(ids[13] ?? "")?.status).toBe("ignored");
    expect(byId.get(ids[14] ?? "")?.status).toBe("dropped");

    const reflections = await env.ctx.db.reflection.findMany({
      where: { candidateId: talker.candidateId },
      orderBy: { receivedAt: "asc" },
    });
    expect(reflections.map((r) => r.text)).toEqual(
      Array.from({ length: 12 }, (_, i) => `Reply number ${i + 1}: I rambled a bit on question ${i + 1}.`),
    );
    expect(reflections.every((r) => r.themes.includes("communication"))).toBe(true);
    expect(reflections.every((r) => r.fromOther)).toBe(true);
    expect((await env.ctx.db.candidate.findUniqueOrThrow({ where: { id: quitter.candidateId } })).status).toBe(
      "unsubscribed",
    );
    expect(
      await env.ctx.db.reflection.count({ where: { candidateId: { in: [quitter.candidateId, away.candidateId] } } }),
    ).toBe(0);
    expect(rows.every((r) => r.raw === null)).toBe(true);
  });
});
