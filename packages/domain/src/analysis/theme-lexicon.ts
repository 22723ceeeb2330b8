import { THEMES, type Theme } from "../themes.js";
import type { Reading } from "./nlp.js";

/**
 * Lemmatised topic words per theme, written from the taxonomy and the coaching
 * seeds (not from any test set). They match on wink's lemmas, so "researched",
 * "researching" and "research" are one entry, and "cover letter" matches "cover
 * letters". The classifier gets, per sentence, which themes' words occur, whether
 * one sits in a negation ("didn't look anything up"), and whether a word of
 * trouble is near: that lets it generalise from a few hundred labelled replies to
 * wordings nobody wrote down.
 */
const LEXICON: Readonly<Record<Theme, string>> = {
  preparation:
    "research, homework, prep, prepare, preparation, unprepared, underprepared, practise, practice, rehearse, " +
    "look up, look into, read up, dig into, google, website, linkedin, glassdoor, annual report, job description, jd, " +
    "job ad, posting, competitor, their product, the company, the business, the role, the team, mission, strategy, " +
    "client, customer, market, news, benchmark, salary expectation, know about, wing, winged, late, " +
    "question to ask, question for them, tell me about yourself, weakness question, why this company, why us, " +
    "mock interview, cheat sheet, notes, revise, brush up",
  communication:
    "ramble, waffle, tangent, babble, rush, mumble, concise, clear, clarity, unclear, vague, long-winded, too long, " +
    "too short, one-word, to the point, get to the point, articulate, explain, undersell, oversell, modest, impact, " +
    "achievement, highlight, convey, come across, came across, jargon, generic, general terms, word, talk too much, " +
    "talk too fast, over-explain, filler, um, sell myself, what i did, my contribution, blurt, trail off",
  structure:
    "star, situation, task, action, result, outcome, structure, structured, unstructured, framework, example, " +
    "story, stories, competency, behavioural, behavioral, anecdote, no ending, no result, specific example, " +
    "concrete example, all over the place, jump around, order, shape, point by point, metric, number, figure, " +
    "lead with, end with, walk through",
  "unexpected-questions":
    "off guard, catch me out, caught out, blindside, blindsided, curveball, curve ball, out of the blue, " +
    "out of nowhere, brain teaser, brainteaser, riddle, puzzle, trick question, hypothetical, weird question, " +
    "strange question, odd question, random question, expect, unexpected, surprise, surprised, throw me, threw me, " +
    "stump, stumped, blank, blanked, freeze, froze, mind go blank, on the spot, case study, whiteboard, live coding, " +
    "role play, golf ball, estimate, how many, sell me this pen, spirit animal, see that coming",
  nonverbal:
    "nervous, nerves, anxious, anxiety, shake, shaking, shaky, sweat, sweating, tremble, stutter, stammer, " +
    "fidget, fidgeting, eye contact, look them in the eye, posture, slouch, hunch, body language, smile, " +
    "handshake, voice, tone, monotone, flat, enthusiasm, enthusiastic, energy, confidence, confident, " +
    "unconfident, timid, quiet, shy, awkward, blush, red, camera, laugh, arms crossed, sit, fiddle, calm",
  "skills-gap":
    "experience, skill, skills gap, qualification, qualified, underqualified, certification, certificate, " +
    "certified, degree, licence, license, training, course, tool, software, language, framework, technical, " +
    "technically, hands-on, proficient, proficiency, fluent, knowledge, expertise, senior, junior, years of, " +
    "never use, never used, only use, only used, familiar, unfamiliar, learn, brush up, sql, python, excel, " +
    "aws, kubernetes, react, java, salesforce, tableau, sap, cad, coding, budget, management experience, " +
    "leadership experience, lack, gap, requirement, require, must have, essential",
  "culture-fit":
    "culture, cultural, fit, values, value, team fit, vibe, atmosphere, environment, ethos, mission, " +
    "hierarchy, hierarchical, corporate, startup, formal, informal, pace, fast-paced, hours, overtime, weekend, " +
    "shift, shifts, remote, office, hybrid, commute, flexibility, flexible, work-life balance, balance, toxic, " +
    "belong, collaborative, independent, micromanage, dress code, personality, style, way of working, " +
    "working style, not for me, not a good fit, poor fit, the people, the manager, red flag",
  materials:
    "resume, cv, cover letter, portfolio, linkedin profile, profile, application, application form, typo, " +
    "spelling, grammar, format, formatting, layout, template, page, outdated, out of date, update, link, " +
    "broken link, case study, deck, slides, presentation, sample, reference, references, outfit, attire, " +
    "wear, wore, dress, dressed, suit, shirt, tie, shoes, clothes, overdressed, underdressed, appearance, " +
    "interview outfit, headshot, website",
  "follow-up":
    "thank you, thank-you, thanks, note, email, follow up, follow-up, followed up, chase, chaser, " +
    "hear back, heard back, hear anything, heard nothing, ghost, ghosted, feedback, ask for feedback, " +
    "reply, respond, response, keep in touch, stay in touch, in touch, connect, linkedin, recruiter, " +
    "reach out, check in, update, decision, get back to me, keep me in mind, future roles, send",
  mindset:
    "discouraged, discouraging, demoralised, demoralized, deflated, disheartened, gutted, devastated, crushed, " +
    "upset, frustrated, frustrating, angry, annoyed, bitter, fed up, sick of, tired of, exhausted, burnt out, " +
    "give up, giving up, quit, pointless, hopeless, worthless, useless, failure, fail, loser, stupid, idiot, " +
    "embarrassed, ashamed, my fault, my own fault, blame, blame myself, kick myself, beat myself up, " +
    "self-inflicted, fraud, imposter, never going to, always, again, another rejection, rejection, reject, " +
    "no, unfair, biased, rigged, waste of time, internal candidate, set me up, lie, lied, ghost, resilience, " +
    "resilient, keep going, move on, bounce back, next one, lesson learned, motivation, confidence knock, doubt",
};

