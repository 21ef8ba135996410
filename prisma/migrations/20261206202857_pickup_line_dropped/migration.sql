-- AlterEnum
ALTER TYPE "PickupLineStatus" ADD VALUE 'DROPPED';
