-- Hand-written: the few deleted persons, so that "the person of this release is
-- not deleted" is a probe of this small index instead of a join with every
-- person (the review queue's counts, see BENCHMARKS.md). A partial index, which
-- Prisma's schema language cannot say.
CREATE INDEX "Person_deleted_idx" ON "Person" ("id") WHERE "deletedAt" IS NOT NULL;
