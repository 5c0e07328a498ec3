import { describe, expect, it } from "vitest";
import { countWords, nameForm } from "./name-form.ts";

describe("nameForm", () => {
  it("has one unit per word, keyed", () => {
    const form = nameForm(["jose", "perez"]);
    expect(form.units.map(({ text, core, textKey, mask, single }) => ({ text, core, textKey, mask, single }))).toEqual([
      { text: "jose", core: "jose", textKey: "jose", mask: 0b01, single: true },
      { text: "perez", core: "perez", textKey: "peres", mask: 0b10, single: true },
    ]);
    expect(form.contentMask).toBe(0b11);
  });

  it("fuses particle runs with their surname", () => {
    const form = nameForm(["juan", "de", "la", "cruz"]);
    const fused = form.units.filter((unit) => !unit.single);
    expect(fused.map(({ text, core, mask, first }) => ({ text, core, mask, first }))).toEqual([
      { text: "delacruz", core: "cruz", mask: 0b1110, first: 1 },
      { text: "lacruz", core: "cruz", mask: 0b1100, first: 2 },
    ]);
    expect(form.contentMask).toBe(0b1001); // particles do not count as words of the name
  });

  it("keeps San and Santa in the core", () => {
    const fused = nameForm(["de", "san", "martin"]).units.filter((unit) => !unit.single);
    expect(fused.map(({ text, core }) => [text, core])).toEqual([
      ["desanmartin", "sanmartin"],
      ["sanmartin", "sanmartin"],
    ]);
  });

  it("cuts joined particles, bare ones only in surnames", () => {
    const cores = (words: string[], surnamesFrom?: number) =>
      nameForm(words, surnamesFrom).units.map((unit) => unit.core);
    expect(cores(["delacruz", "desousa"])).toEqual(["cruz", "desousa"]);
    expect(cores(["deyanira", "desousa"], 1)).toEqual(["deyanira", "sousa"]);
  });

  it("ignores particles with nothing after them", () => {
    expect(nameForm(["perez", "de"]).units).toHaveLength(2);
  });

  it("gives units the same id when they compare the same", () => {
    const [one] = nameForm(["perez"]).units;
    const [other] = nameForm(["perez", "gomez"]).units;
    expect(one!.id).toBe(other!.id);
    expect(one!.id).not.toBe(nameForm(["pe", "rez"]).units[0]!.id);
  });
});

describe("countWords", () => {
  it("counts set bits", () => {
    expect(countWords(0)).toBe(0);
    expect(countWords(0b1011)).toBe(3);
    expect(countWords(1 << 29)).toBe(1);
  });
});
