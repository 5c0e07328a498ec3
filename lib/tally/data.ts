import { db } from "../db/client.ts";
import type { CountQualifier } from "../generated/prisma/enums.ts";

export interface GovernmentClaim {
  claimant: string;
  statedOn: Date;
  statedOnApproximate: boolean;
  qualifier: CountQualifier;
  value: number | null;
  min: number | null;
  max: number | null;
}

export interface HeadlineTally {
  asOf: Date;
  /** Releases whose status at `asOf` was verified (withheld persons included). */
  verified: number;
  /** Releases whose status at `asOf` was reported or disputed: awaiting verification. */
  reported: number;
  /** Of `verified`, those of persons whose names are withheld (counted, never named). */
  verifiedWithheld: number;
  /** The latest release count claimed by a government claimant, stated on or before `asOf`. */
  latestGovernmentClaim: GovernmentClaim | null;
}

interface StatusCountRow {
  status: string;
  withheld: boolean;
  n: number;
}

/**
 * The public headline numbers as they stood at `asOf` (DESIGN.md rule 2: computed, never typed in).
 * A release counts with the status of its latest ReleaseStatusChange at or before `asOf`;
 * soft-deleted releases and persons (deleted, or merged into another) are left out.
 */
export async function headlineTally(asOf: Date): Promise<HeadlineTally> {
  // Raw SQL because "the latest status change per release at an instant" is a
  // DISTINCT ON (releaseId) … ORDER BY changedAt DESC, which Prisma's query API
  // cannot express without loading every change; this counts in one query.
  const rows = await db().$queryRaw<StatusCountRow[]>`
    SELECT latest."toStatus"::text AS status,
           (p."disclosure" = 'withheld') AS withheld,
           count(*)::int AS n
      FROM (
        SELECT DISTINCT ON (c."releaseId") c."releaseId", c."toStatus"
          FROM "ReleaseStatusChange" c
         WHERE c."changedAt" <= ${asOf}
         ORDER BY c."releaseId", c."changedAt" DESC, c."id" DESC
      ) AS latest
      JOIN "Release" r ON r."id" = latest."releaseId"
      JOIN "Person" p ON p."id" = r."personId"
     WHERE r."deletedAt" IS NULL
       AND p."deletedAt" IS NULL
       AND p."mergedIntoId" IS NULL
       AND latest."toStatus" IN ('verified', 'reported', 'disputed')
     GROUP BY 1, 2`;

  let verified = 0;
  let reported = 0;
  let verifiedWithheld = 0;
  for (const row of rows) {
    if (row.status === "verified") {
      verified += row.n;
      if (row.withheld) verifiedWithheld += row.n;
    } else {
      reported += row.n;
    }
  }

  const claim = await db().announcement.findFirst({
    where: { claimantKind: "government", measure: "released", deletedAt: null, statedOn: { lte: asOf } },
    orderBy: [{ statedOn: "desc" }, { createdAt: "desc" }],
    select: {
      claimant: true,
      statedOn: true,
      statedOnApproximate: true,
      qualifier: true,
      value: true,
      min: true,
      max: true,
    },
  });

  return { asOf, verified, reported, verifiedWithheld, latestGovernmentClaim: claim };
}
