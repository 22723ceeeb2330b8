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
  "what's (?:even )?the point(?! of (?:a|an|the|having|writing|sending (?:a|an|the|thank|them|it)|doing a|asking|cover|this question)(?![\\p{L}]))",
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
  "no reason to (?:live|go on|keep going)",
  "falling apart",
  "(?:can't|cannot) stop crying",
  "(?:i'm|i am|feel|feeling) (?:so |really )?(?:depressed|in despair)",
  "despair",
  "(?:i've|i have|ive|i had|i'd) (?:already |just )?given up on (?:everything|myself|life|it all|finding)",
  "(?:can't|cannot|can not|barely|haven't been able to|unable to) (?:eat|sleep)(?: or (?:eat|sleep))?(?! (?:well |much |properly |great )?(?:the night before|before (?:it|the interview|interviews)))",
  "(?:lie|lying|lay|laying) awake",
  "(?:not|barely|haven't been|hardly) sleeping",
  "(?:don't|do not|can't|cannot) see why i should (?:bother|keep|go on|carry on|try)",
  "why (?:should i |do i )?(?:even )?bother(?![^.!?\\n]{0,12}(?:lol|haha|jk|lmao|\\p{Emoji_Presentation}))",
  "(?:i'm|i am|i feel like|feel like|feeling like) (?:such )?a burden",
  "(?:feel|feeling) like crying",
  "(?:cry|crying|cried) (?:every|all) (?:day|night|the time)",
  // The body giving way: not eating or sleeping, panic, staying in bed or indoors.
  "(?:haven't|have not|not|barely|hardly|can't|cannot|stopped|stop|not been|haven't been|can't stop not) (?:really |properly |much |been |even )*(?:eat|eating|eaten|sleep|sleeping|slept)(?! (?:well |much |properly |great )?(?:the night before|before (?:it|the interview))| since (?:breakfast|lunch|dinner|this morning|the morning|last night))",
  "(?:lost|losing) (?:my )?appetite",
  "(?:can't|cannot|can barely|barely|struggle to|struggling to|couldn't) (?:even )?(?:get|getting) out of bed",
  "(?:haven't|have not|not|barely) (?:been )?(?:left|leaving|leave) the (?:house|flat|apartment|room|bed)",
  "panic attacks?",
  "(?:can't|couldn't|cannot|could not) (?:breathe|stop shaking)",
  "tight[- ]?chest",
  "(?:i've|i have|ive|i|been) (?:cried|crying) (?:all|every|for hours|myself to sleep|since)",
  // Turning on oneself.
  "hate myself",
  "(?:hurting|hurt|harm|harming|cutting|cut) myself",
  "self[- ]?harm",
  "(?:want|wanted|wanna|like) to (?:just )?(?:disappear|vanish|crawl into a hole|not exist)",
  "(?:i'm|im|i am|i'm just|honestly i'm) not (?:ok|okay|alright|coping|doing (?:ok|okay|well))",
  "not coping",
  "(?:feel|feeling|felt) (?:so |really |very |pretty |just |completely )?(?:low|numb|defeated|crushed|empty|broken|like nothing)",
  "(?:such|a complete|a total|an utter|just a) (?:failure|loser|disappointment)",
  "(?:i'm|im|i am|i feel|i feel like) (?:a |such a |so )?(?:useless|pathetic|failure|nothing|disappointment)",
  "(?:useless|pathetic) (?:mum|mom|dad|mother|father|person|worker|human|partner)",
  "i (?:feel|am) (?:i am |like i'm |like i am )?nothing",
  "not meant to (?:work|have a job|be employed|do this)",
  // No way forward.
  "(?:everything|it all|life|things) (?:feels|is|seems) (?:so |really )?(?:heavy|pointless|hopeless|dark|too much)",
  "(?:can't|cannot|don't|do not) see (?:it|things|this|anything|life) (?:ever )?(?:getting|get|going to get) (?:any )?better",
  "(?:don't|do not|can't|cannot) (?:really |even )?see (?:the|any) point",
  "(?:don't|do not) (?:really )?see why i(?:'d| would| should) (?:keep|go on|carry on|bother|try)",
  "nothing (?:feels|seems|is) worth (?:it|doing|trying)",
  "(?:stopped|stop) caring about (?:anything|everything)",
  "(?:don't|do not) care about anything any ?more",
  "(?:everyone|everybody|they|people) (?:would be|'d be|are|is) better off",
  "(?:easier|better) (?:if i|to) (?:just )?(?:not be here|wasn't here|weren't here|disappeared|was gone|wasn't around)",
  "not (?:to )?be here any ?more",
  "(?:can't|cannot|can not) keep (?:putting myself through|doing|going through) (?:this|it|any of this)",
  "(?:scared|terrified|afraid) (?:to|of) (?:go|going|face|facing) (?:to |through )?another",
  "(?:feel|feeling|get) sick (?:whenever|every time|when) i think",
  "(?:can't|cannot|couldn't) face (?:it|anything|anyone|opening|going|another|the)",
  "(?:don't|do not) know (?:what to do any ?more|how (?:i'm|i am) (?:meant|supposed|going) to (?:do|keep|face|cope|go))",
  "(?:so|really|very) tired of (?:all of it|everything|it all|all this|trying)",
  "(?:been )?in a (?:bad|dark|really bad|very dark) place",
  "(?:wonder|wondering) (?:if|whether) it would be easier",
  "(?:awake|up) (?:at|until) [1-5] ?am",
  "replay(?:ing)? it (?:at [1-5] ?am|all night|every night)",
  // The warning signs coaches are taught to ask about, by kind, in everyday wordings.
  // No future: "not sure there's going to be a next week", "nothing I do matters".
  "(?:not sure|don't know if|dont know if|doubt) there(?:'s| is| will be)(?: going to be| gonna be)? (?:a |any )?(?:next week|next month|tomorrow|future|point)",
  "no point(?= *(?:[?!.,]|$))",
  "(?:i have|i've got|i see|there's|there is) no future(?: for me)?(?! (?:in|at|with) (?:the|this|that|their) (?:role|job|company|team))",
  "nothing (?:i do |i try )?(?:matters|will change|ever changes)",
  "(?:i'm|im|i am) always going to end up",
  "(?:never|not ever) going to get (?:any )?better",
  // A burden, others better off: "a weight on everyone", "doing her a favour by not being here".
  "(?:a|such a|just a|being a) (?:burden|weight|drain) (?:on|to) (?:everyone|everybody|them|her|him|my \\p{L}+|the family|people)",
  "(?:would|'d|will) (?:all )?be better off (?:without me|not having (?:me|to)|if i (?:wasn't|weren't|was gone|were gone|didn't exist|disappeared))",
  "(?:family|kids|children|wife|husband|partner|parents|friends|sister|brother|mum|mom|dad|flatmates?) (?:would|'d) (?:all )?be better off",
  "(?:by|from) not being (?:here|around|alive)",
  "(?:notice|care|miss me) if i (?:was|were|'m|am) gone",
  "(?:notice|care|miss me) if i (?:died|disappeared)",
  "(?:nobody|no one|no-one) would (?:even )?(?:notice|care|miss me)",
  // Not wanting to be here: "not waking up", "rather not exist", "want it all to stop".
  "(?:about|of|think of|thinking about) (?:just )?not wak(?:e|ing) up",
  "(?:whether|if) i wake up",
  "(?:rather|prefer to|'d rather|would rather) (?:just )?not (?:exist|be here|be around|be alive|wake up)",
  "(?:just|to|i'd|i would|rather) not be around",
  "(?:want|wanted|need|wish) (?:it )?(?:all|everything|it all) to (?:stop|end)",
  "make it (?:all )?stop",
  "(?:end|ending|take|taking) my (?:own )?life",
  "(?:don't|do not) want to be alive",
  "(?:wish|wished) i (?:was|were|'d) (?:dead|never born|not born|gone)",
  "tired of (?:being (?:alive|a person|me|myself|here)|living|existing|life)",
  "(?:goodbye|good-bye|farewell)(?:[- ]?ish)? (?:messages?|letters?|notes?|texts?)",
  "giving away (?:a lot of |all |most of )?(?:my )?(?:stuff|things|belongings|possessions)",
  "(?:don't|do not) feel safe (?:in my own head|with myself|on my own)",
  // Worthless: "a waste of space", "nobody wants me".
  "waste of (?:space|oxygen|a person)",
  "(?:i'm|im|i am|to be|i feel|feel) worth nothing",
  "worth nothing to (?:anyone|anybody|nobody)",
  "(?:nobody|no one|no-one) (?:wants|needs|cares about) me",
  "(?:why|how) (?:anyone|anybody) (?:would )?(?:bothers?|cares?) (?:with|about) me",
  "(?:can't|cannot|couldn't) (?:even )?look (?:my )?(?:parents|family|wife|husband|partner|kids|children|mum|mom|dad|mother|father) in the eye",
  // Pulling away from people: "haven't spoken to anyone in 10 days", "can't pick up the phone".
  "(?:haven't|have not|not) (?:really )?(?:spoken|talked|seen) (?:to |with )?(?:anyone|anybody|a soul|my friends|friends) (?:in|for) (?:days|weeks|months|ages|a while|about|over|(?:a|one|two|three|four|five|six|several|a few|a couple of|\\d+) (?:days?|weeks?|months?))",
  "stopped (?:telling|talking to|seeing|answering|replying to|calling|texting) (?:anyone|anybody|people|my friends|friends|everyone|my family)",
  "(?:don't|do not|haven't got|have no|got no) (?:have )?(?:anyone|anybody|one) (?:else )?to (?:talk|say|tell|turn)",
  "(?:no one|nobody|no-one) (?:else )?to (?:talk|turn) to",
  "(?:i'm|im|i am|i feel|feel|feeling) (?:so |completely |totally |all |very )?(?:alone|trapped)(?! (?:in the|at the|for the|with the) (?:interview|room|panel|call))",
  "(?:can't|cannot|couldn't) (?:even )?(?:pick up|answer) the phone",
  "(?:can't|cannot|couldn't) talk to (?:the wife|the husband|my wife|my husband|my partner|my family|my friends|anyone about (?:it|this))",
  // Body and days giving way: "up till 4 every night", "stopped showering", "drinking to get to sleep".
  "(?:awake|up) (?:at|until|till|til|to) [1-5](?: ?am| every night| each night| most nights)",
  "sleep(?:ing)? (?:1[0-9]|20|all day|all the time)(?: hours)?(?: a day| and still)?",
  "drinking (?:more|too much|every night|heavily|a lot more|alone)(?! (?:water|coffee|tea|caffeine))",
  "(?:drink|drinking) (?:myself )?to (?:get to )?sleep",
  "stopped (?:showering|washing|eating|cooking|going out|getting dressed)",
  "chest (?:goes |gets |is |feels |going )?tight",
  "(?:can't|couldn't|cannot|could not) (?:make|bring) myself (?:to )?(?:drive|go home|get up|get out|leave|move|eat|do anything|function|go outside)",
  "feel (?:so |completely |totally )?(?:paralysed|paralyzed)",
  "like (?:i'm|im|i am) drowning",
  "shak(?:e|ing) all the time",
  "(?:sit|sat|sitting) (?:on the (?:\\p{L}+ )?floor|in (?:the|my) (?:car|car park|dark|bath|shower)) for (?:hours|ages|(?:an|one|two|three|\\d+|half an) (?:hours?|mins?|minutes))",
  // Feeling nothing: "I feel nothing", "everything's gone grey".
  "(?:i )?feel nothing",
  "(?:haven't|have not|don't|do not) (?:really )?felt (?:much|anything)",
  "(?:i'm|im|i am|just|now) (?:so |completely |totally )?numb",
  "gone (?:grey|gray)",
  "everything(?:'s| has| is) gone dark",
  "(?:through|behind) (?:glass|a window|a screen)(?=[^.!?\\n]{0,40}(?:life|me|mine))",
  "like a ghost",
  "dead inside(?![^.!?\\n]{0,40}(?:joke|jk|lol|haha|lmao))",
  "car(?:e|ing) (?:whether|if) i (?:wake|live|die|exist|make it|am here|'m here|was here)",
  "stop (?:doing|trying) (?:anything|everything)(?: at all)?",
  "(?:given|giving) up on (?:most things|the lot|everything)",
  "things (?:i've|i have) given up on",
  "(?:i'm|im|i am) not fine(?! with)",
  "(?:don't|do not) know what i(?:'m| am)? (?:do|doing) any ?more",
  "(?:don't|do not) sleep(?! (?:well |much |properly |great )?(?:the night before|before (?:it|the interview|interviews)))",
  "no appetite",
  // Round 3, widened after reading the distress cases of reflections-d (a fourth outside
  // author): each kind of warning sign in more everyday shapes. Sealed set 2 stays blind.
  // Not waking up, not existing, ending it.
  "wish i (?:\\p{L}+ ){0,2}(?:wouldn't|would not|didn't|did not|won't|will not|never|could just not) wake up",
  "(?:disappointed|sad|sorry|upset|angry) (?:that |when )?i (?:woke|wake|keep waking) up",
  "(?:feel|think) about (?:waking|having woken) up",
  "(?:peaceful|easier|a relief|nice|simpler|better) to (?:just )?(?:not exist|not be here|not be around|disappear|sleep forever|stop existing)",
  "(?:thought|thinking|think|thoughts) (?:about |of )?(?:just )?(?:ending|end) (?:it|things|my life|everything)",
  "ending it (?:all|a few times|some days|sometimes)",
  "(?:waiting|wait) for (?:it|everything|life|all of it|all this|this) (?:all )?to (?:be over|end|stop)",
  "(?:don't|do not) want (?:to (?:do|live) )?(?:this|my) life any ?more",
  "(?:my )?life (?:is|feels|seems) (?:over|finished|done)",
  "(?:not sure|don't know if|doubt|don't think) (?:i'll|i will|i'd|i would|i'm going to|i'm gonna) (?:still )?be (?:around|here|alive)",
  "(?:matter|make a difference|notice|care) (?:to anyone |to anybody |to anyone at all )?if i (?:just )?(?:stopped|disappeared|was gone|were gone|vanished|died|wasn't here|wasn't around)",
  // Means: pills, platforms, bridges; a plan written down "just in case".
  "(?:step|stepping|stepped|jump|jumping|jumped|throw myself|fall|falling) (?:off|in front of|from) (?:the |a |that )?(?:platform|train|bridge|roof|building|ledge|balcony|cliff|tracks)",
  "how many (?:of (?:my|the|these|those) )?(?:sleeping )?(?:pills|tablets)",
  "(?:took|taken|take|swallowed|taking) (?:way |far |a lot |a few |many )?(?:more|too many|extra|all) (?:of )?(?:my |the )?(?:sleeping )?(?:pills|tablets|meds|medication)",
  "overdos(?:e|ed|ing)",
  "(?:writing|wrote|written|left|leaving) (?:letters|notes) (?:to|for) (?:people|everyone|everybody|my (?:\\p{L}+))",
  "life insurance",
  "giving away (?:some|a few|loads|lots) of my (?:stuff|things|belongings|possessions|books|clothes)",
  // Turning on oneself, and hurting oneself.
  "(?:scratch|scratching|scratched|pick|picking|bite|biting|burn|burning|burnt|hit|hitting|punch|punching) (?:at )?(?:my|myself|my own) ?(?:arms?|skin|legs?|wrists?|hands?|head)?[^.!?\\n]{0,20}(?:til|till|until) (?:they|it|i) (?:bleed|bled|bruise|hurt)",
  "(?:burn|burning|burnt) myself",
  "dark(?:er)? thoughts",
  "(?:thoughts|thinking) (?:of|about) (?:dying|death|not being here|not being around|not existing)",
  "deserves? (?:a )?(?:much )?better (?:dad|mum|mom|father|mother|parent|partner|husband|wife|son|daughter|friend|sister|brother) than me",
  "(?:fine|better|easier|better off|spinning|go on|keep going) without me(?: in it| around| here)?",
  "drag (?:anyone|everyone|everybody|them|people|my \\p{L}+) down with me",
  // No future.
  "(?:can't|cannot|can not|don't|do not|couldn't|could not) (?:really |even |genuinely )?(?:imagine|picture|see) (?:a|any|my|the) future(?! (?:in|at|with|for) (?:the|this|that|their|a|an|it|them|him|her))",
  "(?:don't|do not|can't|cannot) (?:really |even |genuinely )?see myself anywhere",
  "(?:blank|nothing|void) where (?:the|my) future",
  "no light at the end",
  "past (?:believing|caring|hoping)",
  "(?:can't|cannot|cant) keep (?:going|living|doing this) like this",
  "(?:don't|do not) (?:really |much )?care (?:much |really )?(?:what happens to me|about myself any ?more|if i live|whether i live)",
  // Feeling nothing; not oneself.
  "(?:can't|cannot|can not|don't|do not|didn't|did not|haven't|have not) (?:really |even )?feel(?:ing)? (?:anything|a thing)(?! (?:was|is|went|about the (?:interview|role|job|company)))",
  "(?:i'm|im|i am) not (?:feeling|really feeling) (?:anything|much of anything)",
  "feel(?:ing)? nothing about (?:anything|this|it)",
  "(?:go|going|went) through the motions",
  "(?:like|as if) (?:it's|its|it is|i'm watching) someone else",
  "(?:don't|do not|can't|cannot) recogni[sz]e myself",
  "(?:i'm|im|i am|i've been|been|i feel) (?:just )?(?:underwater|under water|like a robot|on autopilot)",
  "(?:like i'm|feels like i'm|i'm|im|i am) disappearing",
  "(?:sit|sat|sitting) in the dark",
  // Pulling away from people; days giving way.
  "(?:don't|do not|barely|hardly|never|rarely) (?:really )?(?:talk|speak) to (?:anyone|anybody|people|my friends|friends) (?:any ?more|these days|now)",
  "(?:haven't|have not) (?:been to|seen) (?:my )?(?:\\p{L}+'s|mates|friends|family|parents|anyone) (?:since|in|for)",
  "(?:haven't|have not|not|barely) (?:properly |really )?(?:been )?(?:left|leaving|leave) (?:the|my) (?:house|flat|apartment|room|bed)",
  "(?:spend|spending|stay|staying|spent) (?:most|all) (?:days|day|of my time|of the day) in (?:my |the )?(?:room|bed|flat|dark)",
  "(?:haven't|have not) (?:managed to |been able to )?do(?:ne)? anything (?:in|for) (?:days|weeks|ages)",
  "skipping meals",
  "drinking (?:\\p{L}+ ){1,3}to (?:get to )?sleep",
  "(?:i'm|im|i am|i think i'm|i think im) (?:just )?(?:finished|done)(?= *(?:[.!]|$))",
  "can't stand being (?:looked at|seen|around people)",
  "(?:easier|better) for (?:everyone|everybody|them|all of (?:us|them)|my \\p{L}+) if i (?:just )?(?:wasn't|weren't|was not|were not) (?:around|here|alive)",
  "(?:don't|do not|can't|cannot) see what(?:'s| is) left (?:for|of) me",
  "stopped doing (?:anything|everything)",
  // Round 4, from reflections-e (a fifth author): the family better off without them.
  "(?:a )?better (?:life|lives|off) (?:without me|with(?:out)? (?:a |me )?[^.!?\\n]{0,40}(?:or )?(?:no|without (?:a|their|my)) (?:dad|mum|mom|father|mother|parent|husband|wife|partner|son|daughter)(?: at all)?)",
  // Round 5, widened after reading the distress cases of reflections-f, -g and -h (three
  // more outside authors) and the ones reflections-e still slipped past: each kind of sign in
  // its plainer, misspelled and half-said shapes, each with the look-ahead that keeps its
  // everyday sense out ("a weight off", "live in London"). The sealed sets stay blind.
  // Not waking up, not being here, ending it.
  "(?:don't|do not) (?:really |even |honestly )?want to (?:be here|live(?! (?:in|near|with|at|there|here|abroad|so|far|close|on|out|off|like that))|wake up|exist|be alive)",
  "hop(?:e|ing) (?:that )?i(?:'ll| will)? (?:just )?(?:won't|will not|don't|never|not) wake up",
  "(?:go to |just )?sleep and (?:just )?(?:not|never) wake up",
  "(?:go to |just )?sleep and (?:just )?stay asleep",
  "(?:easy|easier|simpler|better)[^.!?\\n]{0,30}(?:to|if i) (?:just )?(?:not be here|(?:didn't|did not|don't|never) wake up|not wake up|(?:wasn't|weren't) (?:here|around))",
  "i(?:'m| am)? (?:won't|will not|not going to|not gonna) be around (?:long enough|for long|much longer|to see)",
  "(?:been|started|start|sort of|kind of|quietly) saying goodbyes? to (?:people|everyone|everybody)",
  "(?:won't|will not) be needing (?:them|it|these|those|any of (?:it|this|them)|my \\p{L}+)",
  "look after (?:him|her|them|it) better than (?:me|i (?:can|could))",
  "(?:walk|walking|walked|wade|wading) into the (?:sea|ocean|river|lake|traffic)",
  "better (?:if )?i (?:am|was|were|'m) gone",
  "(?:run|ran|running) out of road",
  "(?:not feeling|don't feel|do not feel) (?:like |to )?(?:live(?! (?:in|near|with|at|there|here|abroad|so|far|close|on|out|off|like that))|living(?! (?:in|near|with|at|there|here|abroad|so|far|close|on|out|off)))",
  "(?:i'm|i am|i feel like i'm|like i'm) (?:just |sort of |kind of |slowly )?fading (?:out|away)",
  "(?:done|tired of) fighting (?:for )?(?:a |this |my )?life",
  "(?:don't|do not) (?:think i )?(?:have|see) (?:a|any) futu?re?(?![\\p{L}])(?! (?:in|at|with|for) (?:the|this|that|their|a|an|it|them|him|her))",
  "why (?:even )?keep (?:doing|going|trying)(?: (?:this|it|on))?(?= *[?.!]|$)",
  "(?:don't|do not) want to (?:do|keep doing) (?:this|any of this|anything) any ?more",
  "(?:stopped|stop) seeing (?:the|any) point",
  "(?:i'm|i am) not (?:really )?here any ?more",
  "(?:don't|do not) know why i(?:'m| am)? (?:still )?here any ?more",
  "(?:out of|no|running out of) reasons? to (?:keep going|go on|carry on|live|get up)(?! (?:about|with|to|in))",
  "(?:i've|i have) given up(?= *[.!,;]| on (?:jobs|myself|me|life|everything))",
  "(?:can't|cannot) picture anything (?:past|beyond|after)",
  "tired of (?:this|my) life",
  "no tomorrow for me",
  // Hurting oneself, drinking to get through.
  "sleeves cover (?:it|the (?:marks|cuts|scars))",
  "(?:did|done|doing) (?:something|the thing|it) (?:that )?i (?:promised|swore)[^.!?\\n]{0,30}(?:wouldn't|would not|never)",
  "(?:went|go|going|slipped|slipping|fell|falling) back (?:in)?to (?:my |the )?old habits",
  "bottle of (?:wine|vodka|whisky|whiskey|gin|rum) by (?:lunch|lunchtime|noon|midday|mid-?morning)",
  "(?:shake|shaking|trembl\\p{L}*)[^.!?\\n]{0,30}(?:until|till|til) i (?:have|had|get) a drink",
  // A burden, a cost.
  "(?:feel|feeling|felt) like (?:a |such a |just a )?(?:weight|parasite|drain|leech|burden)(?! (?:has|had|have|was|is|off|lifted|been))",
  "better off without (?:[^.!?\\n]{0,20} of )?me",
  "(?:just )?a cost to (?:everyone|everybody|them|my family|the family)",
  "someone who (?:isn't|is not|wasn't|was not) a burden",
  // Withdrawal, and days giving way.
  "(?:don't|do not) (?:really )?want to (?:be around|see|talk to|speak to) (?:anyone|anybody|people)(?= *[.!,;]|$| any ?more| at all| right now| these days)",
  "(?:nobody|no one|no-one) (?:really |even )?(?:noticed|missed me)(?= i | that i | which| *[.!]?$)",
  "(?:lying|lie|lay|laying) on the floor (?:most|every|all)",
  "stopped opening the (?:curtains|blinds)",
  "(?:^|[.!?\\n] *)numb(?= *[.!?,]|$)",
  "(?:hvnt|havent|haven't|have not|not|hasn't|barely) (?:eaten|ate|eat) (?:properly |proper |anything |much )?(?:in|for|since) (?:like |about |over |nearly |almost )?(?:\\d+|a few|two|three|four|five|six|several|days|a week|weeks|the interview|the call|the rejection|yesterday|monday|tuesday|wednesday|thursday|friday|saturday|sunday)",
  "lost \\d+ ?(?:kilos?|kg|pounds|lbs|stone)",
  "(?:can't|cannot) face food",
  "(?:awake|up) (?:since|from) [1-5] ?am (?:every|each|most) (?:night|morning)s?",
  // Round 7, widened after reading the distress cases of reflections-m (an outside author
  // asked for understated wordings) that the round-6 analyser missed: goodbyes said, pills
  // past the dose, gone quiet on everyone, cutting again, nothing left to keep going for,
  // not caring whether one wakes. The sealed sets stay blind.
  "(?:said|saying) (?:all )?my goodbyes(?! to (?:the |my |all my )?(?:team|colleagues|co-?workers|office|ward|staff|class|pupils|students|customers|clients|manager|boss|old job))",
  "more (?:of )?(?:the |my )?(?:painkillers|pills|tablets|paracetamol|co-codamol|codeine|sleeping pills|sleeping tablets|meds|medication) than (?:the box|the packet|the label|it says|i should|i'm supposed|i am supposed|i'm meant|i am meant|the doctor|prescribed)",
  "vanished from (?:everyone|everybody|everything|people|my friends|my family)",
  "(?:haven't|have not|not|havent) (?:replied|answered|responded|texted|spoken|talked) (?:back )?(?:to )?(?:my )?(?:girlfriend|boyfriend|partner|wife|husband|mum|mom|dad|parents|family|friends|mates|sister|brother|anyone|anybody) (?:in|for) (?:days|weeks|ages|a week|over a week|\\d+ (?:days|weeks))",
  "(?:i've|i have|ive|i|been) (?:been |started )?cutting again",
  "nothing (?:left )?(?:that )?(?:makes me want to|to make me want to|worth) (?:keep going|keeping going|live|living|go on|going on|carry on|carrying on|get up|getting up)(?= *(?:[.!?,;\n]|$| any ?more| at all| now| these days| tbh| honestly| really))",
  "nothing left (?:to live for|for me(?= *[.!,;]|$))",
  "(?:don't|do not|dont) (?:really |much |even |honestly )?care (?:much |really )?(?:whether|if) i (?:wake|live|die|make it|exist)",
].map((source) => compilePattern(source));

/**
 * Ordinary senses of the words of distress, which the wording list above already steps
 * around with its look-aheads: poor sleep before an interview, the point of a cover
 * letter, being better off applying elsewhere, no future in a role. The classifier's
 * distress column has no such sense of them, so a sentence that holds one may not raise
 * distress on the column's word alone (theme-classifier.ts).
 */
const ORDINARY = [
  "what's (?:even )?the point of (?:a|an|the|having|writing|sending|doing|asking|cover|this|that|my|their|these|those)(?![\\p{L}])",
  "(?:sleep|slept|sleeping|eat|ate|eaten|eating)[^.!?\\n]{0,30}(?:the night before|before (?:it|the interview|an interview|interviews|the call|the assessment))",
  "better off (?:applying|going|sticking|trying|looking|focusing|aiming|targeting|with)",
  "no future (?:in|at|with|for me (?:in|at)) (?:the|this|that|their|a|an|my) (?:role|job|company|team|firm|career|sector|industry|place|position|field)",
].map((source) => compilePattern(source));

export function ordinaryDistressSense(text: string): boolean {
  return ORDINARY.some((pattern) => {
    pattern.lastIndex = 0;
    return pattern.test(text);
  });
}

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
