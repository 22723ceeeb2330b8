import { Prisma } from "@rebound/db";
import type { AppContext } from "./context.js";

type Ctx = Pick<AppContext, "db" | "clock" | "log">;

/** Months back from `now`, on the calendar (the 31st of a short month lands on its last day). */
export function monthsBefore(now: Date, months: number): Date {
  const d = new Date(now);
  const day = d.getUTCDate();
  d.setUTCDate(1);
  d.setUTCMonth(d.getUTCMonth() - months);
  const last = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 0)).getUTCDate();
  d.setUTCDate(Math.min(day, last));
  return d;
}

/**
 * Per-program retention (Program.retentionMonths; unset keeps everything): what a candidate wrote
 * and the mail itself go once older than that: reflection texts and their analyses (the themes
 * stay for the cohort's counts), raw inbound mail, the local outbox's copies, and the subject,
 * address and stored bytes of sent messages. Run by the worker's scheduled maintenance job.
 */
export async function applyRetention(
  ctx: Ctx,
): Promise<{ programs: number; reflections: number; inbound: number; outbox: number; messages: number }> {
  const now = ctx.clock.now();
  const programs = await ctx.db.program.findMany({
    where: { retentionMonths: { not: null } },
    select: { id: true, retentionMonths: true },
  });
  const total = { programs: programs.length, reflections: 0, inbound: 0, outbox: 0, messages: 0 };
  for (const p of programs) {
    const cutoff = monthsBefore(now, p.retentionMonths ?? 0);
    const reflections = await ctx.db.reflection.updateMany({
      where: { programId: p.id, receivedAt: { lt: cutoff }, text: { not: null } },
      data: { text: null, analysis: Prisma.DbNull, distress: false },
    });
    const inbound = await ctx.db.inboundMessage.updateMany({
      where: {
        programId: p.id,
        createdAt: { lt: cutoff },
        OR: [{ raw: { not: null } }, { payload: { not: Prisma.DbNull } }],
      },
      data: { raw: null, payload: Prisma.DbNull },
    });
    const outbox = await ctx.db.$executeRaw`
      DELETE FROM "OutboxEmail" WHERE "createdAt" < ${cutoff}
        AND tags @> ${JSON.stringify([{ name: "program", value: p.id }])}::jsonb`;
    const messages = await ctx.db.message.updateMany({
      where: {
        programId: p.id,
        createdAt: { lt: cutoff },
        OR: [{ subject: { not: null } }, { toEmail: { not: null } }],
      },
      data: { subject: null, toEmail: null, content: Prisma.DbNull, error: null },
    });
    total.reflections += reflections.count;
    total.inbound += inbound.count;
    total.outbox += outbox;
    total.messages += messages.count;
  }
  if (total.reflections || total.inbound || total.outbox || total.messages) ctx.log.info("retention applied", total);
  return total;
}
