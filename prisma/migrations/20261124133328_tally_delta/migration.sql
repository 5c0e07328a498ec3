-- CreateTable
CREATE TABLE "TallyDelta" (
    "day" DATE NOT NULL,
    "releasedOn" DATE NOT NULL,
    "releasedPrecision" "DatePrecision" NOT NULL,
    "nationality" CHAR(2) NOT NULL,
    "withheld" BOOLEAN NOT NULL,
    "status" VARCHAR(10) NOT NULL,
    "delta" INTEGER NOT NULL,

    CONSTRAINT "TallyDelta_pkey" PRIMARY KEY ("day","releasedOn","releasedPrecision","nationality","withheld","status")
);

-- CreateIndex
CREATE INDEX "TallyDelta_status_day_idx" ON "TallyDelta"("status", "day");

-- ───────────────────────── written by hand: keeping TallyDelta ─────────────────────────
-- A release contributes, with its date and its person's nationality and disclosure
-- as they are now:
--   for each status change: +1 to the status it entered and -1 to the one it left,
--     on the Caracas day of the change (only statuses counted: verified; reported
--     and disputed as "reported");
--   when it leaves the record (the release or its person deleted): -1 to its status
--     then, on that day.
-- The triggers below keep the sum of those terms in TallyDelta whatever writes
-- the tables: a change inserted or deleted moves its terms; an edit of a release
-- or a person that alters any term takes the release's old terms out and puts
-- the new ones in. Venezuela is UTC-4 all year (lib/dates.ts does the same).

CREATE FUNCTION constancia_caracas_day(at timestamptz) RETURNS date
  LANGUAGE sql IMMUTABLE AS $$ SELECT ((at AT TIME ZONE 'UTC') - interval '4 hours')::date $$;

CREATE FUNCTION constancia_tally_bucket(status "ReleaseStatus") RETURNS text
  LANGUAGE sql IMMUTABLE AS $$
    SELECT CASE status WHEN 'verified' THEN 'verified' WHEN 'reported' THEN 'reported' WHEN 'disputed' THEN 'reported' END
  $$;

CREATE FUNCTION constancia_tally_date(released date, "precision" "DatePrecision") RETURNS date
  LANGUAGE sql IMMUTABLE AS $$ SELECT CASE WHEN released IS NULL OR "precision" = 'unknown' THEN DATE '0001-01-01' ELSE released END $$;

CREATE FUNCTION constancia_tally_precision(released date, "precision" "DatePrecision") RETURNS "DatePrecision"
  LANGUAGE sql IMMUTABLE AS $$ SELECT CASE WHEN released IS NULL THEN 'unknown'::"DatePrecision" ELSE "precision" END $$;

-- Every term of one release, as if it had these attributes, times p_sign.
CREATE FUNCTION constancia_tally_apply(
  p_release uuid, p_released date, p_precision "DatePrecision", p_nationality text, p_withheld boolean,
  p_removed timestamptz, p_status "ReleaseStatus", p_sign integer
) RETURNS void LANGUAGE sql AS $$
  INSERT INTO "TallyDelta" AS t ("day", "releasedOn", "releasedPrecision", "nationality", "withheld", "status", "delta")
  SELECT d.day, constancia_tally_date(p_released, p_precision), constancia_tally_precision(p_released, p_precision),
         p_nationality, p_withheld, d.status, sum(d.delta)::int * p_sign
    FROM (
      SELECT constancia_caracas_day(c."changedAt") AS day, constancia_tally_bucket(c."toStatus") AS status, 1 AS delta
        FROM "ReleaseStatusChange" c WHERE c."releaseId" = p_release
      UNION ALL
      SELECT constancia_caracas_day(c."changedAt"), constancia_tally_bucket(c."fromStatus"), -1
        FROM "ReleaseStatusChange" c WHERE c."releaseId" = p_release
      UNION ALL
      SELECT constancia_caracas_day(p_removed), constancia_tally_bucket(p_status), -1 WHERE p_removed IS NOT NULL
    ) d
   WHERE d.status IS NOT NULL
   GROUP BY d.day, d.status
  ON CONFLICT ("day", "releasedOn", "releasedPrecision", "nationality", "withheld", "status")
  DO UPDATE SET "delta" = t."delta" + EXCLUDED."delta"
