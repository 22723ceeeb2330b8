/** @jsxRuntime automatic */
/** @jsxImportSource react */
import { Button, Hr, Section, Text } from "@react-email/components";
import { cleanLine, safeUrl } from "../clean.js";
import { EmailLayout } from "../components/email-layout.js";
import { P } from "../components/paragraph.js";
import { styles } from "../components/styles.js";

/** Mail to program admins and coaches (never to candidates): a sign-in link, or an invitation. */
export interface AdminAccessProps {
  kind: "sign-in" | "invitation";
  url: string;
  /** How long the link works, in minutes. */
  validMinutes: number;
  programName?: string;
  role?: string;
  inviterName?: string;
  /** Where to ask for a fresh link once this one has expired. */
  signInUrl: string;
}

export const PreviewProps = {
  kind: "invitation",
  url: "https://rebound.example.com/admin/login?token=preview-token",
  validMinutes: 60,
  programName: "Northwind Career Centre",
  role: "coach",
  inviterName: "Maya Okafor",
  signInUrl: "https://rebound.example.com/admin/signin",
} satisfies AdminAccessProps;

export function adminAccessSubject(props: Pick<AdminAccessProps, "kind" | "programName">): string {
  if (props.kind === "invitation")
    return `You are invited to ${cleanLine(props.programName ?? "a program")} on Rebound`;
  return "Your Rebound sign-in link";
}

export default function AdminAccessEmail(props: AdminAccessProps) {
  const url = safeUrl("url", props.url);
  const footer = (
    <>
      <Hr style={styles.hr} />
      <Text style={styles.footer}>
        {`This link works once, for ${props.validMinutes} minutes. Did not ask for it? Ignore this email: nothing happens without the link.`}
      </Text>
    </>
  );
  if (props.kind === "invitation") {
    const who = props.inviterName ? cleanLine(props.inviterName) : "A program owner";
    return (
      <EmailLayout preview="An invitation to a Rebound program." heading="Join your program on Rebound" footer={footer}>
        <P>{`${who} invited you to ${cleanLine(props.programName ?? "their program")} as ${cleanLine(props.role ?? "coach")}.`}</P>
        <P>Rebound coaches job seekers by email after their interviews; in the admin app you follow your cohorts.</P>
        <Section style={styles.buttonRow}>
          <Button href={url} style={styles.button}>
            Accept the invitation
          </Button>
        </Section>
        <P>{`If the link has expired, ask for a new one at ${safeUrl("signInUrl", props.signInUrl)} with this address: the invitation stays open for a week.`}</P>
      </EmailLayout>
    );
  }
  return (
    <EmailLayout preview="Your link to sign in to Rebound." heading="Sign in to Rebound" footer={footer}>
      <P>Press the button to sign in to the Rebound admin app.</P>
      <Section style={styles.buttonRow}>
        <Button href={url} style={styles.button}>
          Sign in
        </Button>
      </Section>
    </EmailLayout>
  );
}

AdminAccessEmail.PreviewProps = PreviewProps;
