import type { StepKey } from "@rebound/domain";
import { companyName } from "./clean.js";
import { firstName } from "./names.js";
import type { StepEmailProps } from "./step-props.js";

type SubjectInput = { name: string; company: string };

const SUBJECTS: Record<StepKey, (v: SubjectInput) => string> = {
  process: ({ company }) => `A rejection from ${company} is not a verdict on you`,
  feedback: ({ company }) => `Your feedback request to ${company} is ready to send`,
  analyse: ({ name, company }) => `${name ? `${name}, ten` : "Ten"} minutes to look back at ${company}`,
  "keep-applying": ({ name }) => `${name ? `${name}, keep` : "Keep"} the search moving this week`,
  "follow-up-nudge": ({ company }) => `No word from ${company} yet? A short follow-up helps`,
  "fit-reflection": ({ company }) => `Stepping back from ${company} was a choice. Let's use it`,
  congratulations: ({ name, company }) => `Congratulations on the ${company} offer${name ? `, ${name}` : ""}!`,
  "check-in": ({ company }) => `Any news from ${company}?`,
};

/** The subject line of a step email. Normalised to one line (no header injection). */
export function stepSubject(step: StepKey, props: Pick<StepEmailProps, "firstName" | "company">): string {
  return SUBJECTS[step]({ name: firstName(props.firstName), company: companyName(props.company) });
}
