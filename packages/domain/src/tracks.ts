/**
 * The coaching tracks. A track is chosen by the interview outcome; each step is
 * sent once, `delayDays` after enrolment, and asks the candidate to reply.
 * Bump TRACK_VERSION when steps change so running enrolments keep their plan.
 */
export const OUTCOMES = ["rejected", "no_response", "withdrawn", "offer", "pending"] as const;
export type Outcome = (typeof OUTCOMES)[number];

export const STEP_KEYS = [
  "process",
  "feedback",
  "analyse",
  "keep-applying",
  "follow-up-nudge",
  "fit-reflection",
  "congratulations",
  "check-in",
] as const;
export type StepKey = (typeof STEP_KEYS)[number];

export interface Step {
  key: StepKey;
  delayDays: number;
  /** The question(s) the candidate answers by replying. */
  prompts: readonly string[];
}

export interface Track {
  outcome: Outcome;
  version: number;
  steps: readonly Step[];
}

export const TRACK_VERSION = 1;

export const ANALYSE_PROMPTS = [
  "How well had you prepared: what did you know about the company and the role?",
  "How clearly did your skills and results come across?",
  "Which questions caught you off guard, and what would you answer now?",
  "How did you feel about your body language, nerves and confidence?",
  "Was it a skills gap, a fit question, or something in your resume or portfolio?",
] as const;

const step = (key: StepKey, delayDays: number, ...prompts: string[]): Step => ({ key, delayDays, prompts });

const PROCESS = step("process", 0, "What were the high points of this interview?");
const KEEP_APPLYING = (day: number) => step("keep-applying", day, "How many applications will you send this week?");
const ANALYSE = (day: number) => step("analyse", day, ...ANALYSE_PROMPTS);

export const TRACKS: Record<Outcome, Track> = {
  rejected: {
    outcome: "rejected",
    version: TRACK_VERSION,
    steps: [
      PROCESS,
      step("feedback", 1, "Did you hear back? Paste any feedback you got."),
      ANALYSE(3),
      KEEP_APPLYING(7),
    ],
  },
  no_response: {
    outcome: "no_response",
    version: TRACK_VERSION,
    steps: [
      step("follow-up-nudge", 0, "Have you sent a follow-up yet? Tell us when, or paste any answer you got."),
      { ...PROCESS, delayDays: 2 },
      ANALYSE(4),
      KEEP_APPLYING(8),
    ],
  },
  withdrawn: {
    outcome: "withdrawn",
    version: TRACK_VERSION,
    steps: [
      step("fit-reflection", 0, "What made you step back, and what does a good fit look like for you now?"),
      KEEP_APPLYING(5),
    ],
  },
  offer: {
    outcome: "offer",
    version: TRACK_VERSION,
    steps: [step("congratulations", 0, "What went right? List everything you would do the same way again.")],
  },
  pending: {
    outcome: "pending",
    version: TRACK_VERSION,
    steps: [step("check-in", 7, "Any news? Reply with the outcome: rejected, got an offer, or still waiting.")],
  },
};

export function trackFor(outcome: Outcome): Track {
  return TRACKS[outcome];
}

export function stepAt(outcome: Outcome, index: number): Step | undefined {
  return TRACKS[outcome].steps[index];
}

export function findStep(outcome: Outcome, key: string): { step: Step; index: number } | undefined {
  const index = TRACKS[outcome].steps.findIndex((s) => s.key === key);
  const found = TRACKS[outcome].steps[index];
  return found ? { step: found, index } : undefined;
}

export function isOutcome(value: unknown): value is Outcome {
  return typeof value === "string" && (OUTCOMES as readonly string[]).includes(value);
}

/**
 * A track's first step is never due sooner than this after enrolment: outcomes for one candidate
 * that arrive together (an LMS sending a burst) settle on the last one before anything is sent.
 */
export const FIRST_STEP_SETTLE_MS = 1000;

/** The prompt(s) a step asks, whichever track it belongs to (empty for an unknown step). The one owner of prompts. */
export function promptsFor(step: string): readonly string[] {
  for (const outcome of OUTCOMES) {
    const found = findStep(outcome, step);
    if (found) return found.step.prompts;
  }
  return [];
}
