-- AlterTable
ALTER TABLE "Cluster" ADD COLUMN "adminServerPort" INTEGER;
ALTER TABLE "Cluster" ADD COLUMN "latencyAlertMs" INTEGER;
ALTER TABLE "Cluster" ADD COLUMN "webhookUrl" TEXT;

-- CreateTable
CREATE TABLE "ClusterCredential" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "clusterId" TEXT NOT NULL,
    "scheme" TEXT NOT NULL,
    "label" TEXT NOT NULL,
    "secret" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "ClusterCredential_clusterId_fkey" FOREIGN KEY ("clusterId") REFERENCES "Cluster" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "AclPreset" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "name" TEXT NOT NULL,
    "entries" TEXT NOT NULL,
    "createdBy" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateTable
CREATE TABLE "HealthSample" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "clusterId" TEXT NOT NULL,
    "member" TEXT NOT NULL,
    "at" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "up" BOOLEAN NOT NULL,
    "mode" TEXT,
    "zxid" TEXT,
    "latencyMin" REAL,
    "latencyAvg" REAL,
    "latencyMax" REAL,
    "outstanding" INTEGER,
    "znodeCount" INTEGER,
    "watchCount" INTEGER,
    "connections" INTEGER,
    "ephemerals" INTEGER,
    "dataSize" REAL,
    "openFds" INTEGER,
    "maxFds" INTEGER,
    "error" TEXT
);

-- CreateTable
CREATE TABLE "HealthAlert" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "clusterId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "member" TEXT,
    "severity" TEXT NOT NULL,
    "message" TEXT NOT NULL,
    "startedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "resolvedAt" DATETIME,
    "webhookStatus" TEXT,
    "webhookTries" INTEGER NOT NULL DEFAULT 0
);

-- CreateIndex
CREATE INDEX "ClusterCredential_clusterId_idx" ON "ClusterCredential"("clusterId");

-- CreateIndex
CREATE UNIQUE INDEX "AclPreset_name_key" ON "AclPreset"("name");

-- CreateIndex
CREATE INDEX "HealthSample_clusterId_at_idx" ON "HealthSample"("clusterId", "at");

-- CreateIndex
CREATE INDEX "HealthAlert_clusterId_startedAt_idx" ON "HealthAlert"("clusterId", "startedAt");