/**
 * A wider net per theme: everyday words people use around each area, written from
 * the theme descriptions (what a coach would hear), not from any labelled set. They
 * are noisier than LEXICON, so they feed features of their own (`lex:broad:<theme>`)
 * and the classifier learns how much each is worth; what they buy is reach: a word
 * no training reply used still lands on its theme's feature.
 */
const BROAD_LEXICON: Readonly<Record<Theme, string>> = {
  preparation:
    "background, look at, read about, check, checked, panel, who was on the panel, format, what to expect, blur, " +
    "mix up, mixed up, out loud, over-rehearse, script, last minute, night before, cram, short notice, " +
    "first thing about, service, product, latest, recent, campaign, press, funding, report, about us, careers page, " +
    "job spec, person spec, specification, criteria, common question, typical question, standard question, " +
    "why do you want, why here, why this role, what do you know, do my homework, swot up, study, studied, " +
    "plan, planned, organise, ready, readiness, mock, practice question, sample question, interviewer's name",
  communication:
    "jargon, acronym, technical term, plain language, plain english, summarise, summarize, summary, detail, " +
    "too much detail, too detailed, one line, one-liner, one word, monosyllabic, robotic, scripted, memorised, " +
    "memorized, sound, sounded, come out, came out, delivery, inarticulate, clunky, waffly, overexplain, " +
    "underexplain, accent, pronounce, pronunciation, slow down, speak, spoke, speaking, fast, too fast, filler, " +
    "uh, sort of, kind of, i guess, apologise, apologize, hedge, humble, credit, individual contribution, my role, " +
    "my part, sell, undersell, undersold, oversell, downplay, play down, understate, mention, leave out, left out, " +
    "skip, skipped, answer the question, missed the point, off topic, focus, listen, interrupt, talk over, " +
    "repeat, repeat myself, circle back, lose them, lost them, train of thought, thread, bored, glaze, glazed, " +
    "follow, hard to follow, understand, misunderstand, misunderstood, translate, english, vocabulary, phrase, " +
    "concise, succinct, brief, short answer, long answer, ages, forever, minutes, wall of words, dump, blabber, " +
    "overshare, said, say, tell, told, describe, express, word salad, get across, put across, point across",
  structure:
    "star method, star format, context, beginning, middle, end, wrong order, sequence, jump, jumped, all over, " +
    "scattered, shape, no shape, organised, organized, disorganised, disorganized, list, listed, bullet, landing, " +
    "land, conclusion, conclude, wrap up, measurable, quantify, proof, evidence, instance, specific, specifics, " +
    "real example, theory, theoretical, in general, generally, generic, made up, mess, messy, jumble, jumbled, " +
    "coherent, incoherent, logical, flow, build up, set up, punchline, takeaway, so what, what happen, " +
    "what i learned, lesson, learning, how it ended",
  "unexpected-questions":
    "weird, odd, strange, random, bizarre, unusual, left field, out of left field, come from nowhere, " +
    "didn't expect, wasn't expecting, not expecting, never been asked, first time, superpower, animal, " +
    "if you were, what would you do, scenario, situational, tricky, tough question, hard question, " +
    "difficult question, no idea, no clue, lost for words, speechless, caught, flustered, thrown, rattled, " +
    "think on my feet, mind went white, draw a blank, drew a blank, mental arithmetic, maths question, " +
    "math question, logic, follow-up question, probing, drill, drilled, grill, grilled, deep dive, ambush, " +
    "sideswipe, wrong-footed, wrongfooted, panic, panicked, ummed, scramble, scrambled",
  nonverbal:
    "hand, hands, fiddle, touch my face, hair, leg, foot, tap, tapping, pen, click, look down, look away, stare, " +
    "screen, webcam, lighting, zoom, muted, mic, lean, lean back, slump, slumped, arm, crossed, frown, grin, " +
    "nervous laugh, giggle, shaky voice, loud, volume, breathing, breath, heart, pounding, racing, flushed, " +
    "sweaty, palm, dry mouth, jittery, jitters, butterflies, stiff, rigid, low energy, keen, passion, " +
    "passionate, interest, engaged, disengaged, unsure, apologetic, presence, self-assured, composed, " +
    "expression, face, eyes, look at the camera, glance, notes, read off, squeak, croak, crack",
  "skills-gap":
    "year, years' experience, pqe, level, grade, diploma, nvq, chartered, accredited, card, ticket, " +
    "registration, experience with, exposure, practical, technical test, coding test, assessment, exercise, " +
    "test, exam, cert, bootcamp, self-taught, never done, never worked, haven't done, only done, only ever, basic, " +
    "basics, beginner, intermediate, advanced, expert, depth, deep, niche, sector, industry experience, domain, " +
    "transferable, career change, pivot, stretch, overqualified, too junior, not senior enough, management, " +
    "people management, stakeholder, fluent, german, french, spanish, module, system, platform, stack, " +
    "method, methodology, regulation, compliance, law, standard, accounting, modelling, statistics, " +
    "analytics, design, engineering, clinical, teaching, sales, track record, portfolio of work, capable",
  "culture-fit":
    "mesh, gel, click, clicked, rapport, chemistry, fit in, fitting in, out of place, people like me, age, young, " +
    "younger, older, generation, diverse, diversity, suit, casual, laid back, stuffy, rigid, bureaucratic, " +
    "scale-up, family business, family feel, dynamic, management style, autonomy, micromanaged, collaboration, " +
    "solo, purpose, ethics, ethical, rock the boat, push back, challenge, disagree, opinionated, outspoken, " +
    "introvert, extrovert, bubbly, workload, long hours, on call, night, travel, office days, in office, " +
    "five days, part-time, the vibe, their way, how they work, how they do things, what they value, " +
    "the kind of person, someone who, type of person, background, like-minded, wavelength, alignment, align",
  materials:
    "résumé, covering letter, form, personal statement, statement, supporting statement, work sample, github, " +
    "photo, font, design, page, length, two pages, one page, mistake, error, wrong date, wrong name, old-school, " +
    "read, reads, tailor, tailored, generic, keyword, ats, bury, buried, summary, bullet point, section, referee, " +
    "jeans, trainers, smart casual, blazer, makeup, handout, printed, printout, document, pdf, attachment, " +
    "attach, upload, submission, written, writing sample, profile picture, dated, clothing, jacket, heels",
  "follow-up":
    "emailed, message, messaged, card, hr, hiring manager, chasing, nudge, ping, check-in, no word, waiting, " +
    "wait, silence, radio silence, timeline, outcome, debrief, call back, get back, next time, reapply, " +
    "re-apply, write, wrote, draft, letter, linkedin message, contact, contacted, phone, call, rang, voicemail, " +
    "text, ask, asked, request, requested, clarify, clarification, enquire, inquire, apply again, next round, " +
    "their decision, the result, results, a week, two weeks, days",
  mindset:
    "demotivated, defeated, drained, over it, done, whatever, meh, cry, cried, tears, furious, resent, waste, " +
    "wasted, fault, blamed, dumb, hate, cringe, mortified, humiliated, not good enough, never good enough, " +
    "self-doubt, knocked, rejected, another no, keep trying, carry on, onwards, onto the next, positive, " +
    "silver lining, hang in there, motivated, dwell, overthink, overthinking, spiral, replay, ruminate, " +
    "what's wrong with me, why me, typical, story of my life, luck, unlucky, hard on myself, gutting, " +
    "soul destroying, heartbroken, let down, disappointed, disappointing, sad, low, down, stress, stressed, " +
    "worry, worried, anxious, scared, afraid, fear, hopeful, optimistic, determined, try again",
};

