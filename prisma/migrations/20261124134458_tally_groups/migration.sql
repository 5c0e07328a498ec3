-- CreateTable
CREATE TABLE "TallyGroup" (
    "releasedOn" DATE NOT NULL,
    "releasedPrecision" "DatePrecision" NOT NULL,
    "nationality" CHAR(2) NOT NULL,
    "withheld" BOOLEAN NOT NULL,
    "status" VARCHAR(10) NOT NULL,
    "n" INTEGER NOT NULL,
    "firstDay" DATE NOT NULL,
    "lastDay" DATE NOT NULL,

    CONSTRAINT "TallyGroup_pkey" PRIMARY KEY ("releasedOn","releasedPrecision","nationality","withheld","status")
);

-- CreateTable
CREATE TABLE "TallySeries" (
    "day" DATE NOT NULL,
    "delta" INTEGER NOT NULL,

    CONSTRAINT "TallySeries_pkey" PRIMARY KEY ("day")
);

-- CreateIndex
CREATE INDEX "TallyDelta_releasedOn_releasedPrecision_nationality_withhel_idx" ON "TallyDelta"("releasedOn", "releasedPrecision", "nationality", "withheld", "status", "day");

-- ───────────────────────── written by hand: TallyGroup and TallySeries follow TallyDelta ─────────────────────────
CREATE FUNCTION constancia_tally_roll_up() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  moved integer := NEW."delta" - CASE WHEN TG_OP = 'UPDATE' THEN OLD."delta" ELSE 0 END;
BEGIN
  IF moved = 0 THEN RETURN NULL; END IF;
  INSERT INTO "TallyGroup" AS g ("releasedOn", "releasedPrecision", "nationality", "withheld", "status", "n", "firstDay", "lastDay")
  VALUES (NEW."releasedOn", NEW."releasedPrecision", NEW."nationality", NEW."withheld", NEW."status", moved, NEW."day", NEW."day")
  ON CONFLICT ("releasedOn", "releasedPrecision", "nationality", "withheld", "status") DO UPDATE
    SET "n" = g."n" + EXCLUDED."n",
        "firstDay" = LEAST(g."firstDay", EXCLUDED."firstDay"),
        "lastDay" = GREATEST(g."lastDay", EXCLUDED."lastDay");
  IF NEW."status" = 'verified' THEN
    INSERT INTO "TallySeries" AS s ("day", "delta") VALUES (NEW."day", moved)
    ON CONFLICT ("day") DO UPDATE SET "delta" = s."delta" + EXCLUDED."delta";
  END IF;
  RETURN NULL;
END $$;

CREATE TRIGGER "TallyDelta_roll_up" AFTER INSERT OR UPDATE OF "delta" ON "TallyDelta"
  FOR EACH ROW EXECUTE FUNCTION constancia_tally_roll_up();

-- What TallyDelta already holds.
INSERT INTO "TallyGroup" ("releasedOn", "releasedPrecision", "nationality", "withheld", "status", "n", "firstDay", "lastDay")
SELECT "releasedOn", "releasedPrecision", "nationality", "withheld", "status", sum("delta")::int, min("day"), max("day")
  FROM "TallyDelta" GROUP BY 1, 2, 3, 4, 5;
INSERT INTO "TallySeries" ("day", "delta")
SELECT "day", sum("delta")::int FROM "TallyDelta" WHERE "status" = 'verified' GROUP BY 1;
