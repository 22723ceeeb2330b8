/** @jsxRuntime automatic */
/** @jsxImportSource react */
import { P } from "../components/paragraph.js";
import { sampleStepProps } from "../components/preview-props.js";
import { StepEmailFrame } from "../components/step-email.js";
import type { StepEmailProps } from "../step-props.js";
import { useStepSlots } from "../step-slots.js";

export type CheckInEmailProps = StepEmailProps;

// Role unknown on purpose: previews the wording used when we only know the company.
export const PreviewProps = { ...sampleStepProps, role: "" } satisfies CheckInEmailProps;

/** Outcome still pending after a week: ask for it, so the right track can start. */
export default function CheckInEmail(props: CheckInEmailProps) {
  const s = useStepSlots(props);
  return (
    <StepEmailFrame
      step="check-in"
      slots={s}
      preview="A week on: tell us how it went and we will send the next steps that fit."
      heading="Checking in on your interview"
      promptIntro="One word is enough. We will take it from there."
    >
      <P>{`It has been a week since your interview ${s.interview}. Waiting is hard; we hope you have been kind to yourself in the meantime.`}</P>
      <P>
        Whatever the answer turns out to be, tell us and we will send what fits: help making sense of a no, a ready-made
        request for feedback, or a celebration and a record of what went right.
      </P>
      <P>{`Still waiting? A short, polite note asking ${s.company} about their timeline is perfectly fine by now. Keep other applications going too, so one decision is not holding up your whole search.`}</P>
    </StepEmailFrame>
  );
}

CheckInEmail.PreviewProps = PreviewProps;
