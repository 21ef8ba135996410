-- AlterTable
ALTER TABLE "User" ADD COLUMN     "pendingPasswordHash" TEXT,
ADD COLUMN     "pendingPasswordToken" TEXT;
