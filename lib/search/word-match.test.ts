import { describe, expect, it } from "vitest";
import { nameForm, type WordUnit } from "./name-form.ts";
import { phoneticKey } from "./phonetic.ts";
import { compareUnits, compareWords, PENALTY, typoBudget } from "./word-match.ts";

const words = (query: string, name: string, allowInitial = true) =>
  compareWords(query, phoneticKey(query), name, phoneticKey(name), allowInitial);

/** The unit of a form whose text is `text`. */
function unit(formWords: string[], text: string, surnamesFrom?: number): WordUnit {
  const found = nameForm(formWords, surnamesFrom).units.find((candidate) => candidate.text === text);
  if (!found) throw new Error(`no unit ${text}`);
  return found;
}

describe("typoBudget", () => {
  it.each([
    [1, 0],
    [3, 0],
    [4, 1],
    [7, 1],
    [8, 2],
    [12, 2],
  ])("allows a %i-letter word %i edits", (length, edits) => {
    expect(typoBudget(length)).toBe(edits);
  });
});

describe("compareWords", () => {
  it.each([
    ["perez", "perez", "exact", 0],
    ["beronica", "veronica", "soundalike", 0],
    ["jose", "jsoe", "typo", 1],
    ["perz", "perez", "typo", 1],
    ["rodrgiues", "rodriguez", "typo", 2],
    ["jernandes", "hernandez", "typo", 1], // a typo on top of a sound-alike, counted on the keys
    ["l", "luis", "initial", 0],
  ] as const)("%s / %s: %s", (query, name, kind, edits) => {
    expect(words(query, name)).toMatchObject({ kind, edits });
  });

  it.each([
    ["josefa", "jose"], // two edits on a six-letter word
    ["ana", "ada"], // no typos in three letters
    ["mario", "marisol"],
    ["luis", "l"], // an initial on record does not stand for a query word
    ["m", "luis"],
  ])("%s / %s: no match", (query, name) => {
    expect(words(query, name)).toBeNull();
  });

  it("accepts initials only when asked", () => {
    expect(words("l", "luis", false)).toBeNull();
  });
});

describe("compareUnits", () => {
  it("pairs equal single words exactly", () => {
    expect(compareUnits(unit(["cruz"], "cruz"), unit(["de", "la", "cruz"], "cruz"))).toMatchObject({ kind: "exact" });
  });

  it("pairs a joined surname with the same surname split", () => {
    const pair = compareUnits(unit(["delacruz"], "delacruz"), unit(["de", "la", "cruz"], "delacruz"));
    expect(pair).toEqual({ kind: "particle", edits: 0, penalty: PENALTY.particle });
  });

  it("pairs a split surname with the same surname joined, or without its particles", () => {
    expect(compareUnits(unit(["de", "la", "cruz"], "delacruz"), unit(["delacruz"], "delacruz"))).toMatchObject({
      kind: "particle",
    });
    expect(compareUnits(unit(["de", "la", "cruz"], "delacruz"), unit(["cruz"], "cruz"))).toMatchObject({
      kind: "particle",
    });
  });

  it("finds a surname inside a joined one", () => {
    expect(compareUnits(unit(["cruz"], "cruz"), unit(["delacruz"], "delacruz"))).toMatchObject({ kind: "particle" });
    expect(compareUnits(unit(["sousa"], "sousa"), unit(["ana", "desousa"], "desousa", 1))).toMatchObject({
      kind: "particle",
    });
    expect(compareUnits(unit(["sousa"], "sousa"), unit(["desousa"], "desousa"))).toBeNull(); // not known as a surname
  });

  it("adds the surname's own edits to the particle penalty", () => {
    const pair = compareUnits(unit(["delacrus"], "delacrus"), unit(["de", "la", "cruz"], "delacruz"));
    expect(pair).toEqual({ kind: "particle", edits: 0, penalty: PENALTY.particle + PENALTY.soundalike });
  });

  it("never pairs a fused run by its initial", () => {
    expect(compareUnits(unit(["c"], "c"), unit(["de", "la", "cruz"], "delacruz"))).toBeNull();
  });
});
