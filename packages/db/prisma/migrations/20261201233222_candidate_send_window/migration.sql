-- AlterTable
ALTER TABLE "Candidate" ADD COLUMN     "sendWeekdays" INTEGER[] DEFAULT ARRAY[]::INTEGER[],
ADD COLUMN     "sendWindowEnd" INTEGER,
ADD COLUMN     "sendWindowStart" INTEGER;
