export type ReplyCommand = "stop" | "pause" | "offer";

// How long to pause, as people say it: "for now", "for two weeks", "until July", "over the holidays".
// Not "for thought": only a span of time.
const COUNT = String.raw`(?:a|an|one|two|three|four|five|six|a few|a couple(?: of)?|several|\d+)`;
const DURATION = String.raw`(?:for (?:now|a while|a bit|a little(?: while)?|the (?:moment|summer|holidays?|next (?:\S+ )?(?:days?|weeks?|months?))|${COUNT} (?:days?|weeks?|months?|fortnights?)|a (?:week|month|fortnight))|(?:until|till|til|through|over|during) \S+(?: \S+){0,3})`;

// A command is what the first sentence of the first line says, up to its first comma or dash:
// "Stop please, I found a job" and "Got the job! Starting in January." are commands,
// "I want to stop feeling bad" is a reflection.
const COMMANDS: readonly [RegExp, ReplyCommand][] = [
  [
    /^(?:stop|unsubscribe)(?: me)?(?: (?:from )?(?:the |these |this |all |your |my )?(?:e-?mails|mails|messages|emails|list|mailing list|reminders))?(?: now)?$/,
    "stop",
  ],
  [
    /^stop (?:sending (?:me )?|e-?mailing me|writing)(?:(?:the |these |all )?(?:e-?mails|mails|messages|emails))?$/,
    "stop",
  ],
  [
    new RegExp(
      `^pause(?: me| it| everything| (?:the |these |my |all )?(?:e-?mails|mails|messages|reminders))?(?: ${DURATION})?$`,
    ),
    "pause",
  ],
  [
    /^(?:(?:i|we)(?:'ve| have)? )?(?:just |finally |officially )?(?:got|received|accepted|landed|signed|have) (?:the job|the offer|an offer|a job offer|the role|a job|the position)(?: (?:at|with|from) \S+(?: \S+){0,3})?$/,
    "offer",
  ],
  // Not "got it": that is "understood" as often as "got the job".
  [/^(?:i )?(?:just |finally )?got hired$/, "offer"],
  [/^(?:offer|offer accepted|i'm hired|hired)$/, "offer"],
];

// Punctuation, symbols (emoji) and the joiners inside emoji sequences, at either end.
const EDGE_NOISE = /^(?:[\s\p{P}\p{S}]|\u200d|\ufe0f)+|(?:[\s\p{P}\p{S}]|\u200d|\ufe0f)+$/gu;
// A sentence ends at . ! ? or … followed by a space or the end of the line.
const SENTENCE_END = /[.!?…]+(?=\s|$)/u;
const CLAUSE_END = /\s*(?:[,;:(]|\s[-–—]\s)/u;
const POLITE = /^(?:(?:please|pls|kindly|ok|okay|hi|hello)\s+)+|(?:\s+(?:please|pls|thanks|thank you|thx))+$/g;
const MAX_CLAUSE = 60;

/** The command that opens a reply (after quote stripping), if its first sentence is one. */
export function parseCommand(reply: string): ReplyCommand | null {
  const line = firstLine(reply);
  if (line === "") return null;
  const end = SENTENCE_END.exec(line);
  // A question ("got the job?") asks; it does not tell.
  if (end?.[0].includes("?")) return null;
  const sentence = end ? line.slice(0, end.index) : line;
  const clause = (sentence.split(CLAUSE_END)[0] ?? "")
    .toLowerCase()
    .replace(/[\s\u00a0]+/g, " ")
    .replace(/[’‘]/g, "'")
    .replace(EDGE_NOISE, "")
    .replace(POLITE, "")
    .replace(EDGE_NOISE, "");
  if (clause.length > MAX_CLAUSE) return null;
  for (const [pattern, command] of COMMANDS) if (pattern.test(clause)) return command;
  return null;
}

function firstLine(text: string): string {
  for (let start = 0; start < text.length; ) {
    const newline = text.indexOf("\n", start);
    const end = newline === -1 ? text.length : newline;
    const line = text.slice(start, end).trim();
    if (line !== "") return line;
    start = end + 1;
  }
  return "";
}
