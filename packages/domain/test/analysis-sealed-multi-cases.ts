import type { LabelledReflection } from "../src/analysis/index.js";

/**
 * Sealed multi-theme evaluation set for the reflection theme analyser.
 *
 * Written on 2026-12-01 by an outside author who never saw the analyser's patterns, model or
 * training data; the only inputs were the theme list and the labelling rule (a theme is labelled
 * when it is discussed as a difficulty, a gap or something still open; high points and negated
 * problems are not themes; every distress case is also mindset). Sealed: its scores are reported,
 * never tuned on. Do not edit cases to make the analyser pass.
 *
 * What it holds: 120 replies in the voice of real candidates answering Rebound's questions,
 * about half of them answering several questions at once (numbered 1-6 or one rambling
 * paragraph), from 8 to ~240 words, across nursing, teaching, retail, warehouse, law, finance,
 * design, software, marketing, trades, hospitality, academia, the civil service, graduates,
 * career changers and senior managers; with typos, non-native English and informal phone
 * replies.
 *   - themes per case: 8 with none (only high points or negated problems), 18 with one,
 *     50 with two, 34 with three, 6 with four, 4 with five;
 *   - cases per theme: preparation 30, skills-gap 30, culture-fit 30, mindset 30,
 *     communication 24, structure 24, unexpected-questions 24, nonverbal 24, materials 24,
 *     follow-up 24;
 *   - 12 distress cases (explicit and quiet), each also labelled mindset;
 *   - several labelled cases also mention another area positively or negated ("CV fine",
 *     "wasn't nervous though", "research was fine"), which must not be labelled.
 */
