import type { Actor } from "../auth/actor.ts";
import { recordAudit } from "../audit/mutations.ts";
import { db, type Tx } from "../db/client.ts";
import { errors } from "../errors.ts";
import type { Prisma } from "../generated/prisma/client.ts";
import { possibleDuplicates, type PossibleDuplicate } from "./data.ts";
import {
  EDITABLE_PERSON_FIELDS,
  MERGEABLE_FIELDS,
  type CreatePersonInput,
  type DeletePersonInput,
  type MergePersonsInput,
  type PurgePersonInput,
  type UpdatePersonInput,
} from "./schema.ts";
import { cedulaFields, personSearchFields } from "./search-fields.ts";

/**
 * Writes about persons. Each runs in one transaction with its audit event;
 * each takes the actor explicitly. Edits carry the version the editor read
 * and are refused when it is stale (DESIGN.md rule 6); deleting marks, and
 * only purging (admins) removes rows.
 */

/** What the audit trail and a stale-edit answer show of a person. */
export function personSnapshot(person: Record<string, unknown>) {
  const out: Record<string, unknown> = {};
  for (const field of EDITABLE_PERSON_FIELDS) if (field in person) out[field] = person[field];
  return out;
}

export interface CreatedPerson {
  id: string;
  version: number;
  possibleDuplicates: PossibleDuplicate[];
}

export async function createPerson(
  actor: Actor,
  input: CreatePersonInput,
  options: { organizationId?: string } = {},
): Promise<CreatedPerson> {
  const organizationId = options.organizationId ?? actor.organizationId;
  if (!organizationId) throw errors.invalidInput("Say which organization the person is recorded for.");
  const person = await db().$transaction((tx) => insertPerson(tx, actor, input, organizationId));
  const duplicates = await possibleDuplicates(
    { givenNames: input.givenNames, surnames: input.surnames, cedula: input.cedula, excludeId: person.id },
    5,
  );
  return { ...person, possibleDuplicates: duplicates };
}

/** Creating a person inside a caller's transaction (a name-list line turned into a new person, lib/names), with its audit event. */
export async function insertPerson(tx: Tx, actor: Actor, input: CreatePersonInput, organizationId: string): Promise<{ id: string; version: number }> {
  const cedula = cedulaFields(input.cedula);
  await refuseTakenCedula(tx, cedula.cedula, null);
  await refuseTakenExternalRef(tx, organizationId, input.externalRef ?? null, null);
  const data = {
    givenNames: input.givenNames,
    surnames: input.surnames,
    ...cedula,
    sex: input.sex ?? "unknown",
    nationality: input.nationality ?? "VE",
    birthYear: input.birthYear ?? null,
    homeState: input.homeState || null,
    disclosure: input.disclosure ?? "initials",
    externalRef: input.externalRef || null,
    notes: input.notes || null,
    ...personSearchFields(input),
  } as const;
  const created = await tx.person.create({
    data: { ...data, organizationId, createdById: actor.userId },
    select: { id: true, version: true },
  });
  await recordAudit(tx, actor, {
    action: "person.create",
    entityType: "Person",
    entityId: created.id,
    after: { ...personSnapshot(data), organizationId },
  });
  return created;
}

