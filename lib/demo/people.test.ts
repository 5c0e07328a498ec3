import { describe, expect, it } from "vitest";
import { canonicalCedula, normalizedFullName, parseCedula } from "../search/normalize.ts";
import { DEMO_FOREIGN_NATIONALITIES, DEMO_PEOPLE_COUNT, generatePeople } from "./people.ts";
import { DEMO_ORGANIZATIONS } from "./fixtures.ts";

const people = generatePeople();

describe("demo people", () => {
  it("are about 300, and the same on every run", () => {
    expect(people).toHaveLength(DEMO_PEOPLE_COUNT);
    expect(generatePeople()).toEqual(people);
  });

  it("have unique names of two given names and two surnames (Venezuelans)", () => {
    const names = people.map((p) => normalizedFullName(p.givenNames, p.surnames));
    expect(new Set(names).size).toBe(people.length);
    for (const p of people.filter((q) => q.nationality === "VE")) {
      expect(p.givenNames.split(" ").length).toBeGreaterThanOrEqual(2);
      expect(p.surnames.split(" ").length).toBeGreaterThanOrEqual(2);
    }
    // Some surnames carry particles, and accents and ñ occur.
    expect(people.some((p) => /\bDe(l| la| los)? [A-ZÁÉÍÓÚ]/.test(p.surnames))).toBe(true);
    expect(people.some((p) => /ñ/i.test(`${p.givenNames} ${p.surnames}`))).toBe(true);
  });

  it("have unique cédulas, valid and in canonical form", () => {
    const cedulas = people.flatMap((p) => (p.cedula ? [p.cedula] : []));
    expect(new Set(cedulas).size).toBe(cedulas.length);
    expect(new Set(cedulas.map((c) => c.slice(1))).size).toBe(cedulas.length);
    for (const cedula of cedulas) {
      const parsed = parseCedula(cedula);
      expect(parsed, cedula).not.toBeNull();
      expect(canonicalCedula(parsed!)).toBe(cedula);
    }
    const venezuelans = people.filter((p) => p.nationality === "VE");
    const withCedula = venezuelans.filter((p) => p.cedula);
    expect(withCedula.length / venezuelans.length).toBeGreaterThan(0.8);
    for (const p of withCedula) expect(p.cedula).toMatch(/^V\d{7,8}$/);
    for (const p of people.filter((q) => q.nationality !== "VE" && q.cedula)) expect(p.cedula).toMatch(/^E\d{8}$/);
  });

  it("include the foreigners of the story, five of them Spanish", () => {
    const foreigners = people.filter((p) => p.nationality !== "VE");
    expect(foreigners.map((p) => p.nationality).sort()).toEqual([...DEMO_FOREIGN_NATIONALITIES].sort());
    expect(foreigners.filter((p) => p.nationality === "ES")).toHaveLength(5);
  });

  it("are mostly public, some initials-only, a few withheld", () => {
    const count = (d: string) => people.filter((p) => p.disclosure === d).length;
    expect(count("withheld")).toBe(15);
    expect(count("initials")).toBe(45);
    expect(count("public")).toBe(240);
  });

  it("belong to the demo organizations, with unique references per organization", () => {
    const slugs = new Set(DEMO_ORGANIZATIONS.map((o) => o.slug));
    for (const p of people) expect(slugs.has(p.organizationSlug)).toBe(true);
    const refs = people.map((p) => `${p.organizationSlug}/${p.externalRef}`);
    expect(new Set(refs).size).toBe(people.length);
    expect(people.some((p) => p.externalRef === "RDDH-0001")).toBe(true);
  });

  it("were arrested between 2019 and 2025 and recorded afterwards", () => {
    for (const p of people) {
      expect(p.detention.arrestedOn >= "2019-01-01" && p.detention.arrestedOn <= "2025-12-31").toBe(true);
      expect(p.createdAt.toISOString().slice(0, 10) > p.detention.arrestedOn).toBe(true);
      expect(p.createdAt.getTime()).toBeLessThan(Date.parse("2025-12-24T00:00:00Z"));
      expect(p.detention.facility).not.toBe("");
      expect(p.detention.charges).not.toBe("");
      expect(p.birthYear).toBeGreaterThanOrEqual(1950);
      expect(p.birthYear).toBeLessThanOrEqual(2007);
    }
  });
});
