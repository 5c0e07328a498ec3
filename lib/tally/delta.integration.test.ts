import { describe, expect, it } from "vitest";
import { endOfCaracasDay } from "../dates.ts";
import { db } from "../db/client.ts";
import type { ReleaseStatus } from "../generated/prisma/enums.ts";
import { makeOrganization, makePerson } from "../persons/test-fixtures.ts";

/**
 * TallyDelta (kept by triggers) must always say what the status history says.
 * Here the history is rewritten in every way the app writes it (status
 * changes, an edited release date, a changed nationality and disclosure, a
 * release and a person deleted, releases moved by a merge, a purge), and after
 * each step the counts from TallyDelta are compared, for every day anything
 * happened, with the same counts computed the slow way from the history.
 * (Integration files run one at a time, so the whole database can be compared.)
 */
interface Row {
  releasedOn: string | null;
  precision: string;
  nationality: string;
  withheld: boolean;
  status: string;
  n: number;
}

const key = (r: Row) => `${r.releasedOn}|${r.precision}|${r.nationality}|${r.withheld}|${r.status}|${r.n}`;

async function fromDelta(day: string): Promise<string[]> {
  const rows = await db().$queryRaw<Row[]>`
    SELECT CASE WHEN "releasedPrecision" = 'unknown' THEN NULL ELSE to_char("releasedOn", 'YYYY-MM-DD') END AS "releasedOn",
           "releasedPrecision"::text AS "precision", "nationality"::text AS "nationality", "withheld", "status", sum("delta")::int AS n
      FROM "TallyDelta" WHERE "day" <= ${day}::date
     GROUP BY 1, 2, 3, 4, 5 HAVING sum("delta") <> 0`;
  return rows.map(key).sort();
}

async function fromHistory(day: string): Promise<string[]> {
  const instant = endOfCaracasDay(day);
  // The slow way: each release's latest status by then.
  const rows = await db().$queryRaw<Row[]>`
    WITH status_at AS (
      SELECT DISTINCT ON (c."releaseId") c."releaseId", c."toStatus"
        FROM "ReleaseStatusChange" c WHERE c."changedAt" <= ${instant}
       ORDER BY c."releaseId", c."changedAt" DESC, c."id" DESC)
    SELECT CASE WHEN r."releasedOn" IS NULL OR r."releasedPrecision" = 'unknown' THEN NULL ELSE to_char(r."releasedOn", 'YYYY-MM-DD') END AS "releasedOn",
           CASE WHEN r."releasedOn" IS NULL THEN 'unknown' ELSE r."releasedPrecision"::text END AS "precision",
           p."nationality"::text AS "nationality", (p."disclosure" = 'withheld') AS "withheld",
           CASE WHEN s."toStatus" = 'verified' THEN 'verified' ELSE 'reported' END AS "status", count(*)::int AS n
      FROM status_at s JOIN "Release" r ON r."id" = s."releaseId" JOIN "Person" p ON p."id" = r."personId"
     WHERE s."toStatus" IN ('verified', 'reported', 'disputed')
       AND (r."deletedAt" IS NULL OR r."deletedAt" > ${instant})
       AND (p."deletedAt" IS NULL OR p."deletedAt" > ${instant})
     GROUP BY 1, 2, 3, 4, 5`;
  return rows.map(key).sort();
}

/** Every Caracas day on which a status changed or something was deleted, and the day after each. */
async function daysToCompare(): Promise<string[]> {
  const rows = await db().$queryRaw<{ day: string }[]>`
    SELECT DISTINCT to_char(d, 'YYYY-MM-DD') AS day FROM (
      SELECT constancia_caracas_day("changedAt") AS d FROM "ReleaseStatusChange"
      UNION SELECT constancia_caracas_day("changedAt") + 1 FROM "ReleaseStatusChange"
      UNION SELECT constancia_caracas_day("deletedAt") FROM "Release" WHERE "deletedAt" IS NOT NULL
      UNION SELECT constancia_caracas_day("deletedAt") FROM "Person" WHERE "deletedAt" IS NOT NULL
    ) x ORDER BY 1`;
  return rows.map((row) => row.day);
}

