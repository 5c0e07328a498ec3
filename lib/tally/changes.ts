import { claimOfSnapshot, type AnnouncementSnapshot } from "../announcements/revision.ts";
import { caracasDay, endOfCaracasDay } from "../dates.ts";
import { db } from "../db/client.ts";
import { publicPersonView } from "../persons/public.ts";

/**
 * What changed between two as-of days (DESIGN.md rule 2: "changes between two
 * dates are listed"): the releases that became verified, disputed or
 * retracted, and the announcements recorded or changed, after the end of
 * `from` and up to the end of `to` (Caracas time). That is exactly the
 * difference between the tally as of `from` and as of `to`
 * (lib/tally/facts.ts reads the same history, with the same rules: a release
 * or person deleted later still counts for the days it was on record; a
 * merged person's releases live on the survivor).
 *
 * Public by construction (DESIGN.md rule 4): persons pass through
 * `publicPersonView` — a name as its disclosure allows (full, or initials),
 * and withheld persons counted, never named; a person's page id is given only
 * for a fully public name, as the public list does. Who made a change is
 * never read.
 */

export const RELEASE_CHANGE_KINDS = ["verified", "disputed", "retracted"] as const;
export type ReleaseChangeKind = (typeof RELEASE_CHANGE_KINDS)[number];

/** At most this many named rows per kind by default; the rest are counted. */
export const DEFAULT_NAMED_LIMIT = 500;

export interface ReleaseChange {
  releaseId: string;
  /** The Caracas day of the change, "YYYY-MM-DD". */
  on: string;
  /** The name as its disclosure allows; `personId` only for a fully public name (its public page). */
  person: { name: string; disclosure: "public" | "initials"; personId: string | null };
  /** The release date as recorded ("YYYY-MM-DD", the 1st for a month), for its public month. */
  releasedOn: string | null;
  precision: "day" | "month" | "unknown";
}

export interface ReleaseChangeGroup {
  /** Every change of this kind in the interval, named or not. */
  total: number;
  /** Of them, persons whose names are withheld: counted, never named. */
  withheld: number;
  /** The named ones, oldest first (at most the limit). */
  named: ReleaseChange[];
  /** Named changes left out beyond the limit. */
  more: number;
}

export interface AnnouncementChange {
  id: string;
  /** The Caracas day it was recorded (for "recorded") or last changed in the interval. */
  on: string;
  /** The claim as it stood at the end of `to`. */
  claim: Pick<
    AnnouncementSnapshot,
    | "claimant"
    | "claimantKind"
    | "statedOn"
    | "statedOnApproximate"
    | "measure"
    | "qualifier"
    | "value"
    | "min"
    | "max"
    | "basis"
    | "coversFrom"
    | "coversTo"
    | "coversDate"
    | "scopeKind"
    | "scopeNationality"
    | "status"
    | "supersededById"
  >;
}

export interface TallyChanges {
  from: string;
  to: string;
  releases: Record<ReleaseChangeKind, ReleaseChangeGroup>;
  announcements: {
    /** First recorded in the interval (and not withdrawn by its end). */
    recorded: AnnouncementChange[];
    /** Recorded before, corrected or re-marked (disputed, superseded) in the interval. */
    changed: AnnouncementChange[];
    /** Recorded before, withdrawn (deleted) in the interval. */
    withdrawn: AnnouncementChange[];
  };
}

interface CountRow {
  kind: ReleaseChangeKind;
  withheld: boolean;
  n: number;
}

interface NamedRow {
  kind: ReleaseChangeKind;
  releaseId: string;
  changedAt: Date;
  personId: string;
  givenNames: string;
  surnames: string;
  disclosure: "public" | "initials" | "withheld";
  releasedOn: string | null;
  precision: "day" | "month" | "unknown";
}

interface RevisionRow {
  id: string;
  snapshot: AnnouncementSnapshot;
  recordedAt: Date;
  lastChangedAt: Date;
}

/**
 * Changes after the end of `from` up to the end of `to` (both "YYYY-MM-DD",
 * validated by the caller with asOfDaySchema; `from` ≤ `to`).
 */
