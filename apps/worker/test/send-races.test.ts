/**
 * Candidate controls racing the workers. Erasure: an email already in flight may
 * still go out, but nothing personal is stored after the erasure (not the sent
 * email's subject, not a reply being processed), and a send not yet claimed does
 * not happen. Pause: a track paused mid-send keeps its next step.
 */
import {
  acceptInboundMime,
  type InboundDeps,
  eraseCandidate,
  enrolInterview,
  pauseCandidate,
  processInbound,
  processInboundBatch,
  reconcile,
  markSent,
  resumeCandidate,
  scheduleAnalysisRows,
  sendDueDrips,
  sendEmailMessage,
  sendQueuedEmail,
  TemplateCache,
} from "@rebound/core";
import { keywordAnalyser } from "@rebound/domain";
import {
  createTestEnv,
  createTestProgram,
  eventually,
  markFirstEmailSent,
  type TestEnv,
  unique,
} from "@rebound/testkit";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";

let env: TestEnv;
let programId: string;
const templates = new TemplateCache();

beforeAll(async () => {
  env = await createTestEnv();
  ({ programId } = await createTestProgram(env.ctx));
});
afterAll(async () => env?.close());
afterEach(() => {
  env.resend.sendDelayMs = 0;
});

async function enrolled(company: string) {
  const email = `${unique("race")}@example.com`;
  const e = await enrolInterview(env.ctx, programId, { email, name: "Rae Race", company, outcome: "rejected" });
  const message = await env.ctx.db.message.findFirstOrThrow({ where: { enrollmentId: e.enrollmentId } });
  await env.ctx.db.message.update({ where: { id: message.id }, data: { dueAt: new Date(Date.now() - 1000) } });
  return { ...e, email, messageId: message.id };
}

const messageOf = (id: string) => env.ctx.db.message.findUniqueOrThrow({ where: { id } });

/** Sends the candidate's first email slowly and runs `action` while the provider holds it. */
async function whileFirstEmailInFlight(c: Awaited<ReturnType<typeof enrolled>>, action: () => Promise<unknown>) {
  env.resend.sendDelayMs = 800;
  const sending = sendDueDrips(env.ctx, templates, [
    { enrollmentId: c.enrollmentId, step: "process", messageId: c.messageId },
  ]);
  await eventually(async () => (await messageOf(c.messageId)).status === "sending");
  await action();
  await sending;
}

/**
 * Runs `work` while an erasure of the candidate has changed its row but not
 * committed, and commits only once `work` is seen waiting on that row's lock.
 */
async function duringUncommittedErasure<T>(candidateId: string, work: () => Promise<T>): Promise<T> {
  let commit = () => {};
  const held = new Promise<void>((r) => {
    commit = r;
  });
  const erasing = env.ctx.db.$transaction(async (tx) => {
    await tx.candidate.update({ where: { id: candidateId }, data: { status: "erased", email: null } });
    await tx.message.updateMany({ where: { candidateId }, data: { subject: null, toEmail: null } });
    await held;
  });
  await eventually(async () => {
    const [row] = await env.ctx.db.$queryRaw<{ n: bigint }[]>`
      SELECT count(*) AS n FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid
      WHERE a.datname = current_database() AND a.state = 'idle in transaction' AND l.locktype = 'transactionid'`;
    return Number(row?.n ?? 0) > 0;
  });
  const running = work();
  await eventually(async () => {
    const [row] = await env.ctx.db.$queryRaw<{ n: bigint }[]>`
      SELECT count(*) AS n FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid
      WHERE a.datname = current_database() AND NOT l.granted`;
    return Number(row?.n ?? 0) > 0;
  });
  commit();
  await erasing;
  return running;
}

