/** @jsxRuntime automatic */
/** @jsxImportSource react */
import { Button, Section, Text } from "@react-email/components";
import { EmailLayout } from "../components/email-layout.js";
import { Footer } from "../components/footer.js";
import { BulletList, P, Subheading } from "../components/paragraph.js";
import { colors, styles } from "../components/styles.js";
import { cleanBlock, cleanLine, companyName, interviewPhrase, safeUrl } from "../clean.js";
import { greeting } from "../names.js";

export interface AnalysisTheme {
  slug: string;
  label: string;
  /** What the candidate wrote that points to this theme. */
  evidence: string[];
  actions: string[];
  /** Set when the theme came up in earlier interviews: "Third time preparation and research came up, this time at Globex." */
  repeat?: string;
}

export interface AnalysisEmailProps {
  firstName: string;
  company: string;
  role: string;
  /** The part of the reflection we are answering, in the candidate's words. */
  excerpt: string;
  /** A short personal summary (written by the LLM analyser when it is on); absent or null otherwise. */
  summary?: string | null;
  themes: AnalysisTheme[];
  highPoints: string[];
  /** How this interview compares with earlier ones; null for a first interview. */
  comparison: string | null;
  logUrl: string;
  unsubscribeUrl: string;
  preferencesUrl: string;
}

export const PreviewProps = {
  firstName: "Maya",
  company: "Northwind Labs",
  role: "Product Designer",
  excerpt:
    "I knew the product well, but when they asked about a project that failed I froze and rambled. " +
    "I think my portfolio had too many small pieces and not one deep case study.",
  summary:
    "You knew the product and built a good rapport, and the two things that held you back are both fixable: " +
    "a ready story about a setback, and a portfolio that leads with one deep case study.",
  themes: [
    {
      slug: "structure",
      label: "Answer structure",
      evidence: ["when they asked about a project that failed I froze and rambled"],
      repeat: "Second time answer structure came up, this time at Northwind Labs.",
      actions: [
        "Write two STAR stories about setbacks: what happened, your part, what you did, what changed.",
        "Say each one out loud in under two minutes, and time yourself.",
      ],
    },
    {
      slug: "materials",
      label: "Resume and portfolio",
      evidence: ["my portfolio had too many small pieces and not one deep case study"],
      actions: [
        "Pick your strongest project and turn it into one case study: problem, process, result.",
        "Cut the pieces that do not support the roles you are applying for.",
      ],
    },
  ],
  highPoints: ["Knew the product well", "Good rapport with the design lead"],
  comparison:
    "Compared with your last two interviews, nerves came up less often, and preparation stopped being a theme.",
  logUrl: "https://rebound.example.com/log/preview-token",
  unsubscribeUrl: "https://rebound.example.com/unsubscribe/preview-token",
  preferencesUrl: "https://rebound.example.com/preferences/preview-token",
} satisfies AnalysisEmailProps;

export function analysisSubject(props: Pick<AnalysisEmailProps, "company">): string {
  return `Your interview at ${companyName(props.company)}: what you told us, and what to try next`;
}

const REASON =
  "You are getting this because you replied to a Rebound coaching email. " +
  "Reply PAUSE to take a week off, or STOP to end these emails.";

/** Sent after a substantial reflection: what they said, themes with actions, high points, progress. */
export default function AnalysisEmail(props: AnalysisEmailProps) {
  const company = companyName(props.company);
  const excerpt = cleanBlock(props.excerpt);
  const logUrl = safeUrl("logUrl", props.logUrl);
  const summary = cleanBlock(props.summary ?? "");
  return (
    <EmailLayout
      preview="Your reflection, sorted into themes, with a few concrete things to try before your next interview."
      heading="What your reflection tells us"
      footer={
        <Footer
          reason={REASON}
          unsubscribeUrl={safeUrl("unsubscribeUrl", props.unsubscribeUrl)}
          preferencesUrl={safeUrl("preferencesUrl", props.preferencesUrl)}
          logUrl={logUrl}
        />
      }
    >
      <P>{greeting(props.firstName)}</P>
      <P>{`Thank you for looking back so honestly at your interview ${interviewPhrase(company, cleanLine(props.role))}. Here is what we heard, and what to do with it.`}</P>

      {summary ? (
        <>
          <Subheading>In short</Subheading>
          <P>{summary}</P>
        </>
      ) : null}

      {excerpt ? (
        <>
          <Subheading>In your words</Subheading>
          <Text style={styles.quote}>{excerpt}</Text>
        </>
      ) : null}

      <Subheading>What stands out</Subheading>
      {props.themes.length === 0 ? (
        <P>
          Nothing in your reply pointed to a clear weak spot, which is good news. Keep adding to your log after each
          interview; patterns show up over time.
        </P>
      ) : (
        props.themes.map((theme) => (
          <Section key={theme.slug}>
            <Text style={{ ...styles.paragraph, fontWeight: 700, margin: "16px 0 4px" }}>{theme.label}</Text>
            {theme.repeat ? (
              <Text style={{ ...styles.paragraph, color: colors.accent, margin: "0 0 8px" }}>{theme.repeat}</Text>
            ) : null}
            {theme.evidence.map((quote, i) => (
              <Text key={i} style={styles.quote}>
                {`"${quote}"`}
              </Text>
            ))}
            {theme.actions.length > 0 ? (
              <>
                <Text style={{ ...styles.paragraph, margin: "0 0 4px" }}>Try next:</Text>
                <BulletList items={theme.actions} />
              </>
            ) : null}
          </Section>
        ))
      )}

      {props.highPoints.length > 0 ? (
        <>
          <Subheading>Your high points</Subheading>
          <P>Keep these close. They are the evidence that your interviewing is improving.</P>
          <BulletList items={props.highPoints.map((h) => h.charAt(0).toUpperCase() + h.slice(1))} />
        </>
      ) : null}

      <Subheading>Compared with your earlier interviews</Subheading>
      <P>
        {props.comparison ??
          "This is the first interview in your log, so there is nothing to compare yet. From the next one on, we will show you what changed."}
      </P>

      <Section style={styles.buttonRow}>
        <Button href={logUrl} style={styles.button}>
          Read your interview log
        </Button>
      </Section>
      <P>Anything to add or correct? Just reply to this email; your answer goes into your log.</P>
    </EmailLayout>
  );
}

AnalysisEmail.PreviewProps = PreviewProps;
