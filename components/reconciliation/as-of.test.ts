import { describe, expect, it } from "vitest";
import { daysBefore, readAsOf, readChangesPeriod } from "./as-of.ts";

const TODAY = "2026-11-24";

describe("readAsOf", () => {
  it("reads no date, or an empty one, as today", () => {
    expect(readAsOf(undefined, TODAY)).toEqual({ kind: "today", day: TODAY });
    expect(readAsOf("  ", TODAY)).toEqual({ kind: "today", day: TODAY });
    expect(readAsOf(TODAY, TODAY)).toEqual({ kind: "today", day: TODAY });
  });

  it("reads a past day, the first of several values", () => {
    expect(readAsOf("2026-01-14", TODAY)).toEqual({ kind: "chosen", day: "2026-01-14" });
    expect(readAsOf(["2026-01-14", "2026-01-20"], TODAY)).toEqual({ kind: "chosen", day: "2026-01-14" });
  });

  it("says why a date cannot be used, and falls back to today", () => {
    expect(readAsOf("14/01/2026", TODAY)).toEqual({ kind: "problem", day: TODAY, problem: "invalid", raw: "14/01/2026" });
    expect(readAsOf("2026-02-30", TODAY)).toMatchObject({ problem: "invalid" });
    expect(readAsOf("<script>", TODAY)).toMatchObject({ problem: "invalid", raw: "<script>" });
    expect(readAsOf("2026-11-25", TODAY)).toMatchObject({ problem: "future", day: TODAY });
    expect(readAsOf("1999-12-31", TODAY)).toMatchObject({ problem: "tooEarly" });
    // What is echoed back is short.
    expect((readAsOf("x".repeat(500), TODAY) as { raw: string }).raw).toHaveLength(40);
  });
});

describe("readChangesPeriod", () => {
  it("defaults to the seven days up to `to`, or up to today", () => {
    expect(readChangesPeriod(undefined, undefined, TODAY)).toEqual({ from: "2026-11-17", to: TODAY, problem: null });
    expect(readChangesPeriod(undefined, "2026-01-14", TODAY)).toEqual({ from: "2026-01-07", to: "2026-01-14", problem: null });
    expect(readChangesPeriod("2026-01-01", "2026-01-14", TODAY)).toEqual({ from: "2026-01-01", to: "2026-01-14", problem: null });
    expect(readChangesPeriod("2026-01-14", "2026-01-14", TODAY)).toEqual({ from: "2026-01-14", to: "2026-01-14", problem: null });
  });

  it("says what is wrong with a period and shows the last seven days instead", () => {
    expect(readChangesPeriod("2026-01-20", "2026-01-14", TODAY)).toEqual({
      from: "2026-11-17",
      to: TODAY,
      problem: { kind: "order", from: "2026-01-20", to: "2026-01-14" },
    });
    expect(readChangesPeriod("ayer", "2026-01-14", TODAY).problem).toEqual({ kind: "invalid", raw: "ayer" });
    expect(readChangesPeriod("2026-01-01", "2027-01-01", TODAY).problem).toEqual({ kind: "future", raw: "2027-01-01" });
  });
});

describe("daysBefore", () => {
  it("crosses months and years, and stops at the earliest day on record", () => {
    expect(daysBefore("2026-01-03", 7)).toBe("2025-12-27");
    expect(daysBefore("2000-01-03", 7)).toBe("2000-01-01");
  });
});