export async function updatePerson(actor: Actor, personId: string, input: UpdatePersonInput) {
  return db().$transaction(async (tx) => {
    const current = await livePerson(tx, personId);
    if (current.version !== input.version) throw staleVersion(current);

    const data: Prisma.PersonUpdateInput = {};
    const before: Record<string, unknown> = {};
    const after: Record<string, unknown> = {};
    for (const field of EDITABLE_PERSON_FIELDS) {
      if (!(field in input) || input[field] === undefined) continue;
      let value: unknown = input[field];
      if (field === "cedula") value = cedulaFields(input.cedula).cedula;
      if (typeof value === "string" && value === "" && field !== "givenNames" && field !== "surnames") value = null;
      if (JSON.stringify(value) === JSON.stringify(current[field])) continue;
      before[field] = current[field];
      after[field] = value;
      (data as Record<string, unknown>)[field] = value;
    }
    if (Object.keys(after).length === 0) return { id: current.id, version: current.version, changed: false };

    if ("cedula" in after) {
      const cedula = cedulaFields(input.cedula);
      await refuseTakenCedula(tx, cedula.cedula, personId);
      data.cedulaDigits = cedula.cedulaDigits;
    }
    if ("externalRef" in after) await refuseTakenExternalRef(tx, current.organizationId, after.externalRef as string | null, personId);
    if ("givenNames" in after || "surnames" in after || "otherSpellings" in after) {
      Object.assign(
        data,
        personSearchFields({
          givenNames: (after.givenNames as string | undefined) ?? current.givenNames,
          surnames: (after.surnames as string | undefined) ?? current.surnames,
          otherSpellings: (after.otherSpellings as string[] | undefined) ?? current.otherSpellings,
        }),
      );
    }
    // The version in the WHERE makes a concurrent edit that committed first win, and this one fail.
    const updated = await tx.person.updateMany({
      where: { id: personId, version: input.version },
      data: { ...(data as Prisma.PersonUpdateManyMutationInput), version: { increment: 1 } },
    });
    if (updated.count !== 1) throw staleVersion(await livePerson(tx, personId));
    await recordAudit(tx, actor, { action: "person.update", entityType: "Person", entityId: personId, before, after });
    return { id: personId, version: current.version + 1, changed: true };
  });
}

/** Marks a person deleted (moderators): hidden everywhere, nothing removed, reversible by an admin purge only. */
export async function markPersonDeleted(actor: Actor, personId: string, input: DeletePersonInput) {
  return db().$transaction(async (tx) => {
    const current = await livePerson(tx, personId);
    if (current.version !== input.version) throw staleVersion(current);
    const deletedAt = new Date();
    const updated = await tx.person.updateMany({
      where: { id: personId, version: input.version, deletedAt: null },
      data: { deletedAt, version: { increment: 1 } },
    });
    if (updated.count !== 1) throw staleVersion(await livePerson(tx, personId));
    await recordAudit(tx, actor, {
      action: "person.delete",
      entityType: "Person",
      entityId: personId,
      before: { deletedAt: null },
      after: { deletedAt, reason: input.reason },
    });
    return { id: personId, deletedAt };
  });
}

/**
 * Removes a person marked deleted, with everything recorded about them and
 * every record merged into them, for good (admins; e.g. a family's request).
 * The audit trail keeps the event, not the data. Returns the stored files
 * that no longer belong to any evidence, for the caller to remove from disk.
 */
export async function purgePerson(actor: Actor, personId: string, input: PurgePersonInput) {
  return db().$transaction(async (tx) => {
    const person = await tx.person.findUnique({ where: { id: personId }, select: { id: true, deletedAt: true, mergedIntoId: true } });
    if (!person) throw errors.notFound("Person");
    if (!person.deletedAt && !person.mergedIntoId) throw errors.conflict("Mark the person as deleted before purging.");
    const ids = await mergeGroup(tx, personId);
    const releases = await tx.release.findMany({ where: { personId: { in: ids } }, select: { id: true } });
    const releaseIds = releases.map((release) => release.id);
    const files = await tx.evidence.findMany({
      where: { releaseId: { in: releaseIds }, fileSha256: { not: null } },
      select: { fileSha256: true },
    });
    await tx.notificationDelivery.deleteMany({ where: { releaseId: { in: releaseIds } } });
    await tx.review.deleteMany({ where: { releaseId: { in: releaseIds } } });
    await tx.evidence.deleteMany({ where: { releaseId: { in: releaseIds } } });
    await tx.releaseStatusChange.deleteMany({ where: { releaseId: { in: releaseIds } } });
    await tx.release.deleteMany({ where: { id: { in: releaseIds } } });
    await tx.detention.deleteMany({ where: { personId: { in: ids } } });
    await tx.announcedName.updateMany({ where: { personId: { in: ids } }, data: { personId: null, linkMethod: "pending" } });
    await tx.importRow.updateMany({ where: { personId: { in: ids } }, data: { personId: null } });
    await tx.subscription.deleteMany({ where: { personId: { in: ids } } });
    // Files sent with tips go too (removed from disk by the caller, like evidence files).
    files.push(...(await tx.tip.findMany({ where: { personId: { in: ids }, fileSha256: { not: null } }, select: { fileSha256: true } })));
    await tx.tip.deleteMany({ where: { personId: { in: ids } } });
    await tx.duplicateCandidate.deleteMany({ where: { OR: [{ personId: { in: ids } }, { existingId: { in: ids } }] } });
    // Break the merge pointers inside the group before removing it.
    await tx.person.updateMany({ where: { id: { in: ids } }, data: { mergedIntoId: null } });
    await tx.person.deleteMany({ where: { id: { in: ids } } });
    await recordAudit(tx, actor, {
      action: "person.purge",
      entityType: "Person",
      entityId: personId,
      after: { purgedPersons: ids.length, purgedReleases: releaseIds.length, reason: input.reason },
    });
    return { purgedPersonIds: ids, fileSha256s: [...new Set(files.map((file) => file.fileSha256!))] };
  });
}

