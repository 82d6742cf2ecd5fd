-- CreateTable
CREATE TABLE "SignedOutSession" (
    "sid" TEXT NOT NULL PRIMARY KEY,
    "userId" TEXT NOT NULL,
    "expiresAt" DATETIME NOT NULL
);

-- CreateIndex
CREATE INDEX "SignedOutSession_userId_idx" ON "SignedOutSession"("userId");
