import { describe, expect, it } from "vitest";
import { decodeFlowed } from "../src/flowed.js";

describe("decodeFlowed (RFC 3676)", () => {
  it("joins soft breaks and keeps hard ones", () => {
    expect(decodeFlowed("one two \nthree\nfour", false)).toBe("one two three\nfour");
  });

  it("drops the space before a soft break with DelSp=yes", () => {
    expect(decodeFlowed("まだ連絡は \nありません。", true)).toBe("まだ連絡はありません。");
  });

  it("never flows a quoted line into a line of another depth", () => {
    expect(decodeFlowed("> quoted and flowed \nanswer", false)).toBe("> quoted and flowed \nanswer");
    expect(decodeFlowed("> a \n>> b \n> c", false)).toBe("> a \n>> b \n> c");
  });

  it("joins quoted lines of the same depth and removes space-stuffing", () => {
    expect(decodeFlowed(">> one \n>> two\n From here", false)).toBe(">> one two\nFrom here");
  });

  it("keeps the signature separator as it is and ends the paragraph before it", () => {
    expect(decodeFlowed("bye \n-- \nSam", false)).toBe("bye \n-- \nSam");
  });
});
