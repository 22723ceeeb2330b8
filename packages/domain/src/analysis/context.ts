import type { Token } from "./text-index.js";
import { isNegator } from "./negation.js";

/**
 * The words around a cue that change what it means. All regexes run on normalised
 * text (lower case, straight apostrophes).
 */

/** Words next to a topic that say it went wrong: "no eye contact", "resume had a typo". */
const TROUBLE_WORDS = new Set(
  (
    "nothing neither none lack lacked lacking lacks missing missed weak weaker poor poorly bad badly awful " +
    "terrible horrible generic vague wrong too mess messed messy struggle struggled struggling hard harder " +
    "difficult difficulty should should've shouldve need needed needs must forgot forget forgotten forgetting " +
    "embarrassing embarrassed mortifying mortified fumbled fumbling fumble problem problems issue issues worried " +
    "worry concern concerned failed fail failing disaster broken typo typos outdated unclear confused confusing " +
    "rough intense awkward worse worst shaky blank froze lost gap sloppy rushed dealbreaker cringe cringey cringy " +
    "barely rusty mistake mistakes bombed lame jumbled defensive exposed oversold overstated exaggerated basics"
  ).split(" "),
);
const TROUBLE_PHRASES =
  /\b(?:out of my head|got the better|fell apart|let me down|could have|could've|i wish|wish i|not great|went wrong|screwed up|messed up|(?:a )?better answer)\b/;

export function hasTrouble(window: readonly Token[]): boolean {
  if (window.some((t) => isNegator(t) || TROUBLE_WORDS.has(t.norm))) return true;
  return TROUBLE_PHRASES.test(window.map((t) => t.norm).join(" "));
}

/** Before a cue: "no problem with eye contact or nerves". */
export const NO_PROBLEM_BEFORE =
  /\b(?:no|zero|without any|without|never (?:had|have) (?:any|a))(?: (?:real|big|major|particular))? (?:problems?|issues?|trouble|difficult(?:y|ies)|concerns?|worries) (?:with|on|around|regarding|about)(?:\s+\S+){0,4}\s*$|\bnothing wrong with(?:\s+\S+){0,3}\s*$/;

/** After a cue: "went great", "was solid", "really helped", "wasn't an issue". */
export const POSITIVE_AFTER = new RegExp(
  [
    "^\\s*(?:\\S+\\s+){0,3}?(?:went|was|were|is|are|felt|seemed|looked|came across|came through)\\s+(?:really |very |pretty |quite |so |actually |totally |all |super )?(?:well|great|good|fine|ok|okay|solid|strong|smooth|smoothly|excellent|perfect|amazing|brilliant|spot on|on point)\\b",
    "^\\s*(?:\\S+\\s+){0,3}?(?:really |actually |definitely )?(?:helped|paid off)\\b",
    "^\\s*(?:really |very |pretty )?well\\b",
  ].join("|"),
);

/** After any cue: "nerves weren't an issue". */
export const NOT_AN_ISSUE_AFTER =
  /^\s*(?:\S+\s+){0,2}?(?:wasn'?t|was not|weren'?t|were not|isn'?t|is not|aren'?t|are not|not) (?:an? |any |really an? |much of an? |a big )?(?:issue|problem|concern|worry)\b/;

/** Straight before a topic: "great eye contact", "strong technical skills". */
export const PRAISE_BEFORE = /\b(?:good|great|solid|strong|excellent|perfect|nice|decent|clear|confident)\s+$/;

/** A sentence that is about something going well: "that part went smoothly". */
export const POSITIVE_SENTENCE =
  /\b(?:went|going|gone) (?:really |very |pretty |so |quite )?(?:well|great|smoothly)\b|\bpaid off\b|\b(?:did|done) everything right\b|\breally helped\b/;
