import { scopeText } from "../announcements/revision.ts";
import type { ClaimFigures, Tally } from "./compute.ts";

/**
 * What the public may see of a tally (DESIGN.md rule 4), in the one place
 * every public reader goes through: the API (`GET /api/v1/tally`), the
 * reconciliation pages and their CSV downloads.
 *
 * Withheld persons are counted, never named; and a small count that contains
 * one is not shown, because "1 German released on 12 January" points at a
 * person whose family asked not to be named. A figure from 1 to
 * SMALL_COUNT − 1 that includes a withheld person is suppressed (null, and
 * named in `suppressed`), together with the figures it could be worked back
 * from: the gap with the verified count, and the two matched counts together.
 */
export const SMALL_COUNT = 5;

type Figure = "verifiedInScope" | "reportedInScope" | "gap" | "matchedVerified" | "matchedUnverified" | "verifiedNotListed";

export interface PublicTallyAnnouncement {
  id: string;
  claimant: string;
  claimantKind: ClaimFigures["claim"]["claimantKind"];
  statedOn: string;
  statedOnApproximate: boolean;
  measure: "released" | "detained";
  claimed: { qualifier: "exact" | "at_least" | "about"; value: number } | { qualifier: "range"; min: number; max: number };
  covers: { basis: ClaimFigures["claim"]["basis"]; from: string | null; to: string | null; date: string | null };
  scope: string;
  status: "active" | "disputed" | "superseded";
  supersededById: string | null;
  verifiedInScope: number | null;
  reportedInScope: number | null;
  gap: number | null;
  list: null | {
    names: number;
    matchedVerified: number | null;
    matchedUnverified: number | null;
    unmatched: number;
    verifiedNotListed: number | null;
  };
  /** Figures not shown because they are small and include a withheld person. */
  suppressed: Figure[];
}

export interface PublicTally {
  asOf: string;
  releases: Tally["releases"];
  announcements: PublicTallyAnnouncement[];
  series: Tally["series"];
}

const small = (value: number | null, withheld: number) => value !== null && withheld > 0 && value > 0 && value < SMALL_COUNT;

export function suppressedFigures(figures: ClaimFigures): Set<Figure> {
  const hidden = new Set<Figure>();
  const w = figures.withheldIn;
  if (small(figures.verifiedInScope, w.verifiedInScope)) hidden.add("verifiedInScope").add("gap");
  if (small(figures.reportedInScope, w.reportedInScope)) hidden.add("reportedInScope");
  if (figures.list) {
    if (small(figures.list.matchedVerified, w.matchedVerified) || small(figures.list.matchedUnverified, w.matchedUnverified)) {
      hidden.add("matchedVerified").add("matchedUnverified");
    }
    if (hidden.has("verifiedInScope") || small(figures.list.verifiedNotListed, w.verifiedNotListed)) hidden.add("verifiedNotListed");
  }
  return hidden;
}

export function publicAnnouncementFigures(figures: ClaimFigures): PublicTallyAnnouncement {
  const { claim } = figures;
  const hidden = suppressedFigures(figures);
  const show = (figure: Figure, value: number | null) => (hidden.has(figure) ? null : value);
  return {
    id: claim.id,
    claimant: claim.claimant,
    claimantKind: claim.claimantKind,
    statedOn: claim.statedOn,
    statedOnApproximate: claim.statedOnApproximate,
    measure: claim.measure,
    claimed:
      claim.qualifier === "range"
        ? { qualifier: "range", min: claim.min ?? 0, max: claim.max ?? 0 }
        : { qualifier: claim.qualifier, value: claim.value ?? 0 },
    covers: { basis: claim.basis, from: claim.coversFrom, to: claim.coversTo, date: claim.coversDate },
    scope: scopeText(claim),
    status: claim.status,
    supersededById: claim.supersededById,
    verifiedInScope: show("verifiedInScope", figures.verifiedInScope),
    reportedInScope: show("reportedInScope", figures.reportedInScope),
    gap: show("gap", figures.gap),
    list: figures.list && {
      names: figures.list.names,
      matchedVerified: show("matchedVerified", figures.list.matchedVerified),
      matchedUnverified: show("matchedUnverified", figures.list.matchedUnverified),
      unmatched: figures.list.unmatched,
      verifiedNotListed: show("verifiedNotListed", figures.list.verifiedNotListed),
    },
    suppressed: [...hidden],
  };
}

export function publicTally(tally: Tally): PublicTally {
  return {
    asOf: tally.asOf,
    releases: tally.releases,
    announcements: tally.announcements.map(publicAnnouncementFigures),
    series: tally.series,
  };
}
