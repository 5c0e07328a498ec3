import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { damerauLevenshtein } from "./edit-distance.ts";
import { phoneticKey } from "./phonetic.ts";
import { adjacentSwaps, choose, deletionVariants, requiredWords, storedSearchKeys } from "./retrieval-keys.ts";

describe("storedSearchKeys", () => {
  it("keys every word, and particle runs both fused and stripped, so any way of writing the surname meets one", () => {
    const keys = storedSearchKeys("Ana María", "De la Cruz Hernández");
    for (const written of ["ana", "maria", "cruz", "delacruz", "lacruz", "hernandez", "ernandes"]) {
      expect(keys, written).toContain(phoneticKey(written));
    }
  });

  it("finds the surname inside a joined spelling on record (Delacruz → cruz) and keys other spellings", () => {
    const keys = storedSearchKeys("José", "Delacruz", ["Joseph Delacroix"]);
    expect(keys).toContain(phoneticKey("cruz"));
    expect(keys).toContain(phoneticKey("delacroix"));
    expect(keys).toEqual([...new Set(keys)].sort());
  });
});

describe("requiredWords", () => {
  it("requires the identifying words only: no particles, no initials", () => {
    expect(requiredWords("José L. de la Cruz", 8).map((word) => word.word)).toEqual(["jose", "cruz"]);
    expect(requiredWords("de la", 8)).toEqual([]);
    expect(requiredWords("j. l.", 8)).toEqual([]);
  });

  it("lets a particle run meet the surname joined or split", () => {
    const [cruz] = requiredWords("de la cruz", 8);
    expect(cruz!.keys).toEqual(expect.arrayContaining([phoneticKey("cruz"), phoneticKey("delacruz")]));
    const [joined] = requiredWords("delacruz", 8);
    expect(joined!.keys).toEqual(expect.arrayContaining([phoneticKey("delacruz"), phoneticKey("cruz")]));
  });

  it("allows typos by length, as the matcher does (none up to 3 letters, one to 7, two from 8)", () => {
    const budget = (text: string) => requiredWords(text, 8)[0]!.typoEdits;
    expect(budget("li")).toBe(0);
    expect(budget("ana")).toBe(1); // a name word one letter longer ("anna") may differ by one
    expect(budget("perez")).toBe(1);
    expect(budget("martinez")).toBe(2);
  });

  it("asks once for a word written twice, and at most the given number of words", () => {
    expect(requiredWords("ana ana", 8)).toHaveLength(1);
    expect(requiredWords("uno tres cuatro cinco seis", 3)).toHaveLength(3);
  });
});

describe("deletionVariants", () => {
  it("lists the key and every string with up to `depth` letters deleted", () => {
    expect(deletionVariants("abc", 1).sort()).toEqual(["ab", "abc", "ac", "bc"]);
    expect(deletionVariants("abc", 2)).toContain("a");
  });

  it("makes any two words one typo apart share a variant (property)", () => {
    const word = fc.stringMatching(/^[a-z]{3,10}$/);
    fc.assert(
      fc.property(word, word, (one, other) => {
        if (damerauLevenshtein(one, other, 1) > 1) return;
        const mine = new Set(deletionVariants(one, 1));
        expect(deletionVariants(other, 1).some((variant) => mine.has(variant))).toBe(true);
      }),
    );
    fc.assert(
      fc.property(word, fc.nat(), fc.nat(25), (one, position, letter) => {
        const at = position % one.length;
        const typo = one.slice(0, at) + String.fromCharCode(97 + letter) + one.slice(at + 1);
        const mine = new Set(deletionVariants(one, 1));
        expect(deletionVariants(typo, 1).some((variant) => mine.has(variant))).toBe(true);
      }),
    );
  });

  it("swaps each pair of neighbouring letters once", () => {
    expect(adjacentSwaps("migeul")).toContain("miguel");
    expect(adjacentSwaps("anna")).toEqual(["nana", "anan"]);
  });
});

describe("choose", () => {
  it("lists every way of choosing k of n, in order", () => {
    expect(choose(["a", "b", "c"], 2)).toEqual([["a", "b"], ["a", "c"], ["b", "c"]]);
    expect(choose(["a", "b", "c", "d", "e"], 3)).toHaveLength(10);
    expect(choose(["a"], 2)).toEqual([]);
  });
});