/**
 * Merges `mergedId` into `survivorId` (moderators): releases, detentions,
 * name-list links, subscriptions, tips and import rows move to the survivor;
 * the survivor takes the chosen fields; the merged record stays, pointing at
 * the survivor (nothing is deleted), and both histories say who did it.
 */
export async function mergePersons(actor: Actor, input: MergePersonsInput) {
  if (input.survivorId === input.mergedId) throw errors.invalidInput("Choose two different people to merge.");
  return db().$transaction(async (tx) => {
    // Lock both rows in a fixed order, so two merges of the same pair cannot cross.
    const [first, second] = [input.survivorId, input.mergedId].sort();
    // Raw SQL because Prisma has no SELECT … FOR UPDATE.
    await tx.$queryRaw`SELECT id FROM "Person" WHERE id IN (${first}::uuid, ${second}::uuid) ORDER BY id FOR UPDATE`;
    const survivor = await livePerson(tx, input.survivorId);
    const merged = await livePerson(tx, input.mergedId);
    if (survivor.version !== input.survivorVersion) throw staleVersion(survivor);
    if (merged.version !== input.mergedVersion) throw staleVersion(merged);

    const chosen: Record<string, unknown> = {};
    for (const field of MERGEABLE_FIELDS) {
      if (input.takeFromMerged.includes(field)) chosen[field] = merged[field];
    }
    // The name that does not survive is kept as another spelling, so searches for it still find the person.
    const mergedName = `${merged.givenNames} ${merged.surnames}`;
    const survivorName = `${(chosen.givenNames as string) ?? survivor.givenNames} ${(chosen.surnames as string) ?? survivor.surnames}`;
    const otherSpellings = [...new Set([...survivor.otherSpellings, ...merged.otherSpellings, mergedName, `${survivor.givenNames} ${survivor.surnames}`])].filter(
      (spelling) => spelling !== survivorName,
    );
    const cedula = "cedula" in chosen ? chosen.cedula : survivor.cedula ?? merged.cedula;
    // A reference belongs to its organization: the survivor takes the merged one's only within the same one.
    const takesExternalRef = "externalRef" in chosen && merged.organizationId === survivor.organizationId;
    const externalRef = (takesExternalRef ? chosen.externalRef : survivor.externalRef) as string | null;

    // The merged record gives up its unique values first, so the survivor may take them. It keeps its
    // own organization's reference otherwise, so that re-importing that organization's sheet finds it
    // (and follows mergedIntoId) instead of creating the person again.
    await tx.person.update({
      where: { id: merged.id },
      data: {
        mergedIntoId: survivor.id,
        cedula: null,
        cedulaDigits: null,
        ...(takesExternalRef ? { externalRef: null } : {}),
        version: { increment: 1 },
      },
    });
    const survivorData = {
      ...chosen,
      externalRef,
      ...cedulaFields(cedula as string | null),
      otherSpellings,
      ...personSearchFields({
        givenNames: (chosen.givenNames as string) ?? survivor.givenNames,
        surnames: (chosen.surnames as string) ?? survivor.surnames,
        otherSpellings,
      }),
    };
    await tx.person.update({
      where: { id: survivor.id },
      data: { ...(survivorData as Prisma.PersonUpdateInput), version: { increment: 1 } },
    });
    // Everything recorded about the merged person now belongs to the survivor.
    const moved = {
      releases: (await tx.release.updateMany({ where: { personId: merged.id }, data: { personId: survivor.id } })).count,
      detentions: (await tx.detention.updateMany({ where: { personId: merged.id }, data: { personId: survivor.id } })).count,
      announcedNames: (await tx.announcedName.updateMany({ where: { personId: merged.id }, data: { personId: survivor.id } })).count,
      subscriptions: (await tx.subscription.updateMany({ where: { personId: merged.id }, data: { personId: survivor.id } })).count,
      tips: (await tx.tip.updateMany({ where: { personId: merged.id }, data: { personId: survivor.id } })).count,
      importRows: (await tx.importRow.updateMany({ where: { personId: merged.id }, data: { personId: survivor.id } })).count,
    };
    // Earlier merges into the merged record now point at the survivor directly.
    await tx.person.updateMany({ where: { mergedIntoId: merged.id }, data: { mergedIntoId: survivor.id } });
    // The merge queue's entry for this pair (lib/duplicates) is settled by the merge itself.
    await tx.duplicateCandidate.updateMany({
      where: {
        status: "open",
        OR: [
          { personId: merged.id, existingId: survivor.id },
          { personId: survivor.id, existingId: merged.id },
        ],
      },
      data: { status: "merged", decidedById: actor.userId, decidedAt: new Date() },
    });

    await recordAudit(tx, actor, {
      action: "person.merge",
      entityType: "Person",
      entityId: survivor.id,
      before: personSnapshot(survivor),
      after: { ...personSnapshot({ ...survivor, ...survivorData }), absorbed: merged.id, moved },
    });
    await recordAudit(tx, actor, {
      action: "person.merged_into",
      entityType: "Person",
      entityId: merged.id,
      before: { mergedIntoId: null, cedula: merged.cedula, externalRef: merged.externalRef },
      after: { mergedIntoId: survivor.id },
    });
    return { survivorId: survivor.id, mergedId: merged.id, moved };
  });
}

