import { describe, expect, it } from "vitest";
import { createPersonSchema, updatePersonSchema } from "./schema.ts";

describe("person input", () => {
  it("accepts names as written and a cédula in any usual format", () => {
    for (const cedula of ["V-12.345.678", "v12345678", "12.345.678", "E-84.123.456"]) {
      expect(createPersonSchema.safeParse({ givenNames: "José Luis", surnames: "Pérez Rodríguez", cedula }).success, cedula).toBe(true);
    }
  });

  it("refuses empty or letterless names, bad cédulas, unknown fields and a birth year in the future", () => {
    const bad = [
      { givenNames: "", surnames: "Pérez" },
      { givenNames: "José", surnames: "   " },
      { givenNames: "123", surnames: "Pérez" },
      { givenNames: "José", surnames: "Pérez", cedula: "V-12A45678" },
      { givenNames: "José", surnames: "Pérez", cedula: "1234" },
      { givenNames: "José", surnames: "Pérez", disclosure: "everyone" },
      { givenNames: "José", surnames: "Pérez", birthYear: new Date().getUTCFullYear() + 1 },
      { givenNames: "José", surnames: "Pérez", nationality: "Venezuela" },
      { givenNames: "José", surnames: "Pérez", verified: true },
      { givenNames: "x".repeat(201), surnames: "Pérez" },
    ];
    for (const input of bad) expect(createPersonSchema.safeParse(input).success, JSON.stringify(input).slice(0, 80)).toBe(false);
  });

  it("takes form strings for numbers", () => {
    expect(createPersonSchema.parse({ givenNames: "Ana", surnames: "Rojas", birthYear: "1990" }).birthYear).toBe(1990);
    expect(updatePersonSchema.parse({ version: "3" }).version).toBe(3);
  });
});
