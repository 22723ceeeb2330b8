import type { Prisma } from "@rebound/db";

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
export async function audit(tx: Pick<Prisma.TransactionClient, "auditLog">, entry: AuditEntry): Promise<void> {
  await auditMany(tx, [entry]);
}

/** `audit` for a batched verb: every entry in one statement, in the verb's transaction. */
export async function auditMany(
  tx: Pick<Prisma.TransactionClient, "auditLog">,
  entries: readonly AuditEntry[],
): Promise<void> {
  if (entries.length === 0) return;
  await tx.auditLog.createMany({
    data: entries.map((entry) => ({
      programId: entry.programId,
      actor: entry.actor,
      action: entry.action,
      targetType: entry.targetType ?? null,
      targetId: entry.targetId ?? null,
      ...(entry.data === undefined ? {} : { data: entry.data }),
    })),
  });
}
