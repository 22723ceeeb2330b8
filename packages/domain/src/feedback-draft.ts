export interface FeedbackDraftInput {
  candidateName?: string | null;
  company: string;
  role?: string | null;
  interviewer?: string | null;
}

export interface FeedbackDraft {
  subject: string;
  body: string;
}

/**
 * A short, polite request for feedback that the candidate can send as is.
 * Kept brief on purpose: busy recruiters answer short notes.
 */
export function feedbackDraft(input: FeedbackDraftInput): FeedbackDraft {
  const role = input.role?.trim();
  const position = role ? `the ${role} role` : "the position";
  const greeting = input.interviewer?.trim() ? `Dear ${input.interviewer.trim()},` : "Hello,";
  const signature = input.candidateName?.trim()
    ? `\n\nBest regards,\n${input.candidateName.trim()}`
    : "\n\nBest regards,";
  const subject = `Thank you, and a short request about ${position}`;
  const body =
    `${greeting}\n\n` +
    `Thank you again for the time you and the team at ${input.company} spent with me on ${position}. ` +
    `I enjoyed learning about the work and I respect your decision.\n\n` +
    `If you can spare a minute, I would value any feedback on my interview: ` +
    `one or two things I could have done better would help me a great deal in my search.\n\n` +
    `I would be glad to stay in touch, and I would still love to hear about future openings at ${input.company}.` +
    signature;
  return { subject, body };
}

export function feedbackMailto(input: FeedbackDraftInput, to = ""): string {
  const { subject, body } = feedbackDraft(input);
  return `mailto:${encodeURIComponent(to)}?subject=${encodeURIComponent(subject)}&body=${encodeURIComponent(body)}`;
}