$$;

-- Status changes inserted or deleted: their own terms, for all the rows of the statement at once.
CREATE FUNCTION constancia_tally_changes() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  sign integer := CASE WHEN TG_OP = 'INSERT' THEN 1 ELSE -1 END;
BEGIN
  INSERT INTO "TallyDelta" AS t ("day", "releasedOn", "releasedPrecision", "nationality", "withheld", "status", "delta")
  SELECT constancia_caracas_day(x."changedAt"),
         constancia_tally_date(r."releasedOn", r."releasedPrecision"), constancia_tally_precision(r."releasedOn", r."releasedPrecision"),
         p."nationality", p."disclosure" = 'withheld', x.status, sum(x.delta)::int * sign
    FROM (
      SELECT c."releaseId", c."changedAt", constancia_tally_bucket(c."toStatus") AS status, 1 AS delta FROM changed_rows c
      UNION ALL
      SELECT c."releaseId", c."changedAt", constancia_tally_bucket(c."fromStatus"), -1 FROM changed_rows c
    ) x
    JOIN "Release" r ON r."id" = x."releaseId"
    JOIN "Person" p ON p."id" = r."personId"
   WHERE x.status IS NOT NULL
   GROUP BY 1, 2, 3, 4, 5, 6
  ON CONFLICT ("day", "releasedOn", "releasedPrecision", "nationality", "withheld", "status")
  DO UPDATE SET "delta" = t."delta" + EXCLUDED."delta";
  RETURN NULL;
END $$;

CREATE TRIGGER "ReleaseStatusChange_tally_insert" AFTER INSERT ON "ReleaseStatusChange"
  REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION constancia_tally_changes();
CREATE TRIGGER "ReleaseStatusChange_tally_delete" AFTER DELETE ON "ReleaseStatusChange"
  REFERENCING OLD TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION constancia_tally_changes();

-- A release recorded already off the record (a deleted release or person) carries its removal term from the start.
CREATE FUNCTION constancia_tally_release_insert() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "TallyDelta" AS t ("day", "releasedOn", "releasedPrecision", "nationality", "withheld", "status", "delta")
  SELECT constancia_caracas_day(LEAST(r."deletedAt", p."deletedAt")),
         constancia_tally_date(r."releasedOn", r."releasedPrecision"), constancia_tally_precision(r."releasedOn", r."releasedPrecision"),
         p."nationality", p."disclosure" = 'withheld', constancia_tally_bucket(r."status"), -count(*)::int
    FROM new_rows r JOIN "Person" p ON p."id" = r."personId"
   WHERE COALESCE(r."deletedAt", p."deletedAt") IS NOT NULL AND constancia_tally_bucket(r."status") IS NOT NULL
   GROUP BY 1, 2, 3, 4, 5, 6
  ON CONFLICT ("day", "releasedOn", "releasedPrecision", "nationality", "withheld", "status")
  DO UPDATE SET "delta" = t."delta" + EXCLUDED."delta";
  RETURN NULL;
END $$;

CREATE TRIGGER "Release_tally_insert" AFTER INSERT ON "Release"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION constancia_tally_release_insert();

-- An edited or removed release: its old terms out, its new terms in.
CREATE FUNCTION constancia_tally_release_change() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  old_person "Person"%ROWTYPE;
  new_person "Person"%ROWTYPE;
BEGIN
  SELECT * INTO old_person FROM "Person" WHERE "id" = OLD."personId";
  PERFORM constancia_tally_apply(OLD."id", OLD."releasedOn", OLD."releasedPrecision", old_person."nationality",
    old_person."disclosure" = 'withheld', LEAST(OLD."deletedAt", old_person."deletedAt"), OLD."status", -1);
  IF TG_OP = 'UPDATE' THEN
    SELECT * INTO new_person FROM "Person" WHERE "id" = NEW."personId";
    PERFORM constancia_tally_apply(NEW."id", NEW."releasedOn", NEW."releasedPrecision", new_person."nationality",
      new_person."disclosure" = 'withheld', LEAST(NEW."deletedAt", new_person."deletedAt"), NEW."status", 1);
  END IF;
  RETURN NULL;
