-- AlterTable
ALTER TABLE "User" ADD COLUMN     "groupsDropped" INTEGER NOT NULL DEFAULT 0;

