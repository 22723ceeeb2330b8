import { randomUUID } from "node:crypto";
import { signToken, verifyToken } from "@rebound/domain";
import { firstName, type NoticeProps, renderNoticeEmail } from "@rebound/emails";
import { queueEmails } from "./analysis-email.js";
import { loadBrand } from "./branding.js";
import type { AppContext } from "./context.js";
import { AppError } from "./errors.js";
import { pauseCandidate, recordOffer, stopCandidate } from "./lifecycle/candidate.js";
import { unsubscribeUrl } from "./links.js";

type Ctx = Pick<AppContext, "db" | "queues" | "clock" | "config" | "log">;
const CONFIRM_TTL_MS = 7 * 86_400_000;
const COMMANDS = ["stop", "pause", "offer"] as const;
type Command = (typeof COMMANDS)[number];

interface NoticeTarget {
  id: string;
  programId: string;
  candidateId: string;
  interviewId: string | null;
  email: string | null;
}

/** A notice is a tracked email like any other: a Message row with its content fixed now, sent by the email queue. */
async function queueNotice(
  ctx: Ctx,
  target: NoticeTarget,
  step: string,
  key: string,
  props: Omit<NoticeProps, "firstName" | "unsubscribeUrl">,
) {
  if (!target.email) return;
  const candidate = await ctx.db.candidate.findUnique({ where: { id: target.candidateId }, select: { name: true } });
  const id = randomUUID();
  const brand = await loadBrand(ctx.db, ctx.config, target.programId);
  const content = await renderNoticeEmail(
    {
      ...props,
      firstName: firstName(candidate?.name),
      unsubscribeUrl: unsubscribeUrl(ctx.config, target.candidateId),
    },
    brand,
  );
  const now = ctx.clock.now();
  const email = {
    key,
    from: brand.from,
    to: target.email,
    ...content,
    headers: {
      "List-Unsubscribe": `<${unsubscribeUrl(ctx.config, target.candidateId)}>`,
      "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
      "X-Rebound-Message": id,
    },
    tags: [
      { name: "program", value: target.programId },
      { name: "step", value: step },
    ],
  };
  const inserted = await ctx.db.$queryRaw<{ id: string }[]>`
    INSERT INTO "Message" (id, "programId", "candidateId", "interviewId", kind, step, status, "idempotencyKey", "toEmail", content, "dueAt", "createdAt", attempts)
    VALUES (${id}::uuid, ${target.programId}::uuid, ${target.candidateId}::uuid, ${target.interviewId}::uuid, 'notice', ${step},
            'scheduled', ${key}, ${target.email}, ${JSON.stringify(email)}::jsonb, ${now}, ${now}, 0)
    ON CONFLICT ("idempotencyKey") DO NOTHING
    RETURNING id`;
  await queueEmails(
    ctx,
    inserted.map((r) => r.id),
  );
}

const commandToken = (
  ctx: Pick<Ctx, "config">,
  candidateId: string,
  command: Command,
  interviewId: string,
  now: Date,
) =>
  signToken(
    "command",
    `${candidateId}_${command}_${interviewId}`,
    ctx.config.APP_SECRET,
    new Date(now.getTime() + CONFIRM_TTL_MS),
  );

/**
 * A STOP, PAUSE or OFFER that came from another address than the candidate's: the candidate is
 * asked, at their own address, to confirm it with one click. One notice per reply target and command.
 */
export async function queueCommandConfirmation(
  ctx: Ctx,
  target: NoticeTarget & { interviewId: string },
  command: string,
  otherSender?: string | null,
): Promise<void> {
  if (!(COMMANDS as readonly string[]).includes(command)) return;
  const cmd = command as Command;
  const token = commandToken(ctx, target.candidateId, cmd, target.interviewId, ctx.clock.now());
  await queueNotice(ctx, target, "confirm-command", `notice-command-${target.id}-${cmd}`, {
    kind: "confirm-command",
    command: cmd,
    ...(otherSender ? { otherSender } : {}),
    actionUrl: `${ctx.config.PUBLIC_URL}/confirm-command/${token}`,
  });
}

/** The candidate's reply could not be stored: they are told, once per inbound message. */
export async function queueReplyNotStored(ctx: Ctx, target: NoticeTarget, inboundId: string): Promise<void> {
  await queueNotice(ctx, target, "reply-not-stored", `notice-not-stored-${inboundId}`, { kind: "reply-not-stored" });
}

/** What the confirmation page says before the button is pressed (GET changes nothing). */
export function readCommandToken(ctx: Pick<Ctx, "config" | "clock">, token: string) {
  const check = verifyToken("command", token, ctx.config.APP_SECRET, ctx.clock.now());
  if (!check.ok) throw new AppError(400, "invalid_token", `this link is not valid (${check.reason})`);
  const [candidateId, command, interviewId] = check.value.subject.split("_");
  if (!candidateId || !interviewId || !(COMMANDS as readonly string[]).includes(command ?? "")) {
    throw new AppError(400, "invalid_token", "this link is not valid (malformed)");
  }
  return { candidateId, command: command as Command, interviewId };
}

/** The confirmation page's button (POST): the candidate confirmed, so the command takes effect. */
export async function confirmCommand(ctx: Ctx, token: string): Promise<Command> {
  const { candidateId, command, interviewId } = readCommandToken(ctx, token);
  const actor = "candidate:confirmed-command";
  if (command === "stop") await stopCandidate(ctx, candidateId, "unsubscribed", actor);
  else if (command === "pause") await pauseCandidate(ctx, candidateId, 7, actor);
  else await recordOffer(ctx, candidateId, interviewId, actor);
  return command;
}