/**
 * Words of a person in trouble, beyond the interview: they feed the classifier's
 * distress column. Strong words name the state itself, and a negation cancels them;
 * "lack" words count when negated ("haven't eaten", "not ok"); context words
 * ("rent", "anymore") only add weight.
 */
const DISTRESS_WORDS =
  "appetite, cry, crying, cried, tears, panic, panic attack, hopeless, worthless, useless, pointless, failure, disappear, hurt myself, " +
  "harm, self-harm, lonely, scared, terrified, numb, empty, dark place, exhausted, broken, burden, die, better off dead, dead inside, " +
  "not here, better off, hate myself, depressed, depression, despair, give up, what be the point";
/** Things people say they cannot do any more: here the negation is the distress ("haven't slept"). */
const DISTRESS_LACK =
  "sleep, slept, eat, eaten, breathe, cope, face, leave the house, get out of bed, stop crying, ok, okay";
const DISTRESS_CONTEXT =
  "bed, alone, low, heavy, dark, anymore, any more, nothing, shaking, sick, stress, stressed, anxious, " +
  "anxiety, rent, bills, savings, debt, months, ages, can't do this";

/** Words of trouble that turn a topic word into a problem: "forgot", "too", "should have". */
const TROUBLE = new Set(
  (
    "not never no nothing none without lack miss forget fail struggle stumble mess botch blow bomb blank freeze " +
    "ramble waffle poor bad badly weak wrong awful terrible rough awkward too should need wish hard difficult " +
    "confuse confusing unclear vague generic nervous worry worried mistake embarrassing embarrassed barely only " +
    "hardly couldn't cannot can't lose lost stuck fumble flop fall flat off guard"
  ).split(" "),
);

