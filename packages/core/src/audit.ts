import type { Prisma, SqlClient } from "@rebound/db";

/** Who did it: "api:<programId>", "admin:<userId>", "reply:<messageId>", "provider:<event>", "cli", ... */
export type Actor = string;

export interface AuditEntry {
  programId: string | null;
  actor: Actor;
  action: string;
  targetType?: string;
  targetId?: string;
  data?: Prisma.InputJsonValue;
}

/**
 * The one writer of the audit log. Verbs call it inside their own transaction, so an
 * action and its record commit together; nothing else inserts audit rows but the intake's
 * statement, with the columns of `auditColumns`.
 */
export async function audit(tx: Pick<SqlClient, "$executeRaw">, entry: AuditEntry): Promise<void> {
  await auditMany(tx, [entry]);
}

/**
 * An entry as the audit row's columns, one array per column: the row's shape, owned here. A
 * batched verb whose own statement writes its audit rows in the same round trip (the intake,
 * whose batches are measured in round trips) inserts exactly these columns, as auditMany does.
 */
export function auditColumns(entries: readonly AuditEntry[]) {
  const col = <T>(f: (e: AuditEntry) => T) => entries.map(f);
  return {
    programId: col((e) => e.programId),
    actor: col((e) => e.actor),
    action: col((e) => e.action),
    targetType: col((e) => e.targetType ?? null),
    targetId: col((e) => e.targetId ?? null),
    data: col((e) => (e.data === undefined ? null : JSON.stringify(e.data))),
  };
}

/**
 * `audit` for a batched verb: every entry in one statement, in the verb's transaction (flat SQL:
 * an ORM createMany costs more CPU than the rest of a batched intake).
 */
export async function auditMany(tx: Pick<SqlClient, "$executeRaw">, entries: readonly AuditEntry[]): Promise<void> {
  if (entries.length === 0) return;
  const a = auditColumns(entries);
  await tx.$executeRaw`
    INSERT INTO "AuditLog" (id, "programId", actor, action, "targetType", "targetId", data)
    SELECT gen_random_uuid(), v.program_id, v.actor, v.action, v.target_type, v.target_id, v.data::jsonb
    FROM unnest(${a.programId}::uuid[], ${a.actor}::text[], ${a.action}::text[], ${a.targetType}::text[],
                ${a.targetId}::text[], ${a.data}::text[])
      AS v(program_id, actor, action, target_type, target_id, data)`;
}
