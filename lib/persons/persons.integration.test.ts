import { beforeAll, describe, expect, it } from "vitest";
import { db } from "../db/client.ts";
import { addEvidence } from "../evidence/mutations.ts";
import { createRelease } from "../releases/mutations.ts";
import { reviewRelease } from "../reviews/mutations.ts";
import { makeActor } from "../testing/actors.ts";
import { possibleDuplicates, publicPersonById } from "./data.ts";
import { createPerson, markPersonDeleted, mergePersons, purgePerson, updatePerson } from "./mutations.ts";
import { makeOrganization, uniqueWord } from "./test-fixtures.ts";

type UserActor = Awaited<ReturnType<typeof makeActor>>;
let volunteer: UserActor;
let moderator: UserActor;
let moderator2: UserActor;
let admin: UserActor;

/** A cédula nobody else in the shared test database uses. */
const freshCedula = () => `V-${String(Math.floor(30_000_000 + Math.random() * 60_000_000))}`;

beforeAll(async () => {
  const org = await makeOrganization();
  volunteer = await makeActor("volunteer", org.id);
  moderator = await makeActor("moderator", org.id);
  moderator2 = await makeActor("moderator", org.id);
  admin = await makeActor("admin", org.id);
});

describe("persons on a real database", () => {
  it("creates a person with search keys and an audit event, and finds them as a duplicate however the name is typed", async () => {
    const word = uniqueWord("zz").replace(/\d/g, "");
    const cedula = freshCedula();
    const person = await createPerson(volunteer, { givenNames: `José Luis ${word}`, surnames: "Pérez Rodríguez", cedula });
    const row = await db().person.findUniqueOrThrow({ where: { id: person.id } });
    expect(row).toMatchObject({ disclosure: "initials", nationality: "VE", organizationId: volunteer.organizationId, createdById: volunteer.userId });
    expect(row.nameTokens).toContain("perez");
    expect(row.phoneticKeys.length).toBeGreaterThan(0);
    expect(await db().auditEvent.count({ where: { entityType: "Person", entityId: person.id, action: "person.create" } })).toBe(1);

    const byCedula = await possibleDuplicates({ cedula: cedula.replace(/[V.-]/g, "") });
    expect(byCedula[0]).toMatchObject({ id: person.id, match: "exact", sameCedula: true });
    const byName = await possibleDuplicates({ givenNames: `jose ${word}`, surnames: "perez" });
    expect(byName.map((d) => d.id)).toContain(person.id);

    await expect(createPerson(volunteer, { givenNames: "Otra", surnames: "Persona", cedula })).rejects.toMatchObject({
      code: "conflict",
      extra: { details: { personId: person.id } },
    });
  });

  it("refuses a stale edit with the current values, and never overwrites", async () => {
    const person = await createPerson(volunteer, { givenNames: `Ana ${uniqueWord()}`, surnames: "Rojas" });
    const saved = await updatePerson(volunteer, person.id, { homeState: "Lara", version: 1 });
    expect(saved).toMatchObject({ version: 2, changed: true });
    await expect(updatePerson(moderator, person.id, { homeState: "Zulia", version: 1 })).rejects.toMatchObject({
      code: "stale_version",
      extra: { details: { currentVersion: 2, current: { homeState: "Lara" } } },
    });
    expect((await db().person.findUniqueOrThrow({ where: { id: person.id } })).homeState).toBe("Lara");
    // Two editors at once from the same version: exactly one wins.
    const results = await Promise.allSettled([
      updatePerson(volunteer, person.id, { homeState: "Mérida", version: 2 }),
      updatePerson(moderator, person.id, { homeState: "Táchira", version: 2 }),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect((await db().person.findUniqueOrThrow({ where: { id: person.id } })).version).toBe(3);
  });

  it("merges: releases move, the survivor takes the chosen values, the merged record points at it, nothing is deleted", async () => {
    const cedula = freshCedula();
    const a = await createPerson(volunteer, { givenNames: `Luis ${uniqueWord()}`, surnames: "Gómez" });
    const b = await createPerson(volunteer, { givenNames: "Luís", surnames: "Gomes", cedula, homeState: "Carabobo" });
    const releaseOfB = await createRelease(volunteer, b.id, { releasedOn: "2026-01" });
    const merged = await mergePersons(moderator, {
      survivorId: a.id,
      mergedId: b.id,
      survivorVersion: 1,
      mergedVersion: 1,
      takeFromMerged: ["cedula", "homeState"],
    });
    expect(merged.moved.releases).toBe(1);
    const survivor = await db().person.findUniqueOrThrow({ where: { id: a.id } });
    expect(survivor).toMatchObject({ homeState: "Carabobo", version: 2 });
    expect(survivor.cedula).toBe(cedula.replace(/[.-]/g, ""));
    expect(survivor.otherSpellings).toContain("Luís Gomes");
    expect((await db().release.findUniqueOrThrow({ where: { id: releaseOfB.id } })).personId).toBe(a.id);
    const gone = await db().person.findUniqueOrThrow({ where: { id: b.id } });
    expect(gone).toMatchObject({ mergedIntoId: a.id, cedula: null, deletedAt: null });
    const events = await db().auditEvent.findMany({ where: { entityId: { in: [a.id, b.id] }, action: { startsWith: "person.merge" } } });
    expect(events.map((e) => [e.action, e.actorId])).toEqual(
      expect.arrayContaining([
        ["person.merge", moderator.userId],
        ["person.merged_into", moderator.userId],
      ]),
    );
    // Merging again, or with a stale version, is refused.
    await expect(mergePersons(moderator, { survivorId: a.id, mergedId: b.id, survivorVersion: 2, mergedVersion: 2, takeFromMerged: [] })).rejects.toMatchObject({
      status: 404,
    });
  });

  it("deleting marks; only a marked person can be purged, and the purge leaves an audit event", async () => {
    const person = await createPerson(volunteer, { givenNames: `Borrar ${uniqueWord()}`, surnames: "Prueba" });
    const release = await createRelease(volunteer, person.id, { releasedOn: "2026-01-10" });
    await addEvidence(volunteer, release.id, { kind: "other", description: "x", url: "https://example.org/x", public: false });
    await expect(purgePerson(admin, person.id, { reason: "prueba" })).rejects.toMatchObject({ code: "conflict" });
    await markPersonDeleted(moderator, person.id, { version: 1, reason: "Registro de prueba" });
    expect(await db().person.count({ where: { id: person.id } })).toBe(1);
    expect(await publicPersonById(person.id)).toBeNull();
    const purged = await purgePerson(admin, person.id, { reason: "Solicitud de la familia" });
    expect(purged.purgedPersonIds).toEqual([person.id]);
    expect(await db().person.count({ where: { id: person.id } })).toBe(0);
    expect(await db().release.count({ where: { id: release.id } })).toBe(0);
    expect(await db().auditEvent.count({ where: { entityId: person.id, action: "person.purge", actorId: admin.userId } })).toBe(1);
  });

  it("the public view shows only what rule 4 allows", async () => {
    const cedula = freshCedula();
    const secret = `nota interna ${uniqueWord()}`;
    const person = await createPerson(volunteer, {
      givenNames: "Carmen Elena",
      surnames: "Díaz Toro",
      cedula,
      disclosure: "public",
      notes: secret,
    });
    const release = await createRelease(volunteer, person.id, { releasedOn: "2026-01-14", facility: "Rodeo I", conditions: "conditional" });
    await addEvidence(volunteer, release.id, { kind: "press_report", description: "Nota pública", url: "https://example.org/p", public: true });
    await addEvidence(volunteer, release.id, { kind: "family_testimony", description: "Privada", url: "https://example.org/private", public: false });
    await reviewRelease(moderator, release.id, { decision: "approve" });
    await reviewRelease(moderator2, release.id, { decision: "approve" });

    const view = await publicPersonById(person.id);
    expect(view).toMatchObject({ name: "Carmen Elena Díaz Toro", status: "release_verified", releases: [{ releasedMonth: "2026-01", conditions: "conditional" }] });
    expect(view!.releases[0]!.evidence.map((e) => e.url)).toEqual(["https://example.org/p"]);
    const text = JSON.stringify(view);
    for (const hidden of [cedula.replace(/\D/g, ""), secret, "Rodeo", "2026-01-14", "private", volunteer.userId, moderator.userId]) {
      expect(text).not.toContain(hidden);
    }
    const initials = await createPerson(volunteer, { givenNames: "Pedro", surnames: "Salas", disclosure: "initials" });
    expect((await publicPersonById(initials.id))?.name).toBe("P. S.");
    const withheld = await createPerson(volunteer, { givenNames: "Oculto", surnames: "Reservado", disclosure: "withheld" });
    expect(await publicPersonById(withheld.id)).toBeNull();
  });
});
