import type { LabelledReflection } from "../src/analysis/index.js";

/**
 * A second set, written after the first version of the analyser was finished and
 * scored once before any change to the patterns. Same labelling rule as
 * analysis-cases.ts. It measures how the wording lists generalise to phrasing they
 * were not written against; keep it out of pattern tuning.
 */
export const ANALYSIS_HOLDOUT_CASES: LabelledReflection[] = [
  {
    text: "I completely bombed the 'tell us about a project you're proud of' question. I picked a random one and couldn't remember the details.",
    themes: ["structure", "preparation"],
  },
  {
    text: "Honestly my mind went totally blank when she asked me to explain how I would prioritise a backlog. Never had that kind of question.",
    themes: ["unexpected-questions"],
  },
  { text: "I showed up in jeans and everyone was in suits. felt so out of place", themes: ["materials"] },
  {
    text: "they wanted experience with hubspot and marketing automation tools i've only read about",
    themes: ["skills-gap"],
  },
  { text: "my voice kept cracking and i couldnt stop touching my face", themes: ["nonverbal"] },
  { text: "it's the fifth no this month. starting to think i'm unemployable", themes: ["mindset"] },
  {
    text: "I never heard back after the final round, it's been three weeks. Is it worth emailing them again?",
    themes: ["follow-up"],
  },
  {
    text: "I talked for way too long on every answer, I could see the interviewer getting bored",
    themes: ["communication"],
  },
  {
    text: "didnt look at their linkedin or website beforehand, big mistake, they asked what i thought of their latest campaign",
    themes: ["preparation"],
  },
  {
    text: "I think the interviewer had already decided before I walked in. Total waste of time. Their process is a joke.",
    themes: ["mindset"],
  },
  {
    text: "the take-home assignment was way harder than expected and I didnt finish the second part",
    themes: ["skills-gap"],
  },
  { text: "Nothing really stood out as bad. They just picked someone else.", themes: [] },
  {
    text: "I sent a note to thank everyone and asked the recruiter if she had any pointers for next time",
    themes: ["follow-up"],
  },
  {
    text: "My answers didnt have any real structure, I'd start one thing then switch to another",
    themes: ["structure"],
  },
  {
    text: "I was smiling and relaxed the whole time, best interview I've had. But they said the team works mostly nights and that's not something I can do.",
    themes: ["culture-fit"],
  },
  {
    text: "I get so anxious before interviews that I barely sleep the night before, and then I'm exhausted and can't focus",
    themes: ["nonverbal"],
  },
  {
    text: "I didn't quantify anything. When they asked about results I said 'it went well' basically",
    themes: ["communication", "structure"],
  },
  {
    text: "They asked me what animal I would be and I just laughed nervously",
    themes: ["unexpected-questions", "nonverbal"],
  },
  {
    text: "The company is all about 'move fast and break things' and I'm more methodical. probably for the best",
    themes: ["culture-fit"],
  },
  {
    text: "I'm so tired of this. I apply and apply and nothing. I don't know how much longer I can keep going",
    themes: ["mindset"],
    distress: true,
  },
  {
    text: "i need to work on my elevator pitch, it came out jumbled",
    themes: ["communication", "preparation"],
  },
  {
    text: "Portfolio was missing my most recent work because I hadn't updated it in a year",
    themes: ["materials"],
  },
  { text: "I keep blaming myself for not preparing more", themes: ["mindset", "preparation"] },
  {
    text: "Interview went really well actually, they loved my examples and I think I have a good chance",
    themes: [],
  },
  { text: "the panel asked about python and i only know the basics", themes: ["skills-gap"] },
  {
    text: "I forgot the interviewer's name halfway through and had to ask again. cringe.",
    themes: ["preparation"],
  },
  {
    text: "they asked why i left my last job and i got defensive and started badmouthing my old manager",
    themes: ["communication", "preparation"],
  },
  { text: "Should I write to them asking for feedback or is that too pushy?", themes: ["follow-up"] },
  {
    text: "Not nervous this time at all and my eye contact was good. Still got rejected though, no idea why.",
    themes: [],
  },
  { text: "The job needs a forklift license which I don't have", themes: ["skills-gap"] },
  {
    text: "Kinda feel like theres no point applying anymore, nobody wants to hire me",
    themes: ["mindset"],
    distress: true,
  },
  {
    text: "I didn't make much eye contact because I was reading off my notes the whole time",
    themes: ["nonverbal"],
  },
  {
    text: "I think my CV oversold my Excel skills and then the test exposed me",
    themes: ["materials", "skills-gap"],
  },
  {
    text: "they threw a curve ball at me with a question about ethics and i stumbled through it",
    themes: ["unexpected-questions"],
  },
  {
    text: "I was underdressed and late because of the trains. Not a great start.",
    themes: ["materials", "preparation"],
  },
  {
    text: "Really proud of how I handled the technical questions. Just need to keep going.",
    themes: ["mindset"],
  },
  {
    text: "i talked too much about my personal life when they asked me to introduce myself",
    themes: ["communication"],
  },
  {
    text: "The hiring manager said they went with someone who has more leadership experience",
    themes: ["skills-gap"],
  },
  {
    text: "didnt really connect with the interviewer, the vibe was off and I don't think we'd work well together",
    themes: ["culture-fit"],
  },
  {
    text: "I wish I'd had a better answer for the 'biggest weakness' question, I said something lame about working too hard",
    themes: ["preparation"],
  },
  {
    text: "No complaints about how I presented myself, the issue was that I couldn't give a concrete example of leading a team",
    themes: ["structure"],
  },
  { text: "We'll see. Fingers crossed.", themes: [] },
  { text: "its fine, im fine. onto the next one", themes: ["mindset"] },
  {
    text: "I forgot to research the salary band and lowballed myself when they asked",
    themes: ["preparation"],
  },
  {
    text: "I think I came across as desperate, I kept saying how much I needed this job",
    themes: ["nonverbal"],
  },
];

