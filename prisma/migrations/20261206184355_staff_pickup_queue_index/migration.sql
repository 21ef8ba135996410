-- CreateIndex
CREATE INDEX "Order_pickupLocationId_status_idx" ON "Order"("pickupLocationId", "status");
