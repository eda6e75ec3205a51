-- CreateTable
CREATE TABLE "RnaImport" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "mode" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'queued',
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
    "heartbeatAt" DATETIME,
    "startedAt" DATETIME,
    "finishedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "AssociationClaim" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "associationId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'pending',
    "personTitle" TEXT,
    "data" JSONB NOT NULL DEFAULT '{}',
    "reason" TEXT,
    "decidedById" TEXT,
    "decidedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "AssociationClaim_associationId_fkey" FOREIGN KEY ("associationId") REFERENCES "Association" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "AssociationClaim_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
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
