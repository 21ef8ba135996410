-- CreateEnum
CREATE TYPE "DiscountKind" AS ENUM ('PERCENT', 'AMOUNT');

-- AlterTable
ALTER TABLE "Order" ADD COLUMN     "cartVersion" INTEGER,
ADD COLUMN     "checkoutKey" TEXT,
ADD COLUMN     "pickupCodeSealed" TEXT;

-- CreateTable
CREATE TABLE "DiscountCode" (
    "code" TEXT NOT NULL,
    "kind" "DiscountKind" NOT NULL,
    "percent" INTEGER,
    "amountMinor" INTEGER,
    "label" TEXT NOT NULL,
    "minSubtotalMinor" INTEGER,
    "firstOrderOnly" BOOLEAN NOT NULL DEFAULT false,
    "perCustomerLimit" INTEGER,
    "totalLimit" INTEGER,
    "startsAt" TIMESTAMP(3),
    "endsAt" TIMESTAMP(3),
    "active" BOOLEAN NOT NULL DEFAULT true,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "DiscountCode_pkey" PRIMARY KEY ("code")
);

-- CreateTable
CREATE TABLE "DiscountRedemption" (
    "orderId" TEXT NOT NULL,
    "code" TEXT NOT NULL,
    "userId" TEXT,
    "email" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "DiscountRedemption_pkey" PRIMARY KEY ("orderId")
);

-- CreateTable
CREATE TABLE "OrderCancelCode" (
    "orderId" TEXT NOT NULL,
    "codeHash" TEXT NOT NULL,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "OrderCancelCode_pkey" PRIMARY KEY ("orderId")
);

-- CreateIndex
CREATE INDEX "DiscountRedemption_code_email_idx" ON "DiscountRedemption"("code", "email");

-- CreateIndex
CREATE INDEX "DiscountRedemption_code_userId_idx" ON "DiscountRedemption"("code", "userId");

-- CreateIndex
CREATE UNIQUE INDEX "Order_checkoutKey_key" ON "Order"("checkoutKey");

-- CreateIndex
CREATE INDEX "Order_email_idx" ON "Order"("email");

-- CreateIndex
CREATE INDEX "Order_cartId_idx" ON "Order"("cartId");

-- AddForeignKey
ALTER TABLE "DiscountRedemption" ADD CONSTRAINT "DiscountRedemption_orderId_fkey" FOREIGN KEY ("orderId") REFERENCES "Order"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DiscountRedemption" ADD CONSTRAINT "DiscountRedemption_code_fkey" FOREIGN KEY ("code") REFERENCES "DiscountCode"("code") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OrderCancelCode" ADD CONSTRAINT "OrderCancelCode_orderId_fkey" FOREIGN KEY ("orderId") REFERENCES "Order"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Checks Prisma cannot express (added by hand; see DESIGN.md "Data rules")
ALTER TABLE "DiscountCode" ADD CONSTRAINT "DiscountCode_rule_check" CHECK (
  ("kind" = 'PERCENT' AND "percent" BETWEEN 1 AND 100 AND "amountMinor" IS NULL)
  OR ("kind" = 'AMOUNT' AND "amountMinor" > 0 AND "percent" IS NULL));
ALTER TABLE "DiscountCode" ADD CONSTRAINT "DiscountCode_limits_check" CHECK (
  coalesce("perCustomerLimit", 1) > 0 AND coalesce("totalLimit", 1) > 0 AND coalesce("minSubtotalMinor", 0) >= 0
  AND "code" = upper("code") AND ("startsAt" IS NULL OR "endsAt" IS NULL OR "startsAt" < "endsAt"));

-- Order numbers are random now (lib/orders/order-number.ts); the sequence that numbered them is no longer used.
DROP SEQUENCE IF EXISTS order_number_seq;
