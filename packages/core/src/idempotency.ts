import { createHash } from "node:crypto";
import type { SqlClient } from "@rebound/db";
import { AppError } from "./errors.js";

type Tx = SqlClient;

export interface IdempotencyClaim {
  programId: string;
  key: string;
  requestHash: string;
}

/** The canonical hash of a request body: key order does not matter. */
export function requestHash(body: unknown): string {
  const canonical = JSON.stringify(body, Object.keys(body as object).sort());
  return createHash("sha256").update(canonical).digest("hex");
}

/** What the idempotency rule made of one item: run it now, or answer without running it. */
export type IdempotentOutcome<T> =
  | { kind: "ran"; value: T }
  /** An earlier request with this key and body succeeded: its recorded answer. */
  | { kind: "replayed"; response: unknown }
  /** The key was used with another body (422), or its first request just vanished (409, retry). */
  | { kind: "refused"; error: AppError };

/** The answer to record for a run, or null when it failed (nothing is recorded; a retry runs it again). */
export type RecordOf<T> = (value: T) => { candidateId: string | null; status: number; response: unknown } | null;

const reused = () => new AppError(422, "idempotency_key_reused", "this Idempotency-Key was used with a different body");
const vanished = () =>
  new AppError(409, "idempotency_conflict", "a request with this Idempotency-Key ended without an answer; retry it");

/**
 * Runs each item at most once per (program, key), inside the caller's transaction, for a batch
 * of items (a batch of one for a single call). Keys are claimed first, in one statement that
 * inserts their records (ON CONFLICT DO NOTHING, in key order): a key another transaction is
 * claiming makes this one wait for it to commit, so concurrent first calls run once and the
 * others answer with the winner's record. A key with another body is a 422. Repeats of one key
 * inside the batch follow its first item. The runs' answers are written into their claims
 * before commit; a failed run leaves no record, so its retry runs again.
 * Items without a claim simply run.
 */
export async function withIdempotency<T>(
  tx: Tx,
  claims: readonly (IdempotencyClaim | null)[],
  run: (fresh: readonly number[]) => Promise<Map<number, T>>,
  record: RecordOf<T>,
  now: Date,
): Promise<IdempotentOutcome<T>[]> {
  const out: (IdempotentOutcome<T> | undefined)[] = new Array(claims.length);
  const slot = (c: IdempotencyClaim) => `${c.programId}\n${c.key}`;
  const first = new Map<string, number>();
  const followers: { index: number; leader: number }[] = [];
  for (const [i, c] of claims.entries()) {
    if (!c) continue;
    const leader = first.get(slot(c));
    if (leader === undefined) first.set(slot(c), i);
    else followers.push({ index: i, leader });
  }
  const leaders = [...first.values()].sort((a, b) => {
    const x = slot(claims[a] as IdempotencyClaim);
    const y = slot(claims[b] as IdempotencyClaim);
    return x < y ? -1 : x > y ? 1 : 0;
  });
  const fresh = claims.flatMap((c, i) => (c === null ? [i] : []));
  if (leaders.length > 0) {
    const col = <K extends keyof IdempotencyClaim>(k: K) => leaders.map((i) => (claims[i] as IdempotencyClaim)[k]);
    const claimed = await tx.$queryRaw<{ programId: string; key: string }[]>`
      INSERT INTO "IdempotencyRecord" ("programId", key, "requestHash", status, response, "createdAt")
      SELECT v.program_id, v.key, v.hash, 0, '{}'::jsonb, ${now}::timestamp
      FROM unnest(${col("programId")}::uuid[], ${col("key")}::text[], ${col("requestHash")}::text[]) WITH ORDINALITY
        AS v(program_id, key, hash, n)
      ORDER BY v.n
      ON CONFLICT ("programId", key) DO NOTHING
      RETURNING "programId"::text AS "programId", key`;
    const mine = new Set(claimed.map((c) => `${c.programId}\n${c.key}`));
    const taken = leaders.filter((i) => !mine.has(slot(claims[i] as IdempotencyClaim)));
    // A separate statement: it sees what the transactions this one waited for committed.
    const prior =
      taken.length === 0
        ? []
        : await tx.$queryRaw<{ programId: string; key: string; requestHash: string; response: unknown }[]>`
      SELECT r."programId"::text AS "programId", r.key, r."requestHash", r.response
      FROM "IdempotencyRecord" r
      JOIN unnest(${taken.map((i) => (claims[i] as IdempotencyClaim).programId)}::uuid[],
                  ${taken.map((i) => (claims[i] as IdempotencyClaim).key)}::text[]) AS v(program_id, key)
        ON r."programId" = v.program_id AND r.key = v.key`;
    const priorBySlot = new Map(prior.map((p) => [`${p.programId}\n${p.key}`, p]));
    for (const i of leaders) {
      const c = claims[i] as IdempotencyClaim;
      if (mine.has(slot(c))) {
        fresh.push(i);
        continue;
      }
      const p = priorBySlot.get(slot(c));
      if (!p) out[i] = { kind: "refused", error: vanished() };
      else if (p.requestHash !== c.requestHash) out[i] = { kind: "refused", error: reused() };
      else out[i] = { kind: "replayed", response: p.response };
    }
  }
  fresh.sort((a, b) => a - b);
  const results = fresh.length > 0 ? await run(fresh) : new Map<number, T>();
  const settled: { claim: IdempotencyClaim; candidateId: string | null; status: number; response: string }[] = [];
  const abandoned: IdempotencyClaim[] = [];
  for (const i of fresh) {
    const value = results.get(i);
    if (value === undefined) throw new Error(`withIdempotency: run gave no result for item ${i}`);
    out[i] = { kind: "ran", value };
    const c = claims[i];
    if (!c) continue;
    const answer = record(value);
    if (answer) settled.push({ claim: c, ...answer, response: JSON.stringify(answer.response) });
    else abandoned.push(c);
  }
  if (settled.length > 0) {
    await tx.$executeRaw`
      UPDATE "IdempotencyRecord" r SET status = v.status, response = v.response::jsonb, "candidateId" = v.candidate_id
      FROM unnest(${settled.map((s) => s.claim.programId)}::uuid[], ${settled.map((s) => s.claim.key)}::text[],
                  ${settled.map((s) => s.status)}::int[], ${settled.map((s) => s.response)}::text[],
                  ${settled.map((s) => s.candidateId)}::uuid[]) AS v(program_id, key, status, response, candidate_id)
      WHERE r."programId" = v.program_id AND r.key = v.key`;
  }
  if (abandoned.length > 0) {
    await tx.$executeRaw`
      DELETE FROM "IdempotencyRecord" r
      USING unnest(${abandoned.map((c) => c.programId)}::uuid[], ${abandoned.map((c) => c.key)}::text[]) AS v(program_id, key)
      WHERE r."programId" = v.program_id AND r.key = v.key`;
  }
  // A repeat of a key inside the batch answers like its first item: the same body replays it.
  for (const { index, leader } of followers) {
    const c = claims[index] as IdempotencyClaim;
    const lead = out[leader] as IdempotentOutcome<T>;
    if ((claims[leader] as IdempotencyClaim).requestHash !== c.requestHash) {
      out[index] = { kind: "refused", error: reused() };
    } else if (lead.kind === "ran") {
      const answer = record(lead.value);
      out[index] = answer ? { kind: "replayed", response: answer.response } : lead;
    } else out[index] = lead;
  }
  return out as IdempotentOutcome<T>[];
}
