import { beforeAll, describe, expect, it } from "vitest";
import { announcementSnapshot } from "../announcements/revision.ts";
import { db } from "../db/client.ts";
import type { ReleaseStatus } from "../generated/prisma/enums.ts";
import { makeOrganization, makePerson } from "../persons/test-fixtures.ts";
import { computeTally } from "./compute.ts";
import { readTallyFacts } from "./facts.ts";
import { publicTally } from "./public.ts";

/**
 * The tally as of past days, on a real database. Everything here happens in
 * March 2002 to persons of nationality "QZ" (a code no country has), and the
 * claims are scoped to QZ: other test files' rows (written today, or in 2001)
 * cannot move these figures. Headline figures are compared as differences
 * with the eve of this story.
 */
const at = (day: number, hour = 12) => new Date(Date.UTC(2002, 2, day, hour)); // noon UTC = 08:00 in Caracas
const day = (d: number) => `2002-03-${String(d).padStart(2, "0")}`;
const NATIONALITY = "QZ";

let organizationId = "";
const claimIds: Record<string, string> = {};

async function person(surnames: string, disclosure: "public" | "withheld" = "public") {
  const p = await makePerson(organizationId, { givenNames: "Cifra", surnames, disclosure });
  await db().person.update({ where: { id: p.id }, data: { nationality: NATIONALITY } });
  return p;
}

async function release(personId: string, releasedOn: number, history: [ReleaseStatus, Date][], deletedAt: Date | null = null) {
  const r = await db().release.create({
    data: {
      personId,
      organizationId,
      releasedOn: new Date(`${day(releasedOn)}T00:00:00Z`),
      releasedPrecision: "day",
      status: history.at(-1)![0],
      verifiedAt: history.at(-1)![0] === "verified" ? history.at(-1)![1] : null,
      deletedAt,
    },
  });
  let from: ReleaseStatus | null = null;
  for (const [status, changedAt] of history) {
    await db().releaseStatusChange.create({ data: { releaseId: r.id, fromStatus: from, toStatus: status, changedAt } });
    from = status;
  }
  return r;
}

/** An announcement with its versions, each recorded at the given instant. */
async function announcement(key: string, versions: { at: Date; value: number; status?: "active" | "disputed" }[]) {
  const base = {
    claimant: `Prueba ${key}`,
    claimantKind: "government" as const,
    statedOn: new Date(`${day(1)}T00:00:00Z`),
    statedOnApproximate: false,
    measure: "released" as const,
    qualifier: "exact" as const,
    min: null,
    max: null,
    breakdown: null,
    basis: "window" as const,
    coversFrom: new Date(`${day(1)}T00:00:00Z`),
    coversTo: new Date(`${day(10)}T00:00:00Z`),
    coversDate: null,
    scopeKind: "nationality" as const,
    scopeNationality: NATIONALITY,
    sourceUrl: null,
    sourceDescription: null,
    quote: null,
    quoteLang: null,
    note: null,
    archivedFileSha256: null,
    archivedUrl: null,
    supersededById: null,
    deletedAt: null,
  };
  const last = versions.at(-1)!;
  const { breakdown: _, deletedAt: __, ...columns } = base;
  const row = await db().announcement.create({
    data: { ...columns, value: last.value, status: last.status ?? "active", version: versions.length, createdAt: versions[0]!.at },
  });
  for (const [i, v] of versions.entries()) {
    await db().announcementRevision.create({
      data: {
        announcementId: row.id,
        version: i + 1,
        changedAt: v.at,
        snapshot: announcementSnapshot({ ...base, value: v.value, status: v.status ?? "active" }) as object,
      },
    });
  }
  claimIds[key] = row.id;
  return row;
}

async function tallyAt(d: number) {
  return computeTally(await readTallyFacts(day(d)));
}
const claimOf = (tally: Awaited<ReturnType<typeof tallyAt>>, key: string) =>
  tally.announcements.find((a) => a.claim.id === claimIds[key]);

beforeAll(async () => {
  organizationId = (await makeOrganization()).id;
  // A: reported on the 2nd, verified on the 5th.
  const a = await person("Alfa");
  await release(a.id, 2, [["reported", at(2)], ["verified", at(5)]]);
  // B: verified on the 4th, disputed on the 8th (back in review: counts as reported).
  const b = await person("Beta");
  await release(b.id, 3, [["reported", at(3)], ["verified", at(4)], ["disputed", at(8)]]);
  // C: verified on the 4th, retracted on the 7th (counts nowhere after).
  const c = await person("Gamma");
  await release(c.id, 3, [["reported", at(3)], ["verified", at(4)], ["retracted", at(7)]]);
  // D: verified on the 4th, its release deleted on the 20th (on record until then).
  const d = await person("Delta");
  await release(d.id, 4, [["reported", at(3)], ["verified", at(4)]], at(20));
  // E: withheld, verified late on the 5th in Caracas (02:00 UTC on the 6th).
  const e = await person("Epsilon", "withheld");
  await release(e.id, 5, [["reported", at(3)], ["verified", new Date(Date.UTC(2002, 2, 6, 2))]]);
  // F: released on the 12th, outside the claim's window (1–10 March).
  const f = await person("Zeta");
  await release(f.id, 12, [["reported", at(12)], ["verified", at(13)]]);

  // Recorded on the 3rd as 10; corrected on the 15th to 20 and disputed.
  await announcement("edited", [{ at: at(3), value: 10 }, { at: at(15), value: 20, status: "disputed" }]);
  // Recorded only on the 9th.
  await announcement("late", [{ at: at(9), value: 7 }]);

  // A list for "edited": A linked automatically on the 6th; B confirmed by a moderator on the 12th; one stranger.
  const line = (position: number, name: string, extra: object) =>
    db().announcedName.create({
      data: { announcementId: claimIds.edited!, position, nameAsPrinted: name, lineKey: `${claimIds.edited}-${position}`.padEnd(64, "0").slice(0, 64), ...extra },
    });
  await line(1, "ALFA CIFRA", { personId: a.id, linkMethod: "automatic", createdAt: at(6) });
  await line(2, "BETA CIFRA", { personId: b.id, linkMethod: "confirmed", createdAt: at(6), decidedAt: at(12) });
  await line(3, "NADIE CONOCIDO", { linkMethod: "pending", createdAt: at(6) });
});

