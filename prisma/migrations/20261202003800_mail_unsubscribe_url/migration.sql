-- AlterTable
ALTER TABLE "EmailMessage" ADD COLUMN "unsubscribeUrl" TEXT;
