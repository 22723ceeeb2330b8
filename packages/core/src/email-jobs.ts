import { buildAnalysisEmail } from "./analysis-email.js";
import type { AppContext } from "./context.js";
import { type EmailOutcome, sendEmailMessage } from "./email-sender.js";

type Ctx = Pick<AppContext, "db" | "queues" | "mail" | "clock" | "config" | "log" | "provider">;

/**
 * The email queue's job: one event-driven email by its Message id. An analysis email is built at
 * its first claim from the interview's reflections; confirmations and notices were built when
 * they were scheduled.
 */
export function sendQueuedEmail(ctx: Ctx, messageId: string): Promise<EmailOutcome> {
  return sendEmailMessage(ctx, messageId, async (message) =>
    message.kind === "analysis" ? buildAnalysisEmail(ctx, message) : null,
  );
}
