-- AlterTable
ALTER TABLE "CommerceEvent" ADD COLUMN     "bagAnonymousId" TEXT,
ADD COLUMN     "bagChannel" "EventChannel";
