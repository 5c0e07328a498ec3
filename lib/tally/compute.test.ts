import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  buildCellIndex,
  computeTally,
  countInScope,
  nationalityInScope,
  coverageOf,
  dateInCoverage,
  verifiedSeries,
  type ClaimAtInstant,
  type ListFacts,
  type ReleaseCell,
  type TallyFacts,
} from "./compute.ts";

/** A claim with sensible defaults: the Ministry's "116", unspecified, everyone. */
function claim(overrides: Partial<ClaimAtInstant> = {}): ClaimAtInstant {
  return {
    id: overrides.id ?? "claim",
    claimant: "Ministerio",
    claimantKind: "government",
    statedOn: "2026-01-13",
    statedOnApproximate: false,
    measure: "released",
    qualifier: "exact",
    value: 116,
    min: null,
    max: null,
    basis: "unspecified",
    coversFrom: null,
    coversTo: null,
    coversDate: null,
    scopeKind: "all",
    scopeNationality: null,
    status: "active",
    supersededById: null,
    recordedAt: "2026-01-14T12:00:00.000Z",
    ...overrides,
  };
}

const cell = (
  releasedOn: string | null,
  n: number,
  extra: Partial<Omit<ReleaseCell, "releasedOn" | "n">> = {},
): ReleaseCell => ({
  releasedOn,
  precision: releasedOn === null ? "unknown" : "day",
  nationality: "VE",
  withheld: false,
  status: "verified",
  n,
  ...extra,
});

/**
 * The releases on record at the instant, by hand:
 *   2025-12-20  3 verified (VE)
 *   2026-01-08  10 verified (VE), 2 verified (ES), 4 reported (VE)
 *   2026-01-10  5 verified (VE, 1 of them withheld), 1 verified (CO)
 *   2026-01 (month only)  2 verified (VE)
 *   2026-01-14  7 verified (VE), 3 reported (VE)
 *   unknown date  6 verified (VE), 1 reported (VE)
 * Verified 36 (withheld 1), reported 8.
 */
const CELLS: ReleaseCell[] = [
  cell("2025-12-20", 3),
  cell("2026-01-08", 10),
  cell("2026-01-08", 2, { nationality: "ES" }),
  cell("2026-01-08", 4, { status: "reported" }),
  cell("2026-01-10", 4),
  cell("2026-01-10", 1, { withheld: true }),
  cell("2026-01-10", 1, { nationality: "CO" }),
  cell("2026-01-01", 2, { precision: "month" }),
  cell("2026-01-14", 7),
  cell("2026-01-14", 3, { status: "reported" }),
  cell(null, 6),
  cell(null, 1, { status: "reported" }),
];

function facts(claims: ClaimAtInstant[], lists: Map<string, ListFacts> = new Map(), asOf = "2026-01-20"): TallyFacts {
  return { asOf, cells: CELLS, claims, lists, verifiedDeltas: [] };
}

const figuresOf = (c: ClaimAtInstant, lists?: Map<string, ListFacts>) => computeTally(facts([c], lists)).announcements[0]!;

describe("headline", () => {
  it("counts verified, reported and withheld releases", () => {
    expect(computeTally(facts([])).releases).toEqual({ verified: 36, reported: 8, verifiedWithheld: 1 });
  });
});

