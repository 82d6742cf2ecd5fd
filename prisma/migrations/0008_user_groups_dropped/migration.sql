-- Additive (no table redefinition, which would drop columns other branches add): entries of the
-- groups claim left out at the last SSO sign-in.
ALTER TABLE "User" ADD COLUMN "groupsDropped" INTEGER NOT NULL DEFAULT 0;
