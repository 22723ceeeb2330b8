import { readdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

/**
 * The inbound corpus: real-looking raw messages from many mail clients, each with the
 * result Rebound should reach. Shared with the API's integration tests, which import
 * this file by relative path.
 *
 * Every reply is addressed to `reply+__TOKEN__@reply.rebound.localhost`: substitute a
 * real signed token with `withToken` before use. Mail to start@ has no placeholder.
 * All files are 7-bit ASCII (non-ASCII text is quoted-printable or base64), so `raw`
 * as a string is byte-exact.
 */

export const CORPUS_DIR = fileURLToPath(new URL("../corpus/", import.meta.url));
export const CORPUS_INBOUND_DOMAIN = "reply.rebound.localhost";
export const TOKEN_PLACEHOLDER = "__TOKEN__";

export type CorpusCommand = "stop" | "pause" | "offer";

export interface CorpusAttachment {
  filename: string | null;
  contentType: string;
  size: number;
}

export type CorpusExpected =
  | {
      kind: "reply";
      reflection: string;
      command: CorpusCommand | null;
      /** Present when the message carries attachments worth checking. */
      attachments?: CorpusAttachment[];
    }
  | { kind: "auto-reply"; reflection: null; command: null }
  | { kind: "start"; reflection: null; command: null; company: string | null };

export interface CorpusMessage {
  /** File name without `.eml`, e.g. `01-gmail-top-post`. */
  name: string;
  raw: string;
  expected: CorpusExpected;
}

export function loadCorpus(): CorpusMessage[] {
  return readdirSync(CORPUS_DIR)
    .filter((file) => file.endsWith(".eml"))
    .sort()
    .map((file) => {
      const name = file.slice(0, -".eml".length);
      const raw = readFileSync(`${CORPUS_DIR}${file}`, "utf8");
      const expectedJson: unknown = JSON.parse(readFileSync(`${CORPUS_DIR}${name}.expected.json`, "utf8"));
      return { name, raw, expected: parseExpected(name, expectedJson) };
    });
}

/** The raw message with the reply token placeholder replaced by a real token. */
export function withToken(raw: string, token: string): string {
  return raw.replaceAll(TOKEN_PLACEHOLDER, token);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function parseExpected(name: string, value: unknown): CorpusExpected {
  const bad = (why: string): never => {
    throw new Error(`corpus/${name}.expected.json: ${why}`);
  };
  if (!isRecord(value)) return bad("not an object");
  const { kind, reflection, command } = value;
  if (kind === "reply") {
    if (typeof reflection !== "string") return bad("a reply needs a reflection string");
    if (command !== null && command !== "stop" && command !== "pause" && command !== "offer") return bad("bad command");
    const attachments = value.attachments;
    if (attachments === undefined) return { kind, reflection, command };
    if (!Array.isArray(attachments)) return bad("attachments must be a list");
    return {
      kind,
      reflection,
      command,
      attachments: attachments.map((a): CorpusAttachment => {
        if (!isRecord(a) || typeof a.contentType !== "string" || typeof a.size !== "number")
          return bad("bad attachment");
        if (a.filename !== null && typeof a.filename !== "string") return bad("bad attachment filename");
        return { filename: a.filename, contentType: a.contentType, size: a.size };
      }),
    };
  }
  if (reflection !== null || command !== null) return bad(`${String(kind)} has no reflection or command`);
  if (kind === "auto-reply") return { kind, reflection, command };
  if (kind === "start") {
    const company = value.company;
    if (company !== null && typeof company !== "string") return bad("start needs company (string or null)");
    return { kind, reflection, command, company };
  }
  return bad(`unknown kind ${JSON.stringify(kind)}`);
}
