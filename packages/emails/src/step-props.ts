/** What every drip step email is rendered from. Values are plain text; URLs are complete. */
export interface StepEmailProps {
  firstName: string;
  company: string;
  /** "" when unknown. */
  role: string;
  /** A complete `mailto:` URL, built by `feedbackMailto()` in @rebound/domain. */
  feedbackMailto: string;
  unsubscribeUrl: string;
  preferencesUrl: string;
  logUrl: string;
}
