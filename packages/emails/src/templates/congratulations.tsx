/** @jsxRuntime automatic */
/** @jsxImportSource react */
import { P } from "../components/paragraph.js";
import { sampleStepProps } from "../components/preview-props.js";
import { StepEmailFrame } from "../components/step-email.js";
import type { StepEmailProps } from "../step-props.js";
import { useStepSlots } from "../step-slots.js";

export type CongratulationsEmailProps = StepEmailProps;

export const PreviewProps = { ...sampleStepProps } satisfies CongratulationsEmailProps;

/** An offer: celebrate, then record what went right so the log of high points grows. */
export default function CongratulationsEmail(props: CongratulationsEmailProps) {
  const s = useStepSlots(props);
  return (
    <StepEmailFrame
      step="congratulations"
      slots={s}
      preview="You did it. Before the details take over, write down what worked."
      heading="You got the offer!"
      promptIntro="List what worked while you still remember the details. This is the page to reread before your next big interview."
    >
      <P>{`Congratulations on the offer ${s.interview}. Whatever the search looked like before this, this time it worked. Enjoy it.`}</P>
      <P>
        Before contracts and start dates take over, capture what went right: how you prepared, which stories landed, the
        questions you asked, how you handled the nerves. That record balances out every no along the way, and you will
        be glad of it the next time you change jobs.
      </P>
      <P>
        If you are still weighing the offer, take the time you need to check that it fits what you want: the work, the
        people, the culture. A good employer will wait a day or two for a considered yes. And thank the people who
        helped you get here.
      </P>
    </StepEmailFrame>
  );
}

CongratulationsEmail.PreviewProps = PreviewProps;