END $$;

CREATE TRIGGER "Release_tally_update" AFTER UPDATE OF "releasedOn", "releasedPrecision", "deletedAt", "personId", "status" ON "Release"
  FOR EACH ROW
  WHEN (OLD."releasedOn" IS DISTINCT FROM NEW."releasedOn" OR OLD."releasedPrecision" IS DISTINCT FROM NEW."releasedPrecision"
        OR OLD."deletedAt" IS DISTINCT FROM NEW."deletedAt" OR OLD."personId" IS DISTINCT FROM NEW."personId"
        OR OLD."status" IS DISTINCT FROM NEW."status")
  EXECUTE FUNCTION constancia_tally_release_change();
-- A purged release: its status changes are deleted first (their terms go with them); what remains is its removal term.
CREATE TRIGGER "Release_tally_delete" AFTER DELETE ON "Release"
  FOR EACH ROW EXECUTE FUNCTION constancia_tally_release_change();

-- A person's nationality, disclosure or deletion changes the terms of all their releases.
CREATE FUNCTION constancia_tally_person_change() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  r "Release"%ROWTYPE;
BEGIN
  FOR r IN SELECT * FROM "Release" WHERE "personId" = NEW."id" LOOP
    PERFORM constancia_tally_apply(r."id", r."releasedOn", r."releasedPrecision", OLD."nationality",
      OLD."disclosure" = 'withheld', LEAST(r."deletedAt", OLD."deletedAt"), r."status", -1);
    PERFORM constancia_tally_apply(r."id", r."releasedOn", r."releasedPrecision", NEW."nationality",
      NEW."disclosure" = 'withheld', LEAST(r."deletedAt", NEW."deletedAt"), r."status", 1);
  END LOOP;
  RETURN NULL;
END $$;

CREATE TRIGGER "Person_tally_update" AFTER UPDATE OF "nationality", "disclosure", "deletedAt" ON "Person"
  FOR EACH ROW
  WHEN (OLD."nationality" IS DISTINCT FROM NEW."nationality" OR OLD."disclosure" IS DISTINCT FROM NEW."disclosure"
        OR OLD."deletedAt" IS DISTINCT FROM NEW."deletedAt")
  EXECUTE FUNCTION constancia_tally_person_change();

-- The terms of everything already on record.
INSERT INTO "TallyDelta" AS t ("day", "releasedOn", "releasedPrecision", "nationality", "withheld", "status", "delta")
SELECT x.day, constancia_tally_date(r."releasedOn", r."releasedPrecision"), constancia_tally_precision(r."releasedOn", r."releasedPrecision"),
       p."nationality", p."disclosure" = 'withheld', x.status, sum(x.delta)::int
  FROM (
    SELECT c."releaseId", constancia_caracas_day(c."changedAt") AS day, constancia_tally_bucket(c."toStatus") AS status, 1 AS delta
      FROM "ReleaseStatusChange" c
    UNION ALL
    SELECT c."releaseId", constancia_caracas_day(c."changedAt"), constancia_tally_bucket(c."fromStatus"), -1 FROM "ReleaseStatusChange" c
    UNION ALL
    SELECT r2."id", constancia_caracas_day(LEAST(r2."deletedAt", p2."deletedAt")), constancia_tally_bucket(r2."status"), -1
      FROM "Release" r2 JOIN "Person" p2 ON p2."id" = r2."personId"
     WHERE COALESCE(r2."deletedAt", p2."deletedAt") IS NOT NULL
  ) x
  JOIN "Release" r ON r."id" = x."releaseId"
  JOIN "Person" p ON p."id" = r."personId"
 WHERE x.status IS NOT NULL
 GROUP BY 1, 2, 3, 4, 5, 6
ON CONFLICT ("day", "releasedOn", "releasedPrecision", "nationality", "withheld", "status")
DO UPDATE SET "delta" = t."delta" + EXCLUDED."delta";
