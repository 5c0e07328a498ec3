import type { AnnouncementSnapshot } from "../announcements/revision.ts";
import { endOfCaracasDay } from "../dates.ts";
import { db } from "../db/client.ts";
import type { ClaimAtInstant, ListFacts, ReleaseCell, TallyFacts } from "./compute.ts";

/**
 * The facts of the tally as they stood at the end of `asOf` (Caracas time),
 * read from the history tables so that any past day is reproducible:
 * - a release's status is its latest ReleaseStatusChange by then;
 * - a release or person deleted later still counts for earlier days (it was
 *   on record then); merged persons' releases live on the survivor;
 * - an announcement reads as its latest AnnouncementRevision by then, and
 *   counts only when it had been recorded and stated by then;
 * - a name-list line counts once loaded, and its link once made (an
 *   automatic link when the line was loaded, a moderator's when decided).
 * What a person is (nationality, whether withheld) is read as it is now: a
 * family's later request to withhold a name holds for past views too.
 *
 * Raw SQL throughout: "the latest row per release at an instant" is a
 * DISTINCT ON, and the counts are GROUP BYs over it, neither of which
 * Prisma's query API can express without loading every row.
 */
export async function readTallyFacts(asOf: string): Promise<TallyFacts> {
  const instant = endOfCaracasDay(asOf);
  const [cells, claims, lists, verifiedDeltas] = await Promise.all([
    releaseCells(instant),
    claimsAt(instant, asOf),
    listFacts(instant),
    verifiedDeltasUntil(instant),
  ]);
  return { asOf, cells, claims, lists, verifiedDeltas };
}

interface CellRow {
  releasedOn: string | null;
  precision: ReleaseCell["precision"];
  nationality: string;
  withheld: boolean;
  status: ReleaseCell["status"];
  n: number;
}

async function releaseCells(instant: Date): Promise<ReleaseCell[]> {
  return db().$queryRaw<CellRow[]>`
    WITH status_at AS (
      SELECT DISTINCT ON (c."releaseId") c."releaseId", c."toStatus"
        FROM "ReleaseStatusChange" c
       WHERE c."changedAt" <= ${instant}
       ORDER BY c."releaseId", c."changedAt" DESC, c."id" DESC
    )
    SELECT to_char(r."releasedOn", 'YYYY-MM-DD') AS "releasedOn",
           r."releasedPrecision"::text AS "precision",
           p."nationality"::text AS "nationality",
           (p."disclosure" = 'withheld') AS "withheld",
           CASE WHEN s."toStatus" = 'verified' THEN 'verified' ELSE 'reported' END AS "status",
           count(*)::int AS "n"
      FROM status_at s
      JOIN "Release" r ON r."id" = s."releaseId"
      JOIN "Person" p ON p."id" = r."personId"
     WHERE s."toStatus" IN ('verified', 'reported', 'disputed')
       AND (r."deletedAt" IS NULL OR r."deletedAt" > ${instant})
       AND (p."deletedAt" IS NULL OR p."deletedAt" > ${instant})
       AND p."mergedIntoId" IS NULL
     GROUP BY 1, 2, 3, 4, 5`;
}

interface RevisionRow {
  id: string;
  snapshot: AnnouncementSnapshot;
  recordedAt: Date;
}

async function claimsAt(instant: Date, asOf: string): Promise<ClaimAtInstant[]> {
  const rows = await db().$queryRaw<RevisionRow[]>`
    SELECT latest."announcementId"::text AS "id", latest."snapshot", first."changedAt" AS "recordedAt"
      FROM (
        SELECT DISTINCT ON (v."announcementId") v."announcementId", v."snapshot"
          FROM "AnnouncementRevision" v
         WHERE v."changedAt" <= ${instant}
         ORDER BY v."announcementId", v."version" DESC
      ) AS latest
      JOIN LATERAL (
        SELECT min(f."changedAt") AS "changedAt" FROM "AnnouncementRevision" f WHERE f."announcementId" = latest."announcementId"
      ) AS first ON true`;
  return rows
    .filter((row) => !row.snapshot.deleted && row.snapshot.statedOn <= asOf)
    .map(({ id, snapshot: s, recordedAt }) => ({
      id,
      claimant: s.claimant,
      claimantKind: s.claimantKind,
      statedOn: s.statedOn,
      statedOnApproximate: s.statedOnApproximate,
      measure: s.measure,
      qualifier: s.qualifier,
      value: s.value,
      min: s.min,
      max: s.max,
      basis: s.basis,
      coversFrom: s.coversFrom,
      coversTo: s.coversTo,
      coversDate: s.coversDate,
      scopeKind: s.scopeKind,
      scopeNationality: s.scopeNationality,
      status: s.status,
      supersededById: s.supersededById,
      recordedAt: recordedAt.toISOString(),
    }));
}

interface ListRow {
  announcementId: string;
  names: number;
  matchedVerified: number;
  matchedVerifiedWithheld: number;
  matchedUnverified: number;
  matchedUnverifiedWithheld: number;
  unmatched: number;
}

interface ListedCellRow extends CellRow {
  announcementId: string;
}

