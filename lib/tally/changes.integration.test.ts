import { beforeAll, describe, expect, it } from "vitest";
import { announcementSnapshot } from "../announcements/revision.ts";
import { db } from "../db/client.ts";
import type { ReleaseStatus } from "../generated/prisma/enums.ts";
import { makeOrganization, makePerson } from "../persons/test-fixtures.ts";
import { tallyChanges } from "./changes.ts";

/**
 * "What changed between two dates" on a real database. Everything here
 * happens in May 2003, a month no other test file writes to, so the changes
 * between two days of it are exactly this file's rows.
 */
const at = (d: number, hour = 12) => new Date(Date.UTC(2003, 4, d, hour)); // noon UTC = 08:00 in Caracas
const day = (d: number) => `2003-05-${String(d).padStart(2, "0")}`;

let organizationId = "";
const ids: Record<string, string> = {};

async function person(key: string, surnames: string, extra: { disclosure?: "public" | "initials" | "withheld"; deleted?: boolean } = {}) {
  const p = await makePerson(organizationId, { givenNames: "Cambio", surnames, disclosure: extra.disclosure ?? "public", deleted: extra.deleted });
  ids[key] = p.id;
  return p;
}

async function release(key: string, personId: string, history: [ReleaseStatus, Date][], deletedAt: Date | null = null) {
  const last = history.at(-1)!;
  const r = await db().release.create({
    data: {
      personId,
      organizationId,
      releasedOn: new Date(`${day(1)}T00:00:00Z`),
      releasedPrecision: "day",
      status: last[0],
      verifiedAt: last[0] === "verified" ? last[1] : null,
      deletedAt,
    },
  });
  let from: ReleaseStatus | null = null;
  for (const [status, changedAt] of history) {
    await db().releaseStatusChange.create({ data: { releaseId: r.id, fromStatus: from, toStatus: status, changedAt } });
    from = status;
  }
  ids[key] = r.id;
  return r;
}

/** An announcement with its versions, each recorded at its instant. */
async function announcement(key: string, versions: { at: Date; value: number; status?: "active" | "disputed"; deleted?: boolean }[]) {
  const base = {
    claimant: `Cambios ${key}`,
    claimantKind: "ngo" as const,
    statedOn: new Date(`${day(1)}T00:00:00Z`),
    statedOnApproximate: false,
    measure: "released" as const,
    qualifier: "at_least" as const,
    min: null,
    max: null,
    breakdown: null,
    basis: "cumulative_since" as const,
    coversFrom: new Date(`${day(1)}T00:00:00Z`),
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
    supersededById: null,
  };
  const last = versions.at(-1)!;
  const { breakdown: _, ...columns } = base;
  const row = await db().announcement.create({
    data: {
      ...columns,
      value: last.value,
      status: last.status ?? "active",
      version: versions.length,
      createdAt: versions[0]!.at,
      deletedAt: last.deleted ? last.at : null,
    },
  });
  for (const [i, v] of versions.entries()) {
    await db().announcementRevision.create({
      data: {
        announcementId: row.id,
        version: i + 1,
        changedAt: v.at,
        snapshot: announcementSnapshot({
          ...base,
          value: v.value,
          status: v.status ?? "active",
          deletedAt: v.deleted ? v.at : null,
        }) as object,
      },
    });
  }
  ids[key] = row.id;
  return row;
}

beforeAll(async () => {
  organizationId = (await makeOrganization()).id;
  const a = await person("a", "Alfa");
  await release("ra", a.id, [["reported", at(2)], ["verified", at(5)]]);
  const b = await person("b", "Beta Bravo", { disclosure: "initials" });
  await release("rb", b.id, [["reported", at(2)], ["verified", at(4)], ["disputed", at(8)]]);
  const c = await person("c", "Gamma", { disclosure: "withheld" });
  await release("rc", c.id, [["reported", at(2)], ["verified", at(6)]]);
  const d = await person("d", "Delta");
  await release("rd", d.id, [["reported", at(2)], ["verified", at(3)], ["retracted", at(7)]]);
  // Verified late on the 5th in Caracas (02:00 UTC on the 6th): a change of the 5th.
  const e = await person("e", "Epsilon");
  await release("re", e.id, [["reported", at(2)], ["verified", new Date(Date.UTC(2003, 4, 6, 2))]]);
  // Verified on the 5th, its release deleted on the 20th: on record until then.
  const f = await person("f", "Zeta");
  await release("rf", f.id, [["reported", at(2)], ["verified", at(5)]], at(20));
  // Reported only: not a change this lists.
  const g = await person("g", "Eta");
  await release("rg", g.id, [["reported", at(5)]]);

  await announcement("recorded", [{ at: at(5), value: 10 }]);
  await announcement("corrected", [{ at: at(1), value: 20 }, { at: at(6), value: 25, status: "disputed" }]);
  await announcement("withdrawn", [{ at: at(1), value: 30 }, { at: at(7), value: 30, deleted: true }]);
  await announcement("fleeting", [{ at: at(5), value: 40 }, { at: at(6), value: 40, deleted: true }]);
  await announcement("later", [{ at: at(15), value: 50 }]);
});

