/** @jsxRuntime automatic */
/** @jsxImportSource react */
import { Button, Section } from "@react-email/components";
import { EmailLayout } from "../components/email-layout.js";
import { Footer } from "../components/footer.js";
import { P } from "../components/paragraph.js";
import { styles } from "../components/styles.js";
import { companyName, safeUrl } from "../clean.js";
import { greeting } from "../names.js";

export interface SubscribeConfirmProps {
  firstName: string;
  company: string;
  confirmUrl: string;
  unsubscribeUrl: string;
}

export const PreviewProps = {
  firstName: "Maya",
  company: "Northwind Labs",
  confirmUrl: "https://rebound.example.com/v1/subscribe/confirm?token=preview-token",
  unsubscribeUrl: "https://rebound.example.com/unsubscribe/preview-token",
} satisfies SubscribeConfirmProps;

/**
 * A fixed subject: anyone can type anything as the company in a public signup, and the subject is
 * the part of an unwanted email its recipient reads first. The body names it, escaped.
 */
export function subscribeConfirmSubject(_props: Pick<SubscribeConfirmProps, "company">): string {
  return "Please confirm your Rebound coaching emails";
}

/** Double opt-in: nothing is sent until the candidate presses the button. */
export default function SubscribeConfirmEmail(props: SubscribeConfirmProps) {
  return (
    <EmailLayout
      preview="One click to start a short series of coaching emails after your interview."
      heading="Confirm your coaching emails"
      footer={
        <Footer
          reason="You are getting this one email because someone entered this address on Rebound. Without your confirmation we will not write again."
          unsubscribeUrl={safeUrl("unsubscribeUrl", props.unsubscribeUrl)}
        />
      }
    >
      <P>{greeting(props.firstName)}</P>
      <P>{`You (or your careers team) asked Rebound to coach you after your interview at ${companyName(props.company)}. Over the next week you would get a handful of short emails, each with one question you can answer by simply replying. Your answers build a personal log of what you are learning.`}</P>
      <P>You can pause or stop at any time. Please confirm that this address is yours:</P>
      <Section style={styles.buttonRow}>
        <Button href={safeUrl("confirmUrl", props.confirmUrl)} style={styles.button}>
          Yes, start my coaching
        </Button>
      </Section>
      <P>Not expecting this? Just ignore this email and we will not write again.</P>
    </EmailLayout>
  );
}

SubscribeConfirmEmail.PreviewProps = PreviewProps;
