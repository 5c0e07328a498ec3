import { beforeAll, describe, expect, it } from "vitest";
import { makeOrganization, makePerson, makeRelease, uniqueWord } from "../persons/test-fixtures.ts";
import { searchPeople } from "./data.ts";

/**
 * The public search on a real database: what it finds, how it classes it, and
 * whom it never shows (DESIGN.md rules 4 and 5). Each person carries a word
 * no other test uses, so the shared database's other rows cannot interfere.
 */
const word = uniqueWord("zs");
const other = uniqueWord("zt");
const day = (iso: string) => new Date(`${iso}T00:00:00.000Z`);
const cedulaDigits = String(70_000_000 + Math.floor(Math.random() * 9_999_999));
const withheldCedula = String(Number(cedulaDigits) + 1);
const names = async (query: string, limit = 50) => (await searchPeople(query, limit)).results.map((result) => result.name);

describe("searchPeople", () => {
  beforeAll(async () => {
    const org = await makeOrganization();
    const verified = await makePerson(org.id, { givenNames: `José Luis ${word}`, surnames: "Pérez Rodríguez", notes: "never public" });
    await makeRelease(org.id, verified.id, { history: [{ status: "verified", at: new Date() }], releasedOn: day("2026-01-14") });
    await makeRelease(org.id, verified.id, { history: [{ status: "reported", at: new Date() }], releasedOn: day("2026-02-02") });
    const reported = await makePerson(org.id, { givenNames: `Ana ${word}`, surnames: "De la Cruz" });
    await makeRelease(org.id, reported.id, { history: [{ status: "verified", at: new Date() }, { status: "disputed", at: new Date() }] });
    await makePerson(org.id, { givenNames: `Luis ${word}`, surnames: "Hernández Detenido" });
    await makePerson(org.id, { givenNames: `Marta ${word}`, surnames: "Iniciales", disclosure: "initials", cedula: `V-${cedulaDigits}` });
    await makePerson(org.id, { givenNames: `Rosa ${word}`, surnames: "Reservada", disclosure: "withheld", cedula: withheldCedula });
    await makePerson(org.id, { givenNames: `Borrado ${word}`, surnames: "Pérez", deleted: true });
    const survivor = await makePerson(org.id, { givenNames: `Sobrevive ${other}`, surnames: "Gómez" });
    await makePerson(org.id, { givenNames: `Fusionado ${word}`, surnames: "Pérez", mergedIntoId: survivor.id });
  });

  it("finds a name written without accents, in any order, with a name or surname missing: exact", async () => {
    for (const query of [`jose luis ${word} perez rodriguez`, `PEREZ RODRIGUEZ, JOSE LUIS ${word.toUpperCase()}`, `jose ${word} perez`]) {
      const { results } = await searchPeople(query, 10);
      expect(results[0], query).toMatchObject({ name: `José Luis ${word} Pérez Rodríguez`, match: "exact" });
    }
  });

  it("finds typos, sound-alikes, initials and joined particles: close", async () => {
    const cases: [string, string][] = [
      [`jose luis ${word} peres rodrigues`, `José Luis ${word} Pérez Rodríguez`], // s/z
      [`jose l. ${word} perez`, `José Luis ${word} Pérez Rodríguez`], // initial
      [`jsoe ${word} prez`, `José Luis ${word} Pérez Rodríguez`], // two typos, one per word
      [`ana ${word} delacruz`, `Ana ${word} De la Cruz`], // particle joined
      [`luis ${word} ernandes`, `Luis ${word} Hernández Detenido`], // silent h, s/z
    ];
    for (const [query, expected] of cases) {
      const { results } = await searchPeople(query, 10);
      expect(results[0], query).toMatchObject({ name: expected, match: "close" });
    }
  });

  it("says the status plainly, with the month of the release it speaks of, never the day", async () => {
    const { results } = await searchPeople(word, 50);
    const byName = Object.fromEntries(results.map((result) => [result.name, result]));
    expect(byName[`José Luis ${word} Pérez Rodríguez`]).toMatchObject({ status: "release_verified", releasedOn: "2026-01" });
    expect(byName[`Ana ${word} De la Cruz`]?.status).toBe("release_reported");
    expect(byName[`Luis ${word} Hernández Detenido`]).toMatchObject({ status: "detained", releasedOn: null });
  });

  it("never returns withheld, initials-only (by name), deleted or merged persons", async () => {
    const found = (await names(word)).join("|");
    for (const hidden of ["Rosa", "Marta", "Borrado", "Fusionado", "R. ", "M. "]) expect(found).not.toContain(hidden);
  });

  it("matches a cédula in any format exactly, showing initials-only persons as initials and no cédula", async () => {
    const d = cedulaDigits;
    for (const query of [d, `V-${d.slice(0, 2)}.${d.slice(2, 5)}.${d.slice(5)}`, `v${d}`, `${d.slice(0, 2)}.${d.slice(2, 5)}.${d.slice(5)}`]) {
      const answer = await searchPeople(query, 50);
      expect(answer.results.map((result) => [result.name, result.match]), query).toEqual([[expect.stringMatching(/^M\. /), "exact"]]);
      expect(JSON.stringify(answer.results)).not.toContain(d);
    }
    // One digit off is somebody else: a cédula matches exactly or not at all.
    expect(await names(String(Number(d) + 2))).toEqual([]);
  });

  it("never confirms a withheld person, even by cédula", async () => {
    expect(await names(withheldCedula)).toEqual([]);
  });

  it("honours the limit, and answers nothing for particles or initials alone", async () => {
    expect(await names(word, 1)).toHaveLength(1);
    expect(await names("de la")).toEqual([]);
    expect(await names("j. l.")).toEqual([]);
  });

  it("takes SQL and LIKE wildcards as text", async () => {
    expect(await names(`${word}%`)).toContain(`Ana ${word} De la Cruz`);
    expect(await names("%_%")).toEqual([]);
    // Half the words are hers: a partial match, and the SQL is only text.
    expect(await names(`Ana ${word} De la Cruz'; DROP TABLE "Person"; --`)).toContain(`Ana ${word} De la Cruz`);
    expect(await names(`ana ${word}`)).toContain(`Ana ${word} De la Cruz`);
  });
});
