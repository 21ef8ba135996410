-- CreateEnum
CREATE TYPE "EventChannel" AS ENUM ('PHONE_WEB', 'DESKTOP_WEB', 'IN_STORE');

-- CreateEnum
CREATE TYPE "CommerceEventType" AS ENUM ('PRODUCT_VIEWED', 'BAG_ADDED', 'CHECKOUT_STARTED', 'ORDER_PLACED', 'ORDER_PAID', 'ORDER_READY', 'ORDER_COLLECTED', 'ORDER_NOT_COLLECTED', 'IN_STORE_SALE', 'POINTS_EARNED', 'POINTS_SPENT', 'REC_SHOWN', 'REC_CLICKED', 'REMINDER_SENT', 'REMINDER_OPENED', 'SUBSTITUTION_OFFERED', 'SUBSTITUTION_ACCEPTED', 'SUBSTITUTION_DECLINED');

-- CreateTable
CREATE TABLE "CommerceEvent" (
    "id" BIGSERIAL NOT NULL,
    "type" "CommerceEventType" NOT NULL,
    "channel" "EventChannel" NOT NULL,
    "storeId" TEXT,
    "anonymousId" TEXT,
    "customerId" TEXT,
    "cartId" TEXT,
    "orderId" TEXT,
    "productId" TEXT,
    "shelf" TEXT,
    "quantity" INTEGER,
    "valueMinor" INTEGER,
    "occurredAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CommerceEvent_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "CommerceEvent_type_occurredAt_idx" ON "CommerceEvent"("type", "occurredAt");

-- CreateIndex
CREATE INDEX "CommerceEvent_orderId_idx" ON "CommerceEvent"("orderId");

-- CreateIndex
CREATE INDEX "CommerceEvent_cartId_idx" ON "CommerceEvent"("cartId");
