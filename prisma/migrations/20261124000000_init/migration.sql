-- CreateExtension
-- Trigram search on names (Person_normalizedName_idx uses gin_trgm_ops), accent
-- folding and phonetic keys. Not declared in schema.prisma, so Prisma leaves them alone.
CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE EXTENSION IF NOT EXISTS unaccent;
CREATE EXTENSION IF NOT EXISTS fuzzystrmatch;

-- CreateEnum
CREATE TYPE "Role" AS ENUM ('volunteer', 'moderator', 'admin');

-- CreateEnum
CREATE TYPE "Sex" AS ENUM ('female', 'male', 'other', 'unknown');

-- CreateEnum
CREATE TYPE "Disclosure" AS ENUM ('public', 'initials', 'withheld');

-- CreateEnum
CREATE TYPE "DatePrecision" AS ENUM ('day', 'month', 'unknown');

-- CreateEnum
CREATE TYPE "ReleaseConditions" AS ENUM ('full', 'conditional', 'house_arrest', 'expelled', 'unknown');

-- CreateEnum
CREATE TYPE "ReleaseStatus" AS ENUM ('reported', 'verified', 'rejected', 'disputed', 'retracted');

-- CreateEnum
CREATE TYPE "EvidenceKind" AS ENUM ('family_testimony', 'lawyer_confirmation', 'photo_video', 'court_document', 'press_report', 'official_list', 'ngo_list', 'social_media', 'other');

-- CreateEnum
CREATE TYPE "ReviewDecision" AS ENUM ('approve', 'reject', 'request_evidence');

-- CreateEnum
CREATE TYPE "ClaimantKind" AS ENUM ('government', 'ngo', 'opposition', 'press', 'foreign_government');

-- CreateEnum
CREATE TYPE "Measure" AS ENUM ('released', 'detained');

-- CreateEnum
CREATE TYPE "CountQualifier" AS ENUM ('exact', 'at_least', 'about', 'range');

-- CreateEnum
CREATE TYPE "CoverageBasis" AS ENUM ('window', 'cumulative_since', 'single_day', 'as_of', 'unspecified');

-- CreateEnum
CREATE TYPE "ScopeKind" AS ENUM ('all', 'nationals', 'foreigners', 'nationality');

-- CreateEnum
CREATE TYPE "AnnouncementStatus" AS ENUM ('active', 'disputed', 'superseded');

-- CreateEnum
CREATE TYPE "NameLinkMethod" AS ENUM ('pending', 'automatic', 'confirmed', 'rejected', 'created');

-- CreateEnum
CREATE TYPE "TipStatus" AS ENUM ('pending', 'reviewed', 'dismissed');

-- CreateEnum
CREATE TYPE "ImportKind" AS ENUM ('people', 'announcement_names');

-- CreateEnum
CREATE TYPE "ImportStatus" AS ENUM ('queued', 'running', 'done', 'failed');

-- CreateEnum
CREATE TYPE "ImportRowStatus" AS ENUM ('pending', 'created', 'updated', 'unchanged', 'duplicate', 'error');

