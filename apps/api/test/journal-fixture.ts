import { acceptInboundMime, type InboundDeps, processInbound } from "@rebound/core";
import { offlineAnalyser, signReplyToken } from "@rebound/domain";
import { unique, type World } from "@rebound/testkit";

/**
 * A candidate with three interviews, weeks apart, each answered as people answer: high points,
 * a look back (one of them in two replies), feedback. Used by the log tests and the screenshots.
 */

const deps: InboundDeps = {
  analyser: offlineAnalyser,
  fetchReceived: () => Promise.reject(new Error("the MIME path does not fetch")),
};

const DAY = 86_400_000;

export const JOURNAL = [
  {
    company: "Initech",
    role: "Data Engineer",
    daysAgo: 42,
    replies: [
      ["process", "The take-home review went really well and the team lead liked how I explained my pipeline design."],
      [
        "analyse",
        "I hadn't researched their product properly, so when they asked why Initech I had nothing specific to say. " +
          "I was nervous and rambled on the first question. They wanted Kubernetes experience and I've only used Docker.",
      ],
      ["analyse", "Also my CV still listed an old project first, which didn't match the role at all."],
    ],
  },
  {
    company: "Globex",
    role: "Analytics Engineer",
    daysAgo: 21,
    replies: [
      ["process", "I stayed calm this time and my STAR story about the warehouse migration landed well."],
      [
        "analyse",
        "Again I didn't know enough about the company, I only skimmed their website the night before. " +
          "They asked how many petrol stations there are in the UK and I froze.",
      ],
      ["feedback", "They said another candidate had more dbt experience, but they liked my communication."],
    ],
  },
  {
    company: "Umbrella",
    role: "Senior Data Engineer",
    daysAgo: 6,
    replies: [
      [
        "process",
        "Best interview so far: I researched them for two evenings and it showed. They liked my questions about their data platform.",
      ],
      [
        "analyse",
        "Preparation was much better this time. The weak spot was a question about leading a team, I don't have that experience yet.",
      ],
    ],
  },
] as const;

async function sentMessage(world: World, enrollmentId: string, step: string, email: string, sentAt: Date) {
  const db = world.ctx.db;
  const sent = { status: "sent" as const, sentAt, toEmail: email, providerId: unique("prov") };
  // The enrolment's first email (`process`) exists already; later steps are written as if the drip had sent them.
  const existing = await db.message.findFirst({ where: { enrollmentId, step } });
  if (existing) return db.message.update({ where: { id: existing.id }, data: sent });
  const e = await db.enrollment.findUniqueOrThrow({ where: { id: enrollmentId } });
  return db.message.create({
    data: {
      programId: e.programId,
      candidateId: e.candidateId,
      enrollmentId,
      interviewId: e.interviewId,
      step,
      idempotencyKey: unique("fixture"),
      ...sent,
    },
  });
}

async function reply(world: World, token: string, from: string, body: string) {
  const raw = [
    `From: <${from}>`,
    `To: <reply+${token}@${world.env.config.INBOUND_DOMAIN}>`,
    `Message-ID: <${unique("r")}@example.com>`,
    "Subject: Re: your interview",
    'Content-Type: text/plain; charset="utf-8"',
    "",
    body,
    "",
  ].join("\r\n");
  const { id } = await acceptInboundMime(world.ctx, Buffer.from(raw));
  const outcome = await processInbound(world.ctx, deps, id);
  if (outcome !== "reflection") throw new Error(`fixture reply was not stored: ${outcome}`);
}

/** Builds the three-interview journal for a new candidate; returns their id and address. */
export async function threeInterviewJournal(
  world: World,
  name: string | undefined = "Maya Okafor",
  rewrite: (text: string) => string = (t) => t,
) {
  const email = `${unique("journal")}@example.com`;
  const now = Date.now();
  let candidateId = "";
  const interviewIds: string[] = [];
  for (const item of JOURNAL) {
    const enrolled = await world.createCandidate({
      email,
      ...(name ? { name } : {}),
      company: item.company,
      role: item.role,
      outcome: "rejected",
    });
    candidateId = enrolled.candidateId;
    interviewIds.push(enrolled.interviewId);
    const at = new Date(now - item.daysAgo * DAY);
    for (const [i, [step, text]] of item.replies.entries()) {
      const sentAt = new Date(at.getTime() + (i + 1) * DAY);
      const m = await sentMessage(world, enrolled.enrollmentId, step, email, sentAt);
      await reply(world, signReplyToken(m.id, world.env.config.APP_SECRET, new Date()), email, rewrite(text));
    }
    await world.ctx.db.interview.update({
      where: { id: enrolled.interviewId },
      data: { createdAt: at, interviewedAt: at },
    });
    const rows = await world.ctx.db.reflection.findMany({
      where: { interviewId: enrolled.interviewId },
      orderBy: { receivedAt: "asc" },
    });
    for (const [i, r] of rows.entries()) {
      await world.ctx.db.reflection.update({
        where: { id: r.id },
        data: { receivedAt: new Date(at.getTime() + (i + 1) * DAY + i * 3_600_000) },
      });
    }
  }
  return { candidateId, email, interviewIds };
}
