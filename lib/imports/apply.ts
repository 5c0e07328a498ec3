import type { Actor } from "../auth/actor.ts";
import { recordAuditBatch, type AuditInput } from "../audit/mutations.ts";
import type { Prisma, Tx } from "../db/client.ts";
import { uuidV7 } from "../db/uuid.ts";
import { personSnapshot } from "../persons/mutations.ts";
import { cedulaFields, personSearchFields } from "../persons/search-fields.ts";
import { releaseView } from "../releases/mutations.ts";
import { releaseDateFields, releaseDateText } from "../releases/schema.ts";
import { insertDetentions, insertEvidence, insertPersons, insertReleases, insertStatusChanges } from "./bulk.ts";
import type { CellProblem, ImportRecord, ValidatedRow } from "./rows.ts";

/**
 * One batch of a people import, inside the caller's transaction: what each
 * row does (created / updated / unchanged / possible duplicate / error) and,
 * unless it is a dry run, the writes — persons, detentions, releases in
 * `reported` with their first status change, the "NGO list" evidence that
 * points at the import, merge-queue entries, and one audit event per record
 * written. A dry run decides exactly the same way and writes nothing but the
 * import's own rows.
 *
 * Rows are keyed by external_id within the organization (Person.externalRef).
 * A new row whose cédula another record already has, or whose full name is
 * that of another organization's record, is created and put in the merge
 * queue with that record (DuplicateCandidate), never linked silently; its
 * cédula waits in the queue entry, since a cédula belongs to one record.
 */

export type RowStatus = "created" | "updated" | "unchanged" | "duplicate" | "error";

export interface RowOutcome {
  row: number;
  status: RowStatus;
  externalId: string | null;
  personId: string | null;
  problems: CellProblem[];
  /** Updated rows: the fields that change. */
  changes?: string[];
  duplicateOf?: { personId: string; reason: "cedula" | "name" };
  name?: string;
}

export interface BatchContext {
  importId: string;
  organizationId: string;
  actor: Actor;
  dryRun: boolean;
  fileName: string | null;
  /** The import's stored file: the "NGO list" evidence of each release points at it. */
  fileSha256: string;
  /** Rows whose cédula an earlier row of the file (another external_id) already has: row → that row. */
  cedulaRepeats: ReadonlyMap<number, number>;
  now: Date;
}

const PERSON_SELECT = {
  id: true,
  organizationId: true,
  externalRef: true,
  mergedIntoId: true,
  deletedAt: true,
  givenNames: true,
  surnames: true,
  otherSpellings: true,
  cedula: true,
  sex: true,
  nationality: true,
  birthYear: true,
  homeState: true,
  notes: true,
  disclosure: true,
  version: true,
} as const;

type KnownPerson = Prisma.PersonGetPayload<{ select: typeof PERSON_SELECT }>;

interface ReleaseRow {
  id: string;
  personId: string;
  releasedOn: Date | null;
  releasedPrecision: "day" | "month" | "unknown";
  facility: string | null;
  conditions: string;
  conditionsDetail: string | null;
  importId: string | null;
  organizationId: string;
  version: number;
}

interface Writes {
  persons: Prisma.PersonCreateManyInput[];
  detentions: Prisma.DetentionCreateManyInput[];
  releases: Prisma.ReleaseCreateManyInput[];
  statusChanges: Prisma.ReleaseStatusChangeCreateManyInput[];
  evidence: Prisma.EvidenceCreateManyInput[];
  duplicates: Prisma.DuplicateCandidateCreateManyInput[];
  audit: AuditInput[];
  /** Updates, each guarded by the version read. */
  updates: ((tx: Tx) => Promise<void>)[];
}

export class StaleRecord extends Error {
  override name = "StaleRecord";
}