export const ANALYSIS_SEALED_MULTI_CASES: LabelledReflection[] = [
  {
    text: "High points: the creative director kept flipping back to my packaging project, they loved the portfolio. I wasn't nervous at all, which is a first for me. Haven't heard back yet but it felt good.",
    themes: [],
  },
  {
    text: "High points – the panel laughed at my story about rewriting the rota, I had a proper example ready for every question, and I already knew loads about the trust from my placement there. Feedback: none yet, they said Friday.",
    themes: [],
  },
  {
    text: "got the offer!!! 🎉 research paid off, i knew their whole product line and i didnt ramble once",
    themes: [],
  },
  {
    text: "For me the high point was technical part, I answer all SQL questions without problem. Also I was not stressed at all, I slept good before the interview.",
    themes: [],
  },
  {
    text: "What went right: I stayed calm, my CV was tailored to the job, and I sent a thank-you email the same afternoon. They rang with the offer two days later.",
    themes: [],
  },
  {
    text: "1. Prep was fine, I'd read their last Ofsted report and the trust's improvement plan. 2. I think my impact came across clearly, I had results data for every class. 3. Nothing really threw me. 4. Felt confident, good eye contact, smiled a lot. 5. Neither really, I've taught the spec for six years and the department felt like my kind of people. 6. CV did its job, got me in the room. Just waiting to hear.",
    themes: [],
  },
  {
    text: "no curveballs, no awkward silences, they didnt even bring up the gap on my cv. best interview ive had tbh",
    themes: [],
  },
  {
    text: "The interviewers were warm, the hours suit me perfectly and it felt like the right team straight away.",
    themes: [],
  },
  {
    text: "I've stopped telling my family about interviews, I just feel like a burden at this point. Another no today.",
    themes: ["mindset"],
    distress: true,
  },
  {
    text: "not eating much since the rejection. keep replaying the bit where they asked why i left my last job, didnt see it coming and just sat there with nothing",
    themes: ["unexpected-questions", "mindset"],
    distress: true,
  },
  {
    text: "Can't see the point of applying anymore. 40 applications, 3 interviews, and every single time it's \"we went with someone with more experience\". I'm not sending any this week.",
    themes: ["skills-gap", "mindset"],
    distress: true,
  },
  {
    text: "1. Prep - ok, I'd read up on the trust values and the ward, so that bit was fine. 2. Not sure. 3. The safeguarding scenario threw me, I went completely blank, even though I deal with that stuff on shift all the time. 4. My hands were shaking the whole time and my voice went wobbly. 5. Probably fit, they want someone on days only and I said I'd rather keep some nights for the enhancements. 6. CV fine. Honestly I haven't slept properly in weeks and I'm starting to think I'm just not good enough for anything.",
    themes: ["unexpected-questions", "nonverbal", "culture-fit", "mindset"],
    distress: true,
  },
  {
    text: "Had a panic attack in the car park before going in. Got through it but I was shaking the whole time and couldn't look at any of them. What is wrong with me.",
    themes: ["nonverbal", "mindset"],
    distress: true,
  },
  {
    text: "honestly whats the point. im 52, nobody wants someone my age who doesnt know power bi or whatever the latest thing is. i feel worthles",
    themes: ["skills-gap", "mindset"],
    distress: true,
  },
  {
    text: "Sorry for long message. The interview was in English and I could not express my experience well, the words did not come. They said my profile is strong but my communication is not enough for client-facing role. I feel I fail my family, they sacrifice so much for me to study here, and I don't sleep since three days.",
    themes: ["communication", "mindset"],
    distress: true,
  },
  {
    text: "fine. another rejection. ive kind of stopped caring what happens to me tbh",
    themes: ["mindset"],
    distress: true,
  },
  {
    text: "Feedback said I didn't give enough concrete examples from the classroom and my answers were all theory, no actual \"here's what I did with my Year 10s\". Fair. But this is my ninth rejection this year and some days I can't get out of bed. I'm not sure I can keep doing this.",
    themes: ["structure", "mindset"],
    distress: true,
  },
  {
    text: "how many this week? zero. i cant face it. i open the laptop to start one and just end up crying",
    themes: ["mindset"],
    distress: true,
  },
  {
    text: 'the live coding was a disaster, they wanted a graph traversal and I havent touched algorithms since uni so I just sat there. I also didnt research the company at all, I\'d applied to so many I honestly mixed them up with another fintech during the "why us" bit. and I waffled through "tell me about yourself" for about five minutes. everyone from my year has a job and I\'m the only failure, I\'ve been lying awake till 4 every night going over it.',
    themes: ["preparation", "communication", "skills-gap", "mindset"],
    distress: true,
  },
  {
    text: "Eighteen years in logistics management and I can't even get past a first round now. They kept asking about leading an \"agile transformation\", which I've never done. I feel like I've become invisible. Some nights I wonder if my family would be better off with the life insurance.",
    themes: ["skills-gap", "mindset"],
    distress: true,
  },
  { text: "asked me to sell them a pen. blanked.", themes: ["unexpected-questions"] },
  { text: "will send a thank you email to the hiring manger tonight", themes: ["follow-up"] },
  { text: "didnt look at there wesbite once before going in, didnt even know what they sell", themes: ["preparation"] },
  {
    text: "They said I was a great candidate but they needed someone with a CSCS card and two years on site.",
    themes: ["skills-gap"],
  },
  {
    text: 'Feedback: "Strong technically, but we felt you\'d be happier in a less structured, more autonomous environment." Not sure what to make of that.',
    themes: ["culture-fit"],
  },
  {
    text: "my cv is 4 pages, recruiter said nobody reads past page 2. gonna cut it down this weekend",
    themes: ["materials"],
  },
  { text: "not getting this one doesnt matter, onto the next one 💪 sending 10 this week", themes: ["mindset"] },
  { text: "i talked way too much, they had to cut me off twice", themes: ["communication"] },
  {
    text: "Feedback: answers too general, I never once gave a specific example with an outcome.",
    themes: ["structure"],
  },
  { text: "I could hear my voice shaking and I kept staring at the table instead of at them.", themes: ["nonverbal"] },
  {
    text: "They ask me if I am ok to work weekend and night shift, I say maybe, I think this is why they choose other person.",
    themes: ["culture-fit"],
  },
  { text: "Wore jeans. Everyone else in the waiting room was in a suit. Lesson learned.", themes: ["materials"] },
  {
    text: "Asked the recruiter for feedback twice now, nothing back. Should I chase a third time?",
    themes: ["follow-up"],
  },
  {
    text: "I keep telling myself it's their loss but honestly I think I just wasn't good enough.",
    themes: ["mindset"],
  },
  {
    text: 'Halfway through they asked "how many petrol stations are there in the UK?" Did not see that coming.',
    themes: ["unexpected-questions"],
  },
  {
    text: "research was thin, i knew the ceo's name and that was about it. then i rambled for like 5 min on the first question",
    themes: ["preparation", "communication"],
  },
  {
    text: "They wanted the Salesforce Admin certification, which I don't have. I'm going to email the recruiter and ask if they'd consider me for the junior role instead.",
    themes: ["skills-gap", "follow-up"],
  },
  {
    text: "I was so nervous I forgot the whole STAR thing and just told stories without ever getting to what the result was.",
    themes: ["structure", "nonverbal"],
  },
  {
    text: "The portfolio link on my CV was broken 🙃 they mentioned it right at the start. Also haven't sent a thank-you yet, is it too late after 3 days?",
    themes: ["materials", "follow-up"],
  },
  {
    text: "High point was the store tour. But they asked about availability and I said I can't do Sundays, you could see the manager's face drop. And I wasn't ready at all for \"what would you do if you saw a colleague stealing\".",
    themes: ["unexpected-questions", "culture-fit"],
  },
  {
    text: "The partner asked me about a recent commercial law development and I genuinely hadn't read any legal news that week. Felt like I'd wasted their time. I'll keep going though, vac scheme deadlines are next month.",
    themes: ["preparation", "mindset"],
  },
  {
    text: "My english is good normaly but in interview I could not find the right words and my answers came out confusing, the interviewer ask me to repeat two times. Also I dont have the experience with SAP they want.",
    themes: ["communication", "skills-gap"],
  },
  {
    text: 'feedback was "lovely person but not enough hands-on python". fair enough. gutted but im not giving up, signed up for a course',
    themes: ["skills-gap", "mindset"],
  },
  {
    text: 'I think I undersold myself massively. I said "we" about everything and never said what I personally built. Then I went home and beat myself up about it all night.',
    themes: ["communication", "mindset"],
  },
  {
    text: "they asked if i had my FLT licence, i dont. also the shifts are 6 till 6, 4 on 4 off and idk if i can make that work with the kids",
    themes: ["skills-gap", "culture-fit"],
  },
  {
    text: 'The cover letter was a generic one I forgot to change, it still said "Dear Hiring Team at Deloitte" and this was PwC 😬 And I knew nothing about their audit side either.',
    themes: ["preparation", "materials"],
  },
  {
    text: "Confidence: the eye contact thing on Zoom is so hard, I was looking at my own face the whole time. Off guard: they asked me to describe myself in three words, which I completely wasn't ready for.",
    themes: ["unexpected-questions", "nonverbal"],
  },
  {
    text: "The panel pushed me on my five-year research plan and I rambled, jumping between three projects without finishing a thought. I still need to send a note to the chair thanking them, I haven't done it yet.",
    themes: ["communication", "follow-up"],
  },
  {
    text: 'Got told the role needed someone comfortable with a "fast-paced, always-on culture". I said I value my evenings. Wouldn\'t want to work somewhere like that anyway. Next!',
    themes: ["culture-fit", "mindset"],
  },
  {
    text: "I didn't prepare any examples beforehand so when they asked about a time I dealt with conflict I had nothing, just talked in general terms.",
    themes: ["preparation", "structure"],
  },
  {
    text: "Trial shift went ok but head chef said my knife skills aren't where they need to be for that kitchen. I also rocked up in trainers which in hindsight 🤦",
    themes: ["skills-gap", "materials"],
  },
  {
    text: "I was really flat, no energy, my partner was listening from the kitchen and said I sounded bored. And the logic puzzle at the end threw me completely.",
    themes: ["unexpected-questions", "nonverbal"],
  },
  {
    text: "Did you hear back: no, I've asked for feedback and I'm still waiting. Meanwhile I keep going over how I waffled through the very first question.",
    themes: ["communication", "follow-up"],
  },
  {
    text: "They asked for an example of a campaign I'd run start to finish and I couldn't come up with one on the spot. Also they're all in HubSpot and I've only ever used Mailchimp.",
    themes: ["structure", "skills-gap"],
  },
  {
    text: "I think in my country we dont sell ourself, so I was too modest and did not say clearly what I achieved. Also the interviewer say my CV is too long, 4 pages.",
    themes: ["communication", "materials"],
  },
  {
    text: "Research was fine, I knew the product inside out. Problem was they wanted 5 years of React Native and I have 1. Felt like a waste of a day tbh, the recruiter should never have put me forward.",
    themes: ["skills-gap", "mindset"],
  },
  {
    text: "Observed lesson went well, the kids were great. Interview not so much: they asked about my approach to behaviour management and I waffled. And I didn't know about the trust's new curriculum, I should have looked.",
    themes: ["preparation", "communication"],
  },
  {
    text: "She said to stay in touch on LinkedIn as there might be another opening in spring, so I'll connect with her this week. Still gutted though, I really wanted this one.",
    themes: ["follow-up", "mindset"],
  },
  {
    text: "Technicals were fine, I nailed the DCF and the accounting questions. But the MD said they're looking for someone who'll \"thrive in the hours\" and I hesitated when he asked about weekends. Also I was sweating through my shirt lol.",
    themes: ["nonverbal", "culture-fit"],
  },
  {
    text: "my mind went white when they asked about a time i failed. and i forgot to have any questions ready for them at the end wich looked bad",
    themes: ["preparation", "unexpected-questions"],
  },
  {
    text: "High point was meeting the team in Lyon over video. Low point: the second half of the interview was in French and nobody told me beforehand. My French is B1 at best.",
    themes: ["unexpected-questions", "skills-gap"],
  },
  {
    text: "They said the portfolio was too long and they couldn't see my process, just final shots. And my case study presentation went way over time because I kept talking.",
    themes: ["communication", "materials"],
  },
  {
    text: "I didn't really know what the role involved day to day, I'd basically read the job title. They could tell. I'm going to email and ask what they'd want to see from me next time.",
    themes: ["preparation", "follow-up"],
  },
  {
    text: "They want someone happy to be in the office 5 days a week, I've been remote 4 years. Honestly it's their loss.",
    themes: ["culture-fit", "mindset"],
  },
  {
    text: 'Watched the recording back (it was a one-way video interview): I fidget with my pen the whole time. And my answers to the competency questions had no real examples, just "I\'m a team player" type stuff.',
    themes: ["structure", "nonverbal"],
  },
  {
    text: "Civil service interview, behaviour-based. I didn't structure my examples properly, forgot the result bit every single time, scored 3s apparently. Feedback also said I didn't demonstrate \"Seeing the Big Picture\", which is fair, I hadn't even read the success profiles before.",
    themes: ["preparation", "structure"],
  },
  {
    text: "tbh the vibe was off, they all go to the pub together every friday and im just not like that. and i wore a suit and everyone was in hoodies lol",
    themes: ["culture-fit", "materials"],
  },
  {
    text: "Hands shaking, voice shaking, couldn't hold eye contact. Next time I need to practise my answers out loud with someone beforehand so I'm not so rattled.",
    themes: ["preparation", "nonverbal"],
  },
  {
    text: "Accountant, newly qualified. They needed IFRS 17 experience and I've only done UK GAAP. And I hadn't looked properly at the job spec so I was half blind on what the team actually does.",
    themes: ["preparation", "skills-gap"],
  },
  {
    text: "no feedback yet, ill chase on friday. the bit where they asked me to critique their homepage on the spot caught me out tho",
    themes: ["unexpected-questions", "follow-up"],
  },
  {
    text: "Feedback was that my answers were too short, a sentence each, and they kept having to prompt me. I think I was trying so hard not to ramble that I overcorrected. Wasn't nervous though, weirdly calm. Also when they asked how I'd handle an angry relative on the ward I didn't have an example from placement ready.",
    themes: ["communication", "structure"],
  },
  {
    text: "The hiring manager was rude and had clearly already picked someone internal. Complete waste of my time. I also only had an hour to read up on them because the invite came the night before.",
    themes: ["preparation", "mindset"],
  },
  {
    text: "Band 6 interview. They asked about leading a team through a serious incident and I've only ever been band 5, I don't have that experience yet. Also I'd forgotten to put my mentorship course on my CV.",
    themes: ["skills-gap", "materials"],
  },
  {
    text: "ex teacher trying to get into UX. they asked how id prioritise a backlog and i had no idea, ive only done the google cert. still learnt loads, going to keep at it",
    themes: ["skills-gap", "mindset"],
  },
  {
    text: "Sent a thank-you note, no reply, then the rejection came a week later. Should I ask why? Looking back I talked too much about my old job and never really said what I'd bring to theirs.",
    themes: ["communication", "follow-up"],
  },
  {
    text: "The role needed weekend on-call and I told them straight I can't, so I think that was that. My CV and cover letter got me the interview so at least those are working. Just tired of getting this far and falling at the last hurdle.",
    themes: ["culture-fit", "mindset"],
  },
  {
    text: "Too much jargon. They were HR people and I talked to them like they were engineers, I could see them glazing over. Plus I went in without knowing anything about their product roadmap.",
    themes: ["preparation", "communication"],
  },
  {
    text: "I keep crossing my arms when im nervous and i did it the hole interview. They also said for the next level they'd want Prince2, which i havent got.",
    themes: ["nonverbal", "skills-gap"],
  },
  {
    text: "1. Prep: I read their website but didn't really get what the team does day to day. It's a data governance role and I'd assumed it was analytics. 2. Skills came across ok I think. 3. Nothing weird. 4. Felt fine. 5. Fit, I reckon. They kept asking how I feel about a heavily regulated, process-driven place and I said I like to move fast and break things 😅 6. CV fine. Oh and my examples were all from uni group projects and I never actually said how any of them turned out.",
    themes: ["preparation", "structure", "culture-fit"],
  },
  {
    text: "High point was the tour, the studio is gorgeous. Downsides: I turned up in a full suit and everyone was in trainers and band tees, felt like a narc lol. Then I got really stiff and formal because of it, arms folded, barely smiled. And when they did the whole \"we're a family, we all pitch in at weekends before launches\" speech I think my face gave away that I'm not into that.",
    themes: ["nonverbal", "culture-fit", "materials"],
  },
  {
    text: 'Feedback (pasted): "Candidate gave good technical answers but struggled with the hypothetical scenario questions, and examples lacked detail on personal contribution and outcomes." Which is fair, the "what would you do if your manager asked you to do something unethical" one completely threw me. I\'m going to reply and ask if they can say which answers specifically, so I know what to work on.',
    themes: ["structure", "unexpected-questions", "follow-up"],
  },
  {
    text: "didnt know they were a B corp until they asked what i thought of thier impact report 🙈 should have looked. also theyre 4 days in office and i asked about fully remote in the first 10 min, prob not a great look. gonna send a thank u anyway",
    themes: ["preparation", "culture-fit", "follow-up"],
  },
  {
    text: "Their feedback: lacking experience with Workday and with managing a unionised workforce, both of which the role needs. They also said the culture there is very hands-on, HRBPs sit out on the shop floor, and they weren't sure I'd want that after years in corporate. And apparently my CV undersold my ER casework, which I'd only listed as one bullet point.",
    themes: ["skills-gap", "culture-fit", "materials"],
  },
  {
    text: 'The interview was with three people and I was very nervous, my voice was shaking in first five minutes. They asked me strange question "if you were an animal what you would be" and I did not understand why they ask this. Also they said the team goes for drinks often after work and I don\'t drink for religion reason, I felt I will not fit there.',
    themes: ["unexpected-questions", "nonverbal", "culture-fit"],
  },
  {
    text: "1) Prep was solid, I'd read their last three press releases and knew about the funding round. 2) Mostly ok, except they asked for a specific time I'd turned a difficult account around and I gave a general answer about \"relationship building\" with no actual story. 3) n/a 4) fine 5) neither really 6) my resume still has my old title on it, they asked what a \"Senior Associate II\" was and I didn't realise I'd left that on. Will fix. Also should I send the VP a LinkedIn message? I haven't yet.",
    themes: ["structure", "materials", "follow-up"],
  },
  {
    text: "I hadn't looked at the school's SEND policy or their last Ofsted report and of course they asked about both. Then the head asked how I'd teach a Year 9 class that had just come in from a fire drill, which I did not see coming at all. I could feel my neck going red and my hands were clammy the whole way through.",
    themes: ["preparation", "unexpected-questions", "nonverbal"],
  },
  {
    text: "Feedback from the recruiter: \"Hiring manager felt you'd be a better fit at a larger company with more defined processes, and there was some concern around depth of Kubernetes experience. Also answers to the behavioural questions could have used more concrete examples.\" Kind of mixed. I don't know if the first bit is just a nice way of saying no.",
    themes: ["structure", "skills-gap", "culture-fit"],
  },
  {
    text: "High points: got on really well with the second interviewer, we both climb. Low points: forgot my glasses so I couldn't read the printed case they handed me and had to squint through it, and my blazer had a massive coffee stain I only noticed in the lift mirror. I was self-conscious the whole time after that, kept hiding my sleeve and not looking up. Question for you: is it weird to mention the coffee thing in my thank-you email? I still haven't sent it.",
    themes: ["nonverbal", "materials", "follow-up"],
  },
  {
    text: "I'd done all the technical prep, I could build a three-statement model in my sleep. What I hadn't done was look into the fund itself, so when they asked which of their portfolio companies I found most interesting I had nothing. Then out of nowhere they asked me to pitch them a stock in two minutes. And the MD kept talking about how \"we all basically live here\", 100-hour weeks framed as a badge of honour, and I honestly don't know if I want that.",
    themes: ["preparation", "unexpected-questions", "culture-fit"],
  },
  {
    text: "My portfolio site was loading super slowly on their wifi so half the images never appeared and I was describing projects to a grey screen. I got flustered and kept apologising, couldn't settle after that. And when they asked about a project that didn't go to plan I didn't have an example ready at all.",
    themes: ["structure", "nonverbal", "materials"],
  },
  {
    text: "Heard back today, it's a no. Not the right place for me anyway, they want everyone in by 7.30 and the manager said \"we're not big on flexible working\". Still, it stings. I'm going to message the recruiter and ask to be kept in mind for the Leeds office. Onwards.",
    themes: ["culture-fit", "follow-up", "mindset"],
  },
  {
    text: "Competency-based, which I knew, but I'd only got two examples ready and tried to stretch them across six questions, so by the end I was reusing the same project and it showed. Also they threw in \"tell us about a time you disagreed with a policy decision\", which I absolutely wasn't expecting in a civil service interview.",
    themes: ["preparation", "structure", "unexpected-questions"],
  },
  {
    text: "They want electrician with 18th edition and I have still the 17th, I need to do the course again. Also my CV did not say about my ECS card so they think I dont have it. The foreman said they work away Monday to Friday most weeks and I have small kids so maybe this is not working anyway.",
    themes: ["skills-gap", "culture-fit", "materials"],
  },
  {
    text: "What went well: got to meet the team. What didn't: I think I came across way too intense, I was so keen I talked over the interviewer a couple of times and kept going off on tangents. The feedback said they thought I'd find the pace \"too slow and consensus-driven\", which is probably right tbh, I get bored in places like that.",
    themes: ["communication", "nonverbal", "culture-fit"],
  },
  {
    text: "3 things: they asked a brainteaser about how many golf balls fit in a bus and I completly froze. My competency answers had no structure at all, I started in the middle of the story and went backwards. And I'm not sure wether to email them to ask for feedback or just wait, it's been 8 days.",
    themes: ["structure", "unexpected-questions", "follow-up"],
  },
  {
    text: "Didn't research the brand properly. It's a luxury retailer and I went in talking about value and promotions like it was a discount chain, which they clearly didn't love. Also showed up in a hoodie because the ad said \"relaxed environment\". And they need someone who can do late nights for events, which I can't commit to with my second job.",
    themes: ["preparation", "culture-fit", "materials"],
  },
  {
    text: 'Feedback (over the phone, I wrote it down): "Clinical knowledge good. Needs more confidence, seemed unsure of herself, quiet voice. Scenario answers would benefit from a clearer structure: assess, plan, act, evaluate." I\'m going to ask the ward manager if I can shadow for a day and then re-apply, she did say to keep in touch.',
    themes: ["structure", "nonverbal", "follow-up"],
  },
  {
    text: 'So feedback was basically they want a "self-starter who thrives without much direction" and I had said I like clear guidance from my manager. Also I have zero experience in paid social and apparently thats half the job. Then they asked me to name three brands whose TikTok I admire and I blanked, did not expect that one.',
    themes: ["unexpected-questions", "skills-gap", "culture-fit"],
  },
  {
    text: "1. Prep: not great, I skimmed the job ad on the bus. 2. Skills: ok I think. 3. Off guard: nothing really. 4. Confidence: fine, I was relaxed. 5. Not fit or skills really, more how I answered. My answers were just lists of things I've done, no actual examples with a beginning, middle and end. 6. CV: the agency sent them an old version with my old number and no mention of my current job 🤦‍♀️",
    themes: ["preparation", "structure", "materials"],
  },
  {
    text: "I went bright red when they asked about the gap in my employment (I was caring for my mum). It just wasn't on my radar that they'd ask so directly, and then I over-explained for about five minutes and couldn't stop myself.",
    themes: ["communication", "unexpected-questions", "nonverbal"],
  },
  {
    text: "Main feedback was that they're a very collaborative, everyone-in-the-same-room kind of agency and they felt I'd prefer working independently, which to be fair is what I told them. They also said my cover letter read like a template. I'm going to write back, thank them, and ask if they'd keep my details for freelance work.",
    themes: ["culture-fit", "materials", "follow-up"],
  },
  {
    text: "I hadn't practised \"tell me about yourself\" at all, which is literally the first question every time. They also wanted an example of a time I'd used data to change a decision and I couldn't think of one in the moment. And they use Tableau, which I've never touched.",
    themes: ["preparation", "structure", "skills-gap"],
  },
  {
    text: "They were lovely but it's a tiny team of four who clearly all work till 8 every night and I have to leave at 5 for nursery pick up, when I mentioned it the room went quite. I was realy nervous too, my leg was bouncing under the table the whole time. Sending a thank-you note tomorow anyway.",
    themes: ["nonverbal", "culture-fit", "follow-up"],
  },
  {
    text: "They asked me to talk them through a project on my resume from 2017 that I'd honestly forgotten was even on there, and I couldn't remember any of the details. Need to cut my resume down to stuff I can actually speak to. I'm so annoyed at myself, such a stupid mistake.",
    themes: ["unexpected-questions", "materials", "mindset"],
  },
  {
    text: 'Feedback: "Answers were long and it was sometimes hard to follow your main point. We\'d suggest using a clearer structure such as STAR. We also felt the role may not suit your stated preference for variety, as the day-to-day work is quite repetitive."',
    themes: ["communication", "structure", "culture-fit"],
  },
  {
    text: "Heard back: no, by email, no detail. Honestly I went in cold, I didn't even look up who the interviewers were, and one of them had written the paper they asked me about. Also I don't have a PhD and they're clearly after someone who does. Going to email the PI to ask if there are any research assistant posts instead.",
    themes: ["preparation", "skills-gap", "follow-up"],
  },
  {
    text: 'No feedback yet. Bank interview, big corporate, very polished, and I felt out of place from the minute I walked in, everyone in sharp suits and me in a borrowed one that was two sizes too big. I was slouching and mumbling. And they kept talking about their "high-performance culture" in a way that sounded more like a threat.',
    themes: ["nonverbal", "culture-fit", "materials"],
  },
  {
    text: 'ngl the "describe a time you showed leadership" q wrecked me, had no example ready so i just talked about a group project for ages and never got to a point. and then they asked why manhole covers are round 💀 definately wasnt expecting that',
    themes: ["communication", "structure", "unexpected-questions"],
  },
  {
    text: "Second round with the CEO. I hadn't kept up with their news and didn't know they'd just been acquired, which he brought up straight away. He also said they're looking for people who are \"all in\", startup hours, and I hesitated. I'm drafting a thank-you now but not sure whether to address the hours thing in it.",
    themes: ["preparation", "culture-fit", "follow-up"],
  },
  {
    text: "Technical interview for a mechanical design engineer role. They wanted FEA experience in ANSYS and I've only used it in one uni module. I was sweating buckets. Also when they asked about a design I'd taken from concept to production I didn't have a real one, so I used a uni project and never said what happened in the end.",
    themes: ["structure", "nonverbal", "skills-gap"],
  },
  {
    text: "They pulled up my LinkedIn during the interview and asked about a post I'd shared years ago, totally caught me off gaurd. They also pointed out that the dates on my LinkedIn and my CV don't match. And it's very \"work hard play hard\" there, socials are basically mandatory, which just isn't me.",
    themes: ["unexpected-questions", "culture-fit", "materials"],
  },
  {
    text: 'I always do this, I get to the final round and blow it. Feedback was that I "didn\'t articulate the commercial impact" of my work and that they needed someone with more P&L ownership. I\'m so tired of hearing "almost".',
    themes: ["communication", "skills-gap", "mindset"],
  },
  {
    text: "1. Research: didn't get far, I knew they do payroll software and that's about it. 2. Not clearly at all, I rambled and kept circling back to the same point. 3. nothing 4. fine 5. Skills mostly, they need someone who's done implementations for 500+ employee clients and my biggest was 80. I also never gave a proper example for anything, just general statements about being \"detail-oriented\". 6. CV seems fine, it got me there.",
    themes: ["preparation", "communication", "structure", "skills-gap"],
  },
  {
    text: "Did I hear back? Yes, a very polite no from the chair of the board. I've been a head of operations for nine years and I walked in thinking my experience would speak for itself, which in hindsight was arrogant. I didn't look into their growth plans or their last funding round at all, I'd skimmed the website the night before and that was it. They're a scale-up, and they kept asking about OKRs, which I've never actually used, and about how I'd run things with a team of six when I've always had departments of sixty with proper process around them. One of the founders said, quite kindly, that he worried I'd find the lack of structure frustrating, and he's right, I would. Everyone wears five hats and decisions get made in a Slack thread at 11pm. The odd thing is I came away liking them. On the confidence question, I felt fine in the room, I've sat on enough panels myself. I haven't job-hunted in over a decade though and I'm realising I've no idea how any of this works now. Feeling pretty low about it this week if I'm honest, it's a strange thing to be good at your job for twenty years and then feel like a graduate again. But I'll regroup, take a couple of weeks over Christmas, and go again in the new year with a better idea of what these smaller firms are after.",
    themes: ["preparation", "skills-gap", "culture-fit", "mindset"],
  },
  {
    text: 'High point: they liked my sketchbook. Everything else: 1) I hadn\'t really looked at their recent projects, so when they asked which one I liked I kind of made something up. 2) I kept saying "um" and going off on tangents. 3) n/a 4) Zero eye contact, I stared down at my portfolio the whole time. 5) no idea honestly 6) The digital portfolio I sent beforehand was missing half the pages because the PDF was too big and got compressed. Should I email them a fixed version with a thank-you, or is that too late?',
    themes: ["preparation", "communication", "nonverbal", "materials", "follow-up"],
  },
  {
    text: "It was a data engineer role and I assumed it'd be mostly SQL, so that's all I practised, I never really read what the team works on. Then they asked me to design a streaming pipeline on the whiteboard, which nobody had mentioned was part of it, and I've never worked with Kafka or anything real-time. And my behavioural answers didn't have any real examples in them, I just kept saying what I would do rather than what I'd done.",
    themes: ["preparation", "structure", "unexpected-questions", "skills-gap"],
  },
  {
    text: "Honestly I'm starting to wonder if I'm cut out for management. Feedback: \"Lacked presence, seemed hesitant. Answers did not clearly convey the scale of your achievements. Limited experience of budget management.\" All true. I'm going to take some time to work on it, but it hurts.",
    themes: ["communication", "nonverbal", "skills-gap", "mindset"],
  },
  {
    text: 'so it was for a GM role at a boutique hotel group and where do i even start. i hadnt looked at their other sites, didnt even know they had one in Bath and im from there. my CV still had "seeking a role in events management" at the top from my last search 🙄 which they asked about. then they threw a role play at me with an angry guest (the interviewer playing the guest!!) which i wasnt expecting at all, and i kind of went round in circles explaining what id do instead of just doing it. and theyre very much a "the GM is on the floor every night" place and ive been clear i want something more strategic, so honestly it might not be the one anyway',
    themes: ["preparation", "communication", "unexpected-questions", "culture-fit", "materials"],
  },
  {
    text: "Graduate scheme assessment centre. The group exercise went ok, I think I was one of the stronger ones there. The interview though. I hadn't read the competency framework they'd sent because I thought it was optional reading, so I didn't really know what they were scoring. When they asked for a time I'd managed a conflict I didn't have anything prepared so I said something about a flatmate and the washing up, which, no. There was no real situation or result to it, I just kind of described him. Then the Excel test needed pivot tables and VLOOKUPs and I'm genuinely not at that level yet, I've mostly used Google Sheets for uni stuff. I've emailed the graduate recruitment team to ask for the detailed scores. Trying not to take it personally, there'll be other schemes and I've got two more applications going out this week.",
    themes: ["preparation", "structure", "skills-gap", "follow-up", "mindset"],
  },
  {
    text: 'What went right: not much lol. Feedback pasted: "We appreciated your enthusiasm. However, several answers were difficult to follow and overly long. You also seemed visibly thrown by the question on salary expectations. The CV you brought was a different version from the one submitted with your application. We would suggest a steadier pace and tone." I\'m going to reply and ask if I can speak to someone about it, because some of this surprised me.',
    themes: ["communication", "unexpected-questions", "nonverbal", "materials", "follow-up"],
  },
];
