-- AlterTable
ALTER TABLE "Dossier" ADD COLUMN "correctionRequestedAt" DATETIME;

-- CreateTable
CREATE TABLE "DossierSubmission" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "dossierId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "submittedAt" DATETIME NOT NULL,
    "submittedById" TEXT,
    CONSTRAINT "DossierSubmission_dossierId_fkey" FOREIGN KEY ("dossierId") REFERENCES "Dossier" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "DossierSubmission_dossierId_submittedAt_idx" ON "DossierSubmission"("dossierId", "submittedAt");

-- Backfill: each dossier already deposited gets its (first) deposit in the history.
INSERT INTO "DossierSubmission" ("id", "dossierId", "kind", "submittedAt", "submittedById")
SELECT 'backfill-' || "id", "id", 'depot', "submittedAt", "updatedById" FROM "Dossier" WHERE "submittedAt" IS NOT NULL;

-- Backfill: a dossier back "en construction" whose latest correction request is newer than its latest deposit awaits that re-deposit.
UPDATE "Dossier" SET "correctionRequestedAt" = (
  SELECT MAX("createdAt") FROM "AuditEvent" a WHERE a."entityType" = 'dossier' AND a."entityId" = "Dossier"."id" AND a."action" = 'demande_correction'
)
WHERE "state" = 'en_construction' AND (
  SELECT MAX("createdAt") FROM "AuditEvent" a WHERE a."entityType" = 'dossier' AND a."entityId" = "Dossier"."id" AND a."action" = 'demande_correction'
) > COALESCE((
  SELECT MAX("createdAt") FROM "AuditEvent" a WHERE a."entityType" = 'dossier' AND a."entityId" = "Dossier"."id" AND a."action" IN ('depot', 'redepot')
), 0);