describe("the tally as of a past day", () => {
  it("counts each release with its status at the end of that day", async () => {
    const eve = await tallyAt(1);
    const third = await tallyAt(3);
    // On the 3rd: A, B, C, D, E reported, none verified yet.
    expect(third.releases.reported - eve.releases.reported).toBe(5);
    expect(third.releases.verified - eve.releases.verified).toBe(0);
    const fifth = await tallyAt(5);
    // On the 5th: A, B, C, D verified, and E (verified at 22:00 Caracas time on the 5th), withheld.
    expect(fifth.releases.verified - eve.releases.verified).toBe(5);
    expect(fifth.releases.verifiedWithheld - eve.releases.verifiedWithheld).toBe(1);
  });

  it("counts a disputed release as reported, and a retracted one nowhere", async () => {
    const eve = await tallyAt(1);
    const ninth = await tallyAt(9);
    // A, D, E verified; B disputed → reported; C retracted.
    expect(ninth.releases.verified - eve.releases.verified).toBe(3);
    expect(ninth.releases.reported - eve.releases.reported).toBe(1);
  });

  it("keeps a release deleted later in the days it was on record", async () => {
    const eve = await tallyAt(1);
    expect((await tallyAt(19)).releases.verified - eve.releases.verified).toBe(4); // A, D, E, F
    expect((await tallyAt(21)).releases.verified - eve.releases.verified).toBe(3);
  });

  it("reads each announcement as it was recorded then, and only once recorded", async () => {
    expect(claimOf(await tallyAt(2), "edited")).toBeUndefined();
    const tenth = claimOf(await tallyAt(10), "edited")!;
    expect(tenth.claim).toMatchObject({ value: 10, status: "active" });
    // In the window 1–10 March, scope QZ: A, D, E verified (B disputed, C retracted, F outside).
    expect(tenth).toMatchObject({ verifiedInScope: 3, reportedInScope: 1, gap: 7 });
    const sixteenth = claimOf(await tallyAt(16), "edited")!;
    expect(sixteenth.claim).toMatchObject({ value: 20, status: "disputed" });
    expect(sixteenth.gap).toBe(17);
    expect(claimOf(await tallyAt(8), "late")).toBeUndefined();
    expect(claimOf(await tallyAt(9), "late")).toBeDefined();
  });

  it("reads a name list's links as they were made", async () => {
    expect(claimOf(await tallyAt(5), "edited")!.list).toBeNull();
    // On the 10th: A linked (verified), B not yet confirmed, the stranger unmatched.
    expect(claimOf(await tallyAt(10), "edited")!.list).toEqual({
      names: 3,
      matchedVerified: 1,
      matchedUnverified: 0,
      unmatched: 2,
      verifiedNotListed: 2, // D and E
    });
    // On the 13th: B confirmed, but its release is disputed: matched, unverified.
    expect(claimOf(await tallyAt(13), "edited")!.list).toMatchObject({ matchedVerified: 1, matchedUnverified: 1, unmatched: 1 });
  });

  it("draws the verified series by day in Caracas", async () => {
    const series = (await tallyAt(9)).series;
    // Before its first point (no other file's rows earlier), the series is 0.
    const on = (d: number) => series.find((point) => point.date === day(d))?.verifiedCumulative ?? (series[0]!.date > day(d) ? 0 : NaN);
    expect(on(4) - on(3)).toBe(3); // B, C, D
    expect(on(5) - on(4)).toBe(2); // A, and E at 22:00 on the 5th
    expect(on(7) - on(6)).toBe(-1); // C retracted
    expect(on(8) - on(7)).toBe(-1); // B disputed
  });

  it("does not show the public a small count that contains a withheld person", async () => {
    const view = publicTally(await tallyAt(10)).announcements.find((a) => a.id === claimIds.edited)!;
    // 3 verified in scope, one of them E (withheld): suppressed with the gap.
    expect(view).toMatchObject({ verifiedInScope: null, gap: null, reportedInScope: 1 });
    expect(view.suppressed).toEqual(expect.arrayContaining(["verifiedInScope", "gap", "verifiedNotListed"]));
  });
});
