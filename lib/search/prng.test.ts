import { describe, expect, it } from "vitest";
import { Prng } from "./prng.ts";

describe("Prng", () => {
  it("repeats the same sequence for the same seed", () => {
    const one = new Prng(42);
    const other = new Prng(42);
    const draws = Array.from({ length: 5 }, () => one.next());
    expect(Array.from({ length: 5 }, () => other.next())).toEqual(draws);
    expect(draws[0]).toBeCloseTo(0.6011037519201636, 12);
  });

  it("differs between seeds", () => {
    expect(new Prng(1).next()).not.toBe(new Prng(2).next());
  });

  it("stays in range and covers it", () => {
    const prng = new Prng(7);
    const seen = new Set<number>();
    for (let i = 0; i < 1000; i++) {
      const value = prng.between(3, 6);
      expect(value).toBeGreaterThanOrEqual(3);
      expect(value).toBeLessThanOrEqual(6);
      seen.add(value);
      const float = prng.next();
      expect(float).toBeGreaterThanOrEqual(0);
      expect(float).toBeLessThan(1);
    }
    expect([...seen].sort()).toEqual([3, 4, 5, 6]);
  });

  it("shuffles without losing items and picks from the list", () => {
    const prng = new Prng(9);
    const items = ["a", "b", "c", "d", "e"];
    expect(prng.shuffled(items).sort()).toEqual(items);
    expect(items).toContain(prng.pick(items));
    expect(() => prng.pick([])).toThrow();
  });
});
