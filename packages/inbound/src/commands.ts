export type ReplyCommand = "stop" | "pause" | "offer";

// Whole-line commands only: "Stop." is a command, "I want to stop feeling bad" is a reflection.
const COMMANDS: readonly [RegExp, ReplyCommand][] = [
  [/^(stop|unsubscribe|unsubscribe me)$/, "stop"],
  [/^pause$/, "pause"],
  [/^(i )?got (the job|the offer|an offer|a job offer)$/, "offer"],
  [/^offer$/, "offer"],
];

// Punctuation, symbols (emoji) and the joiners inside emoji sequences, at either end of the line.
const EDGE_NOISE = /^(?:[\s\p{P}\p{S}]|\u200d|\ufe0f)+|(?:[\s\p{P}\p{S}]|\u200d|\ufe0f)+$/gu;

/** The command on the first non-empty line of a reply (after quote stripping), if that line is one. */
export function parseCommand(reply: string): ReplyCommand | null {
  const first = reply.split(/\r?\n/).find((line) => line.trim() !== "");
  if (first === undefined || first.length > 80) return null;
  const words = first
    .toLowerCase()
    .replace(EDGE_NOISE, "")
    .replace(/[\s\u00a0]+/g, " ")
    // A polite "please" around the command does not change it.
    .replace(/^please,? /, "")
    .replace(/,? please$/, "")
    .replace(EDGE_NOISE, "");
  for (const [pattern, command] of COMMANDS) if (pattern.test(words)) return command;
  return null;
}
