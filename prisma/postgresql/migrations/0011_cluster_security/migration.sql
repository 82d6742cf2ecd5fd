-- CreateTable
CREATE TABLE "ClusterSecurity" (
    "clusterId" TEXT NOT NULL,
    "tlsSecret" TEXT,
    "verifyHostname" BOOLEAN NOT NULL DEFAULT true,
    "tlsFacts" TEXT,
    "saslMechanism" TEXT,
    "saslIdentity" TEXT,
    "saslService" TEXT,
    "saslSecret" TEXT,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ClusterSecurity_pkey" PRIMARY KEY ("clusterId")
);

-- AddForeignKey
ALTER TABLE "ClusterSecurity" ADD CONSTRAINT "ClusterSecurity_clusterId_fkey" FOREIGN KEY ("clusterId") REFERENCES "Cluster"("id") ON DELETE CASCADE ON UPDATE CASCADE;

