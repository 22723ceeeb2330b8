import { routeInbound, type InboundRoute, parseMime } from "../src/index.js";
import { CORPUS_INBOUND_DOMAIN, type CorpusMessage, withToken } from "./corpus.js";

/** A token of the reply-token shape; routing does not verify it, so any such token will do. */
export const SAMPLE_TOKEN = "0195a3b27c1e7d409a511f2e3d4c5b6a-k2-abcdefghjkmnpqrstvwxyz01";

/** The analysis in the shape of an expected.json, so one deep equality says "exact match". */
export function comparable(result: InboundRoute): Record<string, unknown> {
  switch (result.kind) {
    case "reply":
      return { kind: "reply", reflection: result.reflection, command: result.command };
    case "start":
      return { kind: "start", reflection: null, command: null, company: result.company };
    default:
      return { kind: result.kind, reflection: null, command: null };
  }
}

export function expectedShape(message: CorpusMessage): Record<string, unknown> {
  const expected = message.expected;
  if (expected.kind === "reply") {
    return { kind: expected.kind, reflection: expected.reflection, command: expected.command };
  }
  return { ...expected };
}

export interface CorpusRate {
  matched: number;
  total: number;
  /** Names of the messages that did not match exactly (never their content). */
  misses: string[];
  /** `N/M (P%)`. */
  summary: string;
}

/** Runs every message through `parseMime` and `routeInbound` and counts the exact matches. Throws if one fails to parse. */
export async function exactMatchRate(messages: readonly CorpusMessage[], token = SAMPLE_TOKEN): Promise<CorpusRate> {
  const misses: string[] = [];
  for (const message of messages) {
    const result = routeInbound(await parseMime(withToken(message.raw, token)), CORPUS_INBOUND_DOMAIN);
    if (JSON.stringify(comparable(result)) !== JSON.stringify(expectedShape(message))) misses.push(message.name);
  }
  const matched = messages.length - misses.length;
  const percent = messages.length === 0 ? "n/a" : `${((100 * matched) / messages.length).toFixed(1)}%`;
  return { matched, total: messages.length, misses, summary: `${matched}/${messages.length} (${percent})` };
}
