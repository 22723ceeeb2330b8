import { compilePattern } from "./cue.js";
import { isNegated } from "./negation.js";
import { spanAt, type TextIndex, tokensBefore } from "./text-index.js";

/**
 * Statements a coach should read personally. Negations cancel them, so "I won't give
 * up" or "I don't feel hopeless" raise nothing; better to flag a borderline reply
 * than miss a real one, so the wording list is generous.
 */
const DISTRESS = [
  "(?:want|wanna|going|ready|about|tempted|feel like|feeling like|thinking (?:of|about)|think i'll|might as well|should just|i'll just|close to|time to) (?:to )?(?:just )?(?:give|giving) up",
  "i (?:just )?give up",
  "(?:giving|give) up on (?:everything|myself|life|it all|the job search|job hunting|finding)",
  "what's (?:even )?the point(?! of (?:a|an|the|having|writing|sending|doing a|asking|cover|this question)(?![\\p{L}]))",
  "(?:is there|there's|there is|don't see|see no|no) (?:any |even |much )?point (?:in |of )?(?:going on|trying|anything|carrying on|continuing|any ?more|doing this|applying|looking|any of (?:it|this))",
  "(?:i'm|i am|im) (?:never|not ever) going to (?:get|find|land) (?:a |any )?(?:job|work)",
  "how (?:much )?(?:longer|more) (?:i can|i could|can i) (?:keep going|keep doing this|do this|take (?:this|it)|go on|cope)",
  "(?:don't|do not|can't|cannot) see (?:the|any) point",
  "point (?:of|in) (?:living|life|being alive|being here)",
  "(?:not|isn't|is not|no longer) worth (?:living|it any ?more)",
  "(?:life|living) (?:isn't|is not) worth",
  "better off (?:dead|without me|not (?:being )?here)",
  "worthless",
  "hopeless",
  "(?:i'm|i am|i feel|feel|feeling|i felt|felt) (?:so |completely |totally |just |like )?(?:worthless|hopeless|useless|a failure|like a failure|a loser|like a loser|like nothing|like garbage|empty|broken)",
  "(?:can't|cannot|can not) (?:do|take|handle|cope with|keep doing) (?:this|it|any of this) any ?more",
  "(?:can't|cannot) (?:go on|cope)",
  "(?:i'm|i am) (?:so |just |totally |completely )?done with (?:job hunting|job searching|the job search|applying|looking|interviews|interviewing|all of this|everything|life|it all)",
  "(?:no|don't see a|can't see a|cannot see a) way out",
  "(?:kill|hurt|harm) myself",
  "end it all",
  "suicid(?:e|al)",
  "(?:don't|do not) want to (?:be here|live|wake up|exist)",
  "no reason to (?:live|go on|keep going)",
  "falling apart",
  "(?:can't|cannot) stop crying",
  "(?:i'm|i am|feel|feeling) (?:so |really )?(?:depressed|in despair)",
  "despair",
  "(?:i've|i have|ive|i had|i'd) (?:already |just )?given up on (?:everything|myself|life|it all|finding)",
  "(?:can't|cannot|can not|barely|haven't been able to|unable to) (?:eat|sleep)(?: or (?:eat|sleep))?",
  "(?:lie|lying|lay|laying) awake",
  "(?:not|barely|haven't been|hardly) sleeping",
  "(?:don't|do not|can't|cannot) see why i should (?:bother|keep|go on|carry on|try)",
  "why (?:should i |do i )?(?:even )?bother",
  "(?:i'm|i am|i feel like|feel like|feeling like) (?:such )?a burden",
  "(?:feel|feeling) like crying",
  "(?:cry|crying|cried) (?:every|all) (?:day|night|the time)",
].map((source) => compilePattern(source));

export function findDistress(index: TextIndex): string[] {
  const hits: { start: number; end: number }[] = [];
  for (const pattern of DISTRESS) {
    pattern.lastIndex = 0;
    for (let m = pattern.exec(index.text); m !== null; m = pattern.exec(index.text)) {
      const clause = spanAt(index.clauses, m.index);
      if (isNegated(tokensBefore(index, clause.start, m.index, 5))) continue;
      hits.push({ start: m.index, end: m.index + m[0].length });
    }
  }
  // Quote the fullest wording once: "I feel worthless" rather than also "worthless".
  hits.sort((a, b) => a.start - b.start || b.end - a.end);
  const found: string[] = [];
  let reach = -1;
  for (const hit of hits) {
    if (hit.start < reach) continue;
    reach = hit.end;
    const phrase = index.text.slice(hit.start, hit.end);
    if (!found.includes(phrase)) found.push(phrase);
  }
  return found;
}
