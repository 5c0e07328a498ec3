import { describe, expect, it } from "vitest";
import { canonicalCedula, foldText, nameTokens, normalizedFullName, parseCedula } from "./normalize.ts";

describe("foldText", () => {
  it.each([
    ["PÉREZ RODRÍGUEZ, José Luis", "perez rodriguez jose luis"],
    ["Muñoz  Núñez", "munoz nunez"],
    ["  D'Ángelo   De la Cruz ", "d angelo de la cruz"],
    ["Güiria", "guiria"],
  ])("folds %s", (input, expected) => {
    expect(foldText(input)).toBe(expected);
  });
});

describe("names", () => {
  it("splits into folded tokens", () => {
    expect(nameTokens("José-Luis  Pérez")).toEqual(["jose", "luis", "perez"]);
    expect(nameTokens("  ,, ")).toEqual([]);
  });
  it("stores given names before surnames", () => {
    expect(normalizedFullName("José Luis", "Pérez Rodríguez")).toBe("jose luis perez rodriguez");
  });
});

describe("parseCedula", () => {
  it.each(["V-12.345.678", "v12345678", "12.345.678", "12345678", "V 12 345 678"])("reads %s", (input) => {
    expect(parseCedula(input)?.digits).toBe("12345678");
  });
  it("keeps the E prefix of foreign residents", () => {
    expect(canonicalCedula(parseCedula("E-84.123.456")!)).toBe("E84123456");
  });
  it("defaults to V when no prefix is given", () => {
    expect(canonicalCedula(parseCedula("12.345.678")!)).toBe("V12345678");
  });
  it.each(["jose perez", "X-123", "1234", "V-12.345.678.999", ""])("rejects %s", (input) => {
    expect(parseCedula(input)).toBeNull();
  });
});
