import { describe, expect, it } from "vitest";
import { damerauLevenshtein } from "./edit-distance.ts";
import {
  capitalized,
  formatCedula,
  soundAlikeSpellings,
  withoutAccents,
  withRandomEdit,
  withRandomTransposition,
} from "./name-variations.ts";
import { Prng } from "./prng.ts";

describe("soundAlikeSpellings", () => {
  it.each([
    ["veronica", "bv", ["beronica"]],
    ["yusbely", "bv", ["yusvely"]],
    ["perez", "szc", ["peres"]],
    ["cecilia", "szc", ["cesilia", "secilia"]],
    ["zenaida", "szc", ["cenaida"]],
    ["stefany", "szc", []], // an initial s before a consonant is said "es"
    ["yorgelis", "yll", ["llorgelis"]],
    ["castillo", "yll", ["castiyo"]],
    ["nelly", "yll", []], // said "neli": no y sound to swap
    ["hernandez", "h", ["ernandez"]],
    ["johana", "h", ["joana"]],
    ["yamileth", "h", ["yamilet"]],
    ["elena", "h", ["helena"]],
    ["chavez", "h", []], // ch is not a silent h
    ["jesus", "gj", ["gesus"]],
    ["angel", "gj", ["anjel"]],
    ["jose", "gj", []], // a g before o is hard
    ["quintero", "cqk", ["kintero"]],
    ["carlos", "cqk", ["karlos"]],
    ["kevin", "cqk", ["quevin"]],
    ["erika", "cqk", ["erica"]],
    ["chavez", "cqk", []],
    ["ximena", "xj", ["jimena"]],
    ["mejia", "xj", ["mexia"]],
    ["jhonny", "xj", []],
  ] as const)("%s (%s) → %j", (word, family, expected) => {
    expect(soundAlikeSpellings(word, family)).toEqual(expected);
  });
});

describe("typos", () => {
  it("makes one edit", () => {
    const prng = new Prng(3);
    for (let i = 0; i < 200; i++) {
      expect(damerauLevenshtein("rodriguez", withRandomEdit("rodriguez", prng))).toBe(1);
    }
  });

  it("swaps two neighbouring letters", () => {
    const prng = new Prng(5);
    for (let i = 0; i < 50; i++) {
      const swapped = withRandomTransposition("jose", prng)!;
      expect(swapped).not.toBe("jose");
      expect(damerauLevenshtein("jose", swapped)).toBe(1);
    }
    expect(withRandomTransposition("aaa", prng)).toBeNull();
  });
});

describe("text helpers", () => {
  it("drops accents and the tilde", () => {
    expect(withoutAccents("José Muñoz Güiria")).toBe("Jose Munoz Guiria");
  });
  it("capitalizes", () => {
    expect(capitalized("perez")).toBe("Perez");
  });
  it.each([
    ["prefix-dots", "V-12.345.678"],
    ["prefix-compact", "v12345678"],
    ["dots", "12.345.678"],
    ["digits", "12345678"],
  ] as const)("writes a cédula as %s", (format, expected) => {
    expect(formatCedula("V", "12345678", format)).toBe(expected);
  });
  it("dots short and foreign cédulas", () => {
    expect(formatCedula("E", "84123456", "prefix-dots")).toBe("E-84.123.456");
    expect(formatCedula("V", "987654", "dots")).toBe("987.654");
  });
});
