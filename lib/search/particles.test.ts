import { describe, expect, it } from "vitest";
import { isDroppableParticle, isJoiningWord, withoutJoinedParticles } from "./particles.ts";

describe("particles", () => {
  it.each(["de", "del", "la", "las", "los", "y", "da", "dos", "di"])("%s may be left out", (word) => {
    expect(isDroppableParticle(word)).toBe(true);
  });

  it.each(["san", "santa", "cruz", "d", "jose"])("%s may not be left out", (word) => {
    expect(isDroppableParticle(word)).toBe(false);
  });

  it("joins particles and san/santa, but not y", () => {
    expect(isJoiningWord("de")).toBe(true);
    expect(isJoiningWord("santa")).toBe(true);
    expect(isJoiningWord("y")).toBe(false);
    expect(isJoiningWord("cruz")).toBe(false);
  });
});

describe("withoutJoinedParticles", () => {
  it.each([
    ["delacruz", "cruz"],
    ["delarosa", "rosa"],
    ["delosreyes", "reyes"],
    ["delasmercedes", "mercedes"],
    ["delvalle", "valle"],
    ["delcastillo", "castillo"],
  ])("finds the surname in %s", (word, surname) => {
    expect(withoutJoinedParticles(word)).toBe(surname);
  });

  const whole = ["delgado", "delfino", "delmira", "deyanira", "demetrio", "deleon", "sanjuan", "santamaria", "lamas"];
  it.each(whole)("leaves %s whole", (word) => {
    expect(withoutJoinedParticles(word)).toBe(word);
  });
});

describe("withoutJoinedParticles in a surname", () => {
  it.each([
    ["desousa", "sousa"],
    ["dasilva", "silva"],
    ["dossantos", "santos"],
    ["deleon", "leon"],
    ["distefano", "stefano"],
    ["delacruz", "cruz"],
  ])("finds the surname in %s", (word, surname) => {
    expect(withoutJoinedParticles(word, true)).toBe(surname);
    expect(withoutJoinedParticles("deyanira", false)).toBe("deyanira");
  });

  it.each(["diaz", "daza", "delgado", "gonzalez"])("leaves %s whole", (word) => {
    expect(withoutJoinedParticles(word, true)).toBe(word);
  });
});
