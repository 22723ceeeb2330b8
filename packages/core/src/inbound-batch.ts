import { randomUUID } from "node:crypto";
import { verifyReplyToken } from "@rebound/domain";
import { analyseInbound, parseMime } from "@rebound/inbound";
import { queueAnalysis } from "./analysis-email.js";
import { lockLiveCandidates } from "./candidates.js";
import type { AppContext } from "./context.js";
import {
  capReflection,
  type InboundDeps,
  loadReplyTargets,
  processInbound,
  type ReplyTarget,
  reflectionRow,
} from "./inbound-processor.js";

type Ctx = Pick<AppContext, "db" | "queues" | "mail" | "clock" | "config" | "log">;

interface PlainReply {
  id: string;
  sourceKey: string;
  /** When the reply arrived: the order of several replies to one prompt. */
  receivedAt: Date;
  messageId: string;
  text: string;
}

/**
 * The common case in bulk: plain replies (a valid token, no command, some text)
 * become reflections with a handful of queries per batch instead of several per
 * reply. Everything else (commands, signups, auto-replies, bad tokens, parse
 * failures, check-in answers) goes through `processInbound` one by one, with
 * exactly the same effects.
 */
export async function processInboundBatch(ctx: Ctx, deps: InboundDeps, inboundIds: readonly string[]): Promise<void> {
  const rows = await ctx.db.inboundMessage.findMany({
    where: { id: { in: [...inboundIds] }, status: "queued" },
    select: { id: true, source: true, raw: true, sourceKey: true, createdAt: true },
    orderBy: { createdAt: "asc" },
  });
  const single: string[] = [];
  const plain: PlainReply[] = [];
  const now = ctx.clock.now();
  for (const row of rows) {
    const reply = row.source === "mime" && row.raw ? await plainReply(ctx, row.raw, now) : null;
    if (reply) plain.push({ id: row.id, sourceKey: row.sourceKey, receivedAt: row.createdAt, ...reply });
    else single.push(row.id);
  }
  const targets = new Map(
    (plain.length
      ? await loadReplyTargets(
          ctx,
          plain.map((p) => p.messageId),
        )
      : []
    ).map((t) => [t.id, t]),
  );
  const ready: { reply: PlainReply; target: ReplyTarget & { interviewId: string } }[] = [];
  for (const reply of plain) {
    const target = targets.get(reply.messageId);
    // Check-in answers start tracks and dead targets are logged: the single path does both.
    if (!target?.interviewId || target.candidateStatus === "erased" || target.step === "check-in")
      single.push(reply.id);
    else ready.push({ reply, target: { ...target, interviewId: target.interviewId } });
  }
  for (const id of single) await processInbound(ctx, deps, id);
  if (ready.length === 0) return;

  const analyses = await Promise.all(ready.map(({ reply }) => deps.analyser.analyse(reply.text)));
  const data = ready.map(({ reply, target }, i) => ({
    id: randomUUID(),
    ...reflectionRow(
      target,
      target.interviewId,
      reply.text,
      analyses[i] as NonNullable<(typeof analyses)[number]>,
      reply.sourceKey,
      reply.receivedAt,
    ),
  }));
  // Stored only for candidates not erased meanwhile; the others take the single path, which drops them.
  const erased = await ctx.db.$transaction(async (tx) => {
    const live = await lockLiveCandidates(
      tx,
      ready.map((r) => r.target.candidateId),
    );
    const keep = ready.filter((r) => live.has(r.target.candidateId));
    await tx.reflection.createMany({
      data: data.filter((d) => live.has(d.candidateId)),
      skipDuplicates: true,
    });
    await tx.$executeRaw`
      UPDATE "InboundMessage" i SET status = 'processed', result = 'reflection', "processedAt" = ${now}::timestamp,
        raw = NULL, payload = NULL, "programId" = v.program_id
      FROM unnest(${keep.map((r) => r.reply.id)}::uuid[], ${keep.map((r) => r.target.programId)}::uuid[]) AS v(id, program_id)
      WHERE i.id = v.id AND i.status = 'queued'`;
    return ready.filter((r) => !live.has(r.target.candidateId)).map((r) => r.reply.id);
  });
  for (const id of erased) await processInbound(ctx, deps, id);
  const stored = await ctx.db.reflection.findMany({
    where: { sourceKey: { in: ready.map((r) => r.reply.sourceKey) } },
    select: { id: true, interviewId: true, step: true, distress: true, candidateId: true, analysis: true },
  });
  for (const r of stored) {
    if (r.distress) ctx.log.warn("distress signal in a reflection", { reflectionId: r.id, candidateId: r.candidateId });
  }
  const wanted = stored.filter(
    (r) => r.step === "analyse" || (r.analysis as { substantial?: boolean } | null)?.substantial,
  );
  await queueAnalysis(
    ctx,
    wanted.map((r) => ({ reflectionId: r.id, interviewId: r.interviewId })),
  );
}

async function plainReply(
  ctx: Ctx,
  raw: Uint8Array,
  now: Date,
): Promise<Pick<PlainReply, "messageId" | "text"> | null> {
  try {
    const route = analyseInbound(await parseMime(raw), ctx.config.INBOUND_DOMAIN);
    if (route.kind !== "reply" || route.command) return null;
    const check = verifyReplyToken(route.token, ctx.config.APP_SECRET, now);
    const text = capReflection(route.reflection.trim());
    return check.ok && text ? { messageId: check.value.messageId, text } : null;
  } catch {
    return null; // the single path records the failure
  }
}
