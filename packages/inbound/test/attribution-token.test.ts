import { describe, expect, it } from "vitest";
import { extractReply } from "../src/strip-quotes.js";

// The attribution's second line carries the reply address, whose token is random: a token that
// happens to hold "2019" or "12.34" once made that line look dated on its own, so the date line
// above it was left in the reply (a CI run stored "On Wed, 16 Apr 2025 10:00:00 +0200").
describe("a bottom-posted reply whose attribution is wrapped over two lines", () => {
  const reply = "The high point was the talk with the two developers.\n\nFelix";
  const message = (token: string) =>
    `On Wed, 16 Apr 2025 10:00:00 +0200\nRebound <reply+${token}@reply.rebound.localhost> wrote:\n\n> What were the high points?\n> Rebound\n\n${reply}`;

  for (const token of ["Ab3kQ9zXw", "x2019kQpL", "k12.34Lm", "Q20-1-3Zp"]) {
    it(`strips the whole attribution whatever the token holds (${token})`, () => {
      expect(extractReply(message(token))).toBe(reply);
    });
  }
});
