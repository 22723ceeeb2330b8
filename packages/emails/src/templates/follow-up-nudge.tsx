/** @jsxRuntime automatic */
/** @jsxImportSource react */
import { P } from "../components/paragraph.js";
import { sampleStepProps } from "../components/preview-props.js";
import { StepEmailFrame } from "../components/step-email.js";
import type { StepEmailProps } from "../step-props.js";
import { useStepSlots } from "../step-slots.js";

export type FollowUpNudgeEmailProps = StepEmailProps;

export const PreviewProps = { ...sampleStepProps } satisfies FollowUpNudgeEmailProps;

/** No response yet: a short, friendly follow-up, and keep other doors open meanwhile. */
export default function FollowUpNudgeEmail(props: FollowUpNudgeEmailProps) {
  const s = useStepSlots(props);
  return (
    <StepEmailFrame
      step="follow-up-nudge"
      slots={s}
      preview="Quiet after an interview usually means a busy team, not a decision. Here is how to follow up well."
      heading="Silence is not an answer yet"
      promptIntro="Let us know where things stand, so the next emails fit your situation."
    >
      <P>{`Waiting to hear back after your interview ${s.interview} is its own kind of stressful. Hiring nearly always takes longer than anyone planned, and quiet usually means a busy team rather than a decision.`}</P>
      <P>
        If the date they mentioned has passed, or about a week has gone by, send a short and friendly follow-up. Thank
        them again, restate your interest in a single line, and ask whether there is an update on their timeline. Keep
        it light: no pressure and no complaint.
      </P>
      <P>In the meantime, keep applying elsewhere, so that one opening is not carrying all of your hopes.</P>
    </StepEmailFrame>
  );
}

FollowUpNudgeEmail.PreviewProps = PreviewProps;
