import { describe, expect, it } from "vitest";
import { damerauLevenshtein } from "./edit-distance.ts";

describe("damerauLevenshtein", () => {
  it.each([
    ["jose", "jose", 0],
    ["", "ana", 3],
    ["ana", "", 3],
    ["jose", "jse", 1], // deletion
    ["jose", "josse", 1], // insertion
    ["perez", "peres", 1], // substitution
    ["jose", "jsoe", 1], // transposition counts as one
    ["rodriguez", "rodirgeuz", 2], // two transpositions
    ["martinez", "martnz", 2],
    ["gutierrez", "gutierres", 1],
    ["ca", "abc", 3], // optimal string alignment: no edit of a swapped pair
    ["maria", "mario", 1],
    ["josefa", "jose", 2],
  ])("%s ↔ %s = %i", (a, b, expected) => {
    expect(damerauLevenshtein(a, b)).toBe(expected);
    expect(damerauLevenshtein(b, a)).toBe(expected);
  });

  it("stops at max + 1 when the distance is larger", () => {
    expect(damerauLevenshtein("hernandez", "fernandez", 1)).toBe(1);
    expect(damerauLevenshtein("hernandez", "gonzalez", 2)).toBe(3);
    expect(damerauLevenshtein("ana", "anabel", 1)).toBe(2);
    expect(damerauLevenshtein("abcdef", "badcfe", 2)).toBe(3);
  });
});
