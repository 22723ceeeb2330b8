import type { Db, Prisma } from "@rebound/db";
import { isUuid } from "@rebound/domain";

/**
 * Reading the audit log (audit.ts is its one writer). Actors are stored as written by the verbs
 * ("admin:<userId>", "api-key:<prefix>", "import:<id>", "cli", ...); admins are shown by their
 * name and address, which the log itself never copies.
 */
export async function actorLabels(db: Pick<Db, "adminUser">, actors: readonly string[]): Promise<Map<string, string>> {
  const ids = [...new Set(actors.filter((a) => a.startsWith("admin:")).map((a) => a.slice(6)))].filter(isUuid);
  const users = ids.length
    ? await db.adminUser.findMany({ where: { id: { in: ids } }, select: { id: true, email: true, name: true } })
    : [];
  const byId = new Map(users.map((u) => [u.id, u.name ? `${u.name} <${u.email}>` : u.email]));
  const out = new Map<string, string>();
  for (const a of actors) {
    if (a.startsWith("admin:")) out.set(a, byId.get(a.slice(6)) ?? "a removed admin");
    else if (a.startsWith("api-key:")) out.set(a, `API key ${a.slice(8)}…`);
    else if (a.startsWith("import:")) out.set(a, `CSV import ${a.slice(7, 15)}`);
    else if (a === "cli") out.set(a, "operator CLI");
    else out.set(a, a);
  }
  return out;
}

/** What the audit page can narrow to: a group of actions. */
export const AUDIT_GROUPS = {
  imports: ["import."],
  keys: ["api-key."],
  settings: ["settings.", "program."],
  members: ["member.", "invitation."],
  candidates: ["candidate.", "interview.", "reflection."],
  cohorts: ["cohort."],
} as const;
export type AuditGroup = keyof typeof AUDIT_GROUPS;

export interface AuditView {
  id: string;
  at: string;
  actor: string;
  actorLabel: string;
  action: string;
  targetType: string | null;
  targetId: string | null;
  data: unknown;
}

/**
 * The program's audit log, newest first, a page at a time (`before` is the last entry's id of
 * the previous page). By default the rows every interview writes are left out (one per row of an
 * import); `group` narrows to one kind of action.
 */
export async function listAudit(
  db: Pick<Db, "auditLog" | "adminUser">,
  programId: string,
  opts: { group?: AuditGroup; before?: string; limit?: number } = {},
): Promise<{ entries: AuditView[]; next: string | null }> {
  const limit = Math.min(Math.max(opts.limit ?? 50, 1), 200);
  const prefixes = opts.group ? AUDIT_GROUPS[opts.group] : null;
  const where: Prisma.AuditLogWhereInput = {
    programId,
    ...(prefixes
      ? { OR: prefixes.map((p) => ({ action: { startsWith: p } })) }
      : { NOT: { action: "interview.recorded" } }),
  };
  if (opts.before && isUuid(opts.before)) {
    const cursor = await db.auditLog.findFirst({
      where: { id: opts.before, programId },
      select: { createdAt: true, id: true },
    });
    if (cursor) {
      where.AND = [
        { OR: [{ createdAt: { lt: cursor.createdAt } }, { createdAt: cursor.createdAt, id: { lt: cursor.id } }] },
      ];
    }
  }
  const rows = await db.auditLog.findMany({
    where,
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: limit + 1,
  });
  const page = rows.slice(0, limit);
  const labels = await actorLabels(
    db,
    page.map((r) => r.actor),
  );
  return {
    entries: page.map((r) => ({
      id: r.id,
      at: r.createdAt.toISOString(),
      actor: r.actor,
      actorLabel: labels.get(r.actor) ?? r.actor,
      action: r.action,
      targetType: r.targetType,
      targetId: r.targetId,
      data: r.data ?? null,
    })),
    next: rows.length > limit ? (page[page.length - 1]?.id ?? null) : null,
  };
}