/**
 * A third set, written after the second version of the patterns and scored once,
 * before any further change. Same labelling rule; keep it out of pattern tuning too.
 */
export const ANALYSIS_HOLDOUT_CASES_2: LabelledReflection[] = [
  { text: "They grilled me on GDPR and data protection law, which isn't my area at all", themes: ["skills-gap"] },
  { text: "i stuttered a lot and kept saying um", themes: ["communication"] },
  {
    text: "I answered the question about teamwork with a story that had nothing to do with teamwork",
    themes: ["structure"],
  },
  { text: "I hadn't read the job ad properly and didn't realise it was a team lead role", themes: ["preparation"] },
  { text: "Gutted. Really thought this was the one.", themes: ["mindset"] },
  {
    text: "They asked me to sell them the pen on the table. no idea what i was doing",
    themes: ["unexpected-questions"],
  },
  {
    text: "Everything was fine until the last question about my salary history, which I refused to answer and it got awkward",
    themes: ["preparation"],
  },
  { text: "I probably looked bored, I was tired from my night shift and kept yawning", themes: ["nonverbal"] },
  { text: "the interviewers seemed really cold and corporate, not somewhere I'd be happy", themes: ["culture-fit"] },
  { text: "My cover letter still had the name of another company in it. I could die.", themes: ["materials"] },
  { text: "I'll email the recruiter on Monday to ask how I could improve", themes: ["follow-up"] },
  { text: "I was honest that I haven't managed people before and I think that cost me", themes: ["skills-gap"] },
  { text: "I'm starting to wonder if I'm cut out for this industry at all", themes: ["mindset"] },
  { text: "The video call kept freezing and I had to rejoin twice, which threw off my rhythm", themes: ["materials"] },
  {
    text: "Gave really short answers because I didn't want to ramble like last time, but I think I overcorrected",
    themes: ["communication"],
  },
  {
    text: "When they asked for an example of a mistake I made, I said I couldn't think of one. Big red flag probably.",
    themes: ["structure"],
  },
  { text: "I spent the whole time looking down at the table", themes: ["nonverbal"] },
  { text: "I think they want someone more senior, I've only been working for 18 months", themes: ["skills-gap"] },
  { text: "I know I have to keep applying but it's getting harder to stay motivated", themes: ["mindset"] },
  { text: "Didn't prepare any questions to ask them and it showed", themes: ["preparation"] },
  {
    text: "It was a good conversation but honestly I don't think I'd enjoy working there, everyone seemed miserable and overworked",
    themes: ["culture-fit"],
  },
  {
    text: "I explained my thesis project step by step: the problem, what I did, and how it turned out. felt good",
    themes: [],
  },
  { text: "apparently my resume doesn't show any results, just a list of duties", themes: ["materials"] },
  { text: "i wasnt nervous, i just didnt know the answers to the technical stuff", themes: ["skills-gap"] },
  { text: "I thanked them at the end but I havent sent anything since. should I?", themes: ["follow-up"] },
  {
    text: "I couldn't tell them why I wanted this job specifically, because honestly I just need a job",
    themes: ["preparation"],
  },
  {
    text: "he asked a riddle about two doors and two guards and I overthought it completely",
    themes: ["unexpected-questions"],
  },
  { text: "I felt like a fraud the whole interview, like they'd see through me", themes: ["nonverbal", "mindset"] },
  { text: "The recruiter told me the client wanted someone who speaks German", themes: ["skills-gap"] },
  { text: "I talked a lot about what the team achieved and not much about my own part", themes: ["communication"] },
  {
    text: "honestly i feel like im never going to get a job and theres no point in any of it",
    themes: ["mindset"],
    distress: true,
  },
  { text: "I wore a suit and it was way too formal for them, everyone was in hoodies", themes: ["materials"] },
  { text: "nothing to add", themes: [] },
  {
    text: "Rejected after the 3rd round. They said the other candidate had more direct experience in fintech.",
    themes: ["skills-gap"],
  },
  { text: "I didn't follow up because I didn't want to seem pushy, now I regret it", themes: ["follow-up"] },
  { text: "Mostly ok. I do think I rushed my answers because I wanted to get it over with", themes: ["communication"] },
  { text: "They said I interviewed well but wasn't the right fit for the team culture", themes: ["culture-fit"] },
  { text: "Im trying to stay positive but its my 9th rejection", themes: ["mindset"] },
  { text: "I blanked on the name of a tool I use every day which was embarrassing", themes: ["nonverbal"] },
  {
    text: "They asked me to walk them through my portfolio and I didn't have anything prepared to show",
    themes: ["materials", "preparation"],
  },
];

