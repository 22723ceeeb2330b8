/** @jsxRuntime automatic */
/** @jsxImportSource react */
import { Hr, Link, Text } from "@react-email/components";
import { BrandReplyFooter } from "./brand.js";
import { styles } from "./styles.js";

export interface FooterProps {
  /** Why this person is getting the email, in one sentence. */
  reason: string;
  unsubscribeUrl: string;
  /** Present on every email sent to a confirmed subscriber. */
  preferencesUrl?: string;
  logUrl?: string;
}

export function Footer({ reason, unsubscribeUrl, preferencesUrl, logUrl }: FooterProps) {
  return (
    <>
      <Hr style={styles.hr} />
      <BrandReplyFooter />
      <Text style={styles.footer}>{reason}</Text>
      <Text style={styles.footer}>
        {logUrl ? (
          <>
            <Link href={logUrl} style={styles.footerLink}>
              Read your log
            </Link>
            {" · "}
          </>
        ) : null}
        {preferencesUrl ? (
          <>
            <Link href={preferencesUrl} style={styles.footerLink}>
              Preferences
            </Link>
            {" · "}
          </>
        ) : null}
        <Link href={unsubscribeUrl} style={styles.footerLink}>
          Unsubscribe
        </Link>
      </Text>
    </>
  );
}
