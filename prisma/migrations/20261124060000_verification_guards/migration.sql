-- Hand-written: what the database itself guards of the verification rule
-- (lib/reviews/rule.ts decides; these stop any other code path, or a hand-typed
-- UPDATE, from breaking maker-checker). Prisma's schema language has neither
-- CHECK constraints nor triggers, so they live only here.

-- A rejection and a request for more evidence always say why.
ALTER TABLE "Review" DROP CONSTRAINT "Review_reject_reason_check";
ALTER TABLE "Review" ADD CONSTRAINT "Review_reason_check" CHECK ("decision" = 'approve' OR length(btrim(coalesce("reason", ''))) > 0);

-- A verified release says when it was verified.
ALTER TABLE "Release" ADD CONSTRAINT "Release_verified_at_check" CHECK ("status" <> 'verified' OR "verifiedAt" IS NOT NULL);

-- Maker-checker: whoever reported a release never reviews it.
CREATE FUNCTION "constancia_review_not_by_reporter"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF EXISTS (SELECT 1 FROM "Release" r WHERE r.id = NEW."releaseId" AND r."reportedById" = NEW."reviewerId") THEN
    RAISE EXCEPTION 'the reporter of release % cannot review it', NEW."releaseId" USING ERRCODE = 'check_violation';
  END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER "Review_not_by_reporter" BEFORE INSERT OR UPDATE ON "Review"
  FOR EACH ROW EXECUTE FUNCTION "constancia_review_not_by_reporter"();

-- A release becomes verified only with evidence and at least one approval of its
-- current round by someone other than its reporter. (How many approvals is the
-- app's setting, CONSTANCIA_APPROVALS_REQUIRED; the database holds the floor.)
CREATE FUNCTION "constancia_verified_needs_evidence_and_approval"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM "Evidence" e WHERE e."releaseId" = NEW.id AND e."deletedAt" IS NULL) THEN
    RAISE EXCEPTION 'release % has no evidence and cannot be verified', NEW.id USING ERRCODE = 'check_violation';
  END IF;
  IF NOT EXISTS (
    SELECT 1 FROM "Review" v
    WHERE v."releaseId" = NEW.id AND v.round = NEW."reviewRound" AND v.decision = 'approve'
      AND v."reviewerId" IS DISTINCT FROM NEW."reportedById"
  ) THEN
    RAISE EXCEPTION 'release % has no approval in this round and cannot be verified', NEW.id USING ERRCODE = 'check_violation';
  END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER "Release_verified_needs_evidence_and_approval" BEFORE UPDATE OF "status" ON "Release"
  FOR EACH ROW WHEN (NEW."status" = 'verified' AND OLD."status" IS DISTINCT FROM 'verified')
  EXECUTE FUNCTION "constancia_verified_needs_evidence_and_approval"();
