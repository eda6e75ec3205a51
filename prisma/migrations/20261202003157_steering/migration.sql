-- CreateTable
CREATE TABLE "SocialProject" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "title" TEXT NOT NULL,
    "startYear" INTEGER NOT NULL,
    "endYear" INTEGER NOT NULL,
    "adoptedOn" DATETIME,
    "description" TEXT NOT NULL DEFAULT '',
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "SocialAxis" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "projectId" TEXT NOT NULL,
    "number" INTEGER NOT NULL,
    "title" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    CONSTRAINT "SocialAxis_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "SocialProject" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "FlagshipProject" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "projectId" TEXT NOT NULL,
    "axisId" TEXT NOT NULL,
    "number" INTEGER NOT NULL,
    "title" TEXT NOT NULL,
    CONSTRAINT "FlagshipProject_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "SocialProject" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "FlagshipProject_axisId_fkey" FOREIGN KEY ("axisId") REFERENCES "SocialAxis" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "CallAxis" (
    "callId" TEXT NOT NULL,
    "axisId" TEXT NOT NULL,

    PRIMARY KEY ("callId", "axisId"),
    CONSTRAINT "CallAxis_callId_fkey" FOREIGN KEY ("callId") REFERENCES "Call" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "CallAxis_axisId_fkey" FOREIGN KEY ("axisId") REFERENCES "SocialAxis" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "CallFlagship" (
    "callId" TEXT NOT NULL,
    "flagshipId" TEXT NOT NULL,

    PRIMARY KEY ("callId", "flagshipId"),
    CONSTRAINT "CallFlagship_callId_fkey" FOREIGN KEY ("callId") REFERENCES "Call" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "CallFlagship_flagshipId_fkey" FOREIGN KEY ("flagshipId") REFERENCES "FlagshipProject" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "CallIndicator" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "callId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "unit" TEXT NOT NULL,
    "targetRequired" BOOLEAN NOT NULL DEFAULT false,
    "description" TEXT NOT NULL DEFAULT '',
    "position" INTEGER NOT NULL,
    CONSTRAINT "CallIndicator_callId_fkey" FOREIGN KEY ("callId") REFERENCES "Call" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "CriterionIndicator" (
    "criterionId" TEXT NOT NULL,
    "indicatorId" TEXT NOT NULL,

    PRIMARY KEY ("criterionId", "indicatorId"),
    CONSTRAINT "CriterionIndicator_criterionId_fkey" FOREIGN KEY ("criterionId") REFERENCES "Criterion" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "CriterionIndicator_indicatorId_fkey" FOREIGN KEY ("indicatorId") REFERENCES "CallIndicator" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ProjectIndicator" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "dossierId" TEXT,
    "subsidyId" TEXT,
    "callIndicatorId" TEXT,
    "name" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "unit" TEXT NOT NULL,
    "target" REAL,
    "position" INTEGER NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "ProjectIndicator_dossierId_fkey" FOREIGN KEY ("dossierId") REFERENCES "Dossier" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "ProjectIndicator_subsidyId_fkey" FOREIGN KEY ("subsidyId") REFERENCES "Subsidy" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "ProjectIndicator_callIndicatorId_fkey" FOREIGN KEY ("callIndicatorId") REFERENCES "CallIndicator" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "IndicatorResult" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "reportId" TEXT NOT NULL,
    "indicatorId" TEXT NOT NULL,
    "value" REAL,
    "comment" TEXT NOT NULL DEFAULT '',
    CONSTRAINT "IndicatorResult_reportId_fkey" FOREIGN KEY ("reportId") REFERENCES "FinancialReport" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "IndicatorResult_indicatorId_fkey" FOREIGN KEY ("indicatorId") REFERENCES "ProjectIndicator" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "AgreementObjective" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "subsidyId" TEXT NOT NULL,
    "year" INTEGER NOT NULL,
    "title" TEXT NOT NULL,
    "indicatorId" TEXT,
    "target" REAL,
    "position" INTEGER NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "AgreementObjective_subsidyId_fkey" FOREIGN KEY ("subsidyId") REFERENCES "Subsidy" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "AgreementObjective_indicatorId_fkey" FOREIGN KEY ("indicatorId") REFERENCES "ProjectIndicator" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ReviewMeeting" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "subsidyId" TEXT NOT NULL,
    "year" INTEGER NOT NULL,
    "heldOn" DATETIME NOT NULL,
    "participants" TEXT NOT NULL,
    "notes" TEXT NOT NULL,
    "decisions" TEXT NOT NULL,
    "recordedById" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "ReviewMeeting_subsidyId_fkey" FOREIGN KEY ("subsidyId") REFERENCES "Subsidy" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Subsidy" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "number" TEXT NOT NULL,
    "associationId" TEXT NOT NULL,
    "dossierId" TEXT,
    "purpose" TEXT NOT NULL,
    "fundsAction" BOOLEAN NOT NULL DEFAULT true,
    "requestedCents" INTEGER NOT NULL,
    "proposedCents" INTEGER NOT NULL,
    "votedCents" INTEGER,
    "decisionDate" DATETIME,
    "deliberationRef" TEXT,
    "financialYear" INTEGER NOT NULL,
    "multiYear" BOOLEAN NOT NULL DEFAULT false,
    "axisId" TEXT,
    "flagshipId" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Subsidy_associationId_fkey" FOREIGN KEY ("associationId") REFERENCES "Association" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Subsidy_dossierId_fkey" FOREIGN KEY ("dossierId") REFERENCES "Dossier" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Subsidy_axisId_fkey" FOREIGN KEY ("axisId") REFERENCES "SocialAxis" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Subsidy_flagshipId_fkey" FOREIGN KEY ("flagshipId") REFERENCES "FlagshipProject" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);
INSERT INTO "new_Subsidy" ("associationId", "createdAt", "decisionDate", "deliberationRef", "dossierId", "financialYear", "fundsAction", "id", "multiYear", "number", "proposedCents", "purpose", "requestedCents", "updatedAt", "votedCents") SELECT "associationId", "createdAt", "decisionDate", "deliberationRef", "dossierId", "financialYear", "fundsAction", "id", "multiYear", "number", "proposedCents", "purpose", "requestedCents", "updatedAt", "votedCents" FROM "Subsidy";
DROP TABLE "Subsidy";
ALTER TABLE "new_Subsidy" RENAME TO "Subsidy";
CREATE UNIQUE INDEX "Subsidy_number_key" ON "Subsidy"("number");
CREATE UNIQUE INDEX "Subsidy_dossierId_key" ON "Subsidy"("dossierId");
CREATE INDEX "Subsidy_associationId_idx" ON "Subsidy"("associationId");
CREATE INDEX "Subsidy_financialYear_idx" ON "Subsidy"("financialYear");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE INDEX "SocialProject_startYear_endYear_idx" ON "SocialProject"("startYear", "endYear");

-- CreateIndex
CREATE UNIQUE INDEX "SocialAxis_projectId_number_key" ON "SocialAxis"("projectId", "number");

-- CreateIndex
CREATE INDEX "FlagshipProject_axisId_idx" ON "FlagshipProject"("axisId");

-- CreateIndex
CREATE UNIQUE INDEX "FlagshipProject_projectId_number_key" ON "FlagshipProject"("projectId", "number");

-- CreateIndex
CREATE INDEX "CallAxis_axisId_idx" ON "CallAxis"("axisId");

-- CreateIndex
CREATE INDEX "CallFlagship_flagshipId_idx" ON "CallFlagship"("flagshipId");

-- CreateIndex
CREATE INDEX "CallIndicator_callId_idx" ON "CallIndicator"("callId");

-- CreateIndex
CREATE INDEX "ProjectIndicator_dossierId_idx" ON "ProjectIndicator"("dossierId");

-- CreateIndex
CREATE INDEX "ProjectIndicator_subsidyId_idx" ON "ProjectIndicator"("subsidyId");

-- CreateIndex
CREATE UNIQUE INDEX "ProjectIndicator_dossierId_callIndicatorId_key" ON "ProjectIndicator"("dossierId", "callIndicatorId");

-- CreateIndex
CREATE INDEX "IndicatorResult_indicatorId_idx" ON "IndicatorResult"("indicatorId");

-- CreateIndex
CREATE UNIQUE INDEX "IndicatorResult_reportId_indicatorId_key" ON "IndicatorResult"("reportId", "indicatorId");

-- CreateIndex
CREATE INDEX "AgreementObjective_subsidyId_year_idx" ON "AgreementObjective"("subsidyId", "year");

-- CreateIndex
CREATE UNIQUE INDEX "ReviewMeeting_subsidyId_year_key" ON "ReviewMeeting"("subsidyId", "year");
