-- AlterTable
ALTER TABLE "Instalment" ADD COLUMN "paidCents" INTEGER;
