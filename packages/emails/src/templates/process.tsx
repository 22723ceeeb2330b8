/** @jsxRuntime automatic */
/** @jsxImportSource react */
import { P } from "../components/paragraph.js";
import { sampleStepProps } from "../components/preview-props.js";
import { StepEmailFrame } from "../components/step-email.js";
import type { StepEmailProps } from "../step-props.js";
import { useStepSlots } from "../step-slots.js";

export type ProcessEmailProps = StepEmailProps;

export const PreviewProps = { ...sampleStepProps } satisfies ProcessEmailProps;

/** Day 0 after a rejection: take the sting out, keep bridges intact, start the log with what went well. */
export default function ProcessEmail(props: ProcessEmailProps) {
  const s = useStepSlots(props);
  return (
    <StepEmailFrame
      step="process"
      slots={s}
      preview="One no says very little about what you are worth. Here is what to do with it today."
      heading="This one stings. It does not define you."
      promptIntro="Begin your log with what went well. Those moments are easy to forget after a no, and over several interviews they show you getting better."
    >
      <P>{`Hearing no after your interview ${s.interview} hurts, especially if you had already pictured yourself in the job. Give yourself a little time to be disappointed. That is normal, and it passes.`}</P>
      <P>
        Almost everyone who lands a job collects a few of these on the way. Employers decide on things you never get to
        see: an internal candidate, a shifted budget, someone the team already knew. A rejection is rarely a judgement
        of you as a person, and it does not mean you could not do the work.
      </P>
      <P>
        Two easy traps are worth stepping around. One is deciding you are simply not good enough. The other is deciding
        they got it wrong. Neither helps with the next interview. What you can change is how you prepare and how you
        come across, and the next few emails will help with exactly that.
      </P>
      <P>{`One small thing for today: send a brief thank-you to the people you met at ${s.company}. Thank them for their time, say you would be glad to hear about similar openings, and leave it at that. People remember a gracious reply, and hiring plans change more often than you would think. However tempting, keep the disappointment off social media.`}</P>
    </StepEmailFrame>
  );
}

ProcessEmail.PreviewProps = PreviewProps;
