-- CreateEnum
CREATE TYPE "DuplicateReason" AS ENUM ('cedula', 'name');

-- CreateEnum
CREATE TYPE "DuplicateStatus" AS ENUM ('open', 'merged', 'dismissed');

-- CreateTable
CREATE TABLE "DuplicateCandidate" (
    "id" UUID NOT NULL,
    "personId" UUID NOT NULL,
    "existingId" UUID NOT NULL,
    "reason" "DuplicateReason" NOT NULL,
    "cedula" VARCHAR(12),
    "importId" UUID,
    "rowNumber" INTEGER,
    "status" "DuplicateStatus" NOT NULL DEFAULT 'open',
    "decidedById" UUID,
    "decidedAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "DuplicateCandidate_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "DuplicateCandidate_status_createdAt_idx" ON "DuplicateCandidate"("status", "createdAt");

-- CreateIndex
CREATE INDEX "DuplicateCandidate_existingId_idx" ON "DuplicateCandidate"("existingId");

-- CreateIndex
CREATE UNIQUE INDEX "DuplicateCandidate_personId_existingId_key" ON "DuplicateCandidate"("personId", "existingId");

-- CreateIndex
CREATE INDEX "Person_normalizedName_equal_idx" ON "Person"("normalizedName");

-- AddForeignKey
ALTER TABLE "DuplicateCandidate" ADD CONSTRAINT "DuplicateCandidate_personId_fkey" FOREIGN KEY ("personId") REFERENCES "Person"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DuplicateCandidate" ADD CONSTRAINT "DuplicateCandidate_existingId_fkey" FOREIGN KEY ("existingId") REFERENCES "Person"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DuplicateCandidate" ADD CONSTRAINT "DuplicateCandidate_importId_fkey" FOREIGN KEY ("importId") REFERENCES "Import"("id") ON DELETE SET NULL ON UPDATE CASCADE;
