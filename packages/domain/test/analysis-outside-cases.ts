import type { LabelledReflection } from "../src/analysis/index.js";

/*
 * Two sets written by outside authors, at the same time and independently, who
 * never saw the analyser: only the theme list and the labelling rule of
 * analysis-cases.ts. They test how far the wording lists reach beyond the people
 * who wrote them.
 */

/**
 * Scored first as it came (micro P 0.79, R 0.74); the patterns were then extended
 * from its misses, so it now measures nothing new.
 */
export const ANALYSIS_OUTSIDE_CASES: LabelledReflection[] = [
  {
    text: "honestly the interview went ok but my hands were shaking the whole time and i couldnt look the panel in the eye. think they noticed",
    themes: ["nonverbal"],
  },
  {
    text: "they asked me how many golf balls fit in a school bus?? i just sat there. no idea what they even wanted from that",
    themes: ["unexpected-questions"],
  },
  {
    text: "didnt hear back yet. will send a thank you email tomorrow and maybe ask the recruiter for some feedback",
    themes: ["follow-up"],
  },
  {
    text: "Feedback was they went with someone who had more hands-on experience with Kubernetes and Terraform. I've only used docker locally so fair enough I guess. Also they asked me out of the blue to design a url shortener on the whiteboard which i wasnt expecting at all for a mid-level role.",
    themes: ["skills-gap", "unexpected-questions"],
  },
  { text: "will send 10 apps this week", themes: [] },
  {
    text: "I wasn't nervous at all, actually felt really relaxed and we had a laugh about football. High point for sure.",
    themes: [],
  },
  {
    text: "i keep going on and on when i answer, the interviewer literally had to cut me off twice",
    themes: ["communication"],
  },
  {
    text: "I didn't look up anything about the company beforehand, when they asked what i knew about them i said something generic. rookie mistake",
    themes: ["preparation"],
  },
  {
    text: "whats even the point anymore. 40 rejections. i havent slept properly in weeks and i dont think im ever going to find anything",
    themes: ["mindset"],
    distress: true,
  },
  {
    text: "feedback: 'strong candidate but we felt you'd prefer a more autonomous environment, our team is very collaborative and process-heavy'. not sure what to make of that",
    themes: ["culture-fit"],
  },
  {
    text: "my CV still has my old uni email and a typo in the header, only noticed after. also the portfolio link was broken 🙃",
    themes: ["materials"],
  },
  {
    text: "when they said tell me about a time you handled conflict i just kind of told the whole story with no point at the end. need to work on STAR",
    themes: ["structure"],
  },
  {
    text: "Research wasn't the problem, I knew their products inside out. The technical round though, they wanted SQL window functions and I blanked, never used them at work. then they asked what animal i'd be, no clue why",
    themes: ["skills-gap", "unexpected-questions"],
  },
  {
    text: "rejected again, they said my STAR answers were missing the 'R', i never actually said what the outcome was. its fine, onto the next one, im not giving up",
    themes: ["structure", "mindset"],
  },
  {
    text: "High points: the hiring manager was lovely, I explained my dissertation clearly and they seemed genuinely interested. Low point: I wore jeans and everyone else was in suits, felt well underdressed",
    themes: ["materials"],
  },
  {
    text: "The role is 50-60 hrs a week with weekend on-call and im not sure i want that tbh. think they picked up on my hesitation",
    themes: ["culture-fit"],
  },
  {
    text: "i froze up and my mind went blank when they asked whats my biggest weakness, which is like the most basic question ever, i just hadnt practised it",
    themes: ["preparation", "nonverbal"],
  },
  { text: "No feedback yet, its been two weeks. Should I chase them or is that pushy?", themes: ["follow-up"] },
  {
    text: "My english is not so good, I know what I want to say but the words come out wrong and answers become very short. They said communication skill not enough for client facing role.",
    themes: ["communication"],
  },
  { text: "Sending out maybe 5 this week, quality over quantity", themes: [] },
  {
    text: "I blame the recruiter tbh, she told me it was a junior role and then they grilled me on system design at senior level, totally caught me off guard. waste of my time",
    themes: ["mindset", "unexpected-questions"],
  },
  {
    text: "i think i'm just not good enough for this industry. everyone else there has a masters and i'm self taught.",
    themes: ["mindset", "skills-gap"],
  },
  {
    text: "went really well i think! prepped loads, knew the company values, had examples ready. fingers crossed",
    themes: [],
  },
  {
    text: "the case study presentation was a mess, my slides were way too text heavy and I ran over time by 10 min. I'd only given myself one evening to put it together, should have started way earlier",
    themes: ["materials", "communication", "preparation"],
  },
  {
    text: "they asked 'if you were a kitchen utensil what would you be' lol. I said a spatula. no idea if that was a good answer or not",
    themes: ["unexpected-questions"],
  },
  {
    text: "I kept saying 'we' for everything and they asked what I personally did, I struggled to say what my own impact was. my examples never got to the action or result bit",
    themes: ["communication", "structure"],
  },
  {
    text: "Feedback said my answers lacked concrete examples, too hypothetical. 'I would do X' instead of 'I did X'.",
    themes: ["structure"],
  },
  {
    text: "Gonna email the panel a thank you note tonight. Didn't do that last time and regretted it.",
    themes: ["follow-up"],
  },
  {
    text: "cant stop fidgeting in interviews, my leg bounces under the table and i touch my face constantly. also my shirt was all creased from the train",
    themes: ["nonverbal", "materials"],
  },
  {
    text: "they wanted someone with a CPA and im still two exams away. fair enough, ill get those done by spring",
    themes: ["skills-gap"],
  },
  {
    text: "Prep was decent, I'd read their annual report and practised the usual questions with my sister. But my answers went all over the place - I'd start with the result, then jump back to the situation, then forget what the question was. Also my voice wobbled for the first ten minutes. Feedback said they liked my enthusiasm but 'answers lacked structure'. Going to send them a short thank you anyway and ask if they'd keep me in mind for future roles.",
    themes: ["structure", "nonverbal", "follow-up"],
  },
  {
    text: "no feedback, just an automated no. 3rd one this week. i feel like crying every time i open my inbox and honestly i dont see the point in trying anymore",
    themes: ["mindset"],
    distress: true,
  },
  { text: "ghosted after the final round. should i email them again or just let it go?", themes: ["follow-up"] },
  {
    text: "body language was fine, confidence was fine, it was purely the technical stuff. never worked with react native, only plain react.",
    themes: ["skills-gap"],
  },
  {
    text: "i dont think skills were the issue, the vibe just wasnt there. they were all super corporate and formal and i'm more of a jokes-in-standup person. probably dodged a bullet",
    themes: ["culture-fit"],
  },
  {
    text: "Honestly my resume undersells me. It's two pages of duties and no numbers. The interviewer even said 'your CV doesn't really show what you achieved'.",
    themes: ["materials"],
  },
  {
    text: "didnt know the salary range or even that the role was hybrid, felt silly asking. also the blazer i borrowed was way too big lol",
    themes: ["preparation", "materials"],
  },
  { text: "4 apps this week, maybe more if I find decent ones", themes: [] },
  {
    text: "The interviewer asked me to estimate the number of petrol stations in the UK. Complete curveball, I guessed some numbers and gave up halfway.",
    themes: ["unexpected-questions"],
  },
  {
    text: "Feeling pretty low. My mum keeps asking how the job hunt is going and I just change the subject. But I'll keep going.",
    themes: ["mindset"],
  },
  {
    text: "the high point was the coding exercise, I finished early and explained my approach clearly. the low point was when they asked about the dev process at my last job and I couldnt explain agile properly, we never really did it there",
    themes: ["skills-gap"],
  },
  {
    text: "I was so on edge my mouth went completely dry and I had to keep sipping water, lost my train of thought a few times, esp when they asked what my childhood dream job was, that totally threw me",
    themes: ["nonverbal", "unexpected-questions"],
  },
  {
    text: "Feedback was 'not a fit for the team at this time'. Super vague. I'm going to ask for more detail.",
    themes: ["culture-fit", "follow-up"],
  },
  {
    text: "when they asked 'why us' i had nothing, hadnt looked at their mission or any recent news at all",
    themes: ["preparation"],
  },
  {
    text: "i think i sold myself short. when they asked about the migration project i just said 'yeah i helped with that' when actually i led it. need proper examples for my big projects",
    themes: ["communication", "structure"],
  },
  {
    text: "I'm done. I've given up on everything, I can't eat, can't sleep, I don't see why I should bother with anything anymore.",
    themes: ["mindset"],
    distress: true,
  },
  {
    text: "Wore my best suit, portfolio looked great on the ipad, they complimented it. Felt confident the whole way through.",
    themes: [],
  },
  {
    text: "Didnt follow up after the last 3 interviews, never know what to write in a thank you email without sounding desperate",
    themes: ["follow-up"],
  },
  {
    text: "nerves wasn't an issue this time, I practised with a friend on zoom. but they asked super specific questions about GDPR compliance which I have zero experience in",
    themes: ["skills-gap"],
  },
  {
    text: "The panel asked me to describe a failure and i rambled for like 5 minutes without a clear point, no situation/action/result just waffle",
    themes: ["structure", "communication"],
  },
  {
    text: "my portfolio only has uni projects, nothing real world, and they said it looked 'a bit academic'",
    themes: ["materials", "skills-gap"],
  },
  {
    text: "they said they value people who stay late and go the extra mile. i have a toddler and leave at 5 sharp. didnt feel right",
    themes: ["culture-fit"],
  },
  {
    text: "feedback: good technical ability, but came across as a bit flat and unenthusiastic, and answers were too short, basically one-liners. i WAS enthusiastic i just dont show it much",
    themes: ["nonverbal", "communication"],
  },
  {
    text: "I keep blaming myself for every single rejection, I lie awake till 3 or 4 every night replaying answers and I'm exhausted.",
    themes: ["mindset"],
    distress: true,
  },
  { text: "Good interview, nice people. Applying to 8 more this week.", themes: [] },
  {
    text: "they threw a logic puzzle at me out of nowhere, something about three light switches and a bulb. i panicked and my face went bright red",
    themes: ["unexpected-questions", "nonverbal"],
  },
  {
    text: "spelled the company name wrong in my cover letter. they didnt mention it but im mortified",
    themes: ["materials"],
  },
  {
    text: "I think I need to get better at telling stories, I have the experience but my examples are all over the place and dont have a clear ending or result",
    themes: ["structure"],
  },
  {
    text: "didn't realise it was a sales-heavy role until the interview, the job ad said 'account management'. should've read between the lines / asked the recruiter more",
    themes: ["preparation"],
  },
  {
    text: "Felt like a fraud the whole time. Didnt even know what half their products did, I'd only skimmed the website. Maybe I'm not cut out for this.",
    themes: ["mindset", "preparation"],
  },
  {
    text: "the team seemed to work in total silence, everyone on headphones, no chat. i need more social stuff than that. not sure id be happy there",
    themes: ["culture-fit"],
  },
  {
    text: "I emailed to ask for feedback and they actually replied! said my answers were good but another candidate had stronger python and airflow experience. gonna do a course.",
    themes: ["skills-gap"],
  },
  {
    text: "talked way too fast. my partner says i do that when im wound up. interviewer asked me to repeat myself twice",
    themes: ["communication", "nonverbal"],
  },
  {
    text: "For me the preparation was very good, I study the company long time. But they ask many things about internal tools, SAP and something called Workday, I never use this. Also I am not sure if my diploma from my country is recognise here, maybe I need to do some certification.",
    themes: ["skills-gap"],
  },
  {
    text: "i have no idea what went wrong tbh. maybe they thought i was too senior and would get bored, the manager said something like 'we're a small scrappy team, are you sure that suits you'. going to message the hiring manager on linkedin to ask",
    themes: ["culture-fit", "follow-up"],
  },
  {
    text: "Nothing matters anymore honestly. My savings are gone, I feel like a burden on everyone and I don't know how much longer I can keep doing this.",
    themes: ["mindset"],
    distress: true,
  },
  {
    text: "They wanted a 'culture add', asked lots about how I handle disagreement in a flat hierarchy. I'm used to very top-down places so not sure I convinced them.",
    themes: ["culture-fit"],
  },
  {
    text: "i prepared the wrong stuff, spent hours on technical q's and it was all behavioural. also i slouched the entire time, saw myself in the zoom thumbnail 😬",
    themes: ["preparation", "nonverbal"],
  },
  {
    text: "Interview was grand. Confidence was good, eye contact good, answers were tight. Just waiting to hear now.",
    themes: [],
  },
  {
    text: "whats the point of any of this. another no. i've stopped telling people i'm applying. tbh i'm thinking of just giving up on everything and going back home",
    themes: ["mindset"],
    distress: true,
  },
];

