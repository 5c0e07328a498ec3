import { beforeAll, describe, expect, it } from "vitest";
import { db } from "../db/client.ts";
import { makeOrganization, makePerson, uniqueWord } from "../persons/test-fixtures.ts";
import { knownFacilities } from "./data.ts";

const word = uniqueWord("zf");
const often = `Centro frecuente ${word}`;
const once = `Centro raro ${word}`;
const gone = `Centro borrado ${word}`;

describe("knownFacilities", () => {
  beforeAll(async () => {
    const org = await makeOrganization();
    const person = await makePerson(org.id, { givenNames: `Facilidad ${word}`, surnames: "Prueba" });
    const release = (facility: string | null, deleted = false) =>
      db().release.create({
        data: { personId: person.id, organizationId: org.id, facility, releasedPrecision: "unknown", deletedAt: deleted ? new Date() : null },
      });
    for (let i = 0; i < 50; i += 1) await release(often);
    await db().detention.create({ data: { personId: person.id, facility: once } });
    await release(gone, true);
    await release(null);
  });

  it("suggests the facilities on record (releases and detentions), the most frequent first, deleted ones left out", async () => {
    const all = await knownFacilities(1000);
    expect(all).toContain(often);
    expect(all).toContain(once);
    expect(all).not.toContain(gone);
    expect(all.indexOf(often)).toBeLessThan(all.indexOf(once));
    expect(new Set(all).size).toBe(all.length);
  });

  it("keeps to the limit", async () => {
    expect(await knownFacilities(1)).toHaveLength(1);
  });
});
