-- CreateTable
CREATE TABLE "SignedOutSession" (
    "sid" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "expiresAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "SignedOutSession_pkey" PRIMARY KEY ("sid")
);

-- CreateIndex
CREATE INDEX "SignedOutSession_userId_idx" ON "SignedOutSession"("userId");

