-- CreateTable
CREATE TABLE "Grant" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "subjectType" TEXT NOT NULL,
    "subject" TEXT NOT NULL,
    "role" TEXT NOT NULL,
    "clusterId" TEXT,
    "pathPrefix" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "createdBy" TEXT,
    CONSTRAINT "Grant_clusterId_fkey" FOREIGN KEY ("clusterId") REFERENCES "Cluster" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Setting" (
    "key" TEXT NOT NULL PRIMARY KEY,
    "value" TEXT NOT NULL,
    "updatedAt" DATETIME NOT NULL,
    "updatedBy" TEXT
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_User" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "username" TEXT NOT NULL,
    "name" TEXT,
    "provider" TEXT NOT NULL DEFAULT 'credentials',
    "passwordHash" TEXT,
    "role" TEXT NOT NULL DEFAULT 'viewer',
    "disabled" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastLoginAt" DATETIME,
    "subject" TEXT,
    "groups" TEXT NOT NULL DEFAULT '[]',
    "sessionsRevokedAt" DATETIME
);
INSERT INTO "new_User" ("createdAt", "disabled", "id", "lastLoginAt", "name", "passwordHash", "provider", "role", "username") SELECT "createdAt", "disabled", "id", "lastLoginAt", "name", "passwordHash", "provider", "role", "username" FROM "User";
DROP TABLE "User";
ALTER TABLE "new_User" RENAME TO "User";
CREATE UNIQUE INDEX "User_username_key" ON "User"("username");
CREATE UNIQUE INDEX "User_provider_subject_key" ON "User"("provider", "subject");
CREATE TABLE "new_AuditRecord" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "at" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "kind" TEXT NOT NULL DEFAULT 'event',
    "intentId" INTEGER,
    "requestId" TEXT NOT NULL,
    "actorId" TEXT,
    "actorName" TEXT NOT NULL,
    "actorProvider" TEXT,
    "sourceIp" TEXT,
    "clusterId" TEXT,
    "clusterName" TEXT,
    "operation" TEXT NOT NULL,
    "path" TEXT,
    "targetPath" TEXT,
    "reason" TEXT,
    "beforeData" TEXT,
    "beforeHash" TEXT,
    "afterData" TEXT,
    "afterHash" TEXT,
    "versionBefore" INTEGER,
    "versionAfter" INTEGER,
    "details" TEXT,
    "outcome" TEXT NOT NULL DEFAULT 'pending',
    "error" TEXT,
    "prevHash" TEXT,
    "hash" TEXT,
    CONSTRAINT "AuditRecord_intentId_fkey" FOREIGN KEY ("intentId") REFERENCES "AuditRecord" ("id") ON DELETE RESTRICT ON UPDATE RESTRICT
);
INSERT INTO "new_AuditRecord" ("actorId", "actorName", "actorProvider", "afterData", "afterHash", "at", "beforeData", "beforeHash", "clusterId", "clusterName", "details", "error", "id", "operation", "outcome", "path", "reason", "requestId", "sourceIp", "targetPath", "versionAfter", "versionBefore") SELECT "actorId", "actorName", "actorProvider", "afterData", "afterHash", "at", "beforeData", "beforeHash", "clusterId", "clusterName", "details", "error", "id", "operation", "outcome", "path", "reason", "requestId", "sourceIp", "targetPath", "versionAfter", "versionBefore" FROM "AuditRecord";
DROP TABLE "AuditRecord";
ALTER TABLE "new_AuditRecord" RENAME TO "AuditRecord";
CREATE UNIQUE INDEX "AuditRecord_intentId_key" ON "AuditRecord"("intentId");
CREATE UNIQUE INDEX "AuditRecord_prevHash_key" ON "AuditRecord"("prevHash");
CREATE INDEX "AuditRecord_clusterId_path_idx" ON "AuditRecord"("clusterId", "path");
CREATE INDEX "AuditRecord_at_idx" ON "AuditRecord"("at");
CREATE INDEX "AuditRecord_requestId_idx" ON "AuditRecord"("requestId");
CREATE INDEX "AuditRecord_operation_at_idx" ON "AuditRecord"("operation", "at");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE INDEX "Grant_subjectType_subject_idx" ON "Grant"("subjectType", "subject");

-- CreateIndex
CREATE INDEX "Grant_clusterId_idx" ON "Grant"("clusterId");


-- Audit records are append-only (hand-written: Prisma does not model triggers). Only a legacy row
-- written before the hash chain existed (hash IS NULL) may be sealed once; nothing is deleted.
-- NOTE: a future migration that redefines this table drops these triggers: recreate them there.
CREATE TRIGGER "AuditRecord_append_only_update" BEFORE UPDATE ON "AuditRecord" WHEN OLD."hash" IS NOT NULL
BEGIN SELECT RAISE(ABORT, 'audit records are append-only: UPDATE refused'); END;
CREATE TRIGGER "AuditRecord_append_only_delete" BEFORE DELETE ON "AuditRecord"
BEGIN SELECT RAISE(ABORT, 'audit records are append-only: DELETE refused'); END;
