-- AlterTable
ALTER TABLE "Asset" ADD COLUMN     "tagKeys" TEXT[] DEFAULT ARRAY[]::TEXT[];

-- CreateIndex
CREATE INDEX "Asset_tagKeys_idx" ON "Asset" USING GIN ("tagKeys");

-- Backfill: existing assets get the lower-cased keys of the tags they already carry.
UPDATE "Asset" SET "tagKeys" = ARRAY(SELECT lower(t) FROM unnest("tags") AS t) WHERE cardinality("tags") > 0;
