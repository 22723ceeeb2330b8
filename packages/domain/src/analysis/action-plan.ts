import { THEMES, type Theme } from "../themes.js";
import { THEME_ACTIONS, THEME_LABELS } from "./theme-actions.js";

/**
 * Actions that fit: two or three per theme, built from what the candidate wrote
 * (the evidence), the company and role, and how often the theme came up before.
 * The first action answers the evidence itself when it names something concrete
 * (a tool, a question, a document, a kind of nerves); the next one is the theme's
 * best general step; a theme that keeps coming back gets a different, stronger
 * step and says so. Pure: same input, same plan.
 */

export interface ActionPlanInput {
  themes: readonly { theme: Theme; evidence: readonly string[] }[];
  company: string;
  role?: string | null;
  /** How many earlier interviews carried each theme (absent: none). */
  earlier?: Partial<Record<Theme, number>>;
}

export interface ThemePlan {
  theme: Theme;
  label: string;
  /** Set when the theme came up before: "Third time preparation and research came up, this time at Globex." */
  repeat?: string;
  actions: string[];
}

const ORDINALS = ["", "", "Second", "Third", "Fourth", "Fifth", "Sixth", "Seventh", "Eighth", "Ninth", "Tenth"];
const ordinal = (n: number) => ORDINALS[n] ?? `${n}th`;
const lower = (s: string) => s.charAt(0).toLowerCase() + s.slice(1);

// Tools people name in lower case too; capitalised and all-caps words are found without a list.
const KNOWN_TOOLS =
  /\b(kubernetes|docker|terraform|excel|powerpoint|sql|python|java(?:script)?|typescript|react(?: native)?|node|aws|azure|gcp|salesforce|hubspot|tableau|looker|dbt|figma|sap|xero|sage|quickbooks|jira|kafka|spark|pandas|go|rust|c\+\+|c#|\.net|photoshop|illustrator|autocad|cad|ga4|seo|ppc)\b/i;
const NOT_TOOLS = new Set(
  (
    "I I'm I've I'd I'll The A An And But So Then Also They He She We It My Our Their This That Honestly Hi Hello " +
    "Thanks Thank Prep Preparation Skills Skill Fit CV Off Body STAR Monday Tuesday Wednesday Thursday Friday Zoom Teams " +
    "HR CEO CTO CFO VP MD OK"
  ).split(" "),
);

/** A question they quote: 'whats your biggest weakness' -> whats your biggest weakness. */
function quotedQuestion(evidence: readonly string[]): string | null {
  for (const e of evidence) {
    const m = /(?<![\p{L}\p{N}])["“'‘]([^"”'’]{8,120})(?:["”'’]|$)/u.exec(e);
    if (m?.[1]) return m[1].trim().replace(/[?.!]+$/, "");
  }
  return null;
}

/** What they already have, not what was asked for: "I've only used docker", "I know Xero". */
const THEIRS = /\b(?:only|i've|ive|i have|i know|i've got|i had|my|done|used to)\b[^.,;]{0,24}$/i;

