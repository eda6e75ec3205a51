-- AlterTable
ALTER TABLE "User" ADD COLUMN     "dailyDigest" BOOLEAN NOT NULL DEFAULT true,
ADD COLUMN     "digestSentAt" TIMESTAMP(3);

-- AlterTable
-- Backfill by hand: a call already there takes the year it closes as its financial year.
ALTER TABLE "Call" ADD COLUMN     "financialYear" INTEGER;
UPDATE "Call" SET "financialYear" = EXTRACT(YEAR FROM "closesAt")::INTEGER;
ALTER TABLE "Call" ALTER COLUMN "financialYear" SET NOT NULL;

-- AlterTable
ALTER TABLE "Dossier" ADD COLUMN     "reviewGroupId" TEXT;

-- AlterTable
ALTER TABLE "DossierSubmission" ADD COLUMN     "sha256" TEXT,
ADD COLUMN     "snapshot" JSONB;

-- CreateTable
CREATE TABLE "ReviewGroup" (
    "id" TEXT NOT NULL,
    "callId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "fieldSlug" TEXT,
    "districtSlug" TEXT,
    "minCents" INTEGER,
    "maxCents" INTEGER,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ReviewGroup_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ReviewGroupMember" (
    "groupId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,

    CONSTRAINT "ReviewGroupMember_pkey" PRIMARY KEY ("groupId","userId")
);

-- CreateTable
CREATE TABLE "CallLabel" (
    "id" TEXT NOT NULL,
    "callId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "color" TEXT NOT NULL,
    "position" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "CallLabel_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DossierLabel" (
    "dossierId" TEXT NOT NULL,
    "labelId" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "DossierLabel_pkey" PRIMARY KEY ("dossierId","labelId")
);

-- CreateTable
CREATE TABLE "DossierFollow" (
    "dossierId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "DossierFollow_pkey" PRIMARY KEY ("dossierId","userId")
);

-- CreateTable
CREATE TABLE "SavedFilter" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "query" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SavedFilter_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ExpertOpinion" (
    "id" TEXT NOT NULL,
    "dossierId" TEXT NOT NULL,
    "expertName" TEXT NOT NULL,
    "expertEmail" TEXT NOT NULL,
    "question" TEXT NOT NULL,
    "dueAt" TIMESTAMP(3) NOT NULL,
    "confidential" BOOLEAN NOT NULL DEFAULT false,
    "tokenHash" TEXT NOT NULL,
    "requestedById" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "remindedAt" TIMESTAMP(3),
    "answeredAt" TIMESTAMP(3),
    "answer" TEXT,
    "fileName" TEXT,
    "fileStoredName" TEXT,
    "fileMimeType" TEXT,
    "fileSize" INTEGER,
    "fileSha256" TEXT,
    "cancelledAt" TIMESTAMP(3),

    CONSTRAINT "ExpertOpinion_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CorrectionRequest" (
    "id" TEXT NOT NULL,
    "dossierId" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "message" TEXT NOT NULL,
    "dueAt" TIMESTAMP(3) NOT NULL,
    "requestedById" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "remindedAt" TIMESTAMP(3),
    "answeredAt" TIMESTAMP(3),
    "cancelledAt" TIMESTAMP(3),

    CONSTRAINT "CorrectionRequest_pkey" PRIMARY KEY ("id")
);

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

-- AddForeignKey
ALTER TABLE "ReviewGroup" ADD CONSTRAINT "ReviewGroup_callId_fkey" FOREIGN KEY ("callId") REFERENCES "Call"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReviewGroupMember" ADD CONSTRAINT "ReviewGroupMember_groupId_fkey" FOREIGN KEY ("groupId") REFERENCES "ReviewGroup"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CallLabel" ADD CONSTRAINT "CallLabel_callId_fkey" FOREIGN KEY ("callId") REFERENCES "Call"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DossierLabel" ADD CONSTRAINT "DossierLabel_dossierId_fkey" FOREIGN KEY ("dossierId") REFERENCES "Dossier"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DossierLabel" ADD CONSTRAINT "DossierLabel_labelId_fkey" FOREIGN KEY ("labelId") REFERENCES "CallLabel"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DossierFollow" ADD CONSTRAINT "DossierFollow_dossierId_fkey" FOREIGN KEY ("dossierId") REFERENCES "Dossier"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ExpertOpinion" ADD CONSTRAINT "ExpertOpinion_dossierId_fkey" FOREIGN KEY ("dossierId") REFERENCES "Dossier"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CorrectionRequest" ADD CONSTRAINT "CorrectionRequest_dossierId_fkey" FOREIGN KEY ("dossierId") REFERENCES "Dossier"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Dossier" ADD CONSTRAINT "Dossier_reviewGroupId_fkey" FOREIGN KEY ("reviewGroupId") REFERENCES "ReviewGroup"("id") ON DELETE SET NULL ON UPDATE CASCADE;
