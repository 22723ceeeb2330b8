/** @jsxRuntime automatic */
/** @jsxImportSource react */
import { P } from "../components/paragraph.js";
import { sampleStepProps } from "../components/preview-props.js";
import { StepEmailFrame } from "../components/step-email.js";
import type { StepEmailProps } from "../step-props.js";
import { useStepSlots } from "../step-slots.js";

export type AnalyseEmailProps = StepEmailProps;

export const PreviewProps = { ...sampleStepProps } satisfies AnalyseEmailProps;

/** Day 3: a structured self-review, answered in one reply and analysed into themes. */
export default function AnalyseEmail(props: AnalyseEmailProps) {
  const s = useStepSlots(props);
  return (
    <StepEmailFrame
      step="analyse"
      slots={s}
      preview="Five questions, one reply. Look back at your interview calmly and get concrete next steps."
      heading="Ten quiet minutes with your interview"
      promptIntro="A sentence or two for each is plenty. We will sort your answers into themes and send you back a short summary with concrete next steps."
    >
      <P>{`The first sting has had time to fade, so now is a good moment to look back at your interview ${s.interview} the way a coach would: calmly, and with specifics. Going over it once is what stops the same stumble from following you into the next room.`}</P>
      <P>
        Replay it from the start, as if you were watching a recording, and notice what you would keep and what you would
        do differently with a second chance. Include the details that are easy to skip: what you wore, the state of your
        resume or portfolio, the examples you chose, and how you handled the moments you felt unsure.
      </P>
      <P>
        Be honest, and be fair to yourself. For everything you would change, name one thing you would do the same way
        again.
      </P>
    </StepEmailFrame>
  );
}

AnalyseEmail.PreviewProps = PreviewProps;
