import { findStep, OUTCOMES, type StepKey } from "@rebound/domain";

/** The prompt(s) a step asks, as defined by the tracks in @rebound/domain. */
export function stepPrompts(step: StepKey): readonly string[] {
  for (const outcome of OUTCOMES) {
    const found = findStep(outcome, step);
    if (found) return found.step.prompts;
  }
  throw new Error(`No track contains the step "${step}"`);
}