export async function tallyChanges(
  from: string,
  to: string,
  options: { namedLimit?: number } = {},
): Promise<TallyChanges> {
  if (from > to) throw new RangeError(`tallyChanges: ${from} is after ${to}`);
  const start = endOfCaracasDay(from);
  const end = endOfCaracasDay(to);
  const limit = options.namedLimit ?? DEFAULT_NAMED_LIMIT;
  const [counts, named, revisions] = await Promise.all([
    releaseChangeCounts(start, end),
    namedReleaseChanges(start, end, limit),
    announcementRevisions(start, end),
  ]);

  const group = (): ReleaseChangeGroup => ({ total: 0, withheld: 0, named: [], more: 0 });
  const releases: Record<ReleaseChangeKind, ReleaseChangeGroup> = { verified: group(), disputed: group(), retracted: group() };
  for (const row of counts) {
    releases[row.kind].total += row.n;
    if (row.withheld) releases[row.kind].withheld += row.n;
  }
  for (const row of named) {
    const view = publicPersonView({ id: row.personId, givenNames: row.givenNames, surnames: row.surnames, disclosure: row.disclosure });
    const changes = releases[row.kind];
    if (view.displayName === null || view.disclosure === "withheld") {
      // A name that cannot be shown (nothing to show) is counted like a withheld one.
      changes.withheld += 1;
      continue;
    }
    changes.named.push({
      releaseId: row.releaseId,
      on: caracasDay(row.changedAt),
      person: {
        name: view.displayName,
        disclosure: view.disclosure,
        personId: view.disclosure === "public" ? view.id : null,
      },
      releasedOn: row.releasedOn,
      precision: row.precision,
    });
  }
  for (const changes of Object.values(releases)) changes.more = Math.max(0, changes.total - changes.withheld - changes.named.length);

  const announcements: TallyChanges["announcements"] = { recorded: [], changed: [], withdrawn: [] };
  for (const row of revisions) {
    const recordedInInterval = row.recordedAt > start;
    const change: AnnouncementChange = {
      id: row.id,
      on: caracasDay(recordedInInterval && !row.snapshot.deleted ? row.recordedAt : row.lastChangedAt),
      claim: claimOf(row.snapshot),
    };
    if (recordedInInterval) {
      // Recorded and withdrawn within the interval: it never stood at either end.
      if (!row.snapshot.deleted) announcements.recorded.push(change);
    } else if (row.snapshot.deleted) {
      announcements.withdrawn.push(change);
    } else {
      announcements.changed.push(change);
    }
  }
  const byDay = (a: AnnouncementChange, b: AnnouncementChange) =>
    a.on.localeCompare(b.on) || a.claim.statedOn.localeCompare(b.claim.statedOn) || a.claim.claimant.localeCompare(b.claim.claimant, "es");
  announcements.recorded.sort(byDay);
  announcements.changed.sort(byDay);
  announcements.withdrawn.sort(byDay);

  return { from, to, releases, announcements };
}

function claimOf(s: AnnouncementSnapshot): AnnouncementChange["claim"] {
  return claimOfSnapshot(s);
}

// Raw SQL below: the counts are a GROUP BY over the status history, and the
// named rows "the first N of each kind" a window function; Prisma's query API
// can express neither without loading every change of the interval.

async function releaseChangeCounts(start: Date, end: Date): Promise<CountRow[]> {
  return db().$queryRaw<CountRow[]>`
    SELECT c."toStatus"::text AS "kind",
           (p."disclosure" = 'withheld') AS "withheld",
           count(*)::int AS "n"
      FROM "ReleaseStatusChange" c
      JOIN "Release" r ON r."id" = c."releaseId"
      JOIN "Person" p ON p."id" = r."personId"
     WHERE c."changedAt" > ${start} AND c."changedAt" <= ${end}
       AND c."toStatus" IN ('verified', 'disputed', 'retracted')
       AND (r."deletedAt" IS NULL OR r."deletedAt" > ${end})
       AND (p."deletedAt" IS NULL OR p."deletedAt" > ${end})
       AND p."mergedIntoId" IS NULL
     GROUP BY 1, 2`;
}

async function namedReleaseChanges(start: Date, end: Date, limit: number): Promise<NamedRow[]> {
  return db().$queryRaw<NamedRow[]>`
    SELECT x."kind", x."releaseId", x."changedAt", x."personId", x."givenNames", x."surnames", x."disclosure",
           x."releasedOn", x."precision"
      FROM (
        SELECT c."toStatus"::text AS "kind",
               c."releaseId"::text AS "releaseId",
               c."changedAt",
               p."id"::text AS "personId",
               p."givenNames",
               p."surnames",
               p."disclosure"::text AS "disclosure",
               to_char(r."releasedOn", 'YYYY-MM-DD') AS "releasedOn",
               r."releasedPrecision"::text AS "precision",
               row_number() OVER (PARTITION BY c."toStatus" ORDER BY c."changedAt", c."id") AS "rank"
          FROM "ReleaseStatusChange" c
          JOIN "Release" r ON r."id" = c."releaseId"
          JOIN "Person" p ON p."id" = r."personId"
         WHERE c."changedAt" > ${start} AND c."changedAt" <= ${end}
           AND c."toStatus" IN ('verified', 'disputed', 'retracted')
           AND p."disclosure" <> 'withheld'
           AND (r."deletedAt" IS NULL OR r."deletedAt" > ${end})
           AND (p."deletedAt" IS NULL OR p."deletedAt" > ${end})
           AND p."mergedIntoId" IS NULL
      ) AS x
     WHERE x."rank" <= ${limit}
     ORDER BY x."kind", x."rank"`;
}

async function announcementRevisions(start: Date, end: Date): Promise<RevisionRow[]> {
  // The announcements with a version in the interval, each as it stood at its end, with when it was first recorded.
  return db().$queryRaw<RevisionRow[]>`
    WITH touched AS (
      SELECT DISTINCT v."announcementId"
        FROM "AnnouncementRevision" v
       WHERE v."changedAt" > ${start} AND v."changedAt" <= ${end}
    )
    SELECT latest."announcementId"::text AS "id", latest."snapshot", latest."changedAt" AS "lastChangedAt",
           first."recordedAt"
      FROM (
        SELECT DISTINCT ON (v."announcementId") v."announcementId", v."snapshot", v."changedAt"
          FROM "AnnouncementRevision" v
          JOIN touched t ON t."announcementId" = v."announcementId"
         WHERE v."changedAt" <= ${end}
         ORDER BY v."announcementId", v."version" DESC
      ) AS latest
      JOIN LATERAL (
        SELECT min(f."changedAt") AS "recordedAt" FROM "AnnouncementRevision" f WHERE f."announcementId" = latest."announcementId"
      ) AS first ON true`;
}
