-- DropIndex
DROP INDEX "CommerceEvent_cartId_idx";

-- DropIndex
DROP INDEX "CommerceEvent_orderId_idx";

-- CreateIndex
CREATE INDEX "CommerceEvent_orderId_type_idx" ON "CommerceEvent"("orderId", "type");

-- CreateIndex
CREATE INDEX "CommerceEvent_cartId_type_occurredAt_idx" ON "CommerceEvent"("cartId", "type", "occurredAt");
