/** @jsxRuntime automatic */
/** @jsxImportSource react */
import { Button, Section, Text } from "@react-email/components";
import { P } from "../components/paragraph.js";
import { sampleStepProps } from "../components/preview-props.js";
import { StepEmailFrame } from "../components/step-email.js";
import { styles } from "../components/styles.js";
import type { StepEmailProps } from "../step-props.js";
import { useStepSlots } from "../step-slots.js";

export type FeedbackEmailProps = StepEmailProps;

export const PreviewProps = { ...sampleStepProps } satisfies FeedbackEmailProps;

/** Day 1: ask the employer for constructive feedback with a ready-to-send draft, and stay in touch. */
export default function FeedbackEmail(props: FeedbackEmailProps) {
  const s = useStepSlots(props);
  return (
    <StepEmailFrame
      step="feedback"
      slots={s}
      preview="We drafted a short, polite feedback request for you. Check it, add the address, send."
      heading="Ask them what would have made the difference"
      promptIntro="Tell us when you have news. Even a reply of 'nothing yet' helps us time what comes next."
    >
      <P>{`A day has passed, which makes this a good moment to ask ${s.company} for feedback. Plenty of recruiters will share a line or two when someone asks kindly, and even a short answer beats guessing.`}</P>
      <P>
        We have written the request for you. It thanks them, asks for one or two things you could do better, and leaves
        the door open for future roles. Open it in your mail app, add the recruiter's address, change anything that does
        not sound like you, and send it.
      </P>
      {/* The text part shows the draft below instead: plain-text readers cannot press a mailto button. */}
      <Section style={styles.buttonRow}>
        <Button href={s.feedbackMailto} style={styles.button} data-skip-in-text="true">
          Open the draft in my mail app
        </Button>
      </Section>
      <Text style={styles.promptHint}>The draft, if you would rather copy it:</Text>
      <pre style={styles.draft}>{s.feedbackDraft}</pre>
      <P>
        Some companies do not give feedback as a rule, so silence is not a judgement either. Whatever comes back, look
        for what you can act on rather than for a verdict, and say thank you either way: a friendly note now makes you
        easy to remember when the next opening comes up.
      </P>
    </StepEmailFrame>
  );
}

FeedbackEmail.PreviewProps = PreviewProps;
