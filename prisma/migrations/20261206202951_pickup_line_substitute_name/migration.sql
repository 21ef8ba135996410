-- AlterTable
ALTER TABLE "PickupLine" ADD COLUMN     "substituteName" TEXT,
ADD COLUMN     "substituteSku" TEXT;
