-- CreateEnum
CREATE TYPE "PickupStatus" AS ENUM ('TO_PICK', 'PICKING', 'READY', 'WAITING', 'COLLECTED', 'NOT_COLLECTED', 'CANCELLED');

-- CreateEnum
CREATE TYPE "PickupLineStatus" AS ENUM ('PICKED', 'SHORT');

-- CreateTable
CREATE TABLE "Pickup" (
    "orderId" TEXT NOT NULL,
    "locationId" TEXT NOT NULL,
    "status" "PickupStatus" NOT NULL DEFAULT 'TO_PICK',
    "pickingAt" TIMESTAMP(3),
    "readyAt" TIMESTAMP(3),
    "readyEmailSentAt" TIMESTAMP(3),
    "arrivedAt" TIMESTAMP(3),
    "collectedAt" TIMESTAMP(3),
    "handedOverById" TEXT,
    "collectedByKind" TEXT,
    "collectedByName" TEXT,
    "paymentMethod" TEXT,
    "paymentMinor" INTEGER,
    "lockedUntil" TIMESTAMP(3),
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Pickup_pkey" PRIMARY KEY ("orderId")
);

-- CreateTable
CREATE TABLE "PickupLine" (
    "orderLineId" TEXT NOT NULL,
    "orderId" TEXT NOT NULL,
    "status" "PickupLineStatus" NOT NULL,
    "byId" TEXT NOT NULL,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PickupLine_pkey" PRIMARY KEY ("orderLineId")
);

-- CreateTable
CREATE TABLE "StaffAuditEntry" (
    "id" TEXT NOT NULL,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "actorId" TEXT NOT NULL,
    "locationId" TEXT NOT NULL,
    "orderId" TEXT,
    "action" TEXT NOT NULL,
    "details" JSONB,

    CONSTRAINT "StaffAuditEntry_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Pickup_locationId_status_idx" ON "Pickup"("locationId", "status");

-- CreateIndex
CREATE INDEX "PickupLine_orderId_idx" ON "PickupLine"("orderId");

-- CreateIndex
CREATE INDEX "StaffAuditEntry_orderId_action_at_idx" ON "StaffAuditEntry"("orderId", "action", "at");

-- CreateIndex
CREATE INDEX "StaffAuditEntry_locationId_at_idx" ON "StaffAuditEntry"("locationId", "at");

-- AddForeignKey
ALTER TABLE "Pickup" ADD CONSTRAINT "Pickup_orderId_fkey" FOREIGN KEY ("orderId") REFERENCES "Order"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Pickup" ADD CONSTRAINT "Pickup_locationId_fkey" FOREIGN KEY ("locationId") REFERENCES "Location"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PickupLine" ADD CONSTRAINT "PickupLine_orderId_fkey" FOREIGN KEY ("orderId") REFERENCES "Pickup"("orderId") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StaffAuditEntry" ADD CONSTRAINT "StaffAuditEntry_actorId_fkey" FOREIGN KEY ("actorId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StaffAuditEntry" ADD CONSTRAINT "StaffAuditEntry_locationId_fkey" FOREIGN KEY ("locationId") REFERENCES "Location"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Checks Prisma cannot express.
ALTER TABLE "Pickup" ADD CONSTRAINT "Pickup_collectedByKind_check" CHECK ("collectedByKind" IS NULL OR "collectedByKind" IN ('SHOPPER', 'PROXY'));
ALTER TABLE "Pickup" ADD CONSTRAINT "Pickup_paymentMethod_check" CHECK ("paymentMethod" IS NULL OR "paymentMethod" IN ('CARD', 'CASH'));
ALTER TABLE "Pickup" ADD CONSTRAINT "Pickup_paymentMinor_check" CHECK ("paymentMinor" IS NULL OR "paymentMinor" >= 0);
