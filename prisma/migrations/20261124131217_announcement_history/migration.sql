-- AlterTable
ALTER TABLE "AnnouncedName" ADD COLUMN     "candidates" JSONB,
ADD COLUMN     "suggestedPersonId" UUID;

-- CreateTable
CREATE TABLE "AnnouncementRevision" (
    "id" BIGSERIAL NOT NULL,
    "announcementId" UUID NOT NULL,
    "version" INTEGER NOT NULL,
    "snapshot" JSONB NOT NULL,
    "reason" TEXT,
    "changedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "changedById" UUID,

    CONSTRAINT "AnnouncementRevision_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "AnnouncementRevision_changedAt_idx" ON "AnnouncementRevision"("changedAt");

-- CreateIndex
CREATE UNIQUE INDEX "AnnouncementRevision_announcementId_version_key" ON "AnnouncementRevision"("announcementId", "version");

-- CreateIndex
CREATE INDEX "AnnouncedName_suggestedPersonId_idx" ON "AnnouncedName"("suggestedPersonId");

-- AddForeignKey
ALTER TABLE "AnnouncementRevision" ADD CONSTRAINT "AnnouncementRevision_announcementId_fkey" FOREIGN KEY ("announcementId") REFERENCES "Announcement"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AnnouncementRevision" ADD CONSTRAINT "AnnouncementRevision_changedById_fkey" FOREIGN KEY ("changedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AnnouncedName" ADD CONSTRAINT "AnnouncedName_suggestedPersonId_fkey" FOREIGN KEY ("suggestedPersonId") REFERENCES "Person"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- Written by hand: announcements recorded before this migration get their
-- first revision, as they stand, dated when they were recorded, so that the
-- tally "as of" a past date finds them (lib/announcements/revision.ts has the
-- same snapshot shape).
INSERT INTO "AnnouncementRevision" ("announcementId", "version", "snapshot", "reason", "changedAt", "changedById")
SELECT a."id", a."version",
       jsonb_build_object(
         'claimant', a."claimant", 'claimantKind', a."claimantKind"::text,
         'statedOn', to_char(a."statedOn", 'YYYY-MM-DD'), 'statedOnApproximate', a."statedOnApproximate",
         'measure', a."measure"::text, 'qualifier', a."qualifier"::text,
         'value', a."value", 'min', a."min", 'max', a."max", 'breakdown', a."breakdown",
         'basis', a."basis"::text,
         'coversFrom', to_char(a."coversFrom", 'YYYY-MM-DD'), 'coversTo', to_char(a."coversTo", 'YYYY-MM-DD'),
         'coversDate', to_char(a."coversDate", 'YYYY-MM-DD'),
         'scopeKind', a."scopeKind"::text, 'scopeNationality', a."scopeNationality",
         'sourceUrl', a."sourceUrl", 'sourceDescription', a."sourceDescription",
         'quote', a."quote", 'quoteLang', a."quoteLang", 'note', a."note",
         'archivedFileSha256', a."archivedFileSha256", 'archivedUrl', a."archivedUrl",
         'status', a."status"::text, 'supersededById', a."supersededById",
         'deleted', a."deletedAt" IS NOT NULL),
       NULL, a."createdAt", a."createdById"
  FROM "Announcement" a;

-- The matching queue: names waiting for a moderator, oldest list first.
CREATE INDEX "AnnouncedName_pending_idx" ON "AnnouncedName" ("announcementId", "position") WHERE "linkMethod" = 'pending';