describe("erasure while an email is being sent", () => {
  it("a drip email in flight is recorded without subject or address once the candidate is erased", async () => {
    const c = await enrolled("Umbrella Corp");
    await whileFirstEmailInFlight(c, () => eraseCandidate(env.ctx, c.candidateId, "test"));

    const row = await messageOf(c.messageId);
    expect(row.status).toBe("sent"); // it did go out: the provider had it before the erasure
    expect(row.subject).toBeNull();
    expect(row.toEmail).toBeNull();
    const stored = JSON.stringify(await env.ctx.db.message.findMany({ where: { candidateId: c.candidateId } }));
    expect(stored).not.toContain("Umbrella");
    expect(stored).not.toContain(c.email);
    // …and the track does not go on: no further step was scheduled for an erased candidate.
    const enrollment = await env.ctx.db.enrollment.findUniqueOrThrow({ where: { id: c.enrollmentId } });
    expect(enrollment).toMatchObject({ status: "stopped", stopReason: "erased", nextDueAt: null });
    expect(await env.ctx.db.message.count({ where: { candidateId: c.candidateId, status: "scheduled" } })).toBe(0);
  });

  it("an analysis email in flight is recorded without subject or address once the candidate is erased", async () => {
    const c = await enrolled("Cyberdyne");
    const reflection = await env.ctx.db.reflection.create({
      data: {
        programId,
        candidateId: c.candidateId,
        interviewId: c.interviewId,
        messageId: c.messageId,
        step: "process",
        prompt: "How did it go?",
        text: "I was nervous and rambled about the system design question.",
        sourceKey: unique("src"),
      },
    });
    void reflection;
    const [scheduled] = await scheduleAnalysisRows(
      env.ctx.db,
      [{ programId, candidateId: c.candidateId, interviewId: c.interviewId }],
      new Date(),
    );
    env.resend.sendDelayMs = 800;
    const sending = sendQueuedEmail(env.ctx, scheduled?.id ?? "");
    const key = `analysis-${c.interviewId}`;
    await eventually(
      async () => (await env.ctx.db.message.findUnique({ where: { idempotencyKey: key } }))?.status === "sending",
    );
    await eraseCandidate(env.ctx, c.candidateId, "test");
    expect(await sending).toBe("sent");

    const row = await env.ctx.db.message.findUniqueOrThrow({ where: { idempotencyKey: key } });
    expect(row).toMatchObject({ status: "sent", subject: null, toEmail: null });
  });

  it("an email not yet claimed when the erasure commits is not sent at all", async () => {
    const c = await enrolled("Tyrell");
    // The sender loaded the candidate and built the email, then the erasure committed.
    const row = await env.ctx.db.message.create({
      data: {
        programId,
        candidateId: c.candidateId,
        interviewId: c.interviewId,
        kind: "analysis",
        step: "analysis",
        status: "scheduled",
        idempotencyKey: `analysis-${c.interviewId}`,
        dueAt: new Date(),
      },
    });
    await eraseCandidate(env.ctx, c.candidateId, "test");
    const before = env.resend.emails.length;
    const result = await sendEmailMessage(env.ctx, row.id, async () => ({
      key: row.idempotencyKey,
      from: env.config.MAIL_FROM,
      to: c.email,
      subject: "Your interview at Tyrell",
      html: "<p>hello</p>",
      text: "hello",
      headers: {},
      tags: [],
    }));
    expect(result).toBe("skipped");
    expect(env.resend.emails.length).toBe(before);
    expect((await messageOf(row.id)).status).toBe("cancelled");

    // Its scheduled drip email was cancelled by the erasure: the drip sender finds nothing to send.
    await sendDueDrips(env.ctx, templates, [{ enrollmentId: c.enrollmentId, step: "process", messageId: c.messageId }]);
    expect(env.resend.emails.length).toBe(before);
    expect((await messageOf(c.messageId)).status).toBe("cancelled");
  });

  it("a crashed batch retried after the erasure skips the erased candidate and still sends the others", async () => {
    const gone = await enrolled("Initech");
    const kept = await enrolled("Globex");
    const batchKey = unique("crashed");
    // A first attempt claimed both and died before recording anything.
    await env.ctx.db.message.updateMany({
      where: { id: { in: [gone.messageId, kept.messageId] } },
      data: { status: "sending", batchKey },
    });
    await eraseCandidate(env.ctx, gone.candidateId, "test");
    await sendDueDrips(env.ctx, templates, [
      { enrollmentId: gone.enrollmentId, step: "process", messageId: gone.messageId },
      { enrollmentId: kept.enrollmentId, step: "process", messageId: kept.messageId },
    ]);
    expect((await messageOf(gone.messageId)).status).toBe("cancelled");
    expect(await messageOf(kept.messageId)).toMatchObject({ status: "sent", toEmail: kept.email });
    expect(env.resend.to(kept.email)).toHaveLength(1);
    expect(env.resend.emails.some((e) => JSON.stringify(e).includes("Initech"))).toBe(false);
  });

  it("an erasure still uncommitted when the send is recorded is waited for, not overwritten", async () => {
    const c = await enrolled("Soylent");
    const batchKey = unique("inflight");
    await env.ctx.db.message.update({ where: { id: c.messageId }, data: { status: "sending", batchKey } });
    await duringUncommittedErasure(c.candidateId, () =>
      markSent(
        env.ctx.db,
        batchKey,
        [{ id: c.messageId, providerId: "p-1", subject: "About Soylent", to: c.email }],
        new Date(),
      ),
    );
    expect(await messageOf(c.messageId)).toMatchObject({ status: "sent", subject: null, toEmail: null });
  });
});

