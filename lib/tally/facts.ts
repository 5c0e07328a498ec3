import { claimOfSnapshot, type AnnouncementSnapshot } from "../announcements/revision.ts";
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
 * Release counts come from TallyDelta, TallyGroup and TallySeries (how they
 * moved each day, kept by triggers; see prisma/schema.prisma), so that a past
 * day costs a read of small tables rather than a walk through every release's
 * history.
 *
 * Raw SQL throughout: sums grouped over a table, and "the latest row per
 * announcement at an instant" (DISTINCT ON), which Prisma's query API cannot
 * express without loading every row.
 */
export async function readTallyFacts(asOf: string): Promise<TallyFacts> {
  const instant = endOfCaracasDay(asOf);
  const [cells, claims, lists, verifiedDeltas] = await Promise.all([
    releaseCells(asOf),
    claimsAt(instant, asOf),
    listFacts(instant),
    verifiedDeltasUntil(asOf),
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

async function releaseCells(asOf: string): Promise<ReleaseCell[]> {
  // A group (release date, nationality, disclosure, status) that last moved on or before `asOf` counts as it
  // stands (TallyGroup); only groups still moving then are summed from their TallyDelta rows up to `asOf`.
  return db().$queryRaw<CellRow[]>`
    SELECT CASE WHEN g."releasedPrecision" = 'unknown' THEN NULL ELSE to_char(g."releasedOn", 'YYYY-MM-DD') END AS "releasedOn",
           g."releasedPrecision"::text AS "precision", g."nationality"::text AS "nationality", g."withheld", g."status", g."n"
      FROM "TallyGroup" g
     WHERE g."lastDay" <= ${asOf}::date AND g."n" <> 0
    UNION ALL
    SELECT CASE WHEN g."releasedPrecision" = 'unknown' THEN NULL ELSE to_char(g."releasedOn", 'YYYY-MM-DD') END,
           g."releasedPrecision"::text, g."nationality"::text, g."withheld", g."status", m."n"
      FROM "TallyGroup" g
      CROSS JOIN LATERAL (
        SELECT coalesce(sum(d."delta"), 0)::int AS "n"
          FROM "TallyDelta" d
         WHERE d."releasedOn" = g."releasedOn" AND d."releasedPrecision" = g."releasedPrecision"
           AND d."nationality" = g."nationality" AND d."withheld" = g."withheld" AND d."status" = g."status"
           AND d."day" <= ${asOf}::date
      ) m
     WHERE g."firstDay" <= ${asOf}::date AND g."lastDay" > ${asOf}::date AND m."n" <> 0`;
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
    .map(({ id, snapshot, recordedAt }) => ({
      id,
      ...claimOfSnapshot(snapshot),
      recordedAt: recordedAt.toISOString(),
    }));
}

interface ListRow {
  kind: "lines" | "cells";
  announcementId: string;
  // kind "cells": one cell of the releases of the persons the list names.
  releasedOn: string | null;
  precision: ReleaseCell["precision"] | null;
  nationality: string | null;
  withheld: boolean | null;
  status: ReleaseCell["status"] | null;
  n: number;
  // kind "lines": the list's lines by how they were matched.
  names: number;
  matchedVerified: number;
  matchedVerifiedWithheld: number;
  matchedUnverified: number;
  matchedUnverifiedWithheld: number;
  unmatched: number;
}

/**
 * Every name list's figures at the instant, in one statement: the lines loaded
 * by then, each with the person it was linked to by then (an automatic link
 * when the line was loaded, a moderator's when decided); the releases of those
 * persons with their status then (one index lookup each: lists are short
 * beside the whole register); then both the line counts and the cells of the
 * listed persons' releases (for "verified, not listed").
 */
async function listFacts(instant: Date): Promise<Map<string, ListFacts>> {
  const rows = await db().$queryRaw<ListRow[]>`
    WITH lines AS MATERIALIZED (
      SELECT n."announcementId",
             CASE WHEN (n."linkMethod" = 'automatic' AND n."createdAt" <= ${instant})
                    OR (n."linkMethod" IN ('confirmed', 'created') AND n."decidedAt" <= ${instant})
                  THEN n."personId" END AS "personId"
        FROM "AnnouncedName" n
       WHERE n."createdAt" <= ${instant}
    ),
    persons AS MATERIALIZED (
      SELECT p."id" AS "personId", p."nationality", (p."disclosure" = 'withheld') AS "withheld", p."deletedAt"
        FROM (SELECT DISTINCT "personId" FROM lines WHERE "personId" IS NOT NULL) l
        JOIN "Person" p ON p."id" = l."personId"
    ),
    releases AS MATERIALIZED (
      SELECT ps."personId", ps."nationality", ps."withheld", r."releasedOn", r."releasedPrecision", st."toStatus"
        FROM persons ps
        JOIN LATERAL (
          SELECT r."id", r."releasedOn", r."releasedPrecision" FROM "Release" r
           WHERE r."personId" = ps."personId" AND (r."deletedAt" IS NULL OR r."deletedAt" > ${instant})
        ) r ON true
        JOIN LATERAL (
          SELECT c."toStatus" FROM "ReleaseStatusChange" c
           WHERE c."releaseId" = r."id" AND c."changedAt" <= ${instant}
           ORDER BY c."changedAt" DESC, c."id" DESC LIMIT 1
        ) st ON st."toStatus" IN ('verified', 'reported', 'disputed')
       WHERE ps."deletedAt" IS NULL OR ps."deletedAt" > ${instant}
    ),
    verified AS (
      SELECT "personId" FROM releases GROUP BY "personId" HAVING bool_or("toStatus" = 'verified')
    )
    SELECT 'lines' AS "kind", l."announcementId"::text AS "announcementId",
           NULL AS "releasedOn", NULL AS "precision", NULL AS "nationality", NULL::boolean AS "withheld", NULL AS "status", 0 AS "n",
           count(*)::int AS "names",
           count(*) FILTER (WHERE v."personId" IS NOT NULL)::int AS "matchedVerified",
           count(*) FILTER (WHERE v."personId" IS NOT NULL AND ps."withheld")::int AS "matchedVerifiedWithheld",
           count(*) FILTER (WHERE l."personId" IS NOT NULL AND v."personId" IS NULL)::int AS "matchedUnverified",
           count(*) FILTER (WHERE l."personId" IS NOT NULL AND v."personId" IS NULL AND ps."withheld")::int AS "matchedUnverifiedWithheld",
           count(*) FILTER (WHERE l."personId" IS NULL)::int AS "unmatched"
      FROM lines l
      LEFT JOIN persons ps ON ps."personId" = l."personId"
      LEFT JOIN verified v ON v."personId" = l."personId"
     GROUP BY l."announcementId"
    UNION ALL
    SELECT 'cells', x."announcementId"::text,
           CASE WHEN x."releasedOn" IS NULL OR x."releasedPrecision" = 'unknown' THEN NULL ELSE to_char(x."releasedOn", 'YYYY-MM-DD') END,
           CASE WHEN x."releasedOn" IS NULL THEN 'unknown' ELSE x."releasedPrecision"::text END,
           x."nationality"::text, x."withheld",
           CASE WHEN x."toStatus" = 'verified' THEN 'verified' ELSE 'reported' END,
           count(*)::int, 0, 0, 0, 0, 0, 0
      FROM (
        SELECT listed."announcementId", r.*
          FROM (SELECT DISTINCT "announcementId", "personId" FROM lines WHERE "personId" IS NOT NULL) listed
          JOIN releases r ON r."personId" = listed."personId"
      ) x
     GROUP BY 2, 3, 4, 5, 6, 7`;

  const lists = new Map<string, ListFacts>();
  for (const row of rows) {
    if (row.kind !== "lines") continue;
    const { names, matchedVerified, matchedVerifiedWithheld, matchedUnverified, matchedUnverifiedWithheld, unmatched } = row;
    lists.set(row.announcementId, { names, matchedVerified, matchedVerifiedWithheld, matchedUnverified, matchedUnverifiedWithheld, unmatched, listedCells: [] });
  }
  for (const row of rows) {
    if (row.kind !== "cells") continue;
    lists.get(row.announcementId)?.listedCells.push({
      releasedOn: row.releasedOn,
      precision: row.precision!,
      nationality: row.nationality!,
      withheld: row.withheld!,
      status: row.status!,
      n: row.n,
    });
  }
  return lists;
}

async function verifiedDeltasUntil(asOf: string): Promise<{ date: string; delta: number }[]> {
  // TallySeries: the net change of verified releases per day; its running sum is the series.
  return db().$queryRaw<{ date: string; delta: number }[]>`
    SELECT to_char(s."day", 'YYYY-MM-DD') AS "date", s."delta"
      FROM "TallySeries" s
     WHERE s."day" <= ${asOf}::date AND s."delta" <> 0
     ORDER BY s."day"`;
}
