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
 * action and its record commit together; nothing else inserts audit rows.
 */
export async function audit(tx: Pick<SqlClient, "$executeRaw">, entry: AuditEntry): Promise<void> {
  await auditMany(tx, [entry]);
}

/**
 * `audit` for a batched verb: every entry in one statement, in the verb's transaction (flat SQL:
 * an ORM createMany costs more CPU than the rest of a batched intake).
 */
export async function auditMany(tx: Pick<SqlClient, "$executeRaw">, entries: readonly AuditEntry[]): Promise<void> {
  if (entries.length === 0) return;
  const col = <T>(f: (e: AuditEntry) => T) => entries.map(f);
  await tx.$executeRaw`
    INSERT INTO "AuditLog" (id, "programId", actor, action, "targetType", "targetId", data)
    SELECT gen_random_uuid(), v.program_id, v.actor, v.action, v.target_type, v.target_id, v.data::jsonb
    FROM unnest(${col((e) => e.programId)}::uuid[], ${col((e) => e.actor)}::text[], ${col((e) => e.action)}::text[],
                ${col((e) => e.targetType ?? null)}::text[], ${col((e) => e.targetId ?? null)}::text[],
                ${col((e) => (e.data === undefined ? null : JSON.stringify(e.data)))}::text[])
      AS v(program_id, actor, action, target_type, target_id, data)`;
}
