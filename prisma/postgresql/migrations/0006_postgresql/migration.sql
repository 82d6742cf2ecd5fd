-- CreateTable
CREATE TABLE "User" (
    "id" TEXT NOT NULL,
    "username" TEXT NOT NULL,
    "name" TEXT,
    "provider" TEXT NOT NULL DEFAULT 'credentials',
    "passwordHash" TEXT,
    "role" TEXT NOT NULL DEFAULT 'viewer',
    "disabled" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastLoginAt" TIMESTAMP(3),
    "subject" TEXT,
    "groups" TEXT NOT NULL DEFAULT '[]',
    "sessionsRevokedAt" TIMESTAMP(3),

    CONSTRAINT "User_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Grant" (
    "id" TEXT NOT NULL,
    "subjectType" TEXT NOT NULL,
    "subject" TEXT NOT NULL,
    "role" TEXT NOT NULL,
    "clusterId" TEXT,
    "pathPrefix" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "createdBy" TEXT,

    CONSTRAINT "Grant_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Setting" (
    "key" TEXT NOT NULL,
    "value" TEXT NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "updatedBy" TEXT,

    CONSTRAINT "Setting_pkey" PRIMARY KEY ("key")
);

-- CreateTable
CREATE TABLE "Cluster" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "connectionString" TEXT NOT NULL,
    "sessionTimeoutMs" INTEGER NOT NULL DEFAULT 15000,
    "readOnly" BOOLEAN NOT NULL DEFAULT false,
    "environment" TEXT NOT NULL DEFAULT 'dev',
    "maxDataBytes" INTEGER NOT NULL DEFAULT 1048576,
    "adminServerPort" INTEGER,
    "webhookUrl" TEXT,
    "latencyAlertMs" INTEGER,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Cluster_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ClusterCredential" (
    "id" TEXT NOT NULL,
    "clusterId" TEXT NOT NULL,
    "scheme" TEXT NOT NULL,
    "label" TEXT NOT NULL,
    "secret" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ClusterCredential_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AclPreset" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "entries" TEXT NOT NULL,
    "createdBy" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AclPreset_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "HealthSample" (
    "id" SERIAL NOT NULL,
    "clusterId" TEXT NOT NULL,
    "member" TEXT NOT NULL,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "up" BOOLEAN NOT NULL,
    "mode" TEXT,
    "zxid" TEXT,
    "latencyMin" DOUBLE PRECISION,
    "latencyAvg" DOUBLE PRECISION,
    "latencyMax" DOUBLE PRECISION,
    "outstanding" INTEGER,
    "znodeCount" INTEGER,
    "watchCount" INTEGER,
    "connections" INTEGER,
    "ephemerals" INTEGER,
    "dataSize" DOUBLE PRECISION,
    "openFds" INTEGER,
    "maxFds" INTEGER,
    "error" TEXT,

    CONSTRAINT "HealthSample_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "HealthAlert" (
    "id" SERIAL NOT NULL,
    "clusterId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "member" TEXT,
    "severity" TEXT NOT NULL,
    "message" TEXT NOT NULL,
    "startedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "resolvedAt" TIMESTAMP(3),
    "webhookStatus" TEXT,
    "webhookTries" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "HealthAlert_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AuditRecord" (
    "id" SERIAL NOT NULL,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
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

    CONSTRAINT "AuditRecord_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ApiToken" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "createdById" TEXT NOT NULL,
    "secretHash" TEXT NOT NULL,
    "hint" TEXT NOT NULL,
    "role" TEXT,
    "clusterId" TEXT,
    "pathPrefix" TEXT,
    "readOnly" BOOLEAN NOT NULL DEFAULT false,
    "metrics" BOOLEAN NOT NULL DEFAULT false,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "revokedAt" TIMESTAMP(3),
    "revokedById" TEXT,

    CONSTRAINT "ApiToken_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ApiTokenUse" (
    "tokenId" TEXT NOT NULL,
    "lastUsedAt" TIMESTAMP(3) NOT NULL,
    "lastUsedIp" TEXT,

    CONSTRAINT "ApiTokenUse_pkey" PRIMARY KEY ("tokenId")
);

-- CreateIndex
CREATE UNIQUE INDEX "User_username_key" ON "User"("username");

-- CreateIndex
CREATE UNIQUE INDEX "User_provider_subject_key" ON "User"("provider", "subject");

-- CreateIndex
CREATE INDEX "Grant_subjectType_subject_idx" ON "Grant"("subjectType", "subject");

-- CreateIndex
CREATE INDEX "Grant_clusterId_idx" ON "Grant"("clusterId");

-- CreateIndex
CREATE UNIQUE INDEX "Cluster_name_key" ON "Cluster"("name");

-- CreateIndex
CREATE INDEX "ClusterCredential_clusterId_idx" ON "ClusterCredential"("clusterId");

-- CreateIndex
CREATE UNIQUE INDEX "AclPreset_name_key" ON "AclPreset"("name");

-- CreateIndex
CREATE INDEX "HealthSample_clusterId_at_idx" ON "HealthSample"("clusterId", "at");

-- CreateIndex
CREATE INDEX "HealthAlert_clusterId_startedAt_idx" ON "HealthAlert"("clusterId", "startedAt");

-- CreateIndex
CREATE UNIQUE INDEX "AuditRecord_intentId_key" ON "AuditRecord"("intentId");

-- CreateIndex
CREATE UNIQUE INDEX "AuditRecord_prevHash_key" ON "AuditRecord"("prevHash");

-- CreateIndex
CREATE INDEX "AuditRecord_clusterId_path_idx" ON "AuditRecord"("clusterId", "path");

-- CreateIndex
CREATE INDEX "AuditRecord_at_idx" ON "AuditRecord"("at");

-- CreateIndex
CREATE INDEX "AuditRecord_requestId_idx" ON "AuditRecord"("requestId");

-- CreateIndex
CREATE INDEX "AuditRecord_operation_at_idx" ON "AuditRecord"("operation", "at");

-- CreateIndex
CREATE UNIQUE INDEX "ApiToken_secretHash_key" ON "ApiToken"("secretHash");

-- CreateIndex
CREATE UNIQUE INDEX "ApiToken_userId_name_key" ON "ApiToken"("userId", "name");

-- AddForeignKey
ALTER TABLE "Grant" ADD CONSTRAINT "Grant_clusterId_fkey" FOREIGN KEY ("clusterId") REFERENCES "Cluster"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ClusterCredential" ADD CONSTRAINT "ClusterCredential_clusterId_fkey" FOREIGN KEY ("clusterId") REFERENCES "Cluster"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AuditRecord" ADD CONSTRAINT "AuditRecord_intentId_fkey" FOREIGN KEY ("intentId") REFERENCES "AuditRecord"("id") ON DELETE RESTRICT ON UPDATE RESTRICT;

-- AddForeignKey
ALTER TABLE "ApiToken" ADD CONSTRAINT "ApiToken_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;


-- Audit records are append-only (hand-written: Prisma does not model triggers). Only a legacy row
-- without a hash may be sealed once, nothing is deleted. Prisma's driver adapter splits migration
-- scripts at every semicolon (comments included), so the function body is an escape string that
-- spells them \073.
CREATE FUNCTION "AuditRecord_append_only"() RETURNS trigger LANGUAGE plpgsql AS E'BEGIN IF TG_OP = ''UPDATE'' AND OLD."hash" IS NULL THEN RETURN NEW\073 END IF\073 RAISE EXCEPTION ''audit records are append-only: % refused'', TG_OP\073 END\073';
CREATE TRIGGER "AuditRecord_append_only_update" BEFORE UPDATE ON "AuditRecord" FOR EACH ROW EXECUTE FUNCTION "AuditRecord_append_only"();
CREATE TRIGGER "AuditRecord_append_only_delete" BEFORE DELETE ON "AuditRecord" FOR EACH ROW EXECUTE FUNCTION "AuditRecord_append_only"();
CREATE TRIGGER "AuditRecord_append_only_truncate" BEFORE TRUNCATE ON "AuditRecord" FOR EACH STATEMENT EXECUTE FUNCTION "AuditRecord_append_only"();
