-- Hand-written (the schema cannot say it; drift ignores it).
-- Rate-limit counters are counted on every public search: as a logged table each
-- count waited for its WAL to reach the disk (about 5 ms a search). Unlogged, a
-- crash empties the table, which only forgets who searched in the last minutes.
ALTER TABLE "RateLimitBucket" SET UNLOGGED;
