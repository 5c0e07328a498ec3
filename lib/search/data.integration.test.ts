import { beforeAll, describe, expect, it } from "vitest";
import { makeOrganization, makePerson, makeRelease, uniqueWord } from "../persons/test-fixtures.ts";
import { searchPublic } from "./data.ts";

const word = uniqueWord("zs");
const other = uniqueWord("zt");
const day = (iso: string) => new Date(`${iso}T00:00:00.000Z`);
const cedulaDigits = String(70_000_000 + Math.floor(Math.random() * 9_999_999));
const withheldCedula = String(Number(cedulaDigits) + 1);

describe("searchPublic", () => {
  beforeAll(async () => {
    const org = await makeOrganization();
    const verified = await makePerson(org.id, { givenNames: `José ${word}`, surnames: "Pérez Rodríguez", notes: "never public" });
    await makeRelease(org.id, verified.id, { history: [{ status: "verified", at: new Date() }], releasedOn: day("2026-01-14") });
    await makeRelease(org.id, verified.id, { history: [{ status: "reported", at: new Date() }], releasedOn: day("2026-02-02") });
    const reported = await makePerson(org.id, { givenNames: `Ana ${word}`, surnames: "De la Cruz" });
    await makeRelease(org.id, reported.id, { history: [{ status: "verified", at: new Date() }, { status: "disputed", at: new Date() }] });
    await makePerson(org.id, { givenNames: `Luis ${word}`, surnames: "Detenido" });
    await makePerson(org.id, { givenNames: `Marta ${word}`, surnames: "Iniciales", disclosure: "initials", cedula: `V-${cedulaDigits}` });
    await makePerson(org.id, { givenNames: `Rosa ${word}`, surnames: "Reservada", disclosure: "withheld", cedula: withheldCedula });
    await makePerson(org.id, { givenNames: `Borrado ${word}`, surnames: "Pérez", deleted: true });
    const survivor = await makePerson(org.id, { givenNames: `Sobrevive ${other}`, surnames: "Gómez" });
    await makePerson(org.id, { givenNames: `Fusionado ${word}`, surnames: "Pérez", mergedIntoId: survivor.id });
  });

  it("finds public persons whose name words begin with every query word", async () => {
    const results = await searchPublic(`${word} per`, 50);
    expect(results.map((r) => r.person.displayName)).toEqual([`José ${word} Pérez Rodríguez`]);
    const byPrefix = await searchPublic(`${word.slice(0, -2)}`, 50);
    expect(byPrefix.map((r) => r.person.displayName).sort()).toEqual(
      [`Ana ${word} De la Cruz`, `José ${word} Pérez Rodríguez`, `Luis ${word} Detenido`].sort(),
    );
  });

  it("ignores case, accents and word order", async () => {
    const results = await searchPublic(`PEREZ, JOSÉ ${word.toUpperCase()}`, 50);
    expect(results).toHaveLength(1);
  });

  it("derives each person's status from the current releases", async () => {
    const results = await searchPublic(word, 50);
    const status = Object.fromEntries(results.map((r) => [r.person.displayName, r.status]));
    expect(status).toEqual({
      [`José ${word} Pérez Rodríguez`]: "verified",
      [`Ana ${word} De la Cruz`]: "reported",
      [`Luis ${word} Detenido`]: "detained",
    });
    const jose = results.find((r) => r.status === "verified");
    expect(jose?.releasedOn?.toISOString().slice(0, 10)).toBe("2026-01-14");
  });

  it("never returns withheld, initials-only (by name), deleted or merged persons", async () => {
    const names = (await searchPublic(word, 50)).map((r) => r.person.displayName ?? "");
    for (const hidden of ["Rosa", "Marta", "Borrado", "Fusionado", "R. Z. R.", "M. Z. I."]) {
      expect(names.join("|")).not.toContain(hidden);
    }
  });

  it("matches a cédula in any format, showing initials-only persons as initials", async () => {
    const formatted = `V-${cedulaDigits.slice(0, 2)}.${cedulaDigits.slice(2, 5)}.${cedulaDigits.slice(5)}`;
    for (const query of [cedulaDigits, formatted]) {
      const results = await searchPublic(query, 50);
      expect(results.map((r) => r.person.displayName)).toEqual(["M. Z. I."]);
      expect(JSON.stringify(results)).not.toContain(cedulaDigits);
    }
  });

  it("never confirms a withheld person, even by cédula", async () => {
    expect(await searchPublic(withheldCedula, 50)).toEqual([]);
  });

  it("returns nothing for a query under 2 characters, and honours the limit", async () => {
    expect(await searchPublic(" a ", 50)).toEqual([]);
    expect(await searchPublic("", 50)).toEqual([]);
    expect(await searchPublic(word, 1)).toHaveLength(1);
  });

  it("takes wildcard characters literally", async () => {
    expect(await searchPublic("%%", 50)).toEqual([]);
    expect(await searchPublic("__", 50)).toEqual([]);
  });
});