export async function applyBatch(tx: Tx, context: BatchContext, rows: readonly ValidatedRow[]): Promise<RowOutcome[]> {
  const valid = rows.filter((row): row is ValidatedRow & { record: ImportRecord } => row.record !== null);
  const known = await knownPersons(tx, context.organizationId, valid.map((row) => row.record.externalId));
  const survivors = await survivorsOf(tx, [...known.values()]);
  const releases = await releasesOf(tx, [...new Set([...known.values()].map((person) => survivors.get(person.id)?.id ?? person.id))]);
  const newRows = valid.filter((row) => !known.has(row.record.externalId));
  const cedulaHolders = await holdersOfCedulas(tx, valid.map((row) => row.record.cedula).filter((c): c is string => c !== null));
  const namesake = await namesakesElsewhere(tx, context.organizationId, newRows.map((row) => row.record));

  const writes: Writes = { persons: [], detentions: [], releases: [], statusChanges: [], evidence: [], duplicates: [], audit: [], updates: [] };
  /** Cédulas given to records created earlier in this batch. */
  const createdCedulas = new Map<string, string>();
  const outcomes: RowOutcome[] = [];

  for (const row of rows) {
    if (!row.record) {
      outcomes.push({ row: row.row, status: "error", externalId: null, personId: null, problems: row.problems });
      continue;
    }
    const record = row.record;
    const keyed = known.get(record.externalId);
    if (keyed) {
      const person = survivors.get(keyed.id) ?? keyed;
      outcomes.push(updateRow(context, writes, row.row, record, person, keyed, releases.get(person.id) ?? [], cedulaHolders));
      continue;
    }
    const holder = record.cedula ? (createdCedulas.get(record.cedula) ?? cedulaHolders.get(record.cedula)?.id ?? null) : null;
    const repeatsRow = context.cedulaRepeats.get(row.row);
    const nameTwin = namesake.get(nameKey(record));
    let duplicateOf: RowOutcome["duplicateOf"];
    if (holder) duplicateOf = { personId: holder, reason: "cedula" };
    // A dry run wrote nothing for earlier batches: the file itself says which earlier row has the cédula.
    else if (context.dryRun && repeatsRow !== undefined) duplicateOf = { personId: `row:${repeatsRow}`, reason: "cedula" };
    else if (nameTwin && strongNameMatch(record, nameTwin)) duplicateOf = { personId: nameTwin.id, reason: "name" };
    const personId = createRow(context, writes, row.row, record, duplicateOf);
    if (record.cedula && !duplicateOf) createdCedulas.set(record.cedula, personId);
    outcomes.push({
      row: row.row,
      status: duplicateOf ? "duplicate" : "created",
      externalId: record.externalId,
      personId: context.dryRun ? null : personId,
      problems: [],
      duplicateOf,
      name: `${record.givenNames} ${record.surnames}`,
    });
  }

  if (!context.dryRun) await write(tx, context, writes);
  return outcomes;
}

// ───────────────────────────── reads ─────────────────────────────

async function knownPersons(tx: Tx, organizationId: string, externalIds: string[]): Promise<Map<string, KnownPerson>> {
  if (externalIds.length === 0) return new Map();
  const found = await tx.person.findMany({ where: { organizationId, externalRef: { in: externalIds } }, select: PERSON_SELECT });
  return new Map(found.filter((person) => person.deletedAt === null).map((person) => [person.externalRef!, person]));
}

/** Records merged into others since they were imported: the row now speaks about the record they became. */
async function survivorsOf(tx: Tx, persons: KnownPerson[]): Promise<Map<string, KnownPerson>> {
  const out = new Map<string, KnownPerson>();
  let pending = persons.filter((person) => person.mergedIntoId !== null).map((person) => ({ from: person.id, next: person.mergedIntoId! }));
  for (let depth = 0; depth < 8 && pending.length > 0; depth++) {
    const found = await tx.person.findMany({ where: { id: { in: pending.map((p) => p.next) } }, select: PERSON_SELECT });
    const byId = new Map(found.map((person) => [person.id, person]));
    const next: typeof pending = [];
    for (const { from, next: id } of pending) {
      const person = byId.get(id);
      if (!person) continue;
      if (person.mergedIntoId) next.push({ from, next: person.mergedIntoId });
      else out.set(from, person);
    }
    pending = next;
  }
  return out;
}