/**
 * A fourth set, written after the final patterns and scored once, unchanged since.
 * Its figures are the honest estimate of how the analyser does on new wording.
 */
export const ANALYSIS_HOLDOUT_CASES_3: LabelledReflection[] = [
  {
    text: "I didn't know anything about their competitors when they asked, which was a bit embarrassing",
    themes: ["preparation"],
  },
  {
    text: "interviewer told me straight up i need more hands on experience with cloud platforms",
    themes: ["skills-gap"],
  },
  { text: "i couldnt sit still and my leg was bouncing the whole time lol", themes: ["nonverbal"] },
  { text: "Couldn't stop apologising and second-guessing my answers out loud", themes: ["nonverbal"] },
  { text: "The role is 60 hour weeks apparently, no thanks", themes: ["culture-fit"] },
  { text: "My LinkedIn and my resume had different job titles and they asked about it", themes: ["materials"] },
  {
    text: "Thinking I should message the interviewer to say thanks, is it too late after 5 days?",
    themes: ["follow-up"],
  },
  {
    text: "They asked a hypothetical about a client yelling at me and I had nothing",
    themes: ["unexpected-questions"],
  },
  { text: "I took way too long to get to the point on every single question", themes: ["communication"] },
  { text: "Didn't use any examples, just said I'm a hard worker and a team player", themes: ["structure"] },
  { text: "I'm so sick of getting my hopes up only for it to fall through", themes: ["mindset"] },
  { text: "I don't see the point of living if I can't even get a job", themes: ["mindset"], distress: true },
  {
    text: "Honestly it's their fault for having such a disorganised process, nobody even read my application",
    themes: ["mindset"],
  },
  { text: "Everything went smoothly and I think I gave strong answers. Waiting to hear.", themes: [] },
  { text: "I wore my nicest blouse but it had a stain I didn't notice until I got home", themes: ["materials"] },
  {
    text: "I was asked to rate myself out of ten as a leader and had no clue how to respond",
    themes: ["unexpected-questions"],
  },
  {
    text: "They use a language I've never coded in, Rust, and the coding exercise was all in Rust",
    themes: ["skills-gap"],
  },
  { text: "I think I undersold my leadership experience, I was too modest", themes: ["communication"] },
  { text: "I didn't practise out loud at all, just read my notes the night before", themes: ["preparation"] },
  {
    text: "the team seemed great but they want someone in the office 5 days a week and I need remote",
    themes: ["culture-fit"],
  },
  { text: "I kept fiddling with my ring and touching my hair", themes: ["nonverbal"] },
  { text: "It was all behavioural questions and my stories didn't have a clear ending", themes: ["structure"] },
  { text: "I sent a follow-up but no reply yet. Should I chase?", themes: ["follow-up"] },
  { text: "Feeling really low today, this one hurt", themes: ["mindset"] },
  { text: "They said my CV was too long and unfocused", themes: ["materials"] },
  {
    text: "my answer to 'why should we hire you' was basically 'because I need the money' lol",
    themes: ["preparation"],
  },
  { text: "The interview was entirely in Spanish for part of it and mine is rusty", themes: ["skills-gap"] },
  { text: "I asked them about next steps and they were vague. Going to email next week.", themes: ["follow-up"] },
  { text: "It went alright. Not sure how I feel about it yet.", themes: [] },
  { text: "I sounded robotic because I'd memorised everything word for word", themes: ["nonverbal"] },
  { text: "Really wish I'd prepped a better answer to 'tell me about a time you failed'", themes: ["preparation"] },
  { text: "I keep telling myself it's not personal but it really feels like it is", themes: ["mindset"] },
  { text: "i gave up halfway through the interview mentally, i knew it wasnt going well", themes: ["mindset"] },
  { text: "they asked what I'd do in my first 90 days and I hadn't thought about it at all", themes: ["preparation"] },
  {
    text: "Recruiter said the feedback was that I lacked energy and didn't ask enough questions",
    themes: ["nonverbal", "preparation"],
  },
];
