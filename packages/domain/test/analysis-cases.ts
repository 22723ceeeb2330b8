import type { LabelledReflection } from "../src/analysis/index.js";

/**
 * Reflections written the way candidates actually reply, labelled the way a coach
 * would read them. Written before the analyser existed and never relabelled to suit it.
 *
 * Labelling rule: a theme is labelled when the candidate discusses that area as a
 * difficulty, a gap, or something still open (a plan, a question). Something mentioned
 * only because it went well is a high point, not a theme. Mindset covers resilience
 * statements too ("I won't give up"), because the taxonomy lists resilience under it.
 * `distress` marks replies a coach should look at personally.
 */
export const ANALYSIS_CASES: LabelledReflection[] = [
  {
    text: "honestly i was so nervouse my hands were shaking and i couldnt look them in the eye. i knew the stuff but it didnt come out right",
    themes: ["nonverbal", "communication"],
  },
  {
    text: "I didn't do enough reasearch on the company. When they asked what I knew about their products I basically had nothing.",
    themes: ["preparation"],
  },
  {
    text: "They asked me to describe a time I handled conflict and I rambled for like five minutes without ever getting to the point. Should have used the STAR method.",
    themes: ["communication", "structure"],
  },
  {
    text: "Got asked how many golf balls fit in a school bus. I blanked completely.",
    themes: ["unexpected-questions"],
  },
  {
    text: "The job wanted 3 years of React and I only have 1, plus they use kubernetes which I've never used. I think that's what sunk me.",
    themes: ["skills-gap"],
  },
  {
    text: "I was not nervous at all, which surprised me. My portfolio walkthrough went great and they loved the case study. But they said they're looking for someone with a PMP cert.",
    themes: ["skills-gap"],
  },
  {
    text: "whats the point anymore. 14 interviews 14 rejections. i want to give up",
    themes: ["mindset"],
    distress: true,
  },
  {
    text: "I wrote a thank you note the same evening and followed up a week later but never heard anything back",
    themes: ["follow-up"],
  },
  { text: "It went fine I think. Nothing much to report.", themes: [] },
  {
    text: "The culture seemed really intense, they kept talking about working weekends and I'm not sure I'd have fit in with the team anyway.",
    themes: ["culture-fit"],
  },
  {
    text: "My resume had a typo right at the top which the interviewer pointed out. Mortifying.",
    themes: ["materials"],
  },
  {
    text: "I blame the recruiter honestly, she set me up with the wrong expectations and the interviewer was clearly biased against me from the start",
    themes: ["mindset"],
  },
  {
    text: "I keep thinking it's all my fault, I always mess these up. I'm just not good enough",
    themes: ["mindset"],
  },
  {
    text: "Overall I think the interview was a mixed bag. I prepared well for the usual questions (tell me about yourself, strengths/weaknesses) and that part went smoothly. But when they asked me to walk through a project using a specific example I gave a really vague answer with no real outcome. Also the second interviewer asked a brain teaser about weighing balls and I froze. My eye contact was ok I think but I was talking way too fast. Going to send a thank you email tomorrow.",
    themes: ["structure", "communication", "unexpected-questions", "nonverbal", "follow-up"],
  },
  {
    text: "didnt know the company well enough, they asked why us and i said something generic",
    themes: ["preparation"],
  },
  {
    text: "my answers were way too short. they kept asking follow up questions to get more detail out of me",
    themes: ["communication"],
  },
  {
    text: "I think I came across as flat. The recruiter said afterwards I didn't seem very enthusiastic about the role, which is funny because I really wanted it.",
    themes: ["nonverbal"],
  },
  {
    text: "No problem with eye contact or nerves this time, the practice paid off. The hard part was the technical round — I couldn't write the SQL query they wanted and I haven't used window functions before.",
    themes: ["skills-gap"],
  },
  {
    text: "I never felt unprepared, I'd researched the company for days. I just think they went with an internal candidate.",
    themes: [],
  },
  {
    text: "asked for feedback and they said my experience was great but I wasn't a fit for the team's working style, they're very collaborative and I talked mostly about solo projects",
    themes: ["follow-up", "culture-fit"],
  },
  {
    text: "The interview was at 8am on zoom and my camera angle was awful, plus I wore a hoodie because I thought it was casual. Everyone else was in shirts.",
    themes: ["materials"],
  },
  {
    text: "i think i did okay but im trying not to get my hopes up. keep applying i guess",
    themes: ["mindset"],
  },
  {
    text: "Rejected again. I feel worthless honestly. Cant do this anymore.",
    themes: ["mindset"],
    distress: true,
  },
  {
    text: "I won't give up, this was just one interview. Next week I have two more lined up.",
    themes: ["mindset"],
  },
  {
    text: "They asked where I see myself in five years and I had nothing prepared, which is embarrassing because that's such a common question",
    themes: ["preparation"],
  },
  {
    text: "I went off on a tangent about my old boss and lost track of the original question",
    themes: ["communication"],
  },
  {
    text: "Couldn't think of a good example for when I showed leadership. I just talked in generalities.",
    themes: ["structure"],
  },
  {
    text: "The panel was five people and I didn't know who to look at, kept looking at my notes. My voice was shaking.",
    themes: ["nonverbal"],
  },
  {
    text: "They wanted someone with AWS certification and salesforce experience, neither of which I have",
    themes: ["skills-gap"],
  },
  {
    text: "Honestly the hours were the dealbreaker for me, they expect on-call every other week and I have kids",
    themes: ["culture-fit"],
  },
  {
    text: "my cover letter was generic and I think the hiring manager noticed, she asked why I wanted to work in healthcare specifically and I fumbled",
    themes: ["materials", "preparation"],
  },
  {
    text: "Haven't sent a thank you note yet, should I? also not sure if its ok to ask for feedback after a rejection",
    themes: ["follow-up"],
  },
  {
    text: "My portfollio links were broken when they tried to open them during the call. total disaster",
    themes: ["materials"],
  },
  {
    text: "the star format really helped, every answer had a situation and a result. the problem was the case question at the end which came out of nowhere, something about estimating the market for umbrellas in london",
    themes: ["unexpected-questions"],
  },
  {
    text: "i dont think i sold myself. i did all this work on the migration project but i made it sound like the team did everything and i just helped",
    themes: ["communication"],
  },
  {
    text: "The interviewer was rude and kept checking his phone. Not my fault they didn't see what I could bring. Their loss.",
    themes: ["mindset"],
  },
  {
    text: "Went well overall! I liked the people, we laughed a lot, and they said they'd let me know by Friday.",
    themes: [],
  },
  { text: "Sorry for the late reply, was travelling.", themes: [] },
  {
    text: "Tbh I was underprepared, didn't practice any questions and just winged it. The STAR stuff I'd read about went out of my head completely",
    themes: ["preparation", "structure"],
  },
  {
    text: "They asked me a question about a framework I'd never heard of and I tried to bluff, which obviously didn't work",
    themes: ["skills-gap"],
  },
  {
    text: "I'm done with job hunting. Nothing I do makes any difference and I feel hopeless about it all",
    themes: ["mindset"],
    distress: true,
  },
  {
    text: "feeling a bit down but my friends have been great and I've got a mock interview booked with my career coach next tuesday",
    themes: ["mindset"],
  },
  {
    text: "so basically it started ok they asked me about myself and i gave my usual spiel but then the tech lead started grilling me on system design and i just wasnt ready for that i didnt know it was going to be part of it and i panicked and started saying random things and then at the end i asked zero questions because my mind was blank and i think thats what did it",
    themes: ["unexpected-questions", "preparation", "nonverbal", "communication"],
  },
  {
    text: "Feedback came back: strong technical skills but they were worried about my communication, said I was hard to follow at times.",
    themes: ["communication"],
  },
  {
    text: "I wasn't nervous, I wasn't unprepared. I just didn't have the 5 years they wanted.",
    themes: ["skills-gap"],
  },
  {
    text: "My handshake was weak and I slouched the whole time, my sister told me after watching the recording of the mock",
    themes: ["nonverbal"],
  },
  {
    text: "They said I came off as arrogant. I think my tone was too confident, maybe bordering on dismissive when they challenged my answer.",
    themes: ["nonverbal"],
  },
  {
    text: "i forgot to bring copies of my resume and the interviewer had an old version with my previous phone number",
    themes: ["materials"],
  },
  {
    text: "Not sure the values match tbh. They talked a lot about 'hustle' and 'family' and it gave me red flags",
    themes: ["culture-fit"],
  },
  {
    text: "I froze when they asked about my biggest failure. Totally didn't expect it.",
    themes: ["unexpected-questions"],
  },
  {
    text: "Kept in touch with the recruiter after the first rejection and she just reached out about a new role! So that paid off.",
    themes: [],
  },
  {
    text: "the question about salary expectations threw me, I had no idea what to say",
    themes: ["unexpected-questions", "preparation"],
  },
  { text: "Rambled. Too long. Again.", themes: ["communication"] },
  {
    text: "they asked for a specific example of handling a difficult customer and i didnt have one ready so i made up something hypothetical",
    themes: ["structure", "preparation"],
  },
  {
    text: "I feel like such an idiot. How could I mess up something so simple. I keep replaying it.",
    themes: ["mindset"],
  },
  {
    text: "I did everything right this time, researched them, practised, sent a thank-you. still rejected. honestly whats even the point of trying",
    themes: ["mindset"],
    distress: true,
  },
  {
    text: "Technical test was fine, but when I got to the culture interview they asked how I handle disagreements with managers and I realised my working style is quite different from how they operate (very top-down).",
    themes: ["culture-fit"],
  },
  {
    text: "I'm a career changer from teaching so I lack the industry experience, though I think my transferable skills came through okay.",
    themes: ["skills-gap"],
  },
  {
    text: "I think my clothes were too casual and my hair was a mess because I ran from the bus. First impression probably not great.",
    themes: ["materials"],
  },
  {
    text: "Asked for feedback twice, got nothing. Do I try a third time or let it go?",
    themes: ["follow-up"],
  },
  {
    text: "There was a long silence after one of my answers and I panicked and kept talking to fill it, ended up contradicting myself",
    themes: ["nonverbal", "communication"],
  },
  { text: "no theme here just wanted to say thanks for the emails they help", themes: [] },
  { text: "I got the offer!!! Thanks for all the tips", themes: [] },
  {
    text: "I was a nervous wreck beforehand but once we got going I relaxed. Only thing I'd change is I didn't ask them any questions at the end.",
    themes: ["nonverbal", "preparation"],
  },
  {
    text: "the recruiter ghosted me after the 2nd round. should I follow up or is that annoying",
    themes: ["follow-up"],
  },
  {
    text: "I'd say my preparation was solid this time. I read their annual report, knew the product line and practised with a friend. Where it fell apart was explaining the impact of my work: I kept saying 'we' and never gave numbers, so I don't think they understood what I actually achieved. I also think I didn't structure my answers, I jumped around between different projects. On the positive side my presentation went really well and they complimented the slides.",
    themes: ["communication", "structure"],
  },
  {
    text: "i dont have a degree in CS and they kept asking about algorithms",
    themes: ["skills-gap"],
  },
  {
    text: "It's hard not to take it personally. My confidence is shot after this one.",
    themes: ["mindset"],
  },
  {
    text: "Interviewer said my answers lacked depth and i didnt give concrete examples. fair enough honestly",
    themes: ["communication", "structure"],
  },
  {
    text: "They asked about my weaknesses and I said I'm a perfectionist, which I realised halfway through was a cliche. Need better prep for the standard questions.",
    themes: ["preparation"],
  },
  {
    text: "I couldnt stop fidgeting with my pen and I barely smiled. nerves got the better of me",
    themes: ["nonverbal"],
  },
  {
    text: "Don't think I'm a fit for a startup honestly, too chaotic, I prefer structure and clear processes",
    themes: ["culture-fit"],
  },
  {
    text: "Was asked to do a whiteboard puzzle I'd never seen before, completely out of the box, and I didn't handle it well",
    themes: ["unexpected-questions"],
  },
  {
    text: "My CV undersells me, I've been told that before, and I think it's why I only get junior interviews",
    themes: ["materials"],
  },
  {
    text: "I emailed the hiring manager to say thanks and that I'd love to be considered for future roles",
    themes: ["follow-up"],
  },
  {
    text: "I'm not giving up. Bad day but tomorrow's another day.",
    themes: ["mindset"],
  },
  {
    text: "sometimes i wonder if theres any point in going on like this, everything feels hopeless",
    themes: ["mindset"],
    distress: true,
  },
  {
    text: "i honestly feel like a failure and i dont see a way out",
    themes: ["mindset"],
    distress: true,
  },
  {
    text: "The role was a big step up and they asked about managing budgets which I've never done",
    themes: ["skills-gap"],
  },
  {
    text: "Went off on a tangent when talking about my thesis, and my answer to 'why this company' was weak because I hadn't looked at their website properly.",
    themes: ["communication", "preparation"],
  },
  {
    text: "my resum was 3 pages long and the interviewer said it was hard to find the relevant stuff",
    themes: ["materials"],
  },
  {
    text: "interveiw was ok but i was so anxious i couldnt think straight and forgot half of what i wanted to say",
    themes: ["nonverbal"],
  },
  { text: "Thanks. Yes I got the rejection email yesterday.", themes: [] },
  { text: "They told me I was overqualified which I don't really understand", themes: [] },
  {
    text: "Didn't ramble this time, kept answers short. but they asked about budgeting in excel and I'm not great with excel",
    themes: ["skills-gap"],
  },
];
