-- AlterTable
ALTER TABLE "Location" ADD COLUMN     "pickupHoldDays" INTEGER NOT NULL DEFAULT 5;

-- AlterTable
ALTER TABLE "Pickup" ADD COLUMN     "reminderSentAt" TIMESTAMP(3);
ALTER TABLE "Location" ADD CONSTRAINT "Location_pickupHoldDays_check" CHECK ("pickupHoldDays" >= 1);