async function releasesOf(tx: Tx, personIds: string[]): Promise<Map<string, ReleaseRow[]>> {
  if (personIds.length === 0) return new Map();
  const found = await tx.release.findMany({
    where: { personId: { in: personIds }, deletedAt: null },
    orderBy: { createdAt: "desc" },
    select: {
      id: true,
      personId: true,
      releasedOn: true,
      releasedPrecision: true,
      facility: true,
      conditions: true,
      conditionsDetail: true,
      importId: true,
      organizationId: true,
      version: true,
    },
  });
  const out = new Map<string, ReleaseRow[]>();
  for (const release of found) out.set(release.personId, [...(out.get(release.personId) ?? []), release]);
  return out;
}

async function holdersOfCedulas(tx: Tx, cedulas: string[]): Promise<Map<string, { id: string }>> {
  if (cedulas.length === 0) return new Map();
  const found = await tx.person.findMany({ where: { cedula: { in: [...new Set(cedulas)] } }, select: { id: true, cedula: true, mergedIntoId: true } });
  return new Map(found.map((person) => [person.cedula!, { id: person.mergedIntoId ?? person.id }]));
}

interface Namesake {
  id: string;
  birthYear: number | null;
}

const nameKey = (record: ImportRecord) => personSearchFields(record).normalizedName;

/** Live records of other organizations with exactly the same full name (folded), one per name. */
async function namesakesElsewhere(tx: Tx, organizationId: string, records: ImportRecord[]): Promise<Map<string, Namesake>> {
  const names = [...new Set(records.map(nameKey))];
  if (names.length === 0) return new Map();
  const found = await tx.person.findMany({
    where: { normalizedName: { in: names }, organizationId: { not: organizationId }, deletedAt: null, mergedIntoId: null },
    select: { id: true, normalizedName: true, birthYear: true },
    orderBy: { createdAt: "asc" },
  });
  const out = new Map<string, Namesake>();
  for (const person of found) if (!out.has(person.normalizedName)) out.set(person.normalizedName, person);
  return out;
}

/**
 * The same folded full name is strong enough to ask a moderator when it has
 * three words or more, or when both records give the same birth year: two
 * words ("José Pérez") are shared by too many people to flag on their own.
 */
export function strongNameMatch(record: Pick<ImportRecord, "givenNames" | "surnames" | "birthYear">, other: Namesake): boolean {
  if (record.birthYear !== null && other.birthYear !== null) return record.birthYear === other.birthYear;
  return nameKey(record as ImportRecord).split(" ").filter(Boolean).length >= 3;
}

// ───────────────────────────── a new record ─────────────────────────────

function createRow(
  context: BatchContext,
  writes: Writes,
  row: number,
  record: ImportRecord,
  duplicateOf: RowOutcome["duplicateOf"],
): string {
  const { actor, organizationId, importId } = context;
  const personId = uuidV7(context.now, Math.random);
  if (context.dryRun) return personId;
  // A cédula another record has waits in the merge-queue entry (Person.cedula is unique).
  const heldCedula = duplicateOf?.reason === "cedula";
  const data = {
    givenNames: record.givenNames,
    surnames: record.surnames,
    ...(heldCedula ? { cedula: null, cedulaDigits: null } : cedulaFields(record.cedula)),
    sex: record.sex ?? "unknown",
    nationality: record.nationality ?? "VE",
    birthYear: record.birthYear,
    homeState: record.homeState,
    disclosure: record.disclosure ?? "initials",
    externalRef: record.externalId,
    notes: record.notes,
    ...personSearchFields(record),
  } as const;
  writes.persons.push({ ...data, id: personId, organizationId, createdById: actor.userId, createdAt: context.now });
  writes.audit.push({
    action: "person.create",
    entityType: "Person",
    entityId: personId,
    after: { ...personSnapshot(data), organizationId, importId, row, ...(duplicateOf ? { possibleDuplicateOf: duplicateOf } : {}) },
  });
  if (duplicateOf && !duplicateOf.personId.startsWith("row:")) {
    writes.duplicates.push({
      personId,
      existingId: duplicateOf.personId,
      reason: duplicateOf.reason,
      cedula: heldCedula ? record.cedula : null,
      importId,
      rowNumber: row,
    });
  }
  let detentionId: string | null = null;
  if (record.arrestedOn || record.facility) {
    detentionId = uuidV7(context.now, Math.random);
    writes.detentions.push({
      id: detentionId,
      personId,
      arrestedOn: record.arrestedOn ? new Date(`${record.arrestedOn}T00:00:00Z`) : null,
      facility: record.facility,
      source: sourceText(context, row),
      createdById: actor.userId,
    });
  }
  if (record.releasedOn) addRelease(context, writes, row, record, personId, detentionId);
  return personId;
}

