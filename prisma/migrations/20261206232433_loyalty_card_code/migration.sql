-- AlterTable
ALTER TABLE "LoyaltyAccount" ADD COLUMN     "cardCodeExpiresAt" TIMESTAMP(3),
ADD COLUMN     "cardCodeHash" TEXT;

-- CreateIndex
CREATE UNIQUE INDEX "LoyaltyAccount_cardCodeHash_key" ON "LoyaltyAccount"("cardCodeHash");