const names = (group: { named: { person: { name: string } }[] }) => group.named.map((row) => row.person.name);

describe("tallyChanges", () => {
  it("lists releases verified, disputed and retracted after the end of `from` up to the end of `to`", async () => {
    const changes = await tallyChanges(day(3), day(8));
    // B (4th), A and F (5th), E (late on the 5th, Caracas), C withheld (6th); D was verified on the 3rd, not after its end.
    expect(changes.releases.verified.total).toBe(5);
    expect(changes.releases.verified.withheld).toBe(1);
    // Oldest first; B by its initials.
    expect(names(changes.releases.verified)).toEqual(["C. B. B.", "Cambio Alfa", "Cambio Zeta", "Cambio Epsilon"]);
    expect(changes.releases.disputed.total).toBe(1);
    expect(names(changes.releases.disputed)).toEqual(["C. B. B."]);
    expect(changes.releases.retracted.total).toBe(1);
    expect(names(changes.releases.retracted)).toEqual(["Cambio Delta"]);
  });

  it("dates each change by its Caracas day and names persons as their disclosure allows", async () => {
    const changes = await tallyChanges(day(4), day(5));
    const verified = changes.releases.verified.named;
    expect(verified.map((row) => [row.person.name, row.on])).toEqual([
      ["Cambio Alfa", day(5)],
      ["Cambio Zeta", day(5)],
      ["Cambio Epsilon", day(5)],
    ]);
    expect(verified[0]!.person).toEqual({ name: "Cambio Alfa", disclosure: "public", personId: ids.a });
    expect(verified[0]!.releasedOn).toBe(day(1));
    const initials = (await tallyChanges(day(3), day(4))).releases.verified.named;
    expect(initials).toHaveLength(1);
    // Initials only: no link to a page.
    expect(initials[0]!.person).toEqual({ name: "C. B. B.", disclosure: "initials", personId: null });
  });

  it("never names a withheld person, nor gives anything that points at them", async () => {
    const changes = await tallyChanges(day(5), day(6));
    expect(changes.releases.verified).toMatchObject({ total: 1, withheld: 1, named: [], more: 0 });
    expect(JSON.stringify(changes)).not.toContain("Gamma");
    expect(JSON.stringify(changes)).not.toContain(ids.c);
    expect(JSON.stringify(changes)).not.toContain(ids.rc);
  });

  it("leaves out a release once deleted, and counts named rows beyond the limit", async () => {
    expect(names((await tallyChanges(day(4), day(30))).releases.verified)).not.toContain("Cambio Zeta");
    const limited = await tallyChanges(day(3), day(8), { namedLimit: 2 });
    expect(limited.releases.verified).toMatchObject({ total: 5, withheld: 1, more: 2 });
    expect(limited.releases.verified.named).toHaveLength(2);
  });

  it("lists announcements recorded, changed and withdrawn in the interval, as they stood at its end", async () => {
    const changes = await tallyChanges(day(4), day(8));
    const mine = <T extends { id: string }>(list: T[]) => list.filter((a) => Object.values(ids).includes(a.id));
    expect(mine(changes.announcements.recorded).map((a) => [a.id, a.on, a.claim.value])).toEqual([[ids.recorded, day(5), 10]]);
    expect(mine(changes.announcements.changed).map((a) => [a.id, a.on, a.claim.value, a.claim.status])).toEqual([
      [ids.corrected, day(6), 25, "disputed"],
    ]);
    expect(mine(changes.announcements.withdrawn).map((a) => [a.id, a.on])).toEqual([[ids.withdrawn, day(7)]]);
    // As of an earlier end, the correction had not happened yet.
    const earlier = await tallyChanges(day(4), day(5));
    expect(mine(earlier.announcements.changed)).toEqual([]);
    expect(mine(earlier.announcements.recorded).map((a) => a.id).sort()).toEqual([ids.recorded, ids.fleeting].sort());
  });

  it("finds nothing in an empty interval, and refuses one that runs backwards", async () => {
    const nothing = await tallyChanges(day(9), day(14));
    expect(nothing.releases.verified.total).toBe(0);
    expect(nothing.announcements.recorded.filter((a) => a.id === ids.later)).toEqual([]);
    expect((await tallyChanges(day(14), day(15))).announcements.recorded.map((a) => a.id)).toContain(ids.later);
    await expect(tallyChanges(day(8), day(3))).rejects.toThrow(RangeError);
  });
});
