import { createContext, useContext } from "react";
import { cleanBlock, cleanLine, companyName, interviewPhrase, safeUrl } from "./clean.js";
import { greeting } from "./names.js";
import type { StepEmailProps } from "./step-props.js";

/**
 * Everything a step template may show that depends on the recipient. Templates
 * read these (never the raw props), which is what makes them compilable: every
 * personal value is one whole string computed here, outside the markup, so the
 * markup itself never branches on a value (an empty role changes a phrase, not
 * the element tree).
 */
export interface StepSlots {
  /** "Hi Maya," or "Hello,". */
  greeting: string;
  company: string;
  /** "for the Product Designer role at Acme" or "at Acme". */
  interview: string;
  /** The feedback request, readable: "Subject: ...\n\n<body>" decoded from the mailto URL. */
  feedbackDraft: string;
  feedbackMailto: string;
  unsubscribeUrl: string;
  preferencesUrl: string;
  logUrl: string;
}

export type SlotKey = keyof StepSlots;

export const SLOT_KEYS = [
  "greeting",
  "company",
  "interview",
  "feedbackDraft",
  "feedbackMailto",
  "unsubscribeUrl",
  "preferencesUrl",
  "logUrl",
] as const satisfies readonly SlotKey[];

/** Slot values that are URLs (only ever placed in href attributes). */
export const URL_SLOTS: ReadonlySet<SlotKey> = new Set([
  "feedbackMailto",
  "unsubscribeUrl",
  "preferencesUrl",
  "logUrl",
]);

/** Validated, normalised recipient values. Throws on unsafe URLs. */
export function stepSlots(props: StepEmailProps): StepSlots {
  const company = companyName(props.company);
  const feedbackMailto = safeUrl("feedbackMailto", props.feedbackMailto);
  if (!feedbackMailto.toLowerCase().startsWith("mailto:")) {
    throw new TypeError("feedbackMailto must be a mailto: URL");
  }
  return {
    greeting: greeting(props.firstName),
    company,
    interview: interviewPhrase(company, cleanLine(props.role)),
    feedbackDraft: draftFromMailto(feedbackMailto),
    feedbackMailto,
    unsubscribeUrl: safeUrl("unsubscribeUrl", props.unsubscribeUrl),
    preferencesUrl: safeUrl("preferencesUrl", props.preferencesUrl),
    logUrl: safeUrl("logUrl", props.logUrl),
  };
}

function mailtoParam(query: string, name: string): string {
  for (const pair of query.split("&")) {
    const eq = pair.indexOf("=");
    if (eq > 0 && pair.slice(0, eq).toLowerCase() === name) {
      try {
        return decodeURIComponent(pair.slice(eq + 1));
      } catch {
        return "";
      }
    }
  }
  return "";
}

/**
 * Plain-text readers cannot use a mailto button (and html-to-text strips the
 * `mailto:` scheme anyway), so the feedback email also shows the draft itself.
 */
export function draftFromMailto(mailto: string): string {
  const query = mailto.slice(mailto.indexOf("?") + 1 || mailto.length);
  const subject = cleanLine(mailtoParam(query, "subject"));
  const body = cleanBlock(mailtoParam(query, "body"));
  return cleanBlock(subject ? `Subject: ${subject}\n\n${body}` : body);
}

/**
 * Set only while compiling: templates then render placeholders instead of
 * values. Outside compilation the context is empty and templates compute their
 * slots from props, which is what `email dev` and `renderStepEmail` do.
 */
export const SlotOverride = createContext<StepSlots | null>(null);

export function useStepSlots(props: StepEmailProps): StepSlots {
  return useContext(SlotOverride) ?? stepSlots(props);
}