describe("coverage", () => {
  it("unspecified: everything up to the day stated, and releases of unknown date", () => {
    // Stated 13 January: 3 + 10 + 2 + 4 + 1 + 1 = 21 verified by the 10th, + 6 of unknown date = 27.
    // The month-only January releases are not certainly before the 13th; the 14th is after.
    const figures = figuresOf(claim());
    expect(figures.verifiedInScope).toBe(27);
    expect(figures.reportedInScope).toBe(4 + 1);
    expect(figures.gap).toBe(116 - 27);
  });

  it("cumulative since: from the first day to the day stated, inclusive", () => {
    const figures = figuresOf(claim({ basis: "cumulative_since", coversFrom: "2026-01-08", statedOn: "2026-01-14", value: 56 }));
    // 10 + 2 + 4 + 1 + 1 + 7 = 25 verified; 4 + 3 reported; month-only January is not wholly inside 8–14 January.
    expect(figures.verifiedInScope).toBe(25);
    expect(figures.reportedInScope).toBe(7);
    expect(figures.gap).toBe(56 - 25);
  });

  it("window: both ends inclusive, and a month-only release when the whole month is inside", () => {
    const january = figuresOf(claim({ basis: "window", coversFrom: "2026-01-01", coversTo: "2026-01-31", statedOn: "2026-02-01" }));
    // 10 + 2 + 4 + 1 + 1 + 2 (month) + 7 = 27
    expect(january.verifiedInScope).toBe(27);
    const part = figuresOf(claim({ basis: "window", coversFrom: "2026-01-09", coversTo: "2026-01-10", statedOn: "2026-01-13" }));
    expect(part.verifiedInScope).toBe(6);
    expect(part.reportedInScope).toBe(0);
  });

  it("single day: that day only", () => {
    const figures = figuresOf(claim({ basis: "single_day", coversDate: "2026-01-14", statedOn: "2026-01-14", qualifier: "at_least", value: 104 }));
    expect(figures.verifiedInScope).toBe(7);
    expect(figures.reportedInScope).toBe(3);
    expect(figures.gap).toBe(97);
  });

  it("as of: everything released up to that day, undated releases excluded", () => {
    const figures = figuresOf(claim({ basis: "as_of", coversDate: "2026-01-08", statedOn: "2026-01-09" }));
    expect(figures.verifiedInScope).toBe(3 + 10 + 2);
  });

  it("knows which days a basis covers", () => {
    expect(coverageOf(claim({ basis: "cumulative_since", coversFrom: "2025-12-01", statedOn: "2026-01-13" }))).toEqual({
      from: "2025-12-01",
      to: "2026-01-13",
      undated: false,
    });
    expect(dateInCoverage("2026-02-01", "month", { from: "2026-02-01", to: "2026-02-28", undated: false })).toBe(true);
    expect(dateInCoverage("2026-02-01", "month", { from: "2026-02-01", to: "2026-02-27", undated: false })).toBe(false);
    expect(dateInCoverage(null, "unknown", { from: null, to: "2026-01-01", undated: false })).toBe(false);
  });
});

describe("scope", () => {
  const since = { basis: "cumulative_since" as const, coversFrom: "2026-01-08", statedOn: "2026-01-14" };
  it("nationals are VE, foreigners everyone else, or one nationality", () => {
    expect(figuresOf(claim({ ...since, scopeKind: "nationals" })).verifiedInScope).toBe(10 + 4 + 1 + 7);
    expect(figuresOf(claim({ ...since, scopeKind: "foreigners" })).verifiedInScope).toBe(2 + 1);
    expect(figuresOf(claim({ ...since, scopeKind: "nationality", scopeNationality: "ES", value: 5 })).verifiedInScope).toBe(2);
    expect(figuresOf(claim({ ...since, scopeKind: "nationality", scopeNationality: "ES", value: 5 })).gap).toBe(3);
  });
});

describe("qualifiers", () => {
  const since = { basis: "cumulative_since" as const, coversFrom: "2026-01-08", statedOn: "2026-01-14" };
  it("a range's gap is taken from its smallest count", () => {
    expect(figuresOf(claim({ ...since, qualifier: "range", value: null, min: 60, max: 70 })).gap).toBe(60 - 25);
  });
  it("at least and about keep their value; a negative gap means more verified than claimed", () => {
    expect(figuresOf(claim({ ...since, qualifier: "at_least", value: 400 })).gap).toBe(375);
    expect(figuresOf(claim({ ...since, qualifier: "about", value: 20 })).gap).toBe(-5);
  });
});

describe("claims about detentions", () => {
  it("are never compared with releases", () => {
    const figures = figuresOf(claim({ measure: "detained", basis: "as_of", coversDate: "2026-01-11", value: 800 }));
    expect(figures).toMatchObject({ verifiedInScope: null, reportedInScope: null, gap: null });
  });
});

describe("different bases side by side", () => {
  it("are each computed on their own, never added", () => {
    const tally = computeTally(
      facts([
        claim({ id: "daily", basis: "single_day", coversDate: "2026-01-14", statedOn: "2026-01-14", value: 10 }),
        claim({ id: "since-dec", basis: "cumulative_since", coversFrom: "2025-12-01", statedOn: "2026-01-13", value: 400 }),
      ]),
    );
    const byId = new Map(tally.announcements.map((a) => [a.claim.id, a]));
    expect(byId.get("daily")!.verifiedInScope).toBe(7);
    expect(byId.get("since-dec")!.verifiedInScope).toBe(3 + 10 + 2 + 4 + 1 + 1);
    // Newest statement first.
    expect(tally.announcements.map((a) => a.claim.id)).toEqual(["daily", "since-dec"]);
  });
});

