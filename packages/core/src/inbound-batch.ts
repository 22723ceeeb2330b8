import { randomUUID } from "node:crypto";
import { verifyReplyToken } from "@rebound/domain";
import { analyseInbound, parseMime } from "@rebound/inbound";
import { queueAnalysis } from "./analysis-email.js";
import { shareLockCandidates } from "./candidates.js";
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
  const rows = await ctx.db.$queryRaw<
    { id: string; source: string; raw: Uint8Array | null; sourceKey: string; createdAt: Date }[]
  >`
    SELECT id, source, raw, "sourceKey", "createdAt" FROM "InboundMessage"
    WHERE id = ANY(${[...inboundIds]}::uuid[]) AND status = 'queued'
    ORDER BY "createdAt"`;
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
  const reflections = ready.map(({ reply, target }, i) =>
    reflectionRow(
      target,
      target.interviewId,
      reply.text,
      analyses[i] as NonNullable<(typeof analyses)[number]>,
      reply.sourceKey,
      reply.receivedAt,
    ),
  );
  const col = <K extends keyof (typeof reflections)[number]>(k: K) => reflections.map((r) => r[k]);
  const json = (values: unknown[]) => values.map((v) => JSON.stringify(v ?? null));
  // One transaction of flat statements (the hot path; ORM batches cost more than the work). The
  // candidates are share-locked first, so the later statements see any erasure that committed
  // meanwhile: nothing is stored for an erased candidate, and those replies take the single
  // path, which drops them.
  const [, , processed] = await ctx.db.$transaction([
    shareLockCandidates(ctx.db, col("candidateId")),
    ctx.db.$executeRaw`
      INSERT INTO "Reflection" (id, "programId", "candidateId", "interviewId", "messageId", step, prompt, text, themes,
                                analysis, distress, "sourceKey", "receivedAt")
      SELECT v.id, v.program_id, v.candidate_id, v.interview_id, v.message_id, v.step, v.prompt, v.text,
             ARRAY(SELECT jsonb_array_elements_text(v.themes)), v.analysis, v.distress, v.source_key, v.received_at
      FROM unnest(${reflections.map(() => randomUUID())}::uuid[], ${col("programId")}::uuid[], ${col("candidateId")}::uuid[],
                  ${col("interviewId")}::uuid[], ${col("messageId")}::uuid[], ${col("step")}::text[], ${col("prompt")}::text[],
                  ${col("text")}::text[], ${json(col("themes"))}::jsonb[], ${json(col("analysis"))}::jsonb[],
                  ${col("distress")}::boolean[], ${col("sourceKey")}::text[], ${col("receivedAt")}::timestamp[])
        AS v(id, program_id, candidate_id, interview_id, message_id, step, prompt, text, themes, analysis, distress,
             source_key, received_at)
      JOIN "Candidate" c ON c.id = v.candidate_id AND c.status <> 'erased'
      ON CONFLICT ("sourceKey") DO NOTHING`,
    ctx.db.$queryRaw<{ id: string }[]>`
      UPDATE "InboundMessage" i SET status = 'processed', result = 'reflection', "processedAt" = ${now}::timestamp,
        raw = NULL, payload = NULL, "programId" = v.program_id
      FROM unnest(${ready.map((r) => r.reply.id)}::uuid[], ${col("programId")}::uuid[], ${col("candidateId")}::uuid[])
        AS v(id, program_id, candidate_id)
      JOIN "Candidate" c ON c.id = v.candidate_id AND c.status <> 'erased'
      WHERE i.id = v.id AND i.status = 'queued'
      RETURNING i.id`,
  ]);
  const done = new Set(processed.map((r) => r.id));
  for (const { reply } of ready) if (!done.has(reply.id)) await processInbound(ctx, deps, reply.id);

  const stored = await ctx.db.$queryRaw<
    { id: string; interviewId: string; step: string; distress: boolean; candidateId: string; substantial: boolean }[]
  >`
    SELECT id, "interviewId", step, distress, "candidateId", coalesce((analysis->>'substantial')::boolean, false) AS substantial
    FROM "Reflection" WHERE "sourceKey" = ANY(${col("sourceKey")}::text[])`;
  for (const r of stored) {
    if (r.distress) ctx.log.warn("distress signal in a reflection", { reflectionId: r.id, candidateId: r.candidateId });
  }
  await queueAnalysis(
    ctx,
    stored
      .filter((r) => r.step === "analyse" || r.substantial)
      .map((r) => ({ reflectionId: r.id, interviewId: r.interviewId })),
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
