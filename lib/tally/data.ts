import { todayInCaracas } from "../dates.ts";
import type { ClaimAtInstant } from "./compute.ts";
import { tallyAsOf } from "./service.ts";

export interface GovernmentClaim {
  claimant: string;
  statedOn: string;
  statedOnApproximate: boolean;
  qualifier: ClaimAtInstant["qualifier"];
  value: number | null;
  min: number | null;
  max: number | null;
}

export interface HeadlineTally {
  asOf: string;
  /** Releases verified at the end of `asOf` (withheld persons included). */
  verified: number;
  /** Releases reported or disputed then: awaiting verification. */
  reported: number;
  /** Of `verified`, those of persons whose names are withheld (counted, never named). */
  verifiedWithheld: number;
  /** The latest release count claimed by a government claimant, as recorded by then. */
  latestGovernmentClaim: GovernmentClaim | null;
}

/**
 * The home page's numbers (DESIGN.md rule 2: computed, never typed in): the
 * same computation, and the same cache, as the reconciliation page and
 * `GET /api/v1/tally`, so the three never disagree.
 */
export async function headlineTally(asOf: string = todayInCaracas()): Promise<HeadlineTally> {
  const { tally } = await tallyAsOf(asOf);
  // Announcements come newest statement first; among claims of one day, the one recorded last.
  const government = tally.announcements
    .map((figures) => figures.claim)
    .filter((claim) => claim.claimantKind === "government" && claim.measure === "released")
    .sort((a, b) => b.statedOn.localeCompare(a.statedOn) || b.recordedAt.localeCompare(a.recordedAt));
  const latest = government[0];
  return {
    asOf,
    ...tally.releases,
    latestGovernmentClaim: latest
      ? {
          claimant: latest.claimant,
          statedOn: latest.statedOn,
          statedOnApproximate: latest.statedOnApproximate,
          qualifier: latest.qualifier,
          value: latest.value,
          min: latest.min,
          max: latest.max,
        }
      : null,
  };
}