describe("name lists", () => {
  it("reports the list's lines and the verified releases it leaves out", () => {
    const list: ListFacts = {
      names: 20,
      matchedVerified: 12,
      matchedVerifiedWithheld: 1,
      matchedUnverified: 3,
      matchedUnverifiedWithheld: 0,
      unmatched: 5,
      // The persons named: 11 of the 10+2+4+1+1+7 = 25 verified in coverage, and one outside it.
      listedCells: [cell("2026-01-08", 8), cell("2026-01-10", 1, { withheld: true }), cell("2026-01-14", 2), cell("2025-12-20", 1)],
    };
    const figures = figuresOf(
      claim({ id: "with-list", basis: "cumulative_since", coversFrom: "2026-01-08", statedOn: "2026-01-14" }),
      new Map([["with-list", list]]),
    );
    expect(figures.list).toEqual({ names: 20, matchedVerified: 12, matchedUnverified: 3, unmatched: 5, verifiedNotListed: 25 - 11 });
    expect(figures.withheldIn.verifiedNotListed).toBe(0);
  });
});

describe("verified series", () => {
  it("runs one point a day from the first change to the as-of day, netting disputes and retractions", () => {
    const series = verifiedSeries(
      [
        { date: "2026-01-08", delta: 3 },
        { date: "2026-01-10", delta: 2 },
        { date: "2026-01-11", delta: -1 },
        { date: "2026-01-20", delta: 9 },
      ],
      "2026-01-12",
    );
    expect(series).toEqual([
      { date: "2026-01-08", verifiedCumulative: 3 },
      { date: "2026-01-09", verifiedCumulative: 3 },
      { date: "2026-01-10", verifiedCumulative: 5 },
      { date: "2026-01-11", verifiedCumulative: 4 },
      { date: "2026-01-12", verifiedCumulative: 4 },
    ]);
    expect(verifiedSeries([], "2026-01-12")).toEqual([]);
  });
});

describe("counting in scope through the index", () => {
  /** The rule written the slow, obvious way: every cell checked against the coverage and the scope. */
  function naive(cells: readonly ReleaseCell[], c: ClaimAtInstant) {
    const coverage = coverageOf(c);
    const out = { verified: 0, verifiedWithheld: 0, reported: 0, reportedWithheld: 0 };
    for (const cell of cells) {
      if (!nationalityInScope(cell.nationality, c) || !dateInCoverage(cell.releasedOn, cell.precision, coverage)) continue;
      if (cell.status === "verified") {
        out.verified += cell.n;
        if (cell.withheld) out.verifiedWithheld += cell.n;
      } else {
        out.reported += cell.n;
        if (cell.withheld) out.reportedWithheld += cell.n;
      }
    }
    return out;
  }
  const day = fc.integer({ min: 0, max: 120 }).map((offset) => new Date(Date.UTC(2025, 11, 1) + offset * 86_400_000).toISOString().slice(0, 10));
  const cellArb = fc.record({
    releasedOn: fc.option(day, { nil: null }),
    precision: fc.constantFrom("day" as const, "month" as const),
    nationality: fc.constantFrom("VE", "ES", "CO"),
    withheld: fc.boolean(),
    status: fc.constantFrom("verified" as const, "reported" as const),
    n: fc.integer({ min: 1, max: 5 }),
  }).map((c): ReleaseCell => (c.releasedOn === null ? { ...c, precision: "unknown" } : c.precision === "month" ? { ...c, releasedOn: `${c.releasedOn.slice(0, 7)}-01` } : c));
  const claimArb = fc.record({
    basis: fc.constantFrom("window" as const, "cumulative_since" as const, "single_day" as const, "as_of" as const, "unspecified" as const),
    a: day,
    b: day,
    scope: fc.constantFrom(["all", null], ["nationals", null], ["foreigners", null], ["nationality", "ES"], ["nationality", "CO"]),
  }).map(({ basis, a, b, scope }) => {
    const [from, to] = a <= b ? [a, b] : [b, a];
    return claim({
      basis,
      statedOn: to,
      coversFrom: basis === "window" || basis === "cumulative_since" ? from : null,
      coversTo: basis === "window" ? to : null,
      coversDate: basis === "single_day" || basis === "as_of" ? from : null,
      scopeKind: scope[0] as ClaimAtInstant["scopeKind"],
      scopeNationality: scope[1],
    });
  });

  it("gives the same counts as checking every cell", () => {
    fc.assert(
      fc.property(fc.array(cellArb, { maxLength: 60 }), claimArb, (cells, c) => {
        expect(countInScope(buildCellIndex(cells), c)).toEqual(naive(cells, c));
      }),
      { numRuns: 500 },
    );
  });
});