/** A tool, skill or certification named in the evidence ("Kubernetes", "PMP", "GA4"); the one asked for wins. */
function namedSkill(evidence: readonly string[], company: string): string | null {
  const text = evidence.join(" . ");
  const companyWords = new Set(company.split(/\s+/));
  const found: { word: string; theirs: boolean }[] = [];
  const consider = (word: string, at: number) =>
    found.push({ word, theirs: THEIRS.test(text.slice(Math.max(0, at - 30), at)) });
  for (const m of text.matchAll(/\b([A-Z][A-Za-z0-9+#.]*[A-Za-z0-9+#]|[A-Z]{2,}[0-9]*)\b/g)) {
    const word = m[1] ?? "";
    if (NOT_TOOLS.has(word) || companyWords.has(word)) continue;
    // A capitalised ordinary word (a name, a place) is not a skill unless it looks technical.
    if (/^[A-Z][a-z]+$/.test(word) && !KNOWN_TOOLS.test(word)) continue;
    consider(word, m.index);
  }
  for (const m of text.matchAll(new RegExp(KNOWN_TOOLS.source, "gi"))) {
    const word = m[1] ?? "";
    consider(/^[a-z]/.test(word) && word.length <= 4 ? word.toUpperCase() : capitalise(word), m.index);
  }
  return (found.find((f) => !f.theirs) ?? found[0])?.word ?? null;
}

const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

function has(evidence: readonly string[], pattern: RegExp): boolean {
  return evidence.some((e) => pattern.test(e));
}

function documentNamed(evidence: readonly string[]): string | null {
  const text = evidence.join(" ").toLowerCase();
  if (/\bcover letter/.test(text)) return "cover letter";
  if (/\bportfolio|case stud/.test(text)) return "portfolio";
  if (/\blinkedin/.test(text)) return "LinkedIn profile";
  if (/\bcv\b/.test(text)) return "CV";
  if (/\br[ée]sum[ée]|\bresume/.test(text)) return "resume";
  if (/\b(?:slides?|deck|presentation)\b/.test(text)) return "slides";
  if (/\b(?:wore|wear|wearing|outfit|dress|dressed|suit|shoes|clothes|attire|trainers)\b/.test(text)) return "outfit";
  return null;
}

interface Context {
  evidence: readonly string[];
  company: string;
  role: string;
  /** "a Product Designer role" or "this kind of role". */
  roleLike: string;
}

/** The action that answers what the candidate actually wrote, or null when nothing concrete stands out. */
const SPECIFIC: Readonly<Record<Theme, (c: Context) => string | null>> = {
  preparation: (c) => {
    if (has(c.evidence, /salary|pay|earn|money|benchmark|number/i))
      return "Before the next offer conversation, look up the pay range for this kind of role in two places and settle on the figure you will name, so the question no longer comes as a surprise.";
    if (has(c.evidence, /questions? (?:for|to ask)|ask (?:them|anything)|no questions/i))
      return "Write three questions of your own for the next interviewer: one about the team, one about how success is measured, one about something you read about the company.";
    if (has(c.evidence, /weakness|about yourself|why (?:us|this|here|do you want)|five years/i))
      return "Draft a short answer to each of the classic questions (about yourself, why this company, a weakness, five years from now) and say them aloud until they sound like you.";
    if (
      has(c.evidence, /website|product|competitor|news|client|customer|what they do|the company|their|look(?:ed)? up/i)
    )
      return `Look back at ${c.company} with fresh eyes: what they sell, who their customers and competitors are, one recent piece of news. Doing it once now makes it a habit for every next interview.`;
    return null;
  },
  communication: (c) => {
    if (has(c.evidence, /rambl|waffl|tangent|on and on|too long|went on|point|babbl|over-?explain/i))
      return `Take the question you rambled on and answer it again in ninety seconds: the point first, one example, then stop. Record it and listen back.`;
    if (has(c.evidence, /short|one-word|brief|didn't say much|dried up|quiet/i))
      return "Give every answer a second half: after the short answer, add one example of what you did and what came of it.";
    if (
      has(
        c.evidence,
        /undersold|undersell|modest|\bwe\b|helped out|my part|what (?:i|you) did|impact|numbers?|results?/i,
      )
    )
      return "List three things you achieved with a number attached, and practise saying them with “I” rather than “we”, so your own part is easy to hear.";
    return null;
  },
  structure: (c) => {
    if (has(c.evidence, /result|outcome|ending|end(?:ed)? up|no point|finish/i))
      return "Go through your stories and make sure each one ends on its result: what changed, ideally with a number. A story that stops at the action feels unfinished to an interviewer.";
    if (has(c.evidence, /example|story|stories|time when|a time/i))
      return "Pick the question you had no ready example for and write the story now as situation, task, action and result, so it is there next time.";
    if (has(c.evidence, /star|structure|all over the place|jump|order/i))
      return "Before answering, say your structure to yourself in four words (situation, task, action, result) and keep to it; practise that on two questions tonight.";
    return null;
  },
  "unexpected-questions": (c) => {
    const q = quotedQuestion(c.evidence);
    if (q)
      return `Write the answer you would give now to “${q}”, while the question is fresh. Having one calm answer ready changes how the next surprise feels.`;
    if (has(c.evidence, /golf ball|how many|estimate|brain ?teaser|riddle|puzzle/i))
      return "Practise two estimation puzzles out loud: state your assumptions, do rough sums, give a number. Interviewers want to hear how you think, not a perfect answer.";
    if (has(c.evidence, /whiteboard|live coding|case|exercise|role play|presentation|task/i))
      return `Ask ${c.company}'s recruiter (or the next company's) what format each round takes, and rehearse that format once with a friend playing the interviewer.`;
    return null;
  },
  nonverbal: (c) => {
    if (has(c.evidence, /eye contact|look(?:ed)? (?:them|him|her|at)|in the eye|camera/i))
      return "Practise answering while you hold eye contact (on video, look at the camera, not the screen) for a few seconds at a time; a friend or a recording will show you when you drift.";
    if (has(c.evidence, /nerv|anxious|shak|sweat|stutter|stammer|panic|blank|froze|\bred\b|heart/i))
      return "Build a short routine for the ten minutes before you go in: slow breathing, one answer said aloud, and a sentence you tell yourself. Nerves drop when the start is familiar.";
    if (has(c.evidence, /slouch|hunch|posture|fidget|arms|hands/i))
      return "Film two practice answers and watch them muted: settle on a way to sit and where your hands rest, and use it from the first minute next time.";
    if (has(c.evidence, /enthusias|energy|flat|monotone|bored|interest|tone|voice/i))
      return "Say, in plain words, what excites you about the work; practise it until it sounds natural, and let it show in your voice early in the interview.";
    return null;
  },
  "skills-gap": (c) => {
    const skill = namedSkill(c.evidence, c.company);
    if (skill)
      return `Start closing the ${skill} gap this week: a short course or a small project you can point to, so next time you can say what you have already done with ${skill}.`;
    if (has(c.evidence, /experience|years|senior|manag|lead/i))
      return "Write down the experience they asked for and find the nearest thing you have done (a project, volunteering, a side task); practise describing it as evidence, honestly and without apology.";
    return null;
  },
  "culture-fit": (c) => {
    if (has(c.evidence, /hours|weekend|overtime|shift|late|balance|commute|office|remote|hybrid/i))
      return "Decide which working hours and arrangements you can live with, and ask about them early with the next employer rather than finding out in the final round.";
    if (has(c.evidence, /values|ethos|mission|faith|belong|religio/i))
      return "Write down the values you want to share with an employer, and read the next company's own words about theirs before you apply.";
    if (has(c.evidence, /corporate|startup|formal|hierarch|pace|fast|style|team|people|manager/i))
      return `Treat what you saw at ${c.company} as information about what suits you: note what felt wrong, and ask the next team how they work day to day.`;
    return null;
  },
  materials: (c) => {
    const doc = documentNamed(c.evidence);
    if (doc === "outfit")
      return "Choose your interview clothes the day before, a step smarter than how the team dresses day to day, and check what the company's own photos show.";
    if (doc === "slides" || doc === "portfolio")
      return `Go through your ${doc} as if you were the interviewer: lead with the piece most like this work, cut anything dated, and check every link.`;
    if (doc)
      return `Rework your ${doc} for ${c.roleLike}: put the achievements that match the job ad first, and ask someone to proofread it before it goes out again.`;
    return null;
  },
  "follow-up": (c) => {
    if (has(c.evidence, /ghost|heard? (?:back|nothing|anything)|no (?:reply|response|word)|silence|waiting/i))
      return `If ${c.company} has not answered within a week of the date they gave, send one short, friendly check-in; after that, put your energy into the next applications.`;
    if (has(c.evidence, /feedback/i))
      return `Ask ${c.company} for one or two points of feedback in a short, warm note, making clear you want to improve rather than discuss the decision.`;
    if (has(c.evidence, /thank/i))
      return `Send the thank-you note to ${c.company} today: a few lines, thanking them for their time and saying you would welcome future openings.`;
    return null;
  },
  mindset: (c) => {
    if (has(c.evidence, /recruiter|interviewer|biased|unfair|rigged|internal|lied|set me up|their fault|waste/i))
      return "Write down what was in your control in this process and what was not; put your effort into the first list and let the rest go, however unfair it felt.";
    if (has(c.evidence, /my fault|blame myself|stupid|idiot|kick(?:ing)? myself|failure|useless|fraud|hate myself/i))
      return "Speak to yourself as you would to a friend after a bad interview: name one thing that went right, one thing to change, and leave it there.";
    if (has(c.evidence, /give up|pointless|point|hopeless|again|another|tired|discourag|gutted|deflated/i))
      return "Set a small, fixed weekly goal (a number of applications, one practice session) and tell someone about it; progress you can count is the best answer to discouragement.";
    return null;
  },
};

/** The stronger step for a theme that keeps coming back. */
const REPEATED: Readonly<Record<Theme, string>> = {
  preparation:
    "Make preparation a fixed routine: a one-page sheet per company (what they do, the role, three stories, three questions) filled in before every interview.",
  communication:
    "Book a mock interview with a coach or a friend and ask them to stop you each time an answer runs past two minutes.",
  structure:
    "Build a bank of six STAR stories on one page and practise picking the right one for a question in under ten seconds.",
  "unexpected-questions":
    "Ask a friend to run a practice round made only of questions you have not seen, and practise saying “let me think about that for a moment” out loud.",
  nonverbal:
    "Do a full mock interview on video with someone you trust, then watch it together and agree on one habit to change.",
  "skills-gap":
    "Pick the one skill that keeps being asked for and give it a regular slot each week until you can show a finished piece of work.",
  "culture-fit":
    "Before applying, check each company against your list of what you need from a workplace; fewer, better-fitting applications beat many poor fits.",
  materials:
    "Ask a careers adviser or mentor to review your documents against two real job ads you want, and rebuild them from their notes.",
  "follow-up":
    "Keep a simple list of every interview with the date you sent thanks, asked for feedback and checked in, so no follow-up is forgotten again.",
  mindset:
    "Keep the list of high points from every interview and reread it before the next one; if the setbacks weigh on you, tell your coach or someone close to you.",
};

/** "Third time preparation and research came up" for a theme seen in two earlier interviews. */
function repeatLine(theme: Theme, before: number): string {
  return `${ordinal(before + 1)} time ${lower(THEME_LABELS[theme])} came up`;
}

export function actionPlan(input: ActionPlanInput): ThemePlan[] {
  const company = input.company.trim() || "the company";
  const role = input.role?.trim() ?? "";
  const seen = new Set<Theme>();
  const plans: ThemePlan[] = [];
  for (const finding of input.themes) {
    if (seen.has(finding.theme) || !THEMES.includes(finding.theme)) continue;
    seen.add(finding.theme);
    const ctx: Context = {
      evidence: finding.evidence,
      company,
      role,
      roleLike: role ? `roles like ${role}` : "the roles you are applying for",
    };
    const before = Math.max(0, Math.trunc(input.earlier?.[finding.theme] ?? 0));
    const actions: string[] = [];
    const add = (a: string | null) => {
      if (a && !actions.includes(a) && actions.length < 3) actions.push(a);
    };
    add(SPECIFIC[finding.theme](ctx));
    if (before > 0) add(`${repeatLine(finding.theme, before)}: ${lower(REPEATED[finding.theme])}`);
    for (const general of THEME_ACTIONS[finding.theme]) {
      if (actions.length >= (before > 0 ? 3 : 2)) break;
      add(general);
    }
    const plan: ThemePlan = { theme: finding.theme, label: THEME_LABELS[finding.theme], actions };
    if (before > 0) plan.repeat = `${repeatLine(finding.theme, before)}, this time at ${company}.`;
    plans.push(plan);
  }
  return plans;
}
