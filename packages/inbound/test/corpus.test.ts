import { signReplyToken, verifyReplyToken } from "@rebound/domain";
import { describe, expect, it } from "vitest";
import { routeInbound, parseMime } from "../src/index.js";
import { CORPUS_INBOUND_DOMAIN, type CorpusMessage, loadCorpus, TOKEN_PLACEHOLDER, withToken } from "./corpus.js";
import { comparable, expectedShape } from "./corpus-match.js";

const SECRET = "corpus-test-secret";
const MESSAGE_ID = "0195a3b2-7c1e-7d40-9a51-1f2e3d4c5b6a";
const TOKEN = signReplyToken(MESSAGE_ID, SECRET, new Date("2025-03-03T10:02:00Z"));
const corpus = loadCorpus();

async function run(message: CorpusMessage) {
  const mail = await parseMime(withToken(message.raw, TOKEN));
  return { mail, result: routeInbound(mail, CORPUS_INBOUND_DOMAIN) };
}

describe("inbound corpus", () => {
  it("is big and varied enough to mean something", () => {
    expect(corpus.length).toBeGreaterThanOrEqual(40);
    const kinds = new Set(corpus.map((m) => m.expected.kind));
    expect([...kinds].sort()).toEqual(["auto-reply", "reply", "start"]);
    const commands = new Set(corpus.flatMap((m) => (m.expected.kind === "reply" && m.expected.command) || []));
    expect([...commands].sort()).toEqual(["offer", "pause", "stop"]);
  });

  it("is 7-bit ASCII and addresses replies to the token placeholder", () => {
    for (const message of corpus) {
      expect(/^[\t\n\r -~]*$/.test(message.raw), `${message.name} is not printable ASCII`).toBe(true);
      const header = /^To:.*$/im.exec(message.raw)?.[0] ?? "";
      if (message.expected.kind === "start") expect(header, message.name).toMatch(/start@reply\.rebound\.localhost/i);
      else expect(header, message.name).toContain(`reply+${TOKEN_PLACEHOLDER}@`);
    }
  });

  it.each(corpus.map((m) => [m.name, m] as const))("%s", async (_name, message) => {
    const { mail, result } = await run(message);
    expect(comparable(result)).toEqual(expectedShape(message));
    if (result.kind === "reply") {
      expect(result.token).toBe(TOKEN);
      expect(verifyReplyToken(result.token, SECRET, new Date("2025-03-20T00:00:00Z"))).toEqual({
        ok: true,
        value: { messageId: MESSAGE_ID },
      });
    }
    if (message.expected.kind === "reply" && message.expected.attachments) {
      expect(mail.attachments).toEqual(message.expected.attachments);
    }
  });

  it("matches every expectation exactly (prints the rate)", async () => {
    const misses: { name: string; got: Record<string, unknown>; want: Record<string, unknown> }[] = [];
    for (const message of corpus) {
      const { result } = await run(message);
      const got = comparable(result);
      const want = expectedShape(message);
      if (JSON.stringify(got) !== JSON.stringify(want)) misses.push({ name: message.name, got, want });
    }
    const matched = corpus.length - misses.length;
    console.log(
      `inbound corpus exact match: ${matched}/${corpus.length} (${((100 * matched) / corpus.length).toFixed(1)}%)`,
    );
    expect(misses).toEqual([]);
  });
});
