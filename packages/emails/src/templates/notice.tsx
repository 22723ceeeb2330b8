/** @jsxRuntime automatic */
/** @jsxImportSource react */
import { Button, Section } from "@react-email/components";
import { cleanLine, safeUrl } from "../clean.js";
import { EmailLayout } from "../components/email-layout.js";
import { Footer } from "../components/footer.js";
import { P } from "../components/paragraph.js";
import { styles } from "../components/styles.js";
import { greeting } from "../names.js";

/** What Rebound tells a candidate about the service itself (not coaching): one of a few fixed notices. */
export type NoticeKind = "confirm-command" | "reply-not-stored";

export interface NoticeProps {
  kind: NoticeKind;
  firstName: string;
  /** For confirm-command: what the other address asked for. */
  command?: "stop" | "pause" | "offer";
  /** The sender that asked, shown so the candidate recognises (or not) the forward. */
  otherSender?: string;
  actionUrl?: string;
  unsubscribeUrl: string;
}

export const PreviewProps = {
  kind: "confirm-command",
  firstName: "Maya",
  command: "stop",
  otherSender: "maya.work@northwind.example",
  actionUrl: "https://rebound.example.com/confirm-command/preview-token",
  unsubscribeUrl: "https://rebound.example.com/unsubscribe/preview-token",
} satisfies NoticeProps;

const COMMAND_WORDS: Record<NonNullable<NoticeProps["command"]>, { ask: string; button: string }> = {
  stop: { ask: "stop all Rebound emails to this address", button: "Yes, stop my emails" },
  pause: { ask: "pause your Rebound emails for a week", button: "Yes, pause for a week" },
  offer: {
    ask: "record that you got the job (congratulations, if so!) and end this coaching track",
    button: "Yes, I got the job",
  },
};

export function noticeSubject(props: Pick<NoticeProps, "kind" | "command">): string {
  if (props.kind === "reply-not-stored") return "Your reply did not reach your Rebound log";
  return props.command === "stop" ? "Please confirm: stop your Rebound emails?" : "Please confirm your Rebound request";
}

export default function NoticeEmail(props: NoticeProps) {
  const footer = (
    <Footer
      reason="You are getting this because you receive coaching emails from Rebound."
      unsubscribeUrl={safeUrl("unsubscribeUrl", props.unsubscribeUrl)}
    />
  );
  if (props.kind === "reply-not-stored") {
    return (
      <EmailLayout
        preview="Something went wrong on our side with your last reply."
        heading="We could not save your reply"
        footer={footer}
      >
        <P>{greeting(props.firstName)}</P>
        <P>
          Your last reply reached us, but we could not add it to your interview log. That is our fault, not yours, and
          we are sorry: your words matter to the coaching.
        </P>
        <P>If you still have it, please reply to this email with the same text and we will store it.</P>
      </EmailLayout>
    );
  }
  const words = COMMAND_WORDS[props.command ?? "stop"];
  const sender = props.otherSender ? cleanLine(props.otherSender) : "another address";
  return (
    <EmailLayout
      preview="A reply from another address asked us to change your emails."
      heading="Was that you?"
      footer={footer}
    >
      <P>{greeting(props.firstName)}</P>
      <P>{`A reply to one of your Rebound emails came from ${sender}, not from this address, and asked us to ${words.ask}.`}</P>
      <P>
        We only act on such requests when you confirm them here. If it was you (from another account, say), press the
        button:
      </P>
      {props.actionUrl ? (
        <Section style={styles.buttonRow}>
          <Button href={safeUrl("actionUrl", props.actionUrl)} style={styles.button}>
            {words.button}
          </Button>
        </Section>
      ) : null}
      <P>If it was not you, ignore this email: nothing changes.</P>
    </EmailLayout>
  );
}

NoticeEmail.PreviewProps = PreviewProps;
