-- CreateTable
CREATE TABLE "SearchSynonym" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "terms" JSONB NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Association" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "slug" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "acronym" TEXT,
    "rna" TEXT,
    "siret" TEXT,
    "socialObject" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "address" TEXT NOT NULL,
    "postcode" TEXT NOT NULL,
    "city" TEXT NOT NULL DEFAULT '',
    "district" TEXT NOT NULL,
    "phone" TEXT,
    "email" TEXT,
    "website" TEXT,
    "receptionHours" TEXT NOT NULL DEFAULT '',
    "openingHours" TEXT NOT NULL DEFAULT '',
    "latitude" REAL,
    "longitude" REAL,
    "geoSource" TEXT,
    "geocodedAt" DATETIME,
    "geocodeLabel" TEXT,
    "geocodeScore" REAL,
    "geocodePending" BOOLEAN NOT NULL DEFAULT false,
    "geocodeAttempts" INTEGER NOT NULL DEFAULT 0,
    "geocodeError" TEXT,
    "searchText" TEXT NOT NULL DEFAULT '',
    "inseeCode" TEXT,
    "source" TEXT NOT NULL DEFAULT 'portal',
    "rnaImportedAt" DATETIME,
    "rnaUpdatedAt" DATETIME,
    "dissolvedAt" DATETIME,
    "status" TEXT NOT NULL DEFAULT 'pending',
    "refusalReason" TEXT,
    "validatedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);
INSERT INTO "new_Association" ("acronym", "address", "city", "createdAt", "description", "dissolvedAt", "district", "email", "id", "inseeCode", "latitude", "longitude", "name", "openingHours", "phone", "postcode", "receptionHours", "refusalReason", "rna", "rnaImportedAt", "rnaUpdatedAt", "siret", "slug", "socialObject", "source", "status", "updatedAt", "validatedAt", "website") SELECT "acronym", "address", "city", "createdAt", "description", "dissolvedAt", "district", "email", "id", "inseeCode", "latitude", "longitude", "name", "openingHours", "phone", "postcode", "receptionHours", "refusalReason", "rna", "rnaImportedAt", "rnaUpdatedAt", "siret", "slug", "socialObject", "source", "status", "updatedAt", "validatedAt", "website" FROM "Association";
DROP TABLE "Association";
ALTER TABLE "new_Association" RENAME TO "Association";
CREATE UNIQUE INDEX "Association_slug_key" ON "Association"("slug");
CREATE INDEX "Association_status_idx" ON "Association"("status");
CREATE INDEX "Association_rna_idx" ON "Association"("rna");
CREATE INDEX "Association_geocodePending_idx" ON "Association"("geocodePending");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- Addresses saved before geocoding existed are geocoded by the background job.
UPDATE "Association" SET "geocodePending" = true WHERE "latitude" IS NULL;
