import type { Config } from "@rebound/config";
import { feedbackMailto, STEP_KEYS, type StepKey } from "@rebound/domain";
import {
  type CompiledStepEmail,
  compileStepEmail,
  type EmailBrand,
  firstName,
  type StepEmailProps,
} from "@rebound/emails";
import type { OutgoingEmail } from "@rebound/mail";
import { logUrl, preferencesUrl, replyAddress, unsubscribeUrl } from "./links.js";

// The name rule has one owner, @rebound/emails; re-exported for the composers that use it.
export { firstName } from "@rebound/emails";

/**
 * Each template is rendered once per step and program brand per process, then filled per email
 * (@rebound/emails keeps the compilations, bounded).
 */
export class TemplateCache {
  /** Compiles every step up front (unbranded) so the first batch does not pay for it. */
  async warm(): Promise<void> {
    await Promise.all(STEP_KEYS.map((k) => this.get(k)));
  }
  get(step: StepKey, brand?: EmailBrand | null): Promise<CompiledStepEmail> {
    return compileStepEmail(step, brand);
  }
}

export interface DripEmailInput {
  messageId: string;
  idempotencyKey: string;
  programId: string;
  step: StepKey;
  /** Links and tokens are derived from this fixed instant so a retried send is byte-identical. */
  issuedAt: Date;
  candidate: { id: string; email: string; name: string | null };
  interview: { company: string; role: string | null; interviewer: string | null };
}

export function stepProps(config: Config, input: DripEmailInput): StepEmailProps {
  return {
    firstName: firstName(input.candidate.name),
    company: input.interview.company,
    role: input.interview.role ?? "",
    feedbackMailto: feedbackMailto({
      candidateName: input.candidate.name,
      company: input.interview.company,
      role: input.interview.role,
      interviewer: input.interview.interviewer,
    }),
    unsubscribeUrl: unsubscribeUrl(config, input.candidate.id),
    preferencesUrl: preferencesUrl(config, input.candidate.id, input.issuedAt),
    logUrl: logUrl(config, input.candidate.id, input.issuedAt),
  };
}

/** Envelope every Rebound email shares: the program's From, reply address, one-click unsubscribe, tags. */
export function envelope(
  config: Config,
  input: {
    /** The program's From header (branding.ts `fromHeader`). */
    from: string;
    messageId: string;
    idempotencyKey: string;
    programId: string;
    step: string;
    issuedAt: Date;
    to: string;
    candidateId: string;
  },
  content: { subject: string; html: string; text: string },
): OutgoingEmail {
  return {
    key: input.idempotencyKey,
    from: input.from,
    to: input.to,
    ...content,
    replyTo: replyAddress(config, input.messageId, input.issuedAt),
    headers: {
      "List-Unsubscribe": `<${unsubscribeUrl(config, input.candidateId)}>`,
      "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
      "X-Rebound-Message": input.messageId,
    },
    tags: [
      { name: "program", value: input.programId },
      { name: "step", value: input.step.replace(/[^A-Za-z0-9_-]/g, "_") },
    ],
  };
}

/** A drip email: the template compiled with the program's brand, its From from the same brand. */
export function composeDripEmail(
  config: Config,
  template: CompiledStepEmail,
  input: DripEmailInput & { from: string },
): OutgoingEmail {
  const content = template.fill(stepProps(config, input));
  return envelope(config, { ...input, to: input.candidate.email, candidateId: input.candidate.id }, content);
}
