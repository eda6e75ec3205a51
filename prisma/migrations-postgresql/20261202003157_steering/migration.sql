-- CreateEnum
CREATE TYPE "IndicatorKind" AS ENUM ('moyens', 'resultats');

-- AlterTable
ALTER TABLE "Subsidy" ADD COLUMN     "axisId" TEXT,
ADD COLUMN     "flagshipId" TEXT;

-- CreateTable
CREATE TABLE "SocialProject" (
    "id" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "startYear" INTEGER NOT NULL,
    "endYear" INTEGER NOT NULL,
    "adoptedOn" TIMESTAMP(3),
    "description" TEXT NOT NULL DEFAULT '',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "SocialProject_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SocialAxis" (
    "id" TEXT NOT NULL,
    "projectId" TEXT NOT NULL,
    "number" INTEGER NOT NULL,
    "title" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',

    CONSTRAINT "SocialAxis_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "FlagshipProject" (
    "id" TEXT NOT NULL,
    "projectId" TEXT NOT NULL,
    "axisId" TEXT NOT NULL,
    "number" INTEGER NOT NULL,
    "title" TEXT NOT NULL,

    CONSTRAINT "FlagshipProject_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CallAxis" (
    "callId" TEXT NOT NULL,
    "axisId" TEXT NOT NULL,

    CONSTRAINT "CallAxis_pkey" PRIMARY KEY ("callId","axisId")
);

-- CreateTable
CREATE TABLE "CallFlagship" (
    "callId" TEXT NOT NULL,
    "flagshipId" TEXT NOT NULL,

    CONSTRAINT "CallFlagship_pkey" PRIMARY KEY ("callId","flagshipId")
);

-- CreateTable
CREATE TABLE "CallIndicator" (
    "id" TEXT NOT NULL,
    "callId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "kind" "IndicatorKind" NOT NULL,
    "unit" TEXT NOT NULL,
    "targetRequired" BOOLEAN NOT NULL DEFAULT false,
    "description" TEXT NOT NULL DEFAULT '',
    "position" INTEGER NOT NULL,

    CONSTRAINT "CallIndicator_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CriterionIndicator" (
    "criterionId" TEXT NOT NULL,
    "indicatorId" TEXT NOT NULL,

    CONSTRAINT "CriterionIndicator_pkey" PRIMARY KEY ("criterionId","indicatorId")
);

-- CreateTable
CREATE TABLE "ProjectIndicator" (
    "id" TEXT NOT NULL,
    "dossierId" TEXT,
    "subsidyId" TEXT,
    "callIndicatorId" TEXT,
    "name" TEXT NOT NULL,
    "kind" "IndicatorKind" NOT NULL,
    "unit" TEXT NOT NULL,
    "target" DOUBLE PRECISION,
    "position" INTEGER NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ProjectIndicator_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "IndicatorResult" (
    "id" TEXT NOT NULL,
    "reportId" TEXT NOT NULL,
    "indicatorId" TEXT NOT NULL,
    "value" DOUBLE PRECISION,
    "comment" TEXT NOT NULL DEFAULT '',

    CONSTRAINT "IndicatorResult_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AgreementObjective" (
    "id" TEXT NOT NULL,
    "subsidyId" TEXT NOT NULL,
    "year" INTEGER NOT NULL,
    "title" TEXT NOT NULL,
    "indicatorId" TEXT,
    "target" DOUBLE PRECISION,
    "position" INTEGER NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "AgreementObjective_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ReviewMeeting" (
    "id" TEXT NOT NULL,
    "subsidyId" TEXT NOT NULL,
    "year" INTEGER NOT NULL,
    "heldOn" TIMESTAMP(3) NOT NULL,
    "participants" TEXT NOT NULL,
    "notes" TEXT NOT NULL,
    "decisions" TEXT NOT NULL,
    "recordedById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ReviewMeeting_pkey" PRIMARY KEY ("id")
);

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

-- AddForeignKey
ALTER TABLE "Subsidy" ADD CONSTRAINT "Subsidy_axisId_fkey" FOREIGN KEY ("axisId") REFERENCES "SocialAxis"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Subsidy" ADD CONSTRAINT "Subsidy_flagshipId_fkey" FOREIGN KEY ("flagshipId") REFERENCES "FlagshipProject"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SocialAxis" ADD CONSTRAINT "SocialAxis_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "SocialProject"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FlagshipProject" ADD CONSTRAINT "FlagshipProject_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "SocialProject"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FlagshipProject" ADD CONSTRAINT "FlagshipProject_axisId_fkey" FOREIGN KEY ("axisId") REFERENCES "SocialAxis"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CallAxis" ADD CONSTRAINT "CallAxis_callId_fkey" FOREIGN KEY ("callId") REFERENCES "Call"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CallAxis" ADD CONSTRAINT "CallAxis_axisId_fkey" FOREIGN KEY ("axisId") REFERENCES "SocialAxis"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CallFlagship" ADD CONSTRAINT "CallFlagship_callId_fkey" FOREIGN KEY ("callId") REFERENCES "Call"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CallFlagship" ADD CONSTRAINT "CallFlagship_flagshipId_fkey" FOREIGN KEY ("flagshipId") REFERENCES "FlagshipProject"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CallIndicator" ADD CONSTRAINT "CallIndicator_callId_fkey" FOREIGN KEY ("callId") REFERENCES "Call"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CriterionIndicator" ADD CONSTRAINT "CriterionIndicator_criterionId_fkey" FOREIGN KEY ("criterionId") REFERENCES "Criterion"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CriterionIndicator" ADD CONSTRAINT "CriterionIndicator_indicatorId_fkey" FOREIGN KEY ("indicatorId") REFERENCES "CallIndicator"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProjectIndicator" ADD CONSTRAINT "ProjectIndicator_dossierId_fkey" FOREIGN KEY ("dossierId") REFERENCES "Dossier"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProjectIndicator" ADD CONSTRAINT "ProjectIndicator_subsidyId_fkey" FOREIGN KEY ("subsidyId") REFERENCES "Subsidy"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProjectIndicator" ADD CONSTRAINT "ProjectIndicator_callIndicatorId_fkey" FOREIGN KEY ("callIndicatorId") REFERENCES "CallIndicator"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "IndicatorResult" ADD CONSTRAINT "IndicatorResult_reportId_fkey" FOREIGN KEY ("reportId") REFERENCES "FinancialReport"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "IndicatorResult" ADD CONSTRAINT "IndicatorResult_indicatorId_fkey" FOREIGN KEY ("indicatorId") REFERENCES "ProjectIndicator"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AgreementObjective" ADD CONSTRAINT "AgreementObjective_subsidyId_fkey" FOREIGN KEY ("subsidyId") REFERENCES "Subsidy"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AgreementObjective" ADD CONSTRAINT "AgreementObjective_indicatorId_fkey" FOREIGN KEY ("indicatorId") REFERENCES "ProjectIndicator"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReviewMeeting" ADD CONSTRAINT "ReviewMeeting_subsidyId_fkey" FOREIGN KEY ("subsidyId") REFERENCES "Subsidy"("id") ON DELETE CASCADE ON UPDATE CASCADE;
