import { beforeAll, describe, expect, it } from "vitest";
import { makeOrganization, makePerson, makeRelease, uniqueWord } from "../persons/test-fixtures.ts";
import { publicVerifiedReleases } from "./data.ts";

// Releases dated in 2099 come first in the newest-first list, whatever else the database holds.
const day = (iso: string) => new Date(`${iso}T00:00:00.000Z`);
const word = uniqueWord("zr");

describe("publicVerifiedReleases", () => {
  let before: Awaited<ReturnType<typeof publicVerifiedReleases>>;

  beforeAll(async () => {
    before = await publicVerifiedReleases({ page: 1, pageSize: 50 });
    const org = await makeOrganization();
    const verified = (at: string) => ({ history: [{ status: "verified" as const, at: new Date() }], releasedOn: day(at), conditions: "conditional" as const });
    const a = await makePerson(org.id, { givenNames: `Primera ${word}`, surnames: "Pública", cedula: "V-99.000.001" });
    await makeRelease(org.id, a.id, verified("2099-03-02"));
    const b = await makePerson(org.id, { givenNames: `Segunda ${word}`, surnames: "Con Iniciales", disclosure: "initials" });
    await makeRelease(org.id, b.id, verified("2099-03-01"));
    const c = await makePerson(org.id, { givenNames: `Tercera ${word}`, surnames: "Reservada", disclosure: "withheld" });
    await makeRelease(org.id, c.id, verified("2099-03-03"));
    const d = await makePerson(org.id, { givenNames: `Cuarta ${word}`, surnames: "Reportada" });
    await makeRelease(org.id, d.id, { history: [{ status: "reported", at: new Date() }], releasedOn: day("2099-03-04") });
    const e = await makePerson(org.id, { givenNames: `Quinta ${word}`, surnames: "Borrada", deleted: true });
    await makeRelease(org.id, e.id, verified("2099-03-05"));
    const f = await makePerson(org.id, { givenNames: `Sexta ${word}`, surnames: "Release borrado" });
    await makeRelease(org.id, f.id, { ...verified("2099-03-06"), deleted: true });
  });

  it("lists verified releases newest first, names as disclosed, withheld ones only counted", async () => {
    const page = await publicVerifiedReleases({ page: 1, pageSize: 50 });
    expect(page.total).toBe(before.total + 2);
    expect(page.withheld).toBe(before.withheld + 1);
    expect(page.rows.slice(0, 2).map((r) => r.person.displayName)).toEqual([`Primera ${word} Pública`, "S. Z. C. I."]);
    expect(page.rows[0]).toMatchObject({ conditions: "conditional", releasedPrecision: "day" });
  });

  it("returns public fields only", async () => {
    const page = await publicVerifiedReleases({ page: 1, pageSize: 50 });
    const text = JSON.stringify(page.rows.slice(0, 2));
    expect(text).not.toMatch(/facility|cedula|99000001|notes|reportedBy|organization/i);
    expect(text).not.toContain("Tercera");
  });

  it("paginates and keeps the page within range", async () => {
    const first = await publicVerifiedReleases({ page: 1, pageSize: 1 });
    expect(first.rows).toHaveLength(1);
    expect(first.pageCount).toBe(first.total);
    const second = await publicVerifiedReleases({ page: 2, pageSize: 1 });
    expect(second.rows[0]?.releaseId).not.toBe(first.rows[0]?.releaseId);
    const beyond = await publicVerifiedReleases({ page: 10_000, pageSize: 50 });
    expect(beyond.page).toBe(beyond.pageCount);
    expect((await publicVerifiedReleases({ page: -3, pageSize: 50 })).page).toBe(1);
  });
});
