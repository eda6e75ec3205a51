-- AlterTable
ALTER TABLE "Association" ADD COLUMN     "geoSource" TEXT,
ADD COLUMN     "geocodeAttempts" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "geocodeError" TEXT,
ADD COLUMN     "geocodeLabel" TEXT,
ADD COLUMN     "geocodePending" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "geocodeScore" DOUBLE PRECISION,
ADD COLUMN     "geocodedAt" TIMESTAMP(3),
ADD COLUMN     "searchText" TEXT NOT NULL DEFAULT '';

-- CreateTable
CREATE TABLE "SearchSynonym" (
    "id" TEXT NOT NULL,
    "terms" JSONB NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "SearchSynonym_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Association_geocodePending_idx" ON "Association"("geocodePending");

-- Addresses saved before geocoding existed are geocoded by the background job.
UPDATE "Association" SET "geocodePending" = true WHERE "latitude" IS NULL;