function addRelease(context: BatchContext, writes: Writes, row: number, record: ImportRecord, personId: string, detentionId: string | null) {
  const { actor, organizationId, importId } = context;
  const releaseId = uuidV7(context.now, Math.random);
  const data = {
    ...releaseDateFields(record.releasedOn),
    facility: record.facility,
    conditions: record.conditions ?? "unknown",
    conditionsDetail: null,
  } as const;
  writes.releases.push({
    ...data,
    id: releaseId,
    personId,
    detentionId,
    reportedById: actor.userId,
    organizationId,
    importId,
    createdAt: context.now,
  });
  writes.statusChanges.push({ releaseId, fromStatus: null, toStatus: "reported", changedById: actor.userId, changedAt: context.now });
  const evidenceId = uuidV7(context.now, Math.random);
  const description = sourceText(context, row);
  writes.evidence.push({
    id: evidenceId,
    releaseId,
    kind: "ngo_list",
    description,
    fileSha256: context.fileSha256,
    fileName: context.fileName,
    isPublic: false,
    addedById: actor.userId,
    importId,
  });
  writes.audit.push({
    action: "release.create",
    entityType: "Release",
    entityId: releaseId,
    after: { ...releaseView(data), personId, status: "reported", importId, row, evidence: { id: evidenceId, kind: "ngo_list", description } },
  });
}

function sourceText(context: BatchContext, row: number): string {
  return `Lista de la organización importada: ${context.fileName ?? "archivo sin nombre"}, fila ${row} (importación ${context.importId}).`;
}

// ───────────────────────────── a record already there ─────────────────────────────

const PERSON_FIELDS = ["givenNames", "surnames", "cedula", "sex", "nationality", "birthYear", "homeState", "disclosure", "notes"] as const;

function updateRow(
  context: BatchContext,
  writes: Writes,
  row: number,
  record: ImportRecord,
  person: KnownPerson,
  keyed: KnownPerson,
  releases: ReleaseRow[],
  cedulaHolders: Map<string, { id: string }>,
): RowOutcome {
  const base = { row, externalId: record.externalId, personId: person.id, name: `${record.givenNames} ${record.surnames}` };
  // A record of another organization (this row's record was merged into it) is theirs: only the release is added.
  const ours = person.organizationId === context.organizationId;
  const before: Record<string, unknown> = {};
  const after: Record<string, unknown> = {};
  if (ours) {
    for (const field of PERSON_FIELDS) {
      const given = record[field];
      if (given === null || given === undefined) continue;
      if (field === "cedula") {
        if (given === person.cedula) continue;
        const holder = cedulaHolders.get(given as string);
        // Held in the merge queue (created without it), or another record's: not this row's to change.
        if (holder && holder.id !== person.id) continue;
        if (person.cedula === null && keyed.id !== person.id) continue;
      }
      if (given !== person[field]) {
        before[field] = person[field];
        after[field] = given;
      }
    }
  }
  const changes = Object.keys(after);
  const release = releaseChange(context, record, person, releases);
  if (release.kind === "same" && changes.length === 0) return { ...base, status: "unchanged", problems: [] };
  if (!context.dryRun) {
    if (changes.length > 0) schedulePersonUpdate(context, writes, person, before, after);
    if (release.kind === "create") addRelease(context, writes, row, record, person.id, null);
    if (release.kind === "update") scheduleReleaseUpdate(context, writes, release.release, release.before, release.after);
  }
  const releaseFields = release.kind === "update" ? Object.keys(release.after).map((field) => `release.${field}`) : release.kind === "create" ? ["release"] : [];
  return { ...base, status: "updated", problems: [], changes: [...changes, ...releaseFields] };
}

