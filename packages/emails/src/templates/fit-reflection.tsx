/** @jsxRuntime automatic */
/** @jsxImportSource react */
import { P } from "../components/paragraph.js";
import { sampleStepProps } from "../components/preview-props.js";
import { StepEmailFrame } from "../components/step-email.js";
import type { StepEmailProps } from "../step-props.js";
import { useStepSlots } from "../step-slots.js";

export type FitReflectionEmailProps = StepEmailProps;

export const PreviewProps = { ...sampleStepProps } satisfies FitReflectionEmailProps;

/** The candidate withdrew: turn the reason into a filter for the next applications. */
export default function FitReflectionEmail(props: FitReflectionEmailProps) {
  const s = useStepSlots(props);
  return (
    <StepEmailFrame
      step="fit-reflection"
      slots={s}
      preview="Noticing a poor fit before you sign is a skill. Turn it into a filter for what comes next."
      heading="Stepping back is a decision, not a failure"
      promptIntro="Put it into words while it is fresh. It will make your next applications sharper."
    >
      <P>{`You chose to withdraw from the process ${s.interview}. Seeing that a role is not right before you accept it is a real skill; plenty of people only find out months into the job.`}</P>
      <P>
        Make the most of it by naming what did not fit. Was it the hours, the pace, the culture, the kind of work, the
        people? Then describe the opposite: what a team would need to offer for you to do your best work. That
        description becomes a filter for the roles you apply to next.
      </P>
      <P>
        Reshaping yourself to suit a place rarely lasts. Still, if something you noticed points to a skill you would
        like to grow, note that down too.
      </P>
    </StepEmailFrame>
  );
}

FitReflectionEmail.PreviewProps = PreviewProps;
