import type { StepKey } from "@rebound/domain";
import type { ComponentType } from "react";
import type { StepEmailProps } from "./step-props.js";
import AnalyseEmail from "./templates/analyse.js";
import CheckInEmail from "./templates/check-in.js";
import CongratulationsEmail from "./templates/congratulations.js";
import FeedbackEmail from "./templates/feedback.js";
import FitReflectionEmail from "./templates/fit-reflection.js";
import FollowUpNudgeEmail from "./templates/follow-up-nudge.js";
import KeepApplyingEmail from "./templates/keep-applying.js";
import ProcessEmail from "./templates/process.js";

/** One template per step key; the Record type makes a missing step a compile error. */
export const STEP_TEMPLATES: Record<StepKey, ComponentType<StepEmailProps>> = {
  process: ProcessEmail,
  feedback: FeedbackEmail,
  analyse: AnalyseEmail,
  "keep-applying": KeepApplyingEmail,
  "follow-up-nudge": FollowUpNudgeEmail,
  "fit-reflection": FitReflectionEmail,
  congratulations: CongratulationsEmail,
  "check-in": CheckInEmail,
};
