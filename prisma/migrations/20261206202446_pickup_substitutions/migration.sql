-- CreateEnum
CREATE TYPE "SubstitutionStatus" AS ENUM ('PROPOSED', 'ACCEPTED', 'DECLINED', 'EXPIRED');

-- AlterTable
ALTER TABLE "Location" ADD COLUMN     "substitutionAnswerMinutes" INTEGER NOT NULL DEFAULT 120;

-- AlterTable
ALTER TABLE "PickupLine" ADD COLUMN     "originalName" TEXT,
ADD COLUMN     "originalQuantity" INTEGER,
ADD COLUMN     "originalSku" TEXT,
ADD COLUMN     "originalUnitPriceMinor" INTEGER,
ADD COLUMN     "refundKey" TEXT,
ADD COLUMN     "refundMinor" INTEGER,
ADD COLUMN     "substituteHoldId" TEXT,
ADD COLUMN     "substituteVariantId" TEXT,
ADD COLUMN     "substitution" "SubstitutionStatus",
ADD COLUMN     "substitutionAnsweredAt" TIMESTAMP(3),
ADD COLUMN     "substitutionAskedAt" TIMESTAMP(3);

-- CreateIndex
CREATE UNIQUE INDEX "PickupLine_refundKey_key" ON "PickupLine"("refundKey");

-- CreateIndex
CREATE INDEX "PickupLine_substitution_substitutionAskedAt_idx" ON "PickupLine"("substitution", "substitutionAskedAt");

-- The store settings screen keeps the answer time between 5 minutes and 7 days.
ALTER TABLE "Location" ADD CONSTRAINT "Location_substitutionAnswerMinutes_check" CHECK ("substitutionAnswerMinutes" BETWEEN 5 AND 10080);