async function expectDeltaToMatchHistory(step: string) {
  for (const day of await daysToCompare()) {
    expect(await fromDelta(day), `${step}, as of ${day}`).toEqual(await fromHistory(day));
  }
}

const at = (day: number, hour = 14) => new Date(Date.UTC(2004, 4, day, hour));

describe("TallyDelta", () => {
  it("follows every way the records change", async () => {
    const organizationId = (await makeOrganization()).id;
    const person = (surnames: string) => makePerson(organizationId, { givenNames: "Delta", surnames });
    async function release(personId: string, releasedOn: string | null, precision: "day" | "month" | "unknown", history: [ReleaseStatus, Date][]) {
      const last = history.at(-1)!;
      const r = await db().release.create({
        data: {
          personId,
          organizationId,
          releasedOn: releasedOn ? new Date(`${releasedOn}T00:00:00Z`) : null,
          releasedPrecision: precision,
          status: last[0],
          verifiedAt: last[0] === "verified" ? last[1] : null,
        },
      });
      await db().evidence.create({ data: { releaseId: r.id, kind: "ngo_list", description: "Lista de prueba", url: "https://example.org/lista" } });
      // One statement for the whole history, as bulk loads write it.
      let from: ReleaseStatus | null = null;
      await db().releaseStatusChange.createMany({
        data: history.map(([status, changedAt]) => {
          const row = { releaseId: r.id, fromStatus: from, toStatus: status, changedAt };
          from = status;
          return row;
        }),
      });
      return r;
    }
    const step = async (releaseId: string, from: ReleaseStatus, to: ReleaseStatus, changedAt: Date) => {
      await db().$transaction([
        db().release.update({ where: { id: releaseId }, data: { status: to, verifiedAt: to === "verified" ? changedAt : null } }),
        db().releaseStatusChange.create({ data: { releaseId, fromStatus: from, toStatus: to, changedAt } }),
      ]);
    };

    const a = await person("Uno");
    const b = await person("Dos");
    const c = await person("Tres");
    const ra = await release(a.id, "2004-05-01", "day", [["reported", at(2)], ["verified", at(4)]]);
    const rb = await release(b.id, "2004-05-01", "month", [["reported", at(2)], ["verified", at(3, 3)]]); // 23:00 on the 2nd in Caracas
    const rc = await release(c.id, null, "unknown", [["reported", at(3)], ["verified", at(5)]]);
    await expectDeltaToMatchHistory("recorded");

    await step(ra.id, "verified", "disputed", at(6));
    await step(rb.id, "verified", "retracted", at(7));
    await expectDeltaToMatchHistory("disputed, retracted");

    await db().release.update({ where: { id: ra.id }, data: { releasedOn: new Date("2004-04-28T00:00:00Z"), releasedPrecision: "day" } });
    await db().person.update({ where: { id: c.id }, data: { nationality: "CO", disclosure: "withheld" } });
    await expectDeltaToMatchHistory("release date and nationality edited");

    await db().release.update({ where: { id: rc.id }, data: { deletedAt: at(8) } });
    await db().person.update({ where: { id: a.id }, data: { deletedAt: at(9) } });
    await expectDeltaToMatchHistory("release and person deleted");

    // A merge moves the merged person's releases to the survivor, who may differ in nationality.
    const survivor = await person("Cuatro");
    await db().person.update({ where: { id: survivor.id }, data: { nationality: "ES" } });
    await db().release.update({ where: { id: rb.id }, data: { personId: survivor.id } });
    await expectDeltaToMatchHistory("releases moved by a merge");

    // A purge deletes the history, then the release, then the person.
    await db().releaseStatusChange.deleteMany({ where: { releaseId: ra.id } });
    await db().evidence.deleteMany({ where: { releaseId: ra.id } });
    await db().release.delete({ where: { id: ra.id } });
    await db().person.delete({ where: { id: a.id } });
    await expectDeltaToMatchHistory("purged");
  });
});
