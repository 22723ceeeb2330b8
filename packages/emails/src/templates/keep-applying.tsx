/** @jsxRuntime automatic */
/** @jsxImportSource react */
import { P } from "../components/paragraph.js";
import { sampleStepProps } from "../components/preview-props.js";
import { StepEmailFrame } from "../components/step-email.js";
import type { StepEmailProps } from "../step-props.js";
import { useStepSlots } from "../step-slots.js";

export type KeepApplyingEmailProps = StepEmailProps;

export const PreviewProps = { ...sampleStepProps } satisfies KeepApplyingEmailProps;

/** Day 7: persistence without settling, a support system, and deliberate practice. */
export default function KeepApplyingEmail(props: KeepApplyingEmailProps) {
  const s = useStepSlots(props);
  return (
    <StepEmailFrame
      step="keep-applying"
      slots={s}
      preview="A full pipeline is the best answer to one no. Plus: how to practise so the next interview feels easier."
      heading="Keep the search moving"
      promptIntro="Pick a number you can actually keep. Writing it down makes it far more likely to happen."
    >
      <P>{`It has been about a week since your interview ${s.interview}. The surest cure for one rejection is a healthy pipeline: every new application takes weight off any single company, and every interview makes you sharper for the next.`}</P>
      <P>
        Keep going, but stay choosy. Aim for teams and cultures where you would genuinely do well. Grabbing the first
        yes just to end the uncertainty often leads to a job that wears you down.
      </P>
      <P>
        Practise out loud. A mock interview with a friend, a mentor or a careers adviser shows you habits you cannot see
        on your own. Prepare four or five stories in STAR form (the Situation, your Task, the Action you took, the
        Result) so you always have a concrete example ready for "tell me about a time when" questions.
      </P>
      <P>
        And do not do this alone. Tell a couple of people you trust how the search is going. A bit of encouragement in a
        slow week counts for more than you would expect.
      </P>
    </StepEmailFrame>
  );
}

KeepApplyingEmail.PreviewProps = PreviewProps;
