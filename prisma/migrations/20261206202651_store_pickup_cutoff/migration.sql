-- AlterTable
ALTER TABLE "Location" ADD COLUMN     "pickupCutoffMinutes" INTEGER NOT NULL DEFAULT 30;