describe("erasure while a reply is being processed", () => {
  const deps: InboundDeps = {
    analyser: keywordAnalyser,
    fetchReceived: () => Promise.reject(new Error("not used")),
  };
  const replyFrom = async (company: string) => {
    const c = await enrolled(company);
    const { token } = await markFirstEmailSent(env, c.enrollmentId, c.email);
    const raw = [
      `From: <${c.email}>`,
      `To: <reply+${token}@${env.config.INBOUND_DOMAIN}>`,
      `Message-ID: <${unique("m")}@example.com>`,
      "Subject: Re: your interview",
      "",
      "I was nervous and my answers about the billing migration rambled on.",
      "",
    ].join("\r\n");
    const { id } = await acceptInboundMime(env.ctx, Buffer.from(raw));
    return { ...c, inboundId: id };
  };

  for (const path of ["single", "batched"] as const) {
    it(`a ${path} reply whose candidate is erased meanwhile is dropped, and its text never stored`, async () => {
      const c = await replyFrom(`Wonka ${path}`);
      await duringUncommittedErasure(c.candidateId, async () => {
        if (path === "single") await processInbound(env.ctx, deps, c.inboundId);
        else await processInboundBatch(env.ctx, deps, [c.inboundId]);
      });
      expect(await env.ctx.db.reflection.count({ where: { candidateId: c.candidateId } })).toBe(0);
      const inbound = await env.ctx.db.inboundMessage.findUniqueOrThrow({ where: { id: c.inboundId } });
      expect(inbound).toMatchObject({ status: "dropped", result: "candidate erased", raw: null });
    });
  }
});

describe("pause while an email is being sent", () => {
  it("a pause landing between the hand-over and the move to the next step keeps the track going", async () => {
    const c = await enrolled("Hooli");
    await whileFirstEmailInFlight(c, () => pauseCandidate(env.ctx, c.candidateId, null, "test"));

    expect((await messageOf(c.messageId)).status).toBe("sent");
    const next = await env.ctx.db.message.findFirst({ where: { enrollmentId: c.enrollmentId, step: "feedback" } });
    expect(next?.status).toBe("scheduled"); // waiting, unclaimed while paused
    await resumeCandidate(env.ctx, c.candidateId, "test");
    const enrollment = await env.ctx.db.enrollment.findUniqueOrThrow({ where: { id: c.enrollmentId } });
    expect(enrollment).toMatchObject({ status: "active", nextStep: 1 });
  });

  it("the reconciler moves on an enrolment whose sender died between hand-over and moving on", async () => {
    const c = await enrolled("Pied Piper");
    // Sent a minute ago, then the worker died and its job went with Redis.
    await env.ctx.db.message.update({
      where: { id: c.messageId },
      data: { status: "sent", sentAt: new Date(Date.now() - 60_000), subject: "s", toEmail: c.email },
    });
    await reconcile(env.ctx, 1000);
    const next = await env.ctx.db.message.findFirst({ where: { enrollmentId: c.enrollmentId, step: "feedback" } });
    expect(next?.status).toBe("scheduled");
    expect(await env.ctx.db.enrollment.findUniqueOrThrow({ where: { id: c.enrollmentId } })).toMatchObject({
      status: "active",
      nextStep: 1,
    });
    // A second pass changes nothing.
    await reconcile(env.ctx, 1000);
    expect(await env.ctx.db.message.count({ where: { enrollmentId: c.enrollmentId } })).toBe(2);
  });
});
