/** @jsxRuntime automatic */
/** @jsxImportSource react */
import type { StepKey } from "@rebound/domain";
import type { ReactNode } from "react";
import { stepPrompts } from "../step-prompts.js";
import type { StepSlots } from "../step-slots.js";
import { EmailLayout } from "./email-layout.js";
import { Footer } from "./footer.js";
import { P } from "./paragraph.js";
import { PromptBlock } from "./prompt-block.js";

export interface StepEmailFrameProps {
  step: StepKey;
  slots: StepSlots;
  preview: string;
  heading: string;
  promptIntro: string;
  children: ReactNode;
}

const REASON =
  "You are getting this because you signed up for Rebound's coaching after an interview. " +
  "Reply PAUSE to take a week off, or STOP to end these emails.";

/** Everything a drip step shares: greeting, the reply prompt(s) from the track, and the footer. */
export function StepEmailFrame({ step, slots, preview, heading, promptIntro, children }: StepEmailFrameProps) {
  return (
    <EmailLayout
      preview={preview}
      heading={heading}
      footer={
        <Footer
          reason={REASON}
          unsubscribeUrl={slots.unsubscribeUrl}
          preferencesUrl={slots.preferencesUrl}
          logUrl={slots.logUrl}
        />
      }
    >
      <P>{slots.greeting}</P>
      {children}
      <PromptBlock prompts={stepPrompts(step)} intro={promptIntro} />
    </EmailLayout>
  );
}
