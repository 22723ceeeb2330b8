import { describe, expect, it } from "vitest";
import { parseCommand } from "../src/index.js";

describe("parseCommand", () => {
  it.each([
    ["STOP", "stop"],
    ["stop", "stop"],
    ["Stop.", "stop"],
    ["  STOP!!  ", "stop"],
    ["Unsubscribe", "stop"],
    ["unsubscribe me", "stop"],
    ["Please stop", "stop"],
    ["stop, please", "stop"],
    ["PAUSE", "pause"],
    ["pause.", "pause"],
    ["Pause please", "pause"],
    ["GOT THE JOB", "offer"],
    ["got the job!", "offer"],
    ["Got the job!!! 🎉🎉", "offer"],
    ["I got the job!", "offer"],
    ["🎉 got an offer 🎉", "offer"],
    ["OFFER", "offer"],
    ["Offer.", "offer"],
  ] as const)("%j is %s", (line, command) => {
    expect(parseCommand(line)).toBe(command);
  });

  // Issue 10: people put the command in the first sentence and go on writing.
  it.each([
    ["Got the job! Starting in January.", "offer"],
    ["Stop please, I found a job", "stop"],
    ["Unsubscribe me please. I accepted an offer last week.", "stop"],
    ["Pause for now, on holiday", "pause"],
    ["Pause for now please. My dad is in hospital.", "pause"],
    ["I got an offer!! Can't believe it", "offer"],
    ["Got the job at Globex! Thank you for everything", "offer"],
    ["STOP - I found something", "stop"],
    ["Pause for two weeks please, I'm off to a wedding", "pause"],
    ["Pause the emails until July.", "pause"],
    ["Please unsubscribe me from these emails.", "stop"],
    ["Stop sending me emails please", "stop"],
    ["I’ve accepted an offer! Starting in May", "offer"],
    ["Just got the job!!", "offer"],
    ["Offer accepted 🎉", "offer"],
  ] as const)("%j opens with %s", (line, command) => {
    expect(parseCommand(`${line}\n\nMore text on the next lines.`)).toBe(command);
  });

  it.each([
    "I want to stop feeling bad about it",
    "I hope an offer comes soon",
    "Got the job? Not yet.",
    "I got an offer from them but it is far too low for me",
    "It went fine. Stop.",
  ])("%j has no command in its first sentence", (line) => {
    expect(parseCommand(line)).toBeNull();
  });

  it("reads only the first non-empty line", () => {
    expect(parseCommand("\n\n  \nSTOP\nI have had enough emails")).toBe("stop");
    expect(parseCommand("It went fine\nSTOP")).toBeNull();
    expect(parseCommand("PAUSE\r\n\r\nback in two weeks")).toBe("pause");
  });

  it.each([
    "I want to stop feeling bad",
    "stop me if you've heard this one",
    "Don't stop",
    "Pause for thought: the panel was tough",
    "The offer was too low",
    "Offer letter arrives Monday, fingers crossed",
    "got the job? no, not yet",
    "unsubscribed from three job boards this week",
    "Got it, thanks",
    "Pause for a moment of honesty: it was bad",
    "",
    "   ",
  ])("%j is not a command", (line) => {
    expect(parseCommand(line)).toBeNull();
  });
});
