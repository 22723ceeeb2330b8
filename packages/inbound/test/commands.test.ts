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
    "",
    "   ",
  ])("%j is not a command", (line) => {
    expect(parseCommand(line)).toBeNull();
  });
});
