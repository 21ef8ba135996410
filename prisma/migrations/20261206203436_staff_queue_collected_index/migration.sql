-- CreateIndex
CREATE INDEX "Pickup_locationId_collectedAt_idx" ON "Pickup"("locationId", "collectedAt");
