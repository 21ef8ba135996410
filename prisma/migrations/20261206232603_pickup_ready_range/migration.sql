-- DropIndex
DROP INDEX "Pickup_locationId_status_idx";

-- CreateIndex
CREATE INDEX "Pickup_locationId_status_readyAt_idx" ON "Pickup"("locationId", "status", "readyAt");
