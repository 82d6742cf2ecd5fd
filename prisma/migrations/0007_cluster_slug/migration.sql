-- AlterTable
ALTER TABLE "Cluster" ADD COLUMN "slug" TEXT;

-- Existing clusters: the name in lower case with spaces as dashes (what lib/clusters/slug.ts
-- derives for these names); where two names give the same slug, the later ones get theirs
-- from the console at start-up.
UPDATE "Cluster" SET "slug" = lower(replace("name", ' ', '-'))
WHERE NOT EXISTS (
  SELECT 1 FROM "Cluster" AS "other"
  WHERE "other"."id" < "Cluster"."id" AND lower(replace("other"."name", ' ', '-')) = lower(replace("Cluster"."name", ' ', '-'))
);

-- CreateIndex
CREATE UNIQUE INDEX "Cluster_slug_key" ON "Cluster"("slug");
