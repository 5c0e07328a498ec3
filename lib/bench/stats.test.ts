import { describe, expect, it } from "vitest";
import { formatMs, percentile, summarize, textTable } from "./stats.ts";

describe("percentile", () => {
  it("is the minimum at 0 and the maximum at 100", () => {
    expect(percentile([5, 1, 9, 3], 0)).toBe(1);
    expect(percentile([5, 1, 9, 3], 100)).toBe(9);
  });

  it("interpolates between the closest ranks", () => {
    // 1..100: rank of p95 is 0.95 × 99 = 94.05 → 95 + 0.05 × (96 − 95).
    const values = Array.from({ length: 100 }, (_, i) => i + 1);
    expect(percentile(values, 50)).toBeCloseTo(50.5);
    expect(percentile(values, 95)).toBeCloseTo(95.05);
    expect(percentile(values, 99)).toBeCloseTo(99.01);
  });

  it("is the middle value, or the mean of the two middle ones, at 50", () => {
    expect(percentile([3, 1, 2], 50)).toBe(2);
    expect(percentile([4, 1, 3, 2], 50)).toBe(2.5);
  });

  it("does not depend on the order of the samples, nor change them", () => {
    const samples = [7, 2, 9, 4, 1];
    expect(percentile(samples, 75)).toBe(percentile([...samples].reverse(), 75));
    expect(samples).toEqual([7, 2, 9, 4, 1]);
  });

  it("of one sample is that sample", () => {
    expect(percentile([42], 0)).toBe(42);
    expect(percentile([42], 95)).toBe(42);
  });

  it("refuses no samples and a p outside 0–100", () => {
    expect(() => percentile([], 50)).toThrow();
    expect(() => percentile([1], -1)).toThrow();
    expect(() => percentile([1], 101)).toThrow();
    expect(() => percentile([1], Number.NaN)).toThrow();
  });
});

describe("summarize", () => {
  it("gives count, extremes, mean and percentiles", () => {
    const summary = summarize([10, 20, 30, 40, 50]);
    expect(summary).toEqual({ n: 5, min: 10, mean: 30, p50: 30, p95: 48, p99: 49.6, max: 50 });
  });

  it("agrees with percentile", () => {
    const samples = Array.from({ length: 257 }, (_, i) => ((i * 7919) % 257) / 3);
    const summary = summarize(samples);
    expect(summary.p95).toBe(percentile(samples, 95));
    expect(summary.p99).toBe(percentile(samples, 99));
  });
});

describe("formatting", () => {
  it("rounds milliseconds to what is worth reading", () => {
    expect(formatMs(1.234)).toBe("1.23");
    expect(formatMs(12.34)).toBe("12.3");
    expect(formatMs(123.4)).toBe("123");
  });

  it("aligns a table's columns", () => {
    expect(textTable(["what", "ms"], [["a", "1.00"], ["longer", "10.0"]])).toBe(
      ["what      ms", "------  ----", "a       1.00", "longer  10.0"].join("\n"),
    );
  });
});
