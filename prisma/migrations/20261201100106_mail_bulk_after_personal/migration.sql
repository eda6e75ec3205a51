-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_EmailMessage" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "messageId" TEXT,
    "to" TEXT NOT NULL,
    "subject" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "html" TEXT,
    "attachments" TEXT,
    "icalEvent" TEXT,
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
INSERT INTO "new_EmailMessage" ("attachments", "attempts", "claimToken", "claimedAt", "createdAt", "error", "html", "icalEvent", "id", "messageId", "nextAttemptAt", "sentAt", "status", "subject", "text", "to") SELECT "attachments", "attempts", "claimToken", "claimedAt", "createdAt", "error", "html", "icalEvent", "id", "messageId", "nextAttemptAt", "sentAt", "status", "subject", "text", "to" FROM "EmailMessage";
DROP TABLE "EmailMessage";
ALTER TABLE "new_EmailMessage" RENAME TO "EmailMessage";
CREATE UNIQUE INDEX "EmailMessage_messageId_key" ON "EmailMessage"("messageId");
CREATE INDEX "EmailMessage_to_idx" ON "EmailMessage"("to");
CREATE INDEX "EmailMessage_createdAt_idx" ON "EmailMessage"("createdAt");
CREATE INDEX "EmailMessage_status_nextAttemptAt_idx" ON "EmailMessage"("status", "nextAttemptAt");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;
