-- CreateEnum
CREATE TYPE "RnaImportMode" AS ENUM ('dry_run', 'apply');

-- CreateEnum
CREATE TYPE "RnaImportStatus" AS ENUM ('queued', 'running', 'done', 'refused', 'failed');

-- CreateEnum
CREATE TYPE "ClaimStatus" AS ENUM ('pending', 'accepted', 'refused');

-- CreateTable
CREATE TABLE "RnaImport" (
    "id" TEXT NOT NULL,
    "mode" "RnaImportMode" NOT NULL,
    "status" "RnaImportStatus" NOT NULL DEFAULT 'queued',
    "fileName" TEXT NOT NULL,
    "storedName" TEXT,
    "filePath" TEXT,
    "sha256" TEXT NOT NULL,
    "sizeBytes" INTEGER NOT NULL,
    "encoding" TEXT,
    "createdById" TEXT,
    "checkpointRecord" INTEGER NOT NULL DEFAULT 0,
    "processedBytes" INTEGER NOT NULL DEFAULT 0,
    "report" JSONB NOT NULL DEFAULT '{}',
    "preview" JSONB NOT NULL DEFAULT '[]',
    "error" TEXT,
    "heartbeatAt" TIMESTAMP(3),
    "startedAt" TIMESTAMP(3),
    "finishedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "RnaImport_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AssociationClaim" (
    "id" TEXT NOT NULL,
    "associationId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "status" "ClaimStatus" NOT NULL DEFAULT 'pending',
    "personTitle" TEXT,
    "data" JSONB NOT NULL DEFAULT '{}',
    "reason" TEXT,
    "decidedById" TEXT,
    "decidedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "AssociationClaim_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "RnaImport_sha256_mode_status_idx" ON "RnaImport"("sha256", "mode", "status");

-- CreateIndex
CREATE INDEX "RnaImport_createdAt_idx" ON "RnaImport"("createdAt");

-- CreateIndex
CREATE INDEX "AssociationClaim_associationId_idx" ON "AssociationClaim"("associationId");

-- CreateIndex
CREATE INDEX "AssociationClaim_userId_idx" ON "AssociationClaim"("userId");

-- CreateIndex
CREATE INDEX "AssociationClaim_status_idx" ON "AssociationClaim"("status");

-- AddForeignKey
ALTER TABLE "AssociationClaim" ADD CONSTRAINT "AssociationClaim_associationId_fkey" FOREIGN KEY ("associationId") REFERENCES "Association"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AssociationClaim" ADD CONSTRAINT "AssociationClaim_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;
