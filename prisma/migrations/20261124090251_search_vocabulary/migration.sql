-- CreateTable
CREATE TABLE "SearchKey" (
    "key" TEXT NOT NULL,

    CONSTRAINT "SearchKey_pkey" PRIMARY KEY ("key")
);

-- CreateTable
CREATE TABLE "SearchKeyVariant" (
    "variant" TEXT NOT NULL,
    "key" TEXT NOT NULL,

    CONSTRAINT "SearchKeyVariant_pkey" PRIMARY KEY ("variant","key")
);

-- Hand-written below (the schema cannot say it; drift ignores functions and triggers).

-- The one-letter deletions of a key, as lib/search/retrieval-keys.ts deletionVariants(key, 1)
-- without the key itself. Short keys get none (MIN_KEY_FOR_TYPOS = 3).
CREATE FUNCTION constancia_key_deletions(k text) RETURNS SETOF text
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT DISTINCT overlay(k PLACING '' FROM i FOR 1)
    FROM generate_series(1, length(k)) AS i
   WHERE length(k) >= 3
$$;

-- Adds the keys of the persons a statement wrote to the vocabulary. Statement-level
-- with a transition table, so an import of 100,000 rows does this once, not per row.
-- Keys are taken in order so that concurrent writers lock them in the same order.
CREATE FUNCTION constancia_sync_search_keys() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  WITH fresh AS (
    INSERT INTO "SearchKey" ("key")
    SELECT DISTINCT k FROM written_persons, unnest(written_persons."phoneticKeys") AS k
     WHERE k <> '' ORDER BY k
    ON CONFLICT ("key") DO NOTHING
    RETURNING "key"
  )
  INSERT INTO "SearchKeyVariant" ("variant", "key")
  SELECT v, fresh."key" FROM fresh, constancia_key_deletions(fresh."key") AS v
  ON CONFLICT DO NOTHING;
  RETURN NULL;
END
$$;

CREATE TRIGGER "Person_search_keys_insert"
  AFTER INSERT ON "Person" REFERENCING NEW TABLE AS written_persons
  FOR EACH STATEMENT EXECUTE FUNCTION constancia_sync_search_keys();

CREATE TRIGGER "Person_search_keys_update"
  AFTER UPDATE ON "Person" REFERENCING NEW TABLE AS written_persons
  FOR EACH STATEMENT EXECUTE FUNCTION constancia_sync_search_keys();

-- The persons already on record.
WITH fresh AS (
  INSERT INTO "SearchKey" ("key")
  SELECT DISTINCT k FROM "Person", unnest("Person"."phoneticKeys") AS k WHERE k <> ''
  ON CONFLICT ("key") DO NOTHING
  RETURNING "key"
)
INSERT INTO "SearchKeyVariant" ("variant", "key")
SELECT v, fresh."key" FROM fresh, constancia_key_deletions(fresh."key") AS v
ON CONFLICT DO NOTHING;
