import { describe, expect, it } from "vitest";
import type { ClaimAtInstant, ClaimFigures } from "./compute.ts";
import { publicAnnouncementFigures, SMALL_COUNT } from "./public.ts";

const CLAIM: ClaimAtInstant = {
  id: "c",
  claimant: "Gobierno de España",
  claimantKind: "foreign_government",
  statedOn: "2026-01-08",
  statedOnApproximate: true,
  measure: "released",
  qualifier: "exact",
  value: 5,
  min: null,
  max: null,
  basis: "unspecified",
  coversFrom: null,
  coversTo: null,
  coversDate: null,
  scopeKind: "nationality",
  scopeNationality: "ES",
  status: "active",
  supersededById: null,
  recordedAt: "2026-01-09T12:00:00.000Z",
};

function figures(overrides: Partial<ClaimFigures> = {}, withheld: Partial<ClaimFigures["withheldIn"]> = {}): ClaimFigures {
  return {
    claim: CLAIM,
    verifiedInScope: 3,
    reportedInScope: 1,
    gap: 2,
    list: null,
    ...overrides,
    withheldIn: { verifiedInScope: 0, reportedInScope: 0, matchedVerified: 0, matchedUnverified: 0, verifiedNotListed: 0, ...withheld },
  };
}

describe("public tally figures (DESIGN.md rule 4)", () => {
  it("shows small counts that name nobody withheld", () => {
    const view = publicAnnouncementFigures(figures());
    expect(view).toMatchObject({ verifiedInScope: 3, reportedInScope: 1, gap: 2, suppressed: [], scope: "nationality:ES" });
    expect(view.claimed).toEqual({ qualifier: "exact", value: 5 });
  });

  it("hides a small verified count with a withheld person in it, and the gap it could be worked back from", () => {
    const view = publicAnnouncementFigures(figures({}, { verifiedInScope: 1 }));
    expect(view).toMatchObject({ verifiedInScope: null, gap: null, reportedInScope: 1 });
    expect(view.suppressed.sort()).toEqual(["gap", "verifiedInScope"]);
  });

  it(`shows counts of ${SMALL_COUNT} or more even with a withheld person in them`, () => {
    const view = publicAnnouncementFigures(figures({ verifiedInScope: SMALL_COUNT, gap: 0 }, { verifiedInScope: 1 }));
    expect(view.verifiedInScope).toBe(SMALL_COUNT);
    expect(view.suppressed).toEqual([]);
  });

  it("hides both matched counts of a list together, so that neither can be worked out from the other", () => {
    const view = publicAnnouncementFigures(
      figures(
        { verifiedInScope: 40, gap: -35, list: { names: 30, matchedVerified: 2, matchedUnverified: 8, unmatched: 20, verifiedNotListed: 38 } },
        { verifiedInScope: 1, matchedVerified: 1 },
      ),
    );
    expect(view.list).toEqual({ names: 30, matchedVerified: null, matchedUnverified: null, unmatched: 20, verifiedNotListed: 38 });
  });

  it("hides the verified releases a list leaves out when the verified count itself is hidden", () => {
    const view = publicAnnouncementFigures(
      figures(
        { verifiedInScope: 2, gap: 3, list: { names: 3, matchedVerified: 0, matchedUnverified: 0, unmatched: 3, verifiedNotListed: 2 } },
        { verifiedInScope: 1, verifiedNotListed: 1 },
      ),
    );
    expect(view.list?.verifiedNotListed).toBeNull();
    expect(view.suppressed).toContain("verifiedNotListed");
  });

  it("writes a range as min and max", () => {
    const view = publicAnnouncementFigures({ ...figures(), claim: { ...CLAIM, qualifier: "range", value: null, min: 60, max: 70 } });
    expect(view.claimed).toEqual({ qualifier: "range", min: 60, max: 70 });
  });
});
