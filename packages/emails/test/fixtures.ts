import { feedbackMailto } from "@rebound/domain";
import type { StepEmailProps } from "../src/index.js";

export const baseProps: StepEmailProps = {
  firstName: "Maya",
  company: "Northwind Labs",
  role: "Product Designer",
  feedbackMailto: feedbackMailto({ candidateName: "Maya Okafor", company: "Northwind Labs", role: "Product Designer" }),
  unsubscribeUrl: "https://rebound.test/unsubscribe/tok-123?src=email&step=1",
  preferencesUrl: "https://rebound.test/preferences/tok-123",
  logUrl: "https://rebound.test/log/tok-123",
};

/** Values that stress escaping, whitespace handling, unicode and the placeholder scheme. */
export const trickyProps: Record<string, StepEmailProps> = {
  "apostrophes and markup": {
    ...baseProps,
    firstName: "O'Brien & <Sons>",
    company: `Smith & "Daughters" <Ltd>`,
    role: "",
    feedbackMailto: feedbackMailto({
      candidateName: "O'Brien & <Sons>",
      company: `Smith & "Daughters"`,
      interviewer: "Zoë",
    }),
  },
  unicode: {
    ...baseProps,
    firstName: "Zoë 🧑🏽‍💻",
    company: "Ünïcødé 株式会社",
    role: "Ingénieur·e R&D",
    feedbackMailto: feedbackMailto({ candidateName: "Zoë", company: "Ünïcødé 株式会社", role: "Ingénieur·e R&D" }),
  },
  "messy whitespace and control characters": {
    ...baseProps,
    firstName: "  Ana\n  Maria\t\u0000",
    company: "Acme\u00a0Corp\u200b ",
    role: " Lead \r\n Dev ",
  },
  "placeholder look-alikes and replacement patterns": {
    ...baseProps,
    firstName: "__RB_company__",
    company: "<script>alert(1)</script>",
    role: "$& $1 $$ __RB_logUrl__",
  },
  "empty name, role and company": { ...baseProps, firstName: "", company: "", role: "" },
  "lone surrogate": { ...baseProps, firstName: "Bad\ud800name", company: "X\udc00Y" },
  "urls with quotes and ampersands": {
    ...baseProps,
    unsubscribeUrl: `https://rebound.test/u?t=a&b="c"&d='e'&f=<g>`,
    preferencesUrl: "https://rebound.test/p?x=1&amp;y=2",
    logUrl: "https://rebound.test/log/%E2%9C%93?lang=fr&q=caf%C3%A9",
  },
};

/** React DOM's text/attribute escaping, written out independently of the package's own helper. */
export function reactEscaped(value: string): string {
  return value
    .replaceAll("&", "&amp;")
    .replaceAll("<", "&lt;")
    .replaceAll(">", "&gt;")
    .replaceAll('"', "&quot;")
    .replaceAll("'", "&#x27;");
}
