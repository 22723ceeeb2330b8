export type ReplyCommand = "stop" | "pause" | "offer";

// A command is what the first sentence of the first line says, up to its first comma or dash:
// "Stop please, I found a job" and "Got the job! Starting in January." are commands,
// "I want to stop feeling bad" is a reflection.
const COMMANDS: readonly [RegExp, ReplyCommand][] = [
  [/^(?:stop|unsubscribe)(?: me| (?:the |these |all )?(?:e-?mails|mails|messages|emails))?(?: now)?$/, "stop"],
  [
    /^pause(?: me| (?:the |these )?(?:e-?mails|mails|messages))?(?: for (?:now|a while|a bit|a few weeks|a week|a month))?$/,
    "pause",
  ],
  [
    /^(?:i )?(?:got|accepted|have) (?:the job|the offer|an offer|a job offer|the role|a job)(?: (?:at|with|from) \S+(?: \S+){0,3})?$/,
    "offer",
  ],
  [/^(?:i )?got (?:it|hired)$/, "offer"],
  [/^offer$/, "offer"],
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