async function listFacts(instant: Date): Promise<Map<string, ListFacts>> {
  // The lines loaded by then, each with the person it was linked to by then (or none).
  const [lineRows, cellRows] = await Promise.all([
    db().$queryRaw<ListRow[]>`
      WITH lines AS (
        SELECT n."announcementId",
               CASE WHEN (n."linkMethod" = 'automatic' AND n."createdAt" <= ${instant})
                      OR (n."linkMethod" IN ('confirmed', 'created') AND n."decidedAt" <= ${instant})
                    THEN n."personId" END AS "personId"
          FROM "AnnouncedName" n
         WHERE n."createdAt" <= ${instant}
      ),
      persons AS (
        SELECT DISTINCT l."personId" FROM lines l WHERE l."personId" IS NOT NULL
      ),
      person_status AS (
        SELECT ps."personId",
               bool_or(st."toStatus" = 'verified') AS "verified",
               (p."disclosure" = 'withheld') AS "withheld"
          FROM persons ps
          JOIN "Person" p ON p."id" = ps."personId"
          LEFT JOIN "Release" r ON r."personId" = ps."personId"
               AND (r."deletedAt" IS NULL OR r."deletedAt" > ${instant})
          LEFT JOIN LATERAL (
            SELECT c."toStatus" FROM "ReleaseStatusChange" c
             WHERE c."releaseId" = r."id" AND c."changedAt" <= ${instant}
             ORDER BY c."changedAt" DESC, c."id" DESC LIMIT 1
          ) st ON true
         GROUP BY ps."personId", p."disclosure"
      )
      SELECT l."announcementId"::text AS "announcementId",
             count(*)::int AS "names",
             count(*) FILTER (WHERE s."verified")::int AS "matchedVerified",
             count(*) FILTER (WHERE s."verified" AND s."withheld")::int AS "matchedVerifiedWithheld",
             count(*) FILTER (WHERE l."personId" IS NOT NULL AND NOT coalesce(s."verified", false))::int AS "matchedUnverified",
             count(*) FILTER (WHERE l."personId" IS NOT NULL AND NOT coalesce(s."verified", false) AND s."withheld")::int AS "matchedUnverifiedWithheld",
             count(*) FILTER (WHERE l."personId" IS NULL)::int AS "unmatched"
        FROM lines l
        LEFT JOIN person_status s ON s."personId" = l."personId"
       GROUP BY l."announcementId"`,
    db().$queryRaw<ListedCellRow[]>`
      WITH listed AS (
        SELECT DISTINCT n."announcementId", n."personId"
          FROM "AnnouncedName" n
         WHERE n."createdAt" <= ${instant}
           AND ((n."linkMethod" = 'automatic' AND n."createdAt" <= ${instant})
             OR (n."linkMethod" IN ('confirmed', 'created') AND n."decidedAt" <= ${instant}))
      )
      SELECT l."announcementId"::text AS "announcementId",
             to_char(r."releasedOn", 'YYYY-MM-DD') AS "releasedOn",
             r."releasedPrecision"::text AS "precision",
             p."nationality"::text AS "nationality",
             (p."disclosure" = 'withheld') AS "withheld",
             CASE WHEN st."toStatus" = 'verified' THEN 'verified' ELSE 'reported' END AS "status",
             count(*)::int AS "n"
        FROM listed l
        JOIN "Person" p ON p."id" = l."personId"
        JOIN "Release" r ON r."personId" = l."personId" AND (r."deletedAt" IS NULL OR r."deletedAt" > ${instant})
        JOIN LATERAL (
          SELECT c."toStatus" FROM "ReleaseStatusChange" c
           WHERE c."releaseId" = r."id" AND c."changedAt" <= ${instant}
           ORDER BY c."changedAt" DESC, c."id" DESC LIMIT 1
        ) st ON st."toStatus" IN ('verified', 'reported', 'disputed')
       GROUP BY 1, 2, 3, 4, 5, 6`,
  ]);

  const lists = new Map<string, ListFacts>();
  for (const row of lineRows) {
    const { announcementId, ...counts } = row;
    lists.set(announcementId, { ...counts, listedCells: [] });
  }
  for (const { announcementId, ...cell } of cellRows) lists.get(announcementId)?.listedCells.push(cell);
  return lists;
}

async function verifiedDeltasUntil(instant: Date): Promise<{ date: string; delta: number }[]> {
  // Every change into or out of `verified`, netted per Caracas day: the running sum is the verified series.
  return db().$queryRaw<{ date: string; delta: number }[]>`
    SELECT to_char((c."changedAt" AT TIME ZONE 'America/Caracas')::date, 'YYYY-MM-DD') AS "date",
           sum(CASE WHEN c."toStatus" = 'verified' THEN 1 ELSE 0 END
             - CASE WHEN c."fromStatus" = 'verified' THEN 1 ELSE 0 END)::int AS "delta"
      FROM "ReleaseStatusChange" c
      JOIN "Release" r ON r."id" = c."releaseId"
      JOIN "Person" p ON p."id" = r."personId"
     WHERE c."changedAt" <= ${instant}
       AND (c."toStatus" = 'verified' OR c."fromStatus" = 'verified')
       AND (r."deletedAt" IS NULL OR r."deletedAt" > ${instant})
       AND (p."deletedAt" IS NULL OR p."deletedAt" > ${instant})
       AND p."mergedIntoId" IS NULL
     GROUP BY 1
     ORDER BY 1`;
}
