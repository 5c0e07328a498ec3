import { beforeAll, describe, expect, it } from "vitest";
import { announcementSnapshot } from "../announcements/revision.ts";
import { db } from "../db/client.ts";
import { makeOrganization } from "../persons/test-fixtures.ts";
import { headlineTally } from "./data.ts";

// Claims stated and recorded in January 2001, long before any other test's rows.
const at = (day: number, hour = 12) => new Date(Date.UTC(2001, 0, day, hour));
const day = (d: number) => `2001-01-${String(d).padStart(2, "0")}`;

async function claim(statedOn: number, recordedOn: number, extra: Partial<Parameters<typeof announcementSnapshot>[0]> = {}) {
  const columns = {
    claimant: "Gobierno de prueba",
    claimantKind: "government" as const,
    statedOn: new Date(`${day(statedOn)}T00:00:00Z`),
    statedOnApproximate: false,
    measure: "released" as const,
    qualifier: "exact" as const,
    value: 100,
    min: null,
    max: null,
    basis: "unspecified" as const,
    coversFrom: null,
    coversTo: null,
    coversDate: null,
    scopeKind: "all" as const,
    scopeNationality: null,
    sourceUrl: null,
    sourceDescription: null,
    quote: null,
    quoteLang: null,
    note: null,
    archivedFileSha256: null,
    archivedUrl: null,
    status: "active" as const,
    supersededById: null,
    ...extra,
  };
  const deletedAt = extra.deletedAt ?? null;
  const { breakdown: _, deletedAt: __, ...rest } = { breakdown: null, ...columns, deletedAt };
  const row = await db().announcement.create({ data: { ...rest, deletedAt, createdAt: at(recordedOn) } });
  await db().announcementRevision.create({
    data: { announcementId: row.id, version: 1, changedAt: at(recordedOn), snapshot: announcementSnapshot({ breakdown: null, ...columns, deletedAt }) as object },
  });
}

describe("headlineTally", () => {
  beforeAll(async () => {
    await makeOrganization();
    await claim(5, 5, { value: 50 });
    await claim(9, 9, { qualifier: "at_least", value: 400 });
    await claim(9, 9, { claimantKind: "ngo", claimant: "ONG de prueba", value: 7 });
    await claim(9, 9, { measure: "detained", value: 900 });
    await claim(10, 10, { value: 999, deletedAt: at(10) });
    // Stated on the 8th, recorded only on the 12th.
    await claim(8, 12, { value: 116 });
    await claim(25, 25, { value: 626 });
  });

  it("picks the latest government release claim recorded by then, ignoring deleted ones and other measures", async () => {
    const tally = await headlineTally(day(10));
    expect(tally.latestGovernmentClaim).toMatchObject({ claimant: "Gobierno de prueba", qualifier: "at_least", value: 400, statedOn: day(9) });
    expect((await headlineTally(day(4))).latestGovernmentClaim).toBeNull();
  });

  it("knows a claim only from the day it was recorded", async () => {
    expect((await headlineTally(day(11))).latestGovernmentClaim?.value).toBe(400);
    expect((await headlineTally(day(30))).latestGovernmentClaim?.value).toBe(626);
  });

  it("gives the same release counts as the tally", async () => {
    const { tallyAsOf } = await import("./service.ts");
    const headline = await headlineTally(day(30));
    const { tally } = await tallyAsOf(day(30));
    expect({ verified: headline.verified, reported: headline.reported, verifiedWithheld: headline.verifiedWithheld }).toEqual(tally.releases);
  });
});
