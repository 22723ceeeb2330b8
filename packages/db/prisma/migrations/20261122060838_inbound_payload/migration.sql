-- AlterTable
ALTER TABLE "InboundMessage" ADD COLUMN     "payload" JSONB,
ADD COLUMN     "raw" BYTEA;
