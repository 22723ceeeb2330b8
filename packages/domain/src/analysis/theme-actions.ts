import type { Theme } from "../themes.js";

export const THEME_LABELS: Readonly<Record<Theme, string>> = {
  preparation: "Preparation and research",
  communication: "Communication",
  structure: "Answer structure",
  "unexpected-questions": "Unexpected questions",
  nonverbal: "Body language and confidence",
  "skills-gap": "Skills gap",
  "culture-fit": "Culture fit",
  materials: "Resume and presentation",
  "follow-up": "Follow-up",
  mindset: "Mindset",
};

/** Three concrete next steps per theme, drawn from the coaching seeds, most useful first. */
export const THEME_ACTIONS: Readonly<Record<Theme, readonly string[]>> = {
  preparation: [
    "Give the next employer a focused hour before you meet: what they sell, who buys it, one recent piece of news about them, and where this role fits in.",
    "Write short answers to the questions nearly every interviewer asks (tell me about yourself, why us, a weakness, where you see yourself) and say them out loud until they come easily.",
    "Book a practice interview with someone you trust (a friend, a mentor or your coach) and ask them to tell you plainly what fell flat.",
  ],
  communication: [
    "Pick the three strengths that matter most for this kind of role and attach one achievement with a number to each, so your skills come across as results.",
    "Keep answers to about two minutes: lead with the point, give one example, then stop. Record a practice answer and cut whatever the listener doesn't need.",
    'Say "I" when you describe your part: name what you did and what changed because of it, so the interviewer doesn\'t have to guess.',
  ],
  structure: [
    "Collect five or six stories from your work and shape each one as situation, task, action and result (STAR).",
    "End every story on the outcome, with a figure if you have one; an answer without a result sounds unfinished.",
    "Match your stories to the usual prompts (a conflict, a failure, leading others, a tight deadline) so one is ready whichever comes up.",
  ],
  "unexpected-questions": [
    "Write down the questions that threw you and draft a calm answer to each while you still remember them.",
    'Practise a line that buys thinking time ("Let me take a moment on that") and reason out loud through puzzles instead of going silent.',
    "Ask a friend to throw odd and unfamiliar questions at you in a practice round until surprises feel normal.",
  ],
  nonverbal: [
    "Film yourself answering two practice questions and watch it with the sound off: check posture, hands and eye contact.",
    "Before the next interview, slow your breathing for a minute and say a couple of answers aloud to warm up your voice.",
    "Let your interest show: smile when you meet, sit slightly forward, and say in plain words why this job appeals to you.",
  ],
  "skills-gap": [
    "List the skills, tools or certifications the role asked for that you don't have yet, and pick the one that shows up most often in postings like it.",
    "Start a short online course or workshop in that skill this week, and mention it as in progress in applications and interviews.",
    "Prepare an honest answer about the gap: what you already know that is close to it, and the steps you are taking to close it.",
  ],
  "culture-fit": [
    "Write down what you need from a workplace (hours, pace, how the team works, values) and check each new opening against it before you apply.",
    "Treat a poor fit as useful information, not a verdict on you; keep looking for a place where you can be yourself rather than settling.",
    "In your next interview, ask how the team works day to day and what a normal week looks like, so you can judge the fit for yourself.",
  ],
  materials: [
    "Tailor both your resume and your cover letter to each posting: echo the skills the job description names and put the matching achievements first.",
    "Ask a mentor or career adviser to go through your resume and portfolio, and fix typos, dead links and anything out of date.",
    "Get your presentation ready the day before: pick clothes a notch smarter than the company's everyday style, and test camera, light and sound for video calls.",
  ],
  "follow-up": [
    "Send each interviewer a brief thank-you within a day, and say you would welcome being considered for similar roles.",
    "Ask politely for one or two points of constructive feedback, making clear you want to improve, not to argue the decision.",
    "Stay in touch: connect with the recruiter, check in every couple of months, and keep any frustration about the decision out of public view.",
  ],
  mindset: [
    "Keep a running list of the high points of every interview, so you can see your progress and not only the setbacks.",
    "Remember that many rejections come down to things you never see; review what is yours to change, and let go of blaming yourself or the interviewer.",
    "Keep momentum: set a weekly number of applications, and lean on friends, family or a mentor when it gets heavy.",
  ],
};

/** Two or three actions for a theme; `count` is clamped to that range. */
export function actionsFor(theme: Theme, count = 3): string[] {
  const n = Math.min(3, Math.max(2, Math.trunc(Number.isFinite(count) ? count : 3)));
  return THEME_ACTIONS[theme].slice(0, n);
}
