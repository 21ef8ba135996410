-- CreateEnum
CREATE TYPE "ConsentChannel" AS ENUM ('EMAIL', 'SMS');

-- CreateEnum
CREATE TYPE "ConsentTopic" AS ENUM ('ORDERS', 'BAG_REMINDERS', 'OFFERS');

-- CreateEnum
CREATE TYPE "ConsentSource" AS ENUM ('CHECKOUT', 'ACCOUNT', 'STORE', 'UNSUBSCRIBE', 'SMS_STOP');

-- CreateEnum
CREATE TYPE "MessageStatus" AS ENUM ('QUEUED', 'SENDING', 'SENT', 'SKIPPED', 'FAILED');

-- AlterTable
ALTER TABLE "OutboxMessage" ADD COLUMN     "headers" JSONB;

-- CreateTable
CREATE TABLE "Consent" (
    "email" TEXT NOT NULL,
    "channel" "ConsentChannel" NOT NULL,
    "topic" "ConsentTopic" NOT NULL,
    "granted" BOOLEAN NOT NULL,
    "phone" TEXT,
    "source" "ConsentSource" NOT NULL,
    "changedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Consent_pkey" PRIMARY KEY ("email","channel","topic")
);

-- CreateTable
CREATE TABLE "ConsentEvent" (
    "id" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "userId" TEXT,
    "channel" "ConsentChannel" NOT NULL,
    "topic" "ConsentTopic" NOT NULL,
    "granted" BOOLEAN NOT NULL,
    "phone" TEXT,
    "source" "ConsentSource" NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ConsentEvent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Message" (
    "id" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "channel" "ConsentChannel" NOT NULL,
    "topic" "ConsentTopic" NOT NULL,
    "to" TEXT NOT NULL,
    "email" TEXT,
    "orderId" TEXT,
    "payload" JSONB NOT NULL,
    "status" "MessageStatus" NOT NULL DEFAULT 'QUEUED',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "lockedUntil" TIMESTAMP(3),
    "sendAfter" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "sentAt" TIMESTAMP(3),
    "lastError" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Message_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "BagReminder" (
    "id" TEXT NOT NULL,
    "cartId" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "email" TEXT NOT NULL,
    "sentAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "smsAt" TIMESTAMP(3),
    "orderId" TEXT,

    CONSTRAINT "BagReminder_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Consent_phone_idx" ON "Consent"("phone");

-- CreateIndex
CREATE INDEX "ConsentEvent_email_createdAt_idx" ON "ConsentEvent"("email", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "Message_key_key" ON "Message"("key");

-- CreateIndex
CREATE INDEX "Message_email_createdAt_idx" ON "Message"("email", "createdAt");

-- CreateIndex
CREATE INDEX "Message_orderId_idx" ON "Message"("orderId");

-- CreateIndex
CREATE INDEX "Message_to_createdAt_idx" ON "Message"("to", "createdAt");

-- CreateIndex
CREATE INDEX "BagReminder_cartId_sentAt_idx" ON "BagReminder"("cartId", "sentAt");

-- CreateIndex
CREATE UNIQUE INDEX "BagReminder_cartId_version_key" ON "BagReminder"("cartId", "version");

-- CreateIndex
CREATE INDEX "Cart_updatedAt_idx" ON "Cart"("updatedAt");
