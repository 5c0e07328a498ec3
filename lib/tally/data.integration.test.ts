import { beforeAll, describe, expect, it } from "vitest";
import { db } from "../db/client.ts";
import { makeOrganization, makePerson, makeRelease } from "../persons/test-fixtures.ts";
import { headlineTally } from "./data.ts";

// Everything here happens in January 2001, long before any other test's rows,
// so the tally "as of" these instants counts only this file's records.
const at = (day: number, hour = 12) => new Date(Date.UTC(2001, 0, day, hour));

describe("headlineTally", () => {
  beforeAll(async () => {
    const org = await makeOrganization();
    const person = (surnames: string, extra: Parameters<typeof makePerson>[1] extends infer T ? Partial<T> : never = {}) =>
      makePerson(org.id, { givenNames: "Tally", surnames, ...extra });
    const release = (personId: string, history: { status: "reported" | "verified" | "rejected" | "disputed" | "retracted"; at: Date }[], deleted = false) =>
      makeRelease(org.id, personId, { history, deleted });

    const a = await person("Verificada");
    await release(a.id, [{ status: "reported", at: at(1) }, { status: "verified", at: at(5) }]);
    const b = await person("Disputada");
    await release(b.id, [{ status: "reported", at: at(1) }, { status: "verified", at: at(5) }, { status: "disputed", at: at(8) }]);
    const c = await person("Rechazada");
    await release(c.id, [{ status: "reported", at: at(1) }, { status: "rejected", at: at(2) }]);
    const d = await person("Reservada", { disclosure: "withheld" });
    await release(d.id, [{ status: "reported", at: at(1) }, { status: "verified", at: at(4) }]);
    const e = await person("Borrada");
    await release(e.id, [{ status: "verified", at: at(4) }], true);
    const survivor = await person("Sobreviviente");
    const f = await person("Fusionada", { mergedIntoId: survivor.id });
    await release(f.id, [{ status: "verified", at: at(4) }]);
    const g = await person("Tardia");
    await release(g.id, [{ status: "reported", at: at(20) }]);
    const h = await person("Retractada");
    await release(h.id, [{ status: "reported", at: at(1) }, { status: "verified", at: at(3) }, { status: "retracted", at: at(6) }]);

    const claim = (statedOn: Date, extra: Record<string, unknown> = {}) =>
      db().announcement.create({
        data: {
          claimant: "Gobierno de prueba",
          claimantKind: "government",
          statedOn,
          measure: "released",
          qualifier: "exact",
          value: 100,
          basis: "unspecified",
          ...extra,
        },
      });
    await claim(new Date(Date.UTC(2001, 0, 5)), { value: 50 });
    await claim(new Date(Date.UTC(2001, 0, 9)), { qualifier: "at_least", value: 400 });
    await claim(new Date(Date.UTC(2001, 0, 9)), { claimantKind: "ngo", claimant: "ONG de prueba", value: 7 });
    await claim(new Date(Date.UTC(2001, 0, 9)), { measure: "detained", value: 900 });
    await claim(new Date(Date.UTC(2001, 0, 10)), { value: 999, deletedAt: new Date() });
    await claim(new Date(Date.UTC(2001, 0, 25)), { value: 626 });
  });

  it("counts each release by its latest status at the instant", async () => {
    const tally = await headlineTally(at(10));
    expect(tally).toMatchObject({ verified: 2, reported: 1, verifiedWithheld: 1 });
  });

  it("shows the tally as it stood earlier", async () => {
    // Day 3, noon: A, B, D reported; H verified that morning; C already rejected.
    expect(await headlineTally(at(3))).toMatchObject({ verified: 1, reported: 3, verifiedWithheld: 0 });
    // Before anything happened.
    expect(await headlineTally(new Date(Date.UTC(2000, 11, 31)))).toMatchObject({ verified: 0, reported: 0 });
  });

  it("includes later reports once they happened", async () => {
    expect(await headlineTally(at(30))).toMatchObject({ verified: 2, reported: 2, verifiedWithheld: 1 });
  });

  it("picks the latest government release claim stated by then, ignoring deleted ones and other measures", async () => {
    const tally = await headlineTally(at(10));
    expect(tally.latestGovernmentClaim).toMatchObject({ claimant: "Gobierno de prueba", qualifier: "at_least", value: 400 });
    expect(tally.latestGovernmentClaim?.statedOn.toISOString().slice(0, 10)).toBe("2001-01-09");
    expect((await headlineTally(at(4)))?.latestGovernmentClaim).toBeNull();
  });
});
