-- AlterTable
ALTER TABLE "DossierSubmission" ADD COLUMN "sha256" TEXT;
ALTER TABLE "DossierSubmission" ADD COLUMN "snapshot" JSONB;

-- CreateTable
CREATE TABLE "ReviewGroup" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "callId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "fieldSlug" TEXT,
    "districtSlug" TEXT,
    "minCents" INTEGER,
    "maxCents" INTEGER,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "ReviewGroup_callId_fkey" FOREIGN KEY ("callId") REFERENCES "Call" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ReviewGroupMember" (
    "groupId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,

    PRIMARY KEY ("groupId", "userId"),
    CONSTRAINT "ReviewGroupMember_groupId_fkey" FOREIGN KEY ("groupId") REFERENCES "ReviewGroup" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "CallLabel" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "callId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "color" TEXT NOT NULL,
    "position" INTEGER NOT NULL DEFAULT 0,
    CONSTRAINT "CallLabel_callId_fkey" FOREIGN KEY ("callId") REFERENCES "Call" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "DossierLabel" (
    "dossierId" TEXT NOT NULL,
    "labelId" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,

    PRIMARY KEY ("dossierId", "labelId"),
    CONSTRAINT "DossierLabel_dossierId_fkey" FOREIGN KEY ("dossierId") REFERENCES "Dossier" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "DossierLabel_labelId_fkey" FOREIGN KEY ("labelId") REFERENCES "CallLabel" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "DossierFollow" (
    "dossierId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,

    PRIMARY KEY ("dossierId", "userId"),
    CONSTRAINT "DossierFollow_dossierId_fkey" FOREIGN KEY ("dossierId") REFERENCES "Dossier" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "SavedFilter" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "userId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "query" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateTable
CREATE TABLE "ExpertOpinion" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "dossierId" TEXT NOT NULL,
    "expertName" TEXT NOT NULL,
    "expertEmail" TEXT NOT NULL,
    "question" TEXT NOT NULL,
    "dueAt" DATETIME NOT NULL,
    "confidential" BOOLEAN NOT NULL DEFAULT false,
    "tokenHash" TEXT NOT NULL,
    "requestedById" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "remindedAt" DATETIME,
    "answeredAt" DATETIME,
    "answer" TEXT,
    "fileName" TEXT,
    "fileStoredName" TEXT,
    "fileMimeType" TEXT,
    "fileSize" INTEGER,
    "fileSha256" TEXT,
    "cancelledAt" DATETIME,
    CONSTRAINT "ExpertOpinion_dossierId_fkey" FOREIGN KEY ("dossierId") REFERENCES "Dossier" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "CorrectionRequest" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "dossierId" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "message" TEXT NOT NULL,
    "dueAt" DATETIME NOT NULL,
    "requestedById" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "remindedAt" DATETIME,
    "answeredAt" DATETIME,
    "cancelledAt" DATETIME,
    CONSTRAINT "CorrectionRequest_dossierId_fkey" FOREIGN KEY ("dossierId") REFERENCES "Dossier" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_User" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "email" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "passwordHash" TEXT NOT NULL,
    "role" TEXT NOT NULL DEFAULT 'member',
    "disabledAt" DATETIME,
    "dailyDigest" BOOLEAN NOT NULL DEFAULT true,
    "digestSentAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);
INSERT INTO "new_User" ("createdAt", "disabledAt", "email", "id", "name", "passwordHash", "role", "updatedAt") SELECT "createdAt", "disabledAt", "email", "id", "name", "passwordHash", "role", "updatedAt" FROM "User";
DROP TABLE "User";
ALTER TABLE "new_User" RENAME TO "User";
CREATE UNIQUE INDEX "User_email_key" ON "User"("email");
CREATE TABLE "new_Call" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "slug" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "summary" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "envelopeCents" INTEGER NOT NULL,
    "minAmountCents" INTEGER NOT NULL,
    "maxAmountCents" INTEGER NOT NULL,
    "opensAt" DATETIME NOT NULL,
    "closesAt" DATETIME NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'brouillon',
    "requiredAttachments" JSONB NOT NULL DEFAULT '[]',
    "publishedAt" DATETIME,
    "financialYear" INTEGER NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);
-- Backfill by hand: a call already there takes the year it closes as its financial year.
INSERT INTO "new_Call" ("body", "closesAt", "createdAt", "envelopeCents", "id", "maxAmountCents", "minAmountCents", "opensAt", "publishedAt", "requiredAttachments", "slug", "status", "summary", "title", "updatedAt", "financialYear") SELECT "body", "closesAt", "createdAt", "envelopeCents", "id", "maxAmountCents", "minAmountCents", "opensAt", "publishedAt", "requiredAttachments", "slug", "status", "summary", "title", "updatedAt", CASE typeof("closesAt") WHEN 'text' THEN CAST(substr("closesAt", 1, 4) AS INTEGER) ELSE CAST(strftime('%Y', "closesAt" / 1000, 'unixepoch') AS INTEGER) END FROM "Call";
DROP TABLE "Call";
ALTER TABLE "new_Call" RENAME TO "Call";
CREATE UNIQUE INDEX "Call_slug_key" ON "Call"("slug");
CREATE TABLE "new_Dossier" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "number" TEXT NOT NULL,
    "callId" TEXT NOT NULL,
    "associationId" TEXT NOT NULL,
    "state" TEXT NOT NULL DEFAULT 'brouillon',
    "data" JSONB NOT NULL DEFAULT '{}',
    "currentStep" TEXT NOT NULL DEFAULT 'identification',
    "projectTitle" TEXT,
    "requestedCents" INTEGER,
    "declarationSignedAt" DATETIME,
    "declarationSignerId" TEXT,
    "submittedAt" DATETIME,
    "correctionRequestedAt" DATETIME,
    "instructionStartedAt" DATETIME,
    "decidedAt" DATETIME,
    "proposedCents" INTEGER,
    "decisionReason" TEXT,
    "reviewGroupId" TEXT,
    "createdById" TEXT,
    "updatedById" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Dossier_callId_fkey" FOREIGN KEY ("callId") REFERENCES "Call" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Dossier_associationId_fkey" FOREIGN KEY ("associationId") REFERENCES "Association" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Dossier_reviewGroupId_fkey" FOREIGN KEY ("reviewGroupId") REFERENCES "ReviewGroup" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_Dossier" ("associationId", "callId", "correctionRequestedAt", "createdAt", "createdById", "currentStep", "data", "decidedAt", "decisionReason", "declarationSignedAt", "declarationSignerId", "id", "instructionStartedAt", "number", "projectTitle", "proposedCents", "requestedCents", "state", "submittedAt", "updatedAt", "updatedById") SELECT "associationId", "callId", "correctionRequestedAt", "createdAt", "createdById", "currentStep", "data", "decidedAt", "decisionReason", "declarationSignedAt", "declarationSignerId", "id", "instructionStartedAt", "number", "projectTitle", "proposedCents", "requestedCents", "state", "submittedAt", "updatedAt", "updatedById" FROM "Dossier";
DROP TABLE "Dossier";
ALTER TABLE "new_Dossier" RENAME TO "Dossier";
CREATE UNIQUE INDEX "Dossier_number_key" ON "Dossier"("number");
CREATE INDEX "Dossier_callId_state_idx" ON "Dossier"("callId", "state");
CREATE INDEX "Dossier_associationId_idx" ON "Dossier"("associationId");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE INDEX "ReviewGroup_callId_position_idx" ON "ReviewGroup"("callId", "position");

-- CreateIndex
CREATE UNIQUE INDEX "ReviewGroup_callId_name_key" ON "ReviewGroup"("callId", "name");

-- CreateIndex
CREATE UNIQUE INDEX "CallLabel_callId_name_key" ON "CallLabel"("callId", "name");

-- CreateIndex
CREATE INDEX "DossierFollow_userId_idx" ON "DossierFollow"("userId");

-- CreateIndex
CREATE UNIQUE INDEX "SavedFilter_userId_name_key" ON "SavedFilter"("userId", "name");

-- CreateIndex
CREATE UNIQUE INDEX "ExpertOpinion_tokenHash_key" ON "ExpertOpinion"("tokenHash");

-- CreateIndex
CREATE UNIQUE INDEX "ExpertOpinion_fileStoredName_key" ON "ExpertOpinion"("fileStoredName");

-- CreateIndex
CREATE INDEX "ExpertOpinion_dossierId_idx" ON "ExpertOpinion"("dossierId");

-- CreateIndex
CREATE INDEX "ExpertOpinion_answeredAt_dueAt_idx" ON "ExpertOpinion"("answeredAt", "dueAt");

-- CreateIndex
CREATE INDEX "CorrectionRequest_dossierId_createdAt_idx" ON "CorrectionRequest"("dossierId", "createdAt");

-- CreateIndex
CREATE INDEX "CorrectionRequest_answeredAt_dueAt_idx" ON "CorrectionRequest"("answeredAt", "dueAt");
