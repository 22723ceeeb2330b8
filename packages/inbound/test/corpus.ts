import { existsSync, readdirSync, readFileSync } from "node:fs";
import { basename, join } from "node:path";
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
/**
 * Messages written by an outside author after the code, never read or tuned on: only their
 * exact-match rate is reported (`corpus-sealed.test.ts`, `pnpm bench`), with the names of misses.
 */
export const SEALED_CORPUS_DIR = fileURLToPath(new URL("../corpus-sealed/", import.meta.url));
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

/** Every `NN-name.eml` with its `NN-name.expected.json` in `dir` (the open corpus unless told); none when `dir` is missing. */
export function loadCorpus(dir: string = CORPUS_DIR): CorpusMessage[] {
  if (!existsSync(dir)) return [];
  const folder = basename(dir);
  return readdirSync(dir)
    .filter((file) => file.endsWith(".eml"))
    .sort()
    .map((file) => {
      const name = file.slice(0, -".eml".length);
      const raw = readFileSync(join(dir, file), "utf8");
      const expectedJson: unknown = JSON.parse(readFileSync(join(dir, `${name}.expected.json`), "utf8"));
      return { name, raw, expected: parseExpected(`${folder}/${name}`, expectedJson) };
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
    throw new Error(`${name}.expected.json: ${why}`);
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
