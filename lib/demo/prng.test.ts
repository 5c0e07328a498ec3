import { describe, expect, it } from "vitest";
import { mulberry32, randInt, shuffle } from "./prng.ts";

describe("demo PRNG", () => {
  it("repeats its sequence for a seed and differs between seeds", () => {
    const a = mulberry32(42);
    const b = mulberry32(42);
    const c = mulberry32(43);
    const seqA = Array.from({ length: 5 }, () => a());
    expect(Array.from({ length: 5 }, () => b())).toEqual(seqA);
    expect(Array.from({ length: 5 }, () => c())).not.toEqual(seqA);
    for (const x of seqA) expect(x >= 0 && x < 1).toBe(true);
  });

  it("draws whole numbers within bounds and shuffles without losing items", () => {
    const rng = mulberry32(7);
    for (let i = 0; i < 1000; i += 1) {
      const n = randInt(rng, 3, 5);
      expect(n >= 3 && n <= 5 && Number.isInteger(n)).toBe(true);
    }
    expect(shuffle(rng, [1, 2, 3, 4, 5]).sort()).toEqual([1, 2, 3, 4, 5]);
  });
});