/** Words of praise: "my portfolio walkthrough went great" is a high point, not a theme. */
const PRAISE = new Set(
  (
    "great well good fine smooth smoothly solid strong nail nailed ace aced love loved enjoy enjoyed impressed " +
    "praise praised compliment complimented perfect perfectly excellent brilliant proud happy pleased comfortable " +
    "relaxed highlight helped"
  ).split(" "),
);

interface Entry {
  lemmas: string[];
  /** A theme slug, or "distress". */
  name: string;
}

const entries = (name: string, list: string): Entry[] =>
  list.split(",").map((phrase) => ({ lemmas: phrase.trim().toLowerCase().split(/\s+/), name }));
const ENTRIES: Entry[] = [
  ...THEMES.flatMap((theme) => entries(theme, LEXICON[theme])),
  ...THEMES.flatMap((theme) => entries(`broad:${theme}`, BROAD_LEXICON[theme])),
  ...entries("distress", DISTRESS_WORDS),
  ...entries("distress-context", DISTRESS_CONTEXT),
  ...entries("distress-lack", DISTRESS_LACK),
];

/** First lemma -> entries starting with it; multi-word entries are checked in place. */
const BY_FIRST = new Map<string, Entry[]>();
for (const e of ENTRIES) {
  const first = e.lemmas[0] ?? "";
  const list = BY_FIRST.get(first) ?? [];
  list.push(e);
  BY_FIRST.set(first, list);
}

