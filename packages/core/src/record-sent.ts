import type { AppContext } from "./context.js";

export interface SentRecord {
  id: string;
  providerId: string | null;
  subject: string;
  to: string;
}

/**
 * Marks handed-over messages `sent`. The subject and address are stored only for
 * candidates who were not erased meanwhile: their rows are share-locked first, so
 * an erasure committing while the email was in flight is waited for and seen, and
 * personal data never comes back after it.
 */
export async function recordSent(
  db: AppContext["db"],
  batchKey: string,
  sent: readonly SentRecord[],
  sentAt: Date,
): Promise<void> {
  if (sent.length === 0) return;
  const ids = sent.map((s) => s.id);
  await db.$transaction([
    db.$queryRaw`
      SELECT c.id FROM "Candidate" c
      WHERE c.id IN (SELECT m."candidateId" FROM "Message" m WHERE m.id = ANY(${ids}::uuid[]))
      ORDER BY c.id FOR SHARE`,
    db.$executeRaw`
      UPDATE "Message" m SET status = 'sent', "sentAt" = ${sentAt}, "providerId" = v.pid,
        subject = CASE WHEN c.status = 'erased' THEN NULL ELSE v.subject END,
        "toEmail" = CASE WHEN c.status = 'erased' THEN NULL ELSE v.to_email END
      FROM unnest(${ids}::uuid[], ${sent.map((s) => s.providerId)}::text[], ${sent.map((s) => s.subject)}::text[],
                  ${sent.map((s) => s.to)}::text[]) AS v(id, pid, subject, to_email),
           "Candidate" c
      WHERE m.id = v.id AND c.id = m."candidateId" AND m.status = 'sending' AND m."batchKey" = ${batchKey}`,
  ]);
}
