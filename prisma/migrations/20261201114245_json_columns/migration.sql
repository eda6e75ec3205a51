-- Written by prisma migrate diff, then corrected by hand: it wrote the Json defaults as DEFAULT [] and
-- DEFAULT {} (an empty identifier and a syntax error in SQLite); they are the JSON texts '[]' and '{}'.
-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_SignUpRequest" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "email" TEXT NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "data" JSONB NOT NULL,
    "passwordHash" TEXT NOT NULL,
    "expiresAt" DATETIME NOT NULL,
    "confirmedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);
INSERT INTO "new_SignUpRequest" ("confirmedAt", "createdAt", "data", "email", "expiresAt", "id", "passwordHash", "tokenHash") SELECT "confirmedAt", "createdAt", "data", "email", "expiresAt", "id", "passwordHash", "tokenHash" FROM "SignUpRequest";
DROP TABLE "SignUpRequest";
ALTER TABLE "new_SignUpRequest" RENAME TO "SignUpRequest";
CREATE UNIQUE INDEX "SignUpRequest_tokenHash_key" ON "SignUpRequest"("tokenHash");
CREATE INDEX "SignUpRequest_email_createdAt_idx" ON "SignUpRequest"("email", "createdAt");
CREATE TABLE "new_EmailMessage" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "messageId" TEXT,
    "to" TEXT NOT NULL,
    "subject" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "html" TEXT,
    "attachments" JSONB,
    "icalEvent" JSONB,
    "status" TEXT NOT NULL DEFAULT 'recorded',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "nextAttemptAt" DATETIME,
    "claimedAt" DATETIME,
    "claimToken" TEXT,
    "error" TEXT,
    "bulk" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "sentAt" DATETIME
);
INSERT INTO "new_EmailMessage" ("attachments", "attempts", "bulk", "claimToken", "claimedAt", "createdAt", "error", "html", "icalEvent", "id", "messageId", "nextAttemptAt", "sentAt", "status", "subject", "text", "to") SELECT "attachments", "attempts", "bulk", "claimToken", "claimedAt", "createdAt", "error", "html", "icalEvent", "id", "messageId", "nextAttemptAt", "sentAt", "status", "subject", "text", "to" FROM "EmailMessage";
DROP TABLE "EmailMessage";
ALTER TABLE "new_EmailMessage" RENAME TO "EmailMessage";
CREATE UNIQUE INDEX "EmailMessage_messageId_key" ON "EmailMessage"("messageId");
CREATE INDEX "EmailMessage_to_idx" ON "EmailMessage"("to");
CREATE INDEX "EmailMessage_createdAt_idx" ON "EmailMessage"("createdAt");
CREATE INDEX "EmailMessage_status_nextAttemptAt_idx" ON "EmailMessage"("status", "nextAttemptAt");
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
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);
INSERT INTO "new_Call" ("body", "closesAt", "createdAt", "envelopeCents", "id", "maxAmountCents", "minAmountCents", "opensAt", "publishedAt", "requiredAttachments", "slug", "status", "summary", "title", "updatedAt") SELECT "body", "closesAt", "createdAt", "envelopeCents", "id", "maxAmountCents", "minAmountCents", "opensAt", "publishedAt", "requiredAttachments", "slug", "status", "summary", "title", "updatedAt" FROM "Call";
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
    "createdById" TEXT,
    "updatedById" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Dossier_callId_fkey" FOREIGN KEY ("callId") REFERENCES "Call" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Dossier_associationId_fkey" FOREIGN KEY ("associationId") REFERENCES "Association" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_Dossier" ("associationId", "callId", "correctionRequestedAt", "createdAt", "createdById", "currentStep", "data", "decidedAt", "decisionReason", "declarationSignedAt", "declarationSignerId", "id", "instructionStartedAt", "number", "projectTitle", "proposedCents", "requestedCents", "state", "submittedAt", "updatedAt", "updatedById") SELECT "associationId", "callId", "correctionRequestedAt", "createdAt", "createdById", "currentStep", "data", "decidedAt", "decisionReason", "declarationSignedAt", "declarationSignerId", "id", "instructionStartedAt", "number", "projectTitle", "proposedCents", "requestedCents", "state", "submittedAt", "updatedAt", "updatedById" FROM "Dossier";
DROP TABLE "Dossier";
ALTER TABLE "new_Dossier" RENAME TO "Dossier";
CREATE UNIQUE INDEX "Dossier_number_key" ON "Dossier"("number");
CREATE INDEX "Dossier_callId_state_idx" ON "Dossier"("callId", "state");
CREATE INDEX "Dossier_associationId_idx" ON "Dossier"("associationId");
CREATE TABLE "new_FinancialReport" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "subsidyId" TEXT NOT NULL,
    "financialYear" INTEGER NOT NULL,
    "dueDate" DATETIME NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'a_fournir',
    "data" JSONB NOT NULL DEFAULT '{}',
    "submittedAt" DATETIME,
    "validatedAt" DATETIME,
    "correctionMessage" TEXT,
    CONSTRAINT "FinancialReport_subsidyId_fkey" FOREIGN KEY ("subsidyId") REFERENCES "Subsidy" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_FinancialReport" ("correctionMessage", "data", "dueDate", "financialYear", "id", "status", "submittedAt", "subsidyId", "validatedAt") SELECT "correctionMessage", "data", "dueDate", "financialYear", "id", "status", "submittedAt", "subsidyId", "validatedAt" FROM "FinancialReport";
DROP TABLE "FinancialReport";
ALTER TABLE "new_FinancialReport" RENAME TO "FinancialReport";
CREATE UNIQUE INDEX "FinancialReport_subsidyId_financialYear_key" ON "FinancialReport"("subsidyId", "financialYear");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;