type ReleaseChange =
  | { kind: "same" }
  | { kind: "create" }
  | { kind: "update"; release: ReleaseRow; before: Record<string, unknown>; after: Record<string, unknown> };

/** The release a row speaks about: the one this organization's imports created for the person, else none yet. */
function releaseChange(context: BatchContext, record: ImportRecord, person: KnownPerson, releases: ReleaseRow[]): ReleaseChange {
  if (!record.releasedOn) return { kind: "same" };
  const owned = releases.find((release) => release.importId !== null && release.organizationId === context.organizationId);
  if (!owned) {
    // Someone already recorded this release (same date): the row adds nothing new.
    const same = releases.some((release) => releaseDateText(release.releasedOn, release.releasedPrecision) === record.releasedOn);
    return same ? { kind: "same" } : { kind: "create" };
  }
  const current = releaseView(owned) as Record<string, unknown>;
  const wanted: Record<string, unknown> = { releasedOn: record.releasedOn };
  if (record.facility !== null) wanted.facility = record.facility;
  if (record.conditions !== null) wanted.conditions = record.conditions;
  const before: Record<string, unknown> = {};
  const after: Record<string, unknown> = {};
  for (const [field, value] of Object.entries(wanted)) {
    if (current[field] !== value) {
      before[field] = current[field];
      after[field] = value;
    }
  }
  void person;
  return Object.keys(after).length === 0 ? { kind: "same" } : { kind: "update", release: owned, before, after };
}

function schedulePersonUpdate(context: BatchContext, writes: Writes, person: KnownPerson, before: Record<string, unknown>, after: Record<string, unknown>) {
  const data: Prisma.PersonUpdateManyMutationInput = { ...after };
  if ("cedula" in after) Object.assign(data, cedulaFields(after.cedula as string));
  if ("givenNames" in after || "surnames" in after) {
    Object.assign(
      data,
      personSearchFields({
        givenNames: (after.givenNames as string | undefined) ?? person.givenNames,
        surnames: (after.surnames as string | undefined) ?? person.surnames,
        otherSpellings: person.otherSpellings,
      }),
    );
  }
  writes.updates.push(async (tx) => {
    const updated = await tx.person.updateMany({ where: { id: person.id, version: person.version }, data: { ...data, version: { increment: 1 } } });
    if (updated.count !== 1) throw new StaleRecord(`Person ${person.id} changed while the import read it.`);
  });
  writes.audit.push({
    action: "person.update",
    entityType: "Person",
    entityId: person.id,
    before,
    after: { ...after, importId: context.importId, version: person.version + 1 },
  });
}

function scheduleReleaseUpdate(context: BatchContext, writes: Writes, release: ReleaseRow, before: Record<string, unknown>, after: Record<string, unknown>) {
  const data: Prisma.ReleaseUpdateManyMutationInput = {};
  if ("releasedOn" in after) Object.assign(data, releaseDateFields(after.releasedOn as string));
  if ("facility" in after) data.facility = after.facility as string;
  if ("conditions" in after) data.conditions = after.conditions as Prisma.ReleaseUpdateManyMutationInput["conditions"];
  writes.updates.push(async (tx) => {
    const updated = await tx.release.updateMany({ where: { id: release.id, version: release.version }, data: { ...data, version: { increment: 1 } } });
    if (updated.count !== 1) throw new StaleRecord(`Release ${release.id} changed while the import read it.`);
  });
  writes.audit.push({ action: "release.update", entityType: "Release", entityId: release.id, before, after: { ...after, importId: context.importId } });
}

// ───────────────────────────── writing ─────────────────────────────

async function write(tx: Tx, context: BatchContext, writes: Writes): Promise<void> {
  await insertPersons(tx, writes.persons);
  await insertDetentions(tx, writes.detentions);
  await insertReleases(tx, writes.releases);
  await insertStatusChanges(tx, writes.statusChanges);
  await insertEvidence(tx, writes.evidence);
  if (writes.duplicates.length) await tx.duplicateCandidate.createMany({ data: writes.duplicates, skipDuplicates: true });
  for (const update of writes.updates) await update(tx);
  await recordAuditBatch(tx, context.actor, writes.audit);
}
