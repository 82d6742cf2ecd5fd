-- CreateTable
CREATE TABLE "ClusterSecurity" (
    "clusterId" TEXT NOT NULL PRIMARY KEY,
    "tlsSecret" TEXT,
    "verifyHostname" BOOLEAN NOT NULL DEFAULT true,
    "tlsFacts" TEXT,
    "saslMechanism" TEXT,
    "saslIdentity" TEXT,
    "saslService" TEXT,
    "saslSecret" TEXT,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "ClusterSecurity_clusterId_fkey" FOREIGN KEY ("clusterId") REFERENCES "Cluster" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