/** A person that is neither deleted nor merged away, or a 404. */
async function livePerson(tx: Tx, personId: string) {
  const person = await tx.person.findUnique({ where: { id: personId } });
  if (!person || person.deletedAt || person.mergedIntoId) throw errors.notFound("Person");
  return person;
}

function staleVersion(current: { version: number } & Record<string, unknown>) {
  return errors.staleVersion({ currentVersion: current.version, current: personSnapshot(current) });
}

async function refuseTakenCedula(tx: Tx, cedula: string | null, exceptId: string | null) {
  if (!cedula) return;
  const taken = await tx.person.findUnique({ where: { cedula }, select: { id: true } });
  if (taken && taken.id !== exceptId) {
    throw errors.conflict("A person with this cédula is already on record.", { personId: taken.id, field: "cedula" });
  }
}

async function refuseTakenExternalRef(tx: Tx, organizationId: string, externalRef: string | null, exceptId: string | null) {
  if (!externalRef) return;
  const taken = await tx.person.findUnique({
    where: { organizationId_externalRef: { organizationId, externalRef } },
    select: { id: true },
  });
  if (taken && taken.id !== exceptId) {
    throw errors.conflict("Your organization already has a person with this reference.", { personId: taken.id, field: "externalRef" });
  }
}

/** The person and every record merged into it, at any depth. */
async function mergeGroup(tx: Tx, personId: string): Promise<string[]> {
  const ids = [personId];
  for (let frontier = [personId]; frontier.length > 0; ) {
    const next = await tx.person.findMany({ where: { mergedIntoId: { in: frontier } }, select: { id: true } });
    frontier = next.map((person) => person.id).filter((id) => !ids.includes(id));
    ids.push(...frontier);
  }
  return ids;
}
