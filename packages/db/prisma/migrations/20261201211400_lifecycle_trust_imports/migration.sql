-- AlterEnum
ALTER TYPE "MessageKind" ADD VALUE 'notice';

-- DropIndex
DROP INDEX "Suppression_programId_emailHash_key";

-- AlterTable
ALTER TABLE "Program" ADD COLUMN     "fromEmail" TEXT,
ADD COLUMN     "replyFooter" TEXT,
ADD COLUMN     "retentionMonths" INTEGER,
ADD COLUMN     "senderName" TEXT,
ADD COLUMN     "signature" TEXT;

-- AlterTable
ALTER TABLE "ApiKey" ADD COLUMN     "createdBy" TEXT;

-- AlterTable
ALTER TABLE "Cohort" ADD COLUMN     "archivedAt" TIMESTAMP(3);

-- AlterTable
ALTER TABLE "Candidate" ADD COLUMN     "consent" JSONB;

-- AlterTable
ALTER TABLE "Message" ADD COLUMN     "claimedAt" TIMESTAMP(3),
ADD COLUMN     "content" JSONB,
ADD COLUMN     "pendingSubscriptionId" UUID,
ADD COLUMN     "softBounces" INTEGER NOT NULL DEFAULT 0,
ALTER COLUMN "candidateId" DROP NOT NULL;

-- AlterTable
ALTER TABLE "Reflection" ADD COLUMN     "fromOther" BOOLEAN NOT NULL DEFAULT false;

-- AlterTable
ALTER TABLE "EmailEvent" ADD COLUMN     "appliedAt" TIMESTAMP(3),
ADD COLUMN     "providerId" TEXT;

-- AlterTable
ALTER TABLE "Suppression" ADD COLUMN     "hashVersion" INTEGER NOT NULL DEFAULT 2,
ADD COLUMN     "scope" TEXT,
ALTER COLUMN "programId" DROP NOT NULL;
-- Rows from before keyed hashes: per-program, unsalted sha256 (still honoured, marked version 1).
UPDATE "Suppression" SET "scope" = "programId"::text, "hashVersion" = 1;
ALTER TABLE "Suppression" ALTER COLUMN "scope" SET NOT NULL;

-- AlterTable
ALTER TABLE "PendingSubscription" ADD COLUMN     "consentSource" TEXT,
ADD COLUMN     "lastSentAt" TIMESTAMP(3),
ADD COLUMN     "sends" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "sourceKey" TEXT;

-- AlterTable
ALTER TABLE "IdempotencyRecord" ADD COLUMN     "candidateId" UUID;
UPDATE "IdempotencyRecord" SET "candidateId" = ("response"->>'candidateId')::uuid
  WHERE "response"->>'candidateId' ~ '^[0-9a-f-]{36}$';

-- AlterTable
ALTER TABLE "OutboxEmail" ADD COLUMN     "messageId" UUID;

-- CreateTable
CREATE TABLE "CsvImport" (
    "id" UUID NOT NULL,
    "programId" UUID NOT NULL,
    "cohortId" UUID NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'queued',
    "filename" TEXT,
    "createdBy" TEXT NOT NULL,
    "total" INTEGER NOT NULL DEFAULT 0,
    "processed" INTEGER NOT NULL DEFAULT 0,
    "created" INTEGER NOT NULL DEFAULT 0,
    "updated" INTEGER NOT NULL DEFAULT 0,
    "skipped" INTEGER NOT NULL DEFAULT 0,
    "errors" JSONB NOT NULL DEFAULT '[]',
    "mapping" JSONB,
    "body" BYTEA,
    "error" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "startedAt" TIMESTAMP(3),
    "finishedAt" TIMESTAMP(3),

    CONSTRAINT "CsvImport_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "CsvImport_programId_createdAt_idx" ON "CsvImport"("programId", "createdAt");

-- CreateIndex
CREATE INDEX "Candidate_email_idx" ON "Candidate"("email");

-- CreateIndex
CREATE INDEX "EmailEvent_providerId_idx" ON "EmailEvent"("providerId");

-- CreateIndex
CREATE INDEX "Suppression_emailHash_idx" ON "Suppression"("emailHash");

-- CreateIndex
CREATE UNIQUE INDEX "Suppression_scope_emailHash_key" ON "Suppression"("scope", "emailHash");

-- CreateIndex
CREATE UNIQUE INDEX "PendingSubscription_sourceKey_key" ON "PendingSubscription"("sourceKey");

-- CreateIndex
CREATE INDEX "IdempotencyRecord_candidateId_idx" ON "IdempotencyRecord"("candidateId");

-- One live track per candidate, enforced by PostgreSQL (Prisma cannot declare a partial index).
-- Earlier races may have left several: the newest stays, the others are superseded first.
WITH ranked AS (
  SELECT id, row_number() OVER (PARTITION BY "candidateId" ORDER BY "enrolledAt" DESC, id DESC) AS n
  FROM "Enrollment" WHERE status IN ('active', 'paused')
), extra AS (
  UPDATE "Enrollment" e SET status = 'superseded', "stopReason" = 'duplicate live track', "nextDueAt" = NULL
  FROM ranked r WHERE e.id = r.id AND r.n > 1
  RETURNING e.id
)
UPDATE "Message" m SET status = 'cancelled' FROM extra WHERE m."enrollmentId" = extra.id AND m.status = 'scheduled';
CREATE UNIQUE INDEX "Enrollment_one_live_track_per_candidate" ON "Enrollment"("candidateId")
  WHERE status IN ('active', 'paused');

-- The reconciler's questions, answered from small partial indexes (Prisma cannot declare them):
-- which pending messages are due, and which claims have been held too long.
CREATE INDEX "Message_pending_due_idx" ON "Message"("dueAt") WHERE status IN ('scheduled', 'sending');
CREATE INDEX "Message_sending_claimed_idx" ON "Message"("claimedAt") WHERE status = 'sending';