-- CreateTable
CREATE TABLE "Organization" (
    "id" UUID NOT NULL,
    "name" VARCHAR(200) NOT NULL,
    "slug" VARCHAR(80) NOT NULL,
    "settings" JSONB NOT NULL DEFAULT '{}',
    "isDemo" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,
    "deletedAt" TIMESTAMPTZ(3),

    CONSTRAINT "Organization_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "User" (
    "id" UUID NOT NULL,
    "email" VARCHAR(254) NOT NULL,
    "name" VARCHAR(200) NOT NULL,
    "passwordHash" TEXT NOT NULL,
    "role" "Role" NOT NULL,
    "organizationId" UUID NOT NULL,
    "locale" VARCHAR(5) NOT NULL DEFAULT 'es',
    "totpSecret" TEXT,
    "totpEnabledAt" TIMESTAMPTZ(3),
    "totpLastStep" INTEGER,
    "sessionVersion" INTEGER NOT NULL DEFAULT 1,
    "disabledAt" TIMESTAMPTZ(3),
    "lastSignInAt" TIMESTAMPTZ(3),
    "isDemo" BOOLEAN NOT NULL DEFAULT false,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "User_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Invitation" (
    "id" UUID NOT NULL,
    "email" VARCHAR(254) NOT NULL,
    "role" "Role" NOT NULL,
    "organizationId" UUID NOT NULL,
    "tokenHash" CHAR(64) NOT NULL,
    "invitedById" UUID NOT NULL,
    "expiresAt" TIMESTAMPTZ(3) NOT NULL,
    "acceptedAt" TIMESTAMPTZ(3),
    "revokedAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Invitation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ApiToken" (
    "id" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "name" VARCHAR(100) NOT NULL,
    "prefix" VARCHAR(16) NOT NULL,
    "tokenHash" CHAR(64) NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastUsedAt" TIMESTAMPTZ(3),
    "expiresAt" TIMESTAMPTZ(3),
    "revokedAt" TIMESTAMPTZ(3),

    CONSTRAINT "ApiToken_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Person" (
    "id" UUID NOT NULL,
    "givenNames" VARCHAR(200) NOT NULL,
    "surnames" VARCHAR(200) NOT NULL,
    "otherSpellings" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "cedula" VARCHAR(12),
    "cedulaDigits" VARCHAR(10),
    "nationality" CHAR(2) NOT NULL DEFAULT 'VE',
    "sex" "Sex" NOT NULL DEFAULT 'unknown',
    "birthYear" SMALLINT,
    "homeState" VARCHAR(80),
    "notes" TEXT,
    "disclosure" "Disclosure" NOT NULL DEFAULT 'initials',
    "organizationId" UUID NOT NULL,
    "externalRef" VARCHAR(100),
    "normalizedName" TEXT NOT NULL DEFAULT '',
    "nameTokens" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "phoneticKeys" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "mergedIntoId" UUID,
    "createdById" UUID,
    "isDemo" BOOLEAN NOT NULL DEFAULT false,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,
    "deletedAt" TIMESTAMPTZ(3),

    CONSTRAINT "Person_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Detention" (
    "id" UUID NOT NULL,
    "personId" UUID NOT NULL,
    "arrestedOn" DATE,
    "facility" VARCHAR(200),
    "charges" TEXT,
    "source" TEXT,
    "createdById" UUID,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,
    "deletedAt" TIMESTAMPTZ(3),

    CONSTRAINT "Detention_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Release" (
    "id" UUID NOT NULL,
    "personId" UUID NOT NULL,
    "detentionId" UUID,
    "releasedOn" DATE,
    "releasedPrecision" "DatePrecision" NOT NULL DEFAULT 'day',
    "facility" VARCHAR(200),
    "conditions" "ReleaseConditions" NOT NULL DEFAULT 'unknown',
    "conditionsDetail" TEXT,
    "status" "ReleaseStatus" NOT NULL DEFAULT 'reported',
    "statusReason" TEXT,
    "reviewRound" INTEGER NOT NULL DEFAULT 1,
    "verifiedAt" TIMESTAMPTZ(3),
    "reportedById" UUID,
    "organizationId" UUID NOT NULL,
    "importId" UUID,
    "isDemo" BOOLEAN NOT NULL DEFAULT false,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,
    "deletedAt" TIMESTAMPTZ(3),

    CONSTRAINT "Release_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ReleaseStatusChange" (
    "id" BIGSERIAL NOT NULL,
    "releaseId" UUID NOT NULL,
    "fromStatus" "ReleaseStatus",
    "toStatus" "ReleaseStatus" NOT NULL,
    "reason" TEXT,
    "changedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "changedById" UUID,

    CONSTRAINT "ReleaseStatusChange_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "StoredFile" (
    "sha256" CHAR(64) NOT NULL,
    "size" INTEGER NOT NULL,
    "contentType" VARCHAR(100) NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "StoredFile_pkey" PRIMARY KEY ("sha256")
);

-- CreateTable
CREATE TABLE "Evidence" (
    "id" UUID NOT NULL,
    "releaseId" UUID NOT NULL,
    "kind" "EvidenceKind" NOT NULL,
    "url" VARCHAR(2000),
    "fileSha256" CHAR(64),
    "fileName" VARCHAR(255),
    "description" TEXT NOT NULL,
    "obtainedOn" DATE,
    "isPublic" BOOLEAN NOT NULL DEFAULT false,
    "addedById" UUID,
    "importId" UUID,
    "isDemo" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "deletedAt" TIMESTAMPTZ(3),

    CONSTRAINT "Evidence_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Review" (
    "id" UUID NOT NULL,
    "releaseId" UUID NOT NULL,
    "reviewerId" UUID NOT NULL,
    "round" INTEGER NOT NULL DEFAULT 1,
    "decision" "ReviewDecision" NOT NULL,
    "reason" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Review_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Announcement" (
    "id" UUID NOT NULL,
    "externalKey" VARCHAR(100),
    "claimant" VARCHAR(300) NOT NULL,
    "claimantKind" "ClaimantKind" NOT NULL,
    "statedOn" DATE NOT NULL,
    "statedOnApproximate" BOOLEAN NOT NULL DEFAULT false,
    "measure" "Measure" NOT NULL,
    "qualifier" "CountQualifier" NOT NULL,
    "value" INTEGER,
    "min" INTEGER,
    "max" INTEGER,
    "breakdown" JSONB,
    "basis" "CoverageBasis" NOT NULL,
    "coversFrom" DATE,
    "coversTo" DATE,
    "coversDate" DATE,
    "scopeKind" "ScopeKind" NOT NULL DEFAULT 'all',
    "scopeNationality" CHAR(2),
    "sourceUrl" VARCHAR(2000),
    "sourceDescription" TEXT,
    "quote" TEXT,
    "quoteLang" VARCHAR(5),
    "note" TEXT,
    "archivedFileSha256" CHAR(64),
    "archivedUrl" VARCHAR(2000),
    "status" "AnnouncementStatus" NOT NULL DEFAULT 'active',
    "supersededById" UUID,
    "organizationId" UUID,
    "createdById" UUID,
    "isDemo" BOOLEAN NOT NULL DEFAULT false,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,
    "deletedAt" TIMESTAMPTZ(3),

    CONSTRAINT "Announcement_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AnnouncedName" (
    "id" UUID NOT NULL,
    "announcementId" UUID NOT NULL,
    "position" INTEGER NOT NULL,
    "nameAsPrinted" VARCHAR(400) NOT NULL,
    "identifierAsPrinted" VARCHAR(40),
    "normalizedName" TEXT NOT NULL DEFAULT '',
    "lineKey" CHAR(64) NOT NULL,
    "personId" UUID,
    "linkMethod" "NameLinkMethod" NOT NULL DEFAULT 'pending',
    "matchScore" DOUBLE PRECISION,
    "matchKind" VARCHAR(10),
    "decidedById" UUID,
    "decidedAt" TIMESTAMPTZ(3),
    "importId" UUID,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AnnouncedName_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Subscription" (
    "id" UUID NOT NULL,
    "email" VARCHAR(254) NOT NULL,
    "personId" UUID,
    "searchQuery" VARCHAR(200),
    "locale" VARCHAR(5) NOT NULL DEFAULT 'es',
    "confirmTokenHash" CHAR(64) NOT NULL,
    "unsubscribeTokenHash" CHAR(64) NOT NULL,
    "confirmedAt" TIMESTAMPTZ(3),
    "unsubscribedAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Subscription_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "NotificationDelivery" (
    "id" UUID NOT NULL,
    "subscriptionId" UUID NOT NULL,
    "releaseId" UUID NOT NULL,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "lastError" TEXT,
    "sentAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "NotificationDelivery_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Tip" (
    "id" UUID NOT NULL,
    "personId" UUID,
    "text" TEXT NOT NULL,
    "contact" VARCHAR(300),
    "fileSha256" CHAR(64),
    "status" "TipStatus" NOT NULL DEFAULT 'pending',
    "reviewedById" UUID,
    "reviewedAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Tip_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Import" (
    "id" UUID NOT NULL,
    "kind" "ImportKind" NOT NULL,
    "organizationId" UUID NOT NULL,
    "createdById" UUID NOT NULL,
    "announcementId" UUID,
    "status" "ImportStatus" NOT NULL DEFAULT 'queued',
    "dryRun" BOOLEAN NOT NULL DEFAULT false,
    "fileSha256" CHAR(64),
    "fileName" VARCHAR(255),
    "mapping" JSONB,
    "total" INTEGER NOT NULL DEFAULT 0,
    "processed" INTEGER NOT NULL DEFAULT 0,
    "created" INTEGER NOT NULL DEFAULT 0,
    "updated" INTEGER NOT NULL DEFAULT 0,
    "unchanged" INTEGER NOT NULL DEFAULT 0,
    "possibleDuplicates" INTEGER NOT NULL DEFAULT 0,
    "errors" JSONB NOT NULL DEFAULT '[]',
    "failureReason" TEXT,
    "startedAt" TIMESTAMPTZ(3),
    "finishedAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Import_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ImportRow" (
    "id" UUID NOT NULL,
    "importId" UUID NOT NULL,
    "rowNumber" INTEGER NOT NULL,
    "externalId" VARCHAR(100),
    "data" JSONB NOT NULL,
    "status" "ImportRowStatus" NOT NULL DEFAULT 'pending',
    "errors" JSONB,
    "personId" UUID,

    CONSTRAINT "ImportRow_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AuditEvent" (
    "id" BIGSERIAL NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "actorId" UUID,
    "actorKind" VARCHAR(10) NOT NULL,
    "action" VARCHAR(60) NOT NULL,
    "entityType" VARCHAR(40) NOT NULL,
    "entityId" VARCHAR(64) NOT NULL,
    "before" JSONB,
    "after" JSONB,
    "prevHash" CHAR(64) NOT NULL,
    "hash" CHAR(64) NOT NULL,

    CONSTRAINT "AuditEvent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RateLimitBucket" (
    "key" VARCHAR(200) NOT NULL,
    "windowStart" TIMESTAMPTZ(3) NOT NULL,
    "count" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "RateLimitBucket_pkey" PRIMARY KEY ("key","windowStart")
);

-- CreateTable
CREATE TABLE "SystemState" (
    "key" VARCHAR(100) NOT NULL,
    "value" JSONB NOT NULL,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "SystemState_pkey" PRIMARY KEY ("key")
);

-- CreateIndex
CREATE UNIQUE INDEX "Organization_slug_key" ON "Organization"("slug");

-- CreateIndex
CREATE UNIQUE INDEX "User_email_key" ON "User"("email");

-- CreateIndex
CREATE INDEX "User_organizationId_idx" ON "User"("organizationId");

-- CreateIndex
CREATE UNIQUE INDEX "Invitation_tokenHash_key" ON "Invitation"("tokenHash");

-- CreateIndex
CREATE INDEX "Invitation_email_idx" ON "Invitation"("email");

-- CreateIndex
CREATE UNIQUE INDEX "ApiToken_tokenHash_key" ON "ApiToken"("tokenHash");

-- CreateIndex
CREATE INDEX "ApiToken_userId_idx" ON "ApiToken"("userId");

-- CreateIndex
CREATE UNIQUE INDEX "Person_cedula_key" ON "Person"("cedula");

-- CreateIndex
CREATE INDEX "Person_normalizedName_idx" ON "Person" USING GIN ("normalizedName" gin_trgm_ops);

-- CreateIndex
CREATE INDEX "Person_nameTokens_idx" ON "Person" USING GIN ("nameTokens");

-- CreateIndex
CREATE INDEX "Person_phoneticKeys_idx" ON "Person" USING GIN ("phoneticKeys");

-- CreateIndex
CREATE INDEX "Person_cedulaDigits_idx" ON "Person"("cedulaDigits");

-- CreateIndex
CREATE INDEX "Person_mergedIntoId_idx" ON "Person"("mergedIntoId");

-- CreateIndex
CREATE UNIQUE INDEX "Person_organizationId_externalRef_key" ON "Person"("organizationId", "externalRef");

-- CreateIndex
CREATE INDEX "Detention_personId_idx" ON "Detention"("personId");

-- CreateIndex
CREATE INDEX "Release_personId_idx" ON "Release"("personId");

-- CreateIndex
CREATE INDEX "Release_status_createdAt_idx" ON "Release"("status", "createdAt");

-- CreateIndex
CREATE INDEX "Release_releasedOn_idx" ON "Release"("releasedOn");

-- CreateIndex
CREATE INDEX "Release_organizationId_status_idx" ON "Release"("organizationId", "status");

-- CreateIndex
CREATE INDEX "ReleaseStatusChange_releaseId_changedAt_idx" ON "ReleaseStatusChange"("releaseId", "changedAt");

-- CreateIndex
CREATE INDEX "ReleaseStatusChange_changedAt_idx" ON "ReleaseStatusChange"("changedAt");

-- CreateIndex
CREATE INDEX "Evidence_releaseId_idx" ON "Evidence"("releaseId");

-- CreateIndex
CREATE INDEX "Evidence_kind_idx" ON "Evidence"("kind");

-- CreateIndex
CREATE INDEX "Review_reviewerId_idx" ON "Review"("reviewerId");

-- CreateIndex
CREATE UNIQUE INDEX "Review_releaseId_reviewerId_round_key" ON "Review"("releaseId", "reviewerId", "round");

-- CreateIndex
CREATE UNIQUE INDEX "Announcement_externalKey_key" ON "Announcement"("externalKey");

-- CreateIndex
CREATE INDEX "Announcement_statedOn_idx" ON "Announcement"("statedOn");

-- CreateIndex
CREATE INDEX "AnnouncedName_personId_idx" ON "AnnouncedName"("personId");

-- CreateIndex
CREATE INDEX "AnnouncedName_announcementId_linkMethod_idx" ON "AnnouncedName"("announcementId", "linkMethod");

-- CreateIndex
CREATE UNIQUE INDEX "AnnouncedName_announcementId_lineKey_key" ON "AnnouncedName"("announcementId", "lineKey");

-- CreateIndex
CREATE UNIQUE INDEX "Subscription_confirmTokenHash_key" ON "Subscription"("confirmTokenHash");

-- CreateIndex
CREATE UNIQUE INDEX "Subscription_unsubscribeTokenHash_key" ON "Subscription"("unsubscribeTokenHash");

-- CreateIndex
CREATE INDEX "Subscription_personId_idx" ON "Subscription"("personId");

-- CreateIndex
CREATE INDEX "Subscription_email_idx" ON "Subscription"("email");

-- CreateIndex
CREATE UNIQUE INDEX "NotificationDelivery_subscriptionId_releaseId_key" ON "NotificationDelivery"("subscriptionId", "releaseId");

-- CreateIndex
CREATE INDEX "Tip_status_createdAt_idx" ON "Tip"("status", "createdAt");

-- CreateIndex
CREATE INDEX "Import_organizationId_createdAt_idx" ON "Import"("organizationId", "createdAt");

-- CreateIndex
CREATE INDEX "ImportRow_importId_status_idx" ON "ImportRow"("importId", "status");

-- CreateIndex
CREATE UNIQUE INDEX "ImportRow_importId_rowNumber_key" ON "ImportRow"("importId", "rowNumber");

-- CreateIndex
CREATE UNIQUE INDEX "AuditEvent_hash_key" ON "AuditEvent"("hash");

-- CreateIndex
CREATE INDEX "AuditEvent_entityType_entityId_idx" ON "AuditEvent"("entityType", "entityId");

-- CreateIndex
CREATE INDEX "AuditEvent_at_idx" ON "AuditEvent"("at");

-- CreateIndex
CREATE INDEX "RateLimitBucket_windowStart_idx" ON "RateLimitBucket"("windowStart");

-- CreateIndex
CREATE INDEX "AnnouncedName_importId_idx" ON "AnnouncedName"("importId");

-- CreateIndex
CREATE INDEX "Evidence_fileSha256_idx" ON "Evidence"("fileSha256");

-- CreateIndex
CREATE INDEX "Evidence_importId_idx" ON "Evidence"("importId");

-- CreateIndex
CREATE INDEX "NotificationDelivery_releaseId_idx" ON "NotificationDelivery"("releaseId");

-- CreateIndex
CREATE INDEX "Release_detentionId_idx" ON "Release"("detentionId");

-- CreateIndex
CREATE INDEX "Release_importId_idx" ON "Release"("importId");

-- CreateIndex
CREATE INDEX "Release_reportedById_idx" ON "Release"("reportedById");

-- CreateIndex
CREATE INDEX "Tip_personId_idx" ON "Tip"("personId");

-- AddForeignKey
ALTER TABLE "User" ADD CONSTRAINT "User_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Invitation" ADD CONSTRAINT "Invitation_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Invitation" ADD CONSTRAINT "Invitation_invitedById_fkey" FOREIGN KEY ("invitedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ApiToken" ADD CONSTRAINT "ApiToken_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Person" ADD CONSTRAINT "Person_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Person" ADD CONSTRAINT "Person_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Person" ADD CONSTRAINT "Person_mergedIntoId_fkey" FOREIGN KEY ("mergedIntoId") REFERENCES "Person"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Detention" ADD CONSTRAINT "Detention_personId_fkey" FOREIGN KEY ("personId") REFERENCES "Person"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Detention" ADD CONSTRAINT "Detention_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Release" ADD CONSTRAINT "Release_personId_fkey" FOREIGN KEY ("personId") REFERENCES "Person"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Release" ADD CONSTRAINT "Release_detentionId_fkey" FOREIGN KEY ("detentionId") REFERENCES "Detention"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Release" ADD CONSTRAINT "Release_reportedById_fkey" FOREIGN KEY ("reportedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Release" ADD CONSTRAINT "Release_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Release" ADD CONSTRAINT "Release_importId_fkey" FOREIGN KEY ("importId") REFERENCES "Import"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReleaseStatusChange" ADD CONSTRAINT "ReleaseStatusChange_releaseId_fkey" FOREIGN KEY ("releaseId") REFERENCES "Release"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReleaseStatusChange" ADD CONSTRAINT "ReleaseStatusChange_changedById_fkey" FOREIGN KEY ("changedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Evidence" ADD CONSTRAINT "Evidence_releaseId_fkey" FOREIGN KEY ("releaseId") REFERENCES "Release"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Evidence" ADD CONSTRAINT "Evidence_fileSha256_fkey" FOREIGN KEY ("fileSha256") REFERENCES "StoredFile"("sha256") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Evidence" ADD CONSTRAINT "Evidence_addedById_fkey" FOREIGN KEY ("addedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Evidence" ADD CONSTRAINT "Evidence_importId_fkey" FOREIGN KEY ("importId") REFERENCES "Import"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Review" ADD CONSTRAINT "Review_releaseId_fkey" FOREIGN KEY ("releaseId") REFERENCES "Release"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Review" ADD CONSTRAINT "Review_reviewerId_fkey" FOREIGN KEY ("reviewerId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Announcement" ADD CONSTRAINT "Announcement_archivedFileSha256_fkey" FOREIGN KEY ("archivedFileSha256") REFERENCES "StoredFile"("sha256") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Announcement" ADD CONSTRAINT "Announcement_supersededById_fkey" FOREIGN KEY ("supersededById") REFERENCES "Announcement"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Announcement" ADD CONSTRAINT "Announcement_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Announcement" ADD CONSTRAINT "Announcement_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AnnouncedName" ADD CONSTRAINT "AnnouncedName_announcementId_fkey" FOREIGN KEY ("announcementId") REFERENCES "Announcement"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AnnouncedName" ADD CONSTRAINT "AnnouncedName_personId_fkey" FOREIGN KEY ("personId") REFERENCES "Person"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AnnouncedName" ADD CONSTRAINT "AnnouncedName_decidedById_fkey" FOREIGN KEY ("decidedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AnnouncedName" ADD CONSTRAINT "AnnouncedName_importId_fkey" FOREIGN KEY ("importId") REFERENCES "Import"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Subscription" ADD CONSTRAINT "Subscription_personId_fkey" FOREIGN KEY ("personId") REFERENCES "Person"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "NotificationDelivery" ADD CONSTRAINT "NotificationDelivery_subscriptionId_fkey" FOREIGN KEY ("subscriptionId") REFERENCES "Subscription"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "NotificationDelivery" ADD CONSTRAINT "NotificationDelivery_releaseId_fkey" FOREIGN KEY ("releaseId") REFERENCES "Release"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Tip" ADD CONSTRAINT "Tip_personId_fkey" FOREIGN KEY ("personId") REFERENCES "Person"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Tip" ADD CONSTRAINT "Tip_fileSha256_fkey" FOREIGN KEY ("fileSha256") REFERENCES "StoredFile"("sha256") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Tip" ADD CONSTRAINT "Tip_reviewedById_fkey" FOREIGN KEY ("reviewedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Import" ADD CONSTRAINT "Import_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Import" ADD CONSTRAINT "Import_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Import" ADD CONSTRAINT "Import_announcementId_fkey" FOREIGN KEY ("announcementId") REFERENCES "Announcement"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Import" ADD CONSTRAINT "Import_fileSha256_fkey" FOREIGN KEY ("fileSha256") REFERENCES "StoredFile"("sha256") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ImportRow" ADD CONSTRAINT "ImportRow_importId_fkey" FOREIGN KEY ("importId") REFERENCES "Import"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ImportRow" ADD CONSTRAINT "ImportRow_personId_fkey" FOREIGN KEY ("personId") REFERENCES "Person"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AuditEvent" ADD CONSTRAINT "AuditEvent_actorId_fkey" FOREIGN KEY ("actorId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddCheckConstraint
-- Hand-written: Prisma's schema language has no CHECK constraints and its diff ignores
-- them, so these live only here (and `npm run db:drift` stays quiet about them).

-- Evidence is a link or an uploaded file, never neither.
ALTER TABLE "Evidence" ADD CONSTRAINT "Evidence_url_or_file_check" CHECK ("url" IS NOT NULL OR "fileSha256" IS NOT NULL);

-- A rejection always says why.
ALTER TABLE "Review" ADD CONSTRAINT "Review_reject_reason_check" CHECK ("decision" <> 'reject' OR length(btrim(coalesce("reason", ''))) > 0);

-- Counts are never negative.
ALTER TABLE "Announcement" ADD CONSTRAINT "Announcement_counts_check" CHECK (("value" IS NULL OR "value" >= 0) AND ("min" IS NULL OR "min" >= 0) AND ("max" IS NULL OR "max" >= 0));

-- A range reads low to high.
ALTER TABLE "Announcement" ADD CONSTRAINT "Announcement_min_max_check" CHECK ("min" IS NULL OR "max" IS NULL OR "min" <= "max");

-- A range has both ends; every other qualifier (exact, at_least, about) has a value.
ALTER TABLE "Announcement" ADD CONSTRAINT "Announcement_qualifier_check" CHECK (CASE WHEN "qualifier" = 'range' THEN "min" IS NOT NULL AND "max" IS NOT NULL ELSE "value" IS NOT NULL END);

-- A coverage window does not end before it starts.
ALTER TABLE "Announcement" ADD CONSTRAINT "Announcement_covers_check" CHECK ("coversFrom" IS NULL OR "coversTo" IS NULL OR "coversFrom" <= "coversTo");

-- A plausible year of birth, when known.
ALTER TABLE "Person" ADD CONSTRAINT "Person_birthYear_check" CHECK ("birthYear" IS NULL OR "birthYear" BETWEEN 1900 AND 2100);

-- Review rounds count from 1.
ALTER TABLE "Release" ADD CONSTRAINT "Release_reviewRound_check" CHECK ("reviewRound" >= 1);

-- A known day or month has a date; an unknown date has none.
ALTER TABLE "Release" ADD CONSTRAINT "Release_released_precision_check" CHECK (("releasedOn" IS NULL) = ("releasedPrecision" = 'unknown'));
