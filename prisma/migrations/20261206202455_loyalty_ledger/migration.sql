-- CreateEnum
CREATE TYPE "LoyaltyEntryKind" AS ENUM ('EARN', 'REDEEM', 'HOLD', 'RELEASE', 'REVERSAL', 'EXPIRE', 'ADJUST');

-- CreateEnum
CREATE TYPE "LoyaltyChannel" AS ENUM ('ONLINE', 'IN_STORE');

-- AlterTable
ALTER TABLE "Order" ADD COLUMN     "pointsDiscountMinor" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "pointsRedeemed" INTEGER NOT NULL DEFAULT 0;

-- CreateTable
CREATE TABLE "LoyaltyAccount" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "balance" INTEGER NOT NULL DEFAULT 0,
    "pending" INTEGER NOT NULL DEFAULT 0,
    "confirmCodeHash" TEXT,
    "confirmCodeExpiresAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "LoyaltyAccount_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "LoyaltyEntry" (
    "id" TEXT NOT NULL,
    "accountId" TEXT NOT NULL,
    "kind" "LoyaltyEntryKind" NOT NULL,
    "points" INTEGER NOT NULL,
    "pendingPoints" INTEGER NOT NULL DEFAULT 0,
    "channel" "LoyaltyChannel" NOT NULL,
    "orderId" TEXT,
    "storeId" TEXT,
    "staffUserId" TEXT,
    "idempotencyKey" TEXT NOT NULL,
    "availableAt" TIMESTAMP(3),
    "expiresAt" TIMESTAMP(3),
    "shortfall" INTEGER NOT NULL DEFAULT 0,
    "note" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "LoyaltyEntry_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "LoyaltyAccount_userId_key" ON "LoyaltyAccount"("userId");

-- CreateIndex
CREATE UNIQUE INDEX "LoyaltyEntry_idempotencyKey_key" ON "LoyaltyEntry"("idempotencyKey");

-- CreateIndex
CREATE INDEX "LoyaltyEntry_accountId_createdAt_idx" ON "LoyaltyEntry"("accountId", "createdAt");

-- CreateIndex
CREATE INDEX "LoyaltyEntry_orderId_idx" ON "LoyaltyEntry"("orderId");

-- CreateIndex
CREATE INDEX "LoyaltyEntry_kind_availableAt_idx" ON "LoyaltyEntry"("kind", "availableAt");

-- CreateIndex
CREATE INDEX "LoyaltyEntry_accountId_expiresAt_idx" ON "LoyaltyEntry"("accountId", "expiresAt");

-- AddForeignKey
ALTER TABLE "LoyaltyAccount" ADD CONSTRAINT "LoyaltyAccount_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LoyaltyEntry" ADD CONSTRAINT "LoyaltyEntry_accountId_fkey" FOREIGN KEY ("accountId") REFERENCES "LoyaltyAccount"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- The balance rule (DESIGN.md, Data rules): neither spendable nor pending points can go below zero, whatever the code does.
ALTER TABLE "LoyaltyAccount" ADD CONSTRAINT "LoyaltyAccount_balance_check" CHECK ("balance" >= 0);
ALTER TABLE "LoyaltyAccount" ADD CONSTRAINT "LoyaltyAccount_pending_check" CHECK ("pending" >= 0);

-- The ledger is append-only: an entry is never changed (a mistake is corrected by a new entry).
CREATE FUNCTION "loyalty_entry_append_only"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'LoyaltyEntry is append-only';
END;
$$;
CREATE TRIGGER "LoyaltyEntry_append_only" BEFORE UPDATE ON "LoyaltyEntry" FOR EACH ROW EXECUTE FUNCTION "loyalty_entry_append_only"();
