import { feedbackMailto } from "@rebound/domain";
import type { StepEmailProps } from "../step-props.js";

const base = "https://rebound.example.com";

/** Sample recipient for `email dev` previews. */
export const sampleStepProps = {
  firstName: "Maya",
  company: "Northwind Labs",
  role: "Product Designer",
  feedbackMailto: feedbackMailto({ candidateName: "Maya Okafor", company: "Northwind Labs", role: "Product Designer" }),
  unsubscribeUrl: `${base}/unsubscribe/preview-token`,
  preferencesUrl: `${base}/preferences/preview-token`,
  logUrl: `${base}/log/preview-token`,
} satisfies StepEmailProps;
