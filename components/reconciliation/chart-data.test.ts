import { describe, expect, it } from "vitest";
import { chartData, dayMs, msDay, pointsIn, type ChartInput } from "./chart-data.ts";

const claim = (id: string, statedOn: string, extra: Partial<ChartInput["announcements"][number]> = {}): ChartInput["announcements"][number] => ({
  id,
  statedOn,
  measure: "released",
  claimantKind: "government",
  status: "active",
  claimed: { qualifier: "exact", value: 100 },
  ...extra,
});

const series = (entries: [string, number][]) => entries.map(([date, verifiedCumulative]) => ({ date, verifiedCumulative }));

describe("chartData", () => {
  it("keeps the days the total changed, from nought at the left edge to the as-of day", () => {
    const data = chartData({
      asOf: "2026-01-15",
      series: series([["2026-01-10", 3], ["2026-01-11", 3], ["2026-01-12", 7], ["2026-01-13", 7], ["2026-01-14", 7], ["2026-01-15", 7]]),
      announcements: [],
      label: (id) => id,
    });
    expect(data.points.map((p) => [msDay(p.t), p.verified])).toEqual([
      ["2026-01-08", 0],
      ["2026-01-10", 3],
      ["2026-01-12", 7],
      ["2026-01-15", 7],
    ]);
    expect(data.atAsOf).toBe(7);
    expect(data.claims).toBeNull();
  });

  it("draws claims about releases only, at their smallest count, a range with its spread, disputed ones hollow", () => {
    const data = chartData({
      asOf: "2026-01-20",
      series: series([["2026-01-10", 3]]),
      announcements: [
        claim("a", "2026-01-13", { claimed: { qualifier: "at_least", value: 400 }, claimantKind: "opposition" }),
        claim("b", "2026-01-14", { claimed: { qualifier: "range", min: 60, max: 70 }, claimantKind: "ngo", status: "disputed" }),
        claim("c", "2026-01-11", { measure: "detained", claimed: { qualifier: "exact", value: 800 } }),
      ],
      label: (id) => `label ${id}`,
    });
    expect(data.markers).toEqual([
      { id: "a", t: dayMs("2026-01-13"), value: 400, spread: [0, 0], kind: "opposition", faded: false, label: "label a" },
      { id: "b", t: dayMs("2026-01-14"), value: 60, spread: [0, 10], kind: "ngo", faded: true, label: "label b" },
    ]);
  });

  it("offers the announcements' period when the time after them is much longer", () => {
    const data = chartData({
      asOf: "2026-11-24",
      series: series([["2025-12-20", 2], ["2026-01-10", 50], ["2026-03-01", 60]]),
      announcements: [claim("a", "2025-12-25"), claim("b", "2026-01-23")],
      label: (id) => id,
    });
    expect(msDay(data.all.from)).toBe("2025-12-18");
    expect(msDay(data.all.to)).toBe("2026-11-24");
    expect(data.claims && [msDay(data.claims.from), msDay(data.claims.to)]).toEqual(["2025-12-18", "2026-02-02"]);
    expect(data.atClaimsEnd).toBe(50);
    expect(data.atAsOf).toBe(60);
    // The line reaches the window's edge.
    expect(pointsIn(data.points, data.claims!).map((p) => [msDay(p.t), p.verified]).at(-1)).toEqual(["2026-02-02", 50]);
  });

  it("copes with nothing at all", () => {
    const data = chartData({ asOf: "2026-01-20", series: [], announcements: [], label: (id) => id });
    expect(data.points).toEqual([]);
    expect(data.markers).toEqual([]);
    expect(data.atAsOf).toBe(0);
  });
});