/**
 * Adds `lex:<theme>`, `lex:<theme>:neg` (the word sits in a negation),
 * `lex:<theme>:trouble` (a trouble word in the same sentence) and
 * `lex:<theme>:praise` (praise and no trouble) for the sentence `[from, to)`.
 */
export function addLexiconFeatures(reading: Reading, from: number, to: number, out: Set<string>): void {
  const { words } = reading;
  let trouble = false;
  let praise = false;
  for (let i = from; i < to; i++) {
    const w = words[i];
    if (!w) continue;
    if (TROUBLE.has(w.lemma) || TROUBLE.has(w.norm) || w.norm.endsWith("n't")) trouble = true;
    else if (PRAISE.has(w.lemma) && !w.negated) praise = true;
  }
  praise &&= !trouble;
  if (praise) out.add("lex:praise");
  for (let i = from; i < to; i++) {
    const w = words[i];
    if (!w?.isWord) continue;
    const candidates = [...(BY_FIRST.get(w.lemma) ?? []), ...(w.norm !== w.lemma ? (BY_FIRST.get(w.norm) ?? []) : [])];
    for (const e of candidates) {
      let ok = true;
      for (let k = 1; k < e.lemmas.length && ok; k++) {
        const next = words[i + k];
        ok = next !== undefined && i + k < to && (next.lemma === e.lemmas[k] || next.norm === e.lemmas[k]);
      }
      if (!ok) continue;
      const theme = e.name;
      out.add(`lex:${theme}`);
      if (w.negated) out.add(`lex:${theme}:neg`);
      if (trouble) out.add(`lex:${theme}:trouble`);
      if (praise) out.add(`lex:${theme}:praise`);
    }
  }
}

/**
 * How a reply uses the words of distress: "earnest" for a strong word outside a negation
 * ("I feel hopeless") or a "lack" word inside one ("I haven't slept"); "denied" when its
 * only strong words are negated ("I won't give up", "I don't feel hopeless"); "none"
 * otherwise. A lack word said plainly ("ate nothing", "I sleep all day") denies nothing,
 * so it counts as none; so do context words ("nothing", "low", "months").
 */
export function distressWording(reading: Reading): "earnest" | "denied" | "none" {
  let denied = false;
  for (const s of reading.sentences) {
    for (let i = s.from; i < s.to; i++) {
      const w = reading.words[i];
      if (!w?.isWord) continue;
      for (const name of entriesAt(reading, i, s.to)) {
        if (name === "distress-lack" ? w.negated : !w.negated && name === "distress") return "earnest";
        if (name === "distress") denied = true;
      }
    }
  }
  return denied ? "denied" : "none";
}

/** The names of the lexicon entries that start at word i. */
function entriesAt(reading: Reading, i: number, to: number): string[] {
  const w = reading.words[i];
  if (!w) return [];
  const names: string[] = [];
  for (const e of [...(BY_FIRST.get(w.lemma) ?? []), ...(BY_FIRST.get(w.norm) ?? [])]) {
    let ok = true;
    for (let k = 1; k < e.lemmas.length && ok; k++) {
      const next = reading.words[i + k];
      ok = next !== undefined && i + k < to && (next.lemma === e.lemmas[k] || next.norm === e.lemmas[k]);
    }
    if (ok) names.push(e.name);
  }
  return names;
}
