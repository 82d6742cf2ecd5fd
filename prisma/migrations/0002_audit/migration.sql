-- CreateTable
CREATE TABLE "AuditRecord" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "at" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
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
    "finishedAt" DATETIME
);

-- CreateIndex
CREATE INDEX "AuditRecord_clusterId_path_idx" ON "AuditRecord"("clusterId", "path");

-- CreateIndex
CREATE INDEX "AuditRecord_at_idx" ON "AuditRecord"("at");