/**
 * Sealed: scored before (micro P 0.75, R 0.57, distress recall 0.50) and after
 * (P 0.75, R 0.59, distress recall 0.83) the patterns were extended from the set
 * above, and never used for tuning. Keep it that way: its figures are the honest
 * estimate of the analyser on wording it has not seen.
 */
export const ANALYSIS_SEALED_CASES: LabelledReflection[] = [
  {
    text: "honestly the best part was the whiteboard bit, i actually enjoyed it. didnt hear back yet, should i chase them or is 4 days too soon",
    themes: ["follow-up"],
  },
  {
    text: "I went on and on about my last job when they asked why I was leaving and I could see the panel's eyes glazing over. Next time I need to get to the point in under two minutes.",
    themes: ["communication"],
  },
  {
    text: "Here's what they sent: 'Thank you for your time. While we were impressed with your enthusiasm, we have decided to move forward with candidates who have more hands-on experience with Salesforce administration.' So basically I need the admin certification. Fair enough. Should I reply to thank them and ask to be kept in mind for future roles?",
    themes: ["skills-gap", "follow-up"],
  },
  {
    text: "1. Prep - I read up on the hospital's magnet status and their stroke unit, felt good about that.\n2. Skills - I think my ICU experience came across.\n3. Off guard - they asked how I'd handle a disagreement with a physician about a med order. I froze a bit and then gave a hypothetical instead of an actual example from my unit.\n4. Body language - I was shaking a little at the start, kept fidgeting with my lanyard.\n5. Fit or skill - fit I think, they do 12s with mandatory overtime and I was upfront that I can't do that with my kids.\n6. Resume - fine.",
    themes: ["unexpected-questions", "structure", "nonverbal", "culture-fit"],
  },
  {
    text: "The demo lesson went well. But when they asked me about a time I dealt with a difficult parent, I gave them all the background and then just stopped. I never got to what I actually did or how it turned out.",
    themes: ["structure"],
  },
  {
    text: "what's the point anymore. 43 applications, 6 interviews, 6 nos. i'm not sleeping and i've started dreading opening my email. maybe i'm just not employable.",
    themes: ["mindset"],
    distress: true,
  },
  {
    text: "Crushed the role play, they said so themselves. Didn't get it because they went with an internal guy, nothing I could've done there. Sending 15 apps this week, though I should probably update my LinkedIn headline first, it still shows my old title.",
    themes: ["materials"],
  },
  {
    text: "In the interview I am understanding the questions but I am not able to explain my experience in good way, my answers was very short and the manager ask me many times 'can you tell more?'. Also I did not know much about the company products, I only see the website home page.",
    themes: ["communication", "preparation"],
  },
  {
    text: "They said my portfolio was 'heavy on process, light on final work' and the case studies were too long to get through. I'm going to cut them down and redo the layouts this weekend.",
    themes: ["materials"],
  },
  {
    text: "What made me step back: every single person I met mentioned how they 'basically live here', and there were sleeping pods in the office. I have a toddler. That's not a team I could be part of.",
    themes: ["culture-fit"],
  },
  {
    text: "I never sent a thank you email and now it's been 2 weeks. Is it too late to send one? Also should I ask them for feedback or is that weird?",
    themes: ["follow-up"],
  },
  {
    text: "The system design round was fine, I've done a dozen of those. What tripped me up was the VP asking me to estimate how many piano tuners there are in Chicago. Felt like a gimmick and I gave a pretty weak answer.",
    themes: ["unexpected-questions"],
  },
  {
    text: "no response still. sent thank you note the day after. eye contact was fine this time, i practiced w my sister",
    themes: [],
  },
  {
    text: "I got the offer!! Honestly I think the difference this time was that I actually researched their recent acquisition and could talk about it. One thing I still want to work on: in the behavioural questions I tend to skip the 'what happened in the end' part.",
    themes: ["structure"],
  },
  {
    text: "Honestly the recruiter was useless. She never told me it was a panel of five people, and the hiring manager was clearly checked out the whole time. I don't think it was anything I did.",
    themes: ["mindset"],
  },
  {
    text: "Coming from retail management into HR, they kept asking about HRIS systems like Workday and employment law specifics that I just don't have yet. I could talk about managing people all day but that's not what they needed.",
    themes: ["skills-gap"],
  },
  {
    text: "1. preparation: honestly not great, I skimmed the job description the night before\n2. skills: I don't think my internship work came across, I just listed tasks\n3. caught off guard: 'what's your biggest weakness' even though I know it's common lol\n4. body language: ok I think\n5. fit vs skill: probably neither, just me being underprepared\n6. resume: there's a typo in my header which someone pointed out AFTER. great.",
    themes: ["preparation", "communication", "unexpected-questions", "materials"],
  },
  {
    text: "I'm a mess. I cried in the car after and I haven't slept properly all week. I keep replaying every answer and I can't stop thinking I'm a failure. My partner says take a break but we can't afford it.",
    themes: ["mindset"],
    distress: true,
  },
  {
    text: "What were the high points? Getting through the technical screen without blanking for once, and the hiring manager laughed at my joke. Felt like real rapport.",
    themes: [],
  },
  {
    text: "Feedback: 'We felt your answers lacked specific examples and it was difficult to assess the outcomes of your work.' Ouch but fair. I talk in generalities when I'm nervous.",
    themes: ["structure", "nonverbal"],
  },
  {
    text: "Probably 5 this week. Trying to be more targeted rather than spraying my CV everywhere, so I'll tailor each cover letter instead of using the same one.",
    themes: ["materials"],
  },
  {
    text: "Dressed way too formal. Full suit, everyone else was in hoodies and flip flops. Then the CEO asked me what my 'favourite failure' was, what even is that?? I had nothing.",
    themes: ["materials", "unexpected-questions"],
  },
  {
    text: "The pay was fine but the manager said 'we're a family here' three times and mentioned weekend Slack is 'expected but not required'. Red flags all over. I pulled out.",
    themes: ["culture-fit"],
  },
  {
    text: "I'll be honest, I didn't hear anything and I didn't follow up. I don't really know how long to wait before emailing the recruiter.",
    themes: ["follow-up"],
  },
  {
    text: "interview was ok. my english is not perfect so i was very nervous and speak too fast, they ask me to repeat two times. the one interviewer look at his phone a lot which make me more nervous",
    themes: ["nonverbal", "communication"],
  },
  {
    text: "Stepped back because they wanted me on-call every other week with no extra comp, and the team lead described code review as 'optional when we're shipping'. Not how I work.",
    themes: ["culture-fit"],
  },
  {
    text: "I'm not going to let this one get to me. Three rejections in a row stings, but I'm learning something each time. Back at it Monday, and for once I'm going to ask the last one for feedback.",
    themes: ["mindset", "follow-up"],
  },
  {
    text: "They asked for my BLS and ACLS cards and my ACLS expired last month. Totally my fault, I renew it next week. Otherwise they seemed to like me.",
    themes: ["skills-gap"],
  },
  {
    text: "I used the STAR thing like my coach said and honestly it went so much better, although on the leadership question I forgot the result bit again. Still no offer, they picked someone with more years in the field.",
    themes: ["structure", "skills-gap"],
  },
  {
    text: "Ten years teaching and I can't even get a job as an instructional designer. I feel like I wasted my whole career. Some days I don't see why I should bother getting out of bed.",
    themes: ["mindset"],
    distress: true,
  },
  {
    text: "They threw a curveball: 'If you were an animal which would you be and why?' I said a dog and then had nothing. Also I realised halfway through I hadn't looked at anything about their clients.",
    themes: ["unexpected-questions", "preparation"],
  },
  {
    text: "1. Prep was solid, I read their annual report and practised with a friend.\n2. I don't think my skills came across - I kept using military acronyms and the interviewer looked lost.\n3. Nothing really caught me off guard.\n4. I've been told I come across 'intense'. Probably the posture, I sit bolt upright and don't smile much.\n5. More of a skill gap, they wanted a PMP.\n6. My resume still reads like an evaluation report, needs translating to civilian.",
    themes: ["communication", "nonverbal", "skills-gap", "materials"],
  },
  {
    text: "Felt like a frat house. Ping pong, beer fridge, everyone 24 and named Chad. I'm 51. I don't think they saw me as one of them and honestly the feeling was mutual.",
    themes: ["culture-fit"],
  },
  {
    text: "I kept circling back to the same project for every question because it's the only big one I've led. By the third time I could tell they were bored of hearing about it. I need more stories.",
    themes: ["structure"],
  },
  { text: "rejected. no feedback given. gonna email and ask why", themes: ["follow-up"] },
  {
    text: "They asked me to rate myself 1-10 on SQL and I said 8, and the next 20 minutes were increasingly hard SQL questions I couldn't do. Lesson learned. Need to actually get good at window functions.",
    themes: ["skills-gap"],
  },
  {
    text: "My hands were shaking so much I had to put the coffee down. I could not look at the hiring manager, I kept staring at the wall behind her.",
    themes: ["nonverbal"],
  },
  {
    text: "the best bit was talking about the community garden project, i lit up and they could tell. everything else was meh but nothing bad",
    themes: [],
  },
  {
    text: "From the recruiter: 'The team enjoyed meeting you. Ultimately, they felt another candidate's working style was a closer match for how the team collaborates - they're very async and documentation-heavy.' I'm a talk-it-through person so... yeah.",
    themes: ["culture-fit"],
  },
  {
    text: "I completely blew it, it's all on me. They asked how I'd prioritise if three managers dumped urgent work on me at once, which I'd never even thought about, and my brain just switched off. I'm so angry at myself.",
    themes: ["unexpected-questions", "mindset"],
  },
  {
    text: "I think my numbers was strong, 140% of quota two years. But they ask about their CRM HubSpot and I only use Pipedrive before. I tell them I learn fast but I don't think they believe.",
    themes: ["skills-gap"],
  },
  {
    text: "Zero this week. I'm burnt out and I've been snapping at my kids. Everything feels pointless and I can't see this ever changing.",
    themes: ["mindset"],
    distress: true,
  },
  {
    text: "Designer here. My portfolio site wouldn't load on their conference room screen and I had to scramble to find a PDF on my phone. Looked so unprofessional. Building a backup deck now.",
    themes: ["materials"],
  },
  {
    text: "Preparation: I did prep properly this time - mock interviews, researched the team on LinkedIn, knew their product roadmap. Did my skills come across: I think so. Off guard: no. Body language: relaxed. Fit/skill: they just went with someone internal. Resume: fine.",
    themes: [],
  },
  {
    text: "I talk too much. Always have. One question about the gap on my CV, which I genuinely wasn't expecting, and I gave them my whole life story including my divorce.",
    themes: ["communication", "unexpected-questions"],
  },
  {
    text: "Sent a thank-you to the hiring manager but forgot the other two panelists. Should I send them one now, a week later?",
    themes: ["follow-up"],
  },
  {
    text: "They asked 'tell me about a time you failed' and I said I couldn't really think of one. In hindsight that was bad. I need to have a few stories ready to go before the next one.",
    themes: ["structure", "preparation"],
  },
  {
    text: "I withdrew. The ad said hybrid, then in the final round they said 'we're all in five days, we like the energy'. Plus everyone I met had been there under a year, which tells you something.",
    themes: ["culture-fit"],
  },
  {
    text: "Felt good. Prep was good, eye contact good, answers were tight. Still got rejected. Whatever, on to the next one, I'm not going to dwell on it.",
    themes: ["mindset"],
  },
  {
    text: "I've been a staff engineer for 8 years and they asked me to reverse a linked list on a whiteboard. I got annoyed and I think it showed. My tone was probably off for the rest of the hour.",
    themes: ["nonverbal"],
  },
  {
    text: "They wanted someone who'd already run a Kubernetes cluster in prod. I've only done it in side projects. They also leaned hard on Terraform, which I've never touched.",
    themes: ["skills-gap"],
  },
  {
    text: "didnt get it. they sed i wasnt 'polished' enough, not sure if thats my clothes or how i talk?? can i ask them what they ment",
    themes: ["follow-up", "materials", "communication"],
  },
  {
    text: "Honestly I think they'd already decided before I walked in. The whole thing was box-ticking for an internal hire, it's rigged. These companies waste everybody's time.",
    themes: ["mindset"],
  },
  {
    text: "High points: the unit manager walked me around the floor and introduced me to the charge nurse, and I felt like I'd fit right in with the night crew. Low point: they asked about my experience with Epic and I've only ever charted in Cerner.",
    themes: ["skills-gap"],
  },
  {
    text: "I fumbled 'why do you want to work here' because honestly I didn't know what they did beyond 'fintech'.",
    themes: ["preparation"],
  },
  {
    text: "Long one, sorry. The portfolio review went okay, they liked my redesign of the expense app. But then the design lead asked me to critique their own onboarding flow on the spot and I wasn't expecting that at all, so I said some generic stuff about 'reducing friction'. In the behavioural part I kept starting stories and not finishing them - I'd get to the problem and then jump to another project. I also realised I'd never actually used their app, which was embarrassing when they asked what I thought of it. They emailed Friday with a no. I'm disappointed but not crushed, I'm going to do two more case studies and keep going.",
    themes: ["unexpected-questions", "structure", "preparation", "mindset"],
  },
  {
    text: "my confidence is shot. i used to walk in to interviews feeling great and now i apologise before every answer and cant look anyone in the eye",
    themes: ["nonverbal", "mindset"],
  },
  {
    text: "Got an offer from the second one! Still haven't heard from the first one, which I actually wanted more. Do I email them and tell them I have an offer?",
    themes: ["follow-up"],
  },
  {
    text: "The questions were all standard. Tell me about yourself, strengths, weaknesses, a conflict. I had STAR answers ready for all of them. No issues. Just waiting now.",
    themes: [],
  },
  {
    text: "They're a 'no excuses' charter school and the principal talked about silent hallways and demerits for untucked shirts. I couldn't square that with how I run a classroom. I was polite but I think my face gave me away.",
    themes: ["culture-fit", "nonverbal"],
  },
  {
    text: "Pasting their note: 'Your resume suggested more leadership experience than came through in conversation.' Not sure what to do with that - either I oversold on paper or undersold in the room.",
    themes: ["materials", "communication"],
  },
  {
    text: "In my country we do not speak about ourself so much, so when they say 'sell yourself' I feel uncomfortable and I say only 'I work hard'. Maybe I need to learn to talk about my achievements more.",
    themes: ["communication"],
  },
  {
    text: "How many this week? Honestly, maybe none. I'm starting to think I'm too old and nobody is going to hire me again, and I don't know what we'll do about the mortgage. I lie awake at 3am going round and round.",
    themes: ["mindset"],
    distress: true,
  },
  {
    text: "Two things caught me off guard: a live Excel test nobody had mentioned, and a question about where I see the company in 5 years. I actually did alright on the Excel, but the second one I had no idea, I hadn't even read their latest news.",
    themes: ["unexpected-questions", "preparation"],
  },
  {
    text: "Didn't get it, but I asked the recruiter for feedback and she gave me 10 minutes on the phone, which was amazing. Main thing: I need to put numbers on what I achieved ('improved retention' - by how much?). Not giving up.",
    themes: ["communication", "mindset"],
  },
  {
    text: "I sat there like a statue. Didn't smile once, arms folded the whole time apparently (my friend who works there told me later). I had no idea I do that.",
    themes: ["nonverbal"],
  },
  {
    text: "I give up. I'm done with all of it, the job search, everything. I don't think I can keep doing this.",
    themes: ["mindset"],
    distress: true,
  },
  {
    text: "The commission structure was fine but the sales floor was like a boiler room, leaderboards on every wall, people yelling into headsets. I get a headache just thinking about it. Said thanks but no thanks.",
    themes: ["culture-fit"],
  },
  {
    text: "I didn't know the difference between their two main products and mixed them up in front of the product director. Also my answers were all over the place, no beginning, middle or end.",
    themes: ["preparation", "structure"],
  },
  {
    text: "Nothing much to report - first round was a 20 min phone screen with HR, just salary expectations and availability. Second round is next Thursday with the team lead. What should I be reading up on before then?",
    themes: ["preparation"],
  },
];
