import { describe, expect, it } from "vitest";
import { foldText } from "./normalize.ts";
import { phoneticKey, phoneticKeys } from "./phonetic.ts";

const key = (name: string): string => phoneticKey(foldText(name));

describe("phoneticKey: spellings that sound the same share a key", () => {
  it.each([
    // [rule, one spelling, another spelling]
    ["b/v", "Verónica", "Berónica"],
    ["b/v", "Yusbely", "Yusvely"],
    ["b/v", "Chávez", "Chábez"],
    ["s/z", "Gutiérrez", "Gutierres"],
    ["s/z", "Hernández", "Hernandes"],
    ["s/z/c before e,i", "Cecilia", "Sesilia"],
    ["s/z/c before e,i", "Zenaida", "Cenaida"],
    ["s/z/c before e,i", "Ascensión", "Asención"],
    ["c/qu/k", "Quintero", "Kintero"],
    ["c/qu/k", "Carla", "Karla"],
    ["c/qu/k", "Maiquel", "Maikel"],
    ["c/qu/k", "Marcos", "Markos"],
    ["y/ll", "Yorgelis", "Llorgelis"],
    ["y/ll", "Castillo", "Castiyo"],
    ["ll + final y/i", "Nelly", "Neli"],
    ["y as a vowel", "Mayra", "Maira"],
    ["y as a vowel", "Leydi", "Leidi"],
    ["y as a vowel", "Ysabel", "Isabel"],
    ["y as a vowel", "Yusbely", "Yusbeli"],
    ["i between vowels", "Dayana", "Daiana"],
    ["silent h", "Hernández", "Ernandes"],
    ["silent h", "Yamileth", "Yamilet"],
    ["silent h", "Helena", "Elena"],
    ["jh (English John)", "Jhonny", "Yhonny"],
    ["jh (English John)", "Jhon", "Yon"],
    ["ph", "Stephany", "Stefany"],
    ["s + consonant at the start", "Stefany", "Estefany"],
    ["g before e,i = j", "Jesús", "Gesús"],
    ["g before e,i = j", "Gil", "Jil"],
    ["g before e,i = j", "Yorgelis", "Yorjelis"],
    ["x before a vowel = j", "Ximena", "Jimena"],
    ["x before a vowel = j", "Mexía", "Mejía"],
    ["x before a vowel = j", "Ximénez", "Jiménez"],
    ["x before a vowel = j", "Xavier", "Javier"],
    ["w = u", "Wilmer", "Wuilmer"],
    ["doubled letters", "Jhonny", "Yoni"],
    ["doubled letters", "Johanna", "Joana"],
    ["doubled letters", "Isaac", "Isac"],
    ["doubled letters", "Correa", "Corea"],
    ["Muñoz folded", "Muñoz", "Munos"],
  ])("%s: %s = %s", (_rule, one, other) => {
    expect(key(one)).toBe(key(other));
  });
});

describe("phoneticKey: different sounds keep different keys", () => {
  it.each([
    ["ch is its own sound", "Chávez", "Cávez"],
    ["ch is its own sound", "Chirinos", "Cirinos"],
    ["y is not j", "Yusbely", "Jusbely"],
    ["y is not j", "Julio", "Yulio"],
    ["hard g is not j", "Gómez", "Jómez"],
    ["gui is a hard g", "Guillermo", "Jillermo"],
    ["w is not gu", "Wilmer", "Guilmer"],
    ["vowels count", "Pérez", "Páez"],
    ["vowels count", "María", "Mario"],
    ["a final s counts", "Rosa", "Rosas"],
    ["ci is s, not k", "Luis", "Lucía"],
    ["cc is k then s", "Acción", "Ación"],
    ["x before a consonant is ks", "Extremera", "Estremera"],
    ["n is not ñ-less m", "Ana", "Ama"],
  ])("%s: %s ≠ %s", (_rule, one, other) => {
    expect(key(one)).not.toBe(key(other));
  });
});

describe("phoneticKey: literal keys", () => {
  it.each([
    ["Verónica", "beronika"],
    ["Hernández", "ernandes"],
    ["Chávez", "cabes"],
    ["Quintero", "kintero"],
    ["Guillermo", "giyermo"],
    ["Jhonny", "yoni"],
    ["Félix", "feliks"],
    ["Acción", "aksion"],
    ["Stephany", "estefani"],
    ["Wilmer", "uilmer"],
    ["García", "garsia"],
    ["Güiria", "giria"],
  ])("%s → %s", (name, expected) => {
    expect(key(name)).toBe(expected);
  });

  it("keeps digits and the empty word", () => {
    expect(phoneticKey("")).toBe("");
    expect(phoneticKey("2")).toBe("2");
  });

  it("keys each word of a list", () => {
    expect(phoneticKeys(["veronica", "hernandez"])).toEqual(["beronika", "ernandes"]);
  });
});
