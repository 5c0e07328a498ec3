-- Hand-written: the review queue in its own order (oldest first), holding only
-- the releases that wait for a decision. Without it PostgreSQL sorts every
-- waiting release on every request (see BENCHMARKS.md, bench:review); with it
-- the first page walks the index and stops after one page, and the keyset
-- cursor of later pages is an index condition. Prisma's schema language cannot
-- say a partial index, so it lives only here.
CREATE INDEX "Release_review_queue_idx" ON "Release" ("createdAt", "id")
  WHERE "status" IN ('reported', 'disputed') AND "deletedAt" IS NULL;
