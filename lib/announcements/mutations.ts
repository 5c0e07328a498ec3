import type { Actor } from "../auth/actor.ts";
import { recordAudit } from "../audit/mutations.ts";
import { dbDate } from "../dates.ts";
import { db, type Tx } from "../db/client.ts";
import { errors } from "../errors.ts";
import { prepareUpload } from "../evidence/files.ts";
import { transactionWithFile, type UploadedFile } from "../evidence/mutations.ts";
import { Prisma } from "../generated/prisma/client.ts";
import { ANNOUNCEMENT_VIEW_SELECT, announcementView } from "./data.ts";
import { announcementSnapshot, scopeColumns, snapshotChanges, type AnnouncementSnapshot } from "./revision.ts";
import type {
  AnnouncementView,
  ChangeAnnouncementStatusInput,
  CreateAnnouncementInput,
  DeleteAnnouncementInput,
  UpdateAnnouncementInput,
} from "./schema.ts";

/**
 * Writes of announcements (moderator+; the wrapper checks the permission).
 * Every write is one transaction that changes the row, appends its revision
 * (AnnouncementRevision: what the tally reads for a past date) and its audit
 * event. Edits are optimistic: the version read must still be current.
 */

/** The columns a claim input sets (the same for a new claim and an edit). */
function claimColumns(input: CreateAnnouncementInput) {
  const { claimed, covers } = input;
  const range = claimed.qualifier === "range";
  return {
    claimant: input.claimant,
    claimantKind: input.claimantKind,
    statedOn: dbDate(input.statedOn),
    statedOnApproximate: input.statedOnApproximate ?? false,
    measure: input.measure,
    qualifier: claimed.qualifier,
    value: range ? null : (claimed.value ?? null),
    min: range ? (claimed.min ?? null) : null,
    max: range ? (claimed.max ?? null) : null,
    breakdown: input.breakdown ? (input.breakdown as Prisma.InputJsonValue) : Prisma.DbNull,
    basis: covers.basis,
    coversFrom: covers.from ? dbDate(covers.from) : null,
    coversTo: covers.to ? dbDate(covers.to) : null,
    coversDate: covers.date ? dbDate(covers.date) : null,
    ...scopeColumns(input.scope),
    sourceUrl: input.sourceUrl ?? null,
    sourceDescription: input.sourceDescription ?? null,
    quote: input.quote ?? null,
    // A quote without a language is taken to be in Spanish, the language of almost every claim here.
    quoteLang: input.quote ? (input.quoteLang ?? "es") : null,
    note: input.note ?? null,
    archivedUrl: input.archivedUrl ?? null,
  };
}

const FULL_ROW = { ...ANNOUNCEMENT_VIEW_SELECT, deletedAt: true } as const;

async function appendRevision(
  tx: Tx,
  actor: Actor,
  row: Parameters<typeof announcementSnapshot>[0] & { id: string; version: number },
  before: AnnouncementSnapshot | null,
  action: string,
  reason: string | null,
) {
  const snapshot = announcementSnapshot(row);
  const changes = snapshotChanges(before, snapshot);
  await tx.announcementRevision.create({
    data: {
      announcementId: row.id,
      version: row.version,
      snapshot: snapshot as unknown as Prisma.InputJsonValue,
      reason,
      changedById: actor.userId,
    },
  });
  await recordAudit(tx, actor, {
    action,
    entityType: "Announcement",
    entityId: row.id,
    before: before ? Object.fromEntries(changes.map((c) => [c.field, c.before])) : null,
    after: { ...Object.fromEntries(changes.map((c) => [c.field, c.after])), version: row.version, ...(reason ? { reason } : {}) },
  });
}

export async function createAnnouncement(actor: Actor, input: CreateAnnouncementInput): Promise<AnnouncementView> {
  return db().$transaction(async (tx) => {
    const data = claimColumns(input);
    const row = await tx.announcement.create({
      data: {
        ...data,
        organizationId: actor.organizationId,
        createdById: actor.userId,
      },
      select: FULL_ROW,
    });
    await appendRevision(tx, actor, row, null, "announcement.create", null);
    return announcementView(row);
  });
}

/** The row for a write: 404 when deleted or unknown, 409 when the version read is no longer current. */
async function lockForWrite(tx: Tx, id: string, version: number) {
  // Raw SQL: FOR UPDATE, so that two edits of one claim queue instead of both reading the same version.
  await tx.$executeRaw`SELECT 1 FROM "Announcement" WHERE "id" = ${id}::uuid FOR UPDATE`;
  const row = await tx.announcement.findUnique({ where: { id }, select: FULL_ROW });
  if (!row || row.deletedAt) throw errors.notFound("Announcement");
  if (row.version !== version) throw errors.staleVersion({ currentVersion: row.version });
  return row;
}

export async function updateAnnouncement(actor: Actor, id: string, input: UpdateAnnouncementInput): Promise<AnnouncementView> {
  return db().$transaction(async (tx) => {
    const current = await lockForWrite(tx, id, input.version);
    const before = announcementSnapshot(current);
    const data = claimColumns(input);
    const probe = announcementSnapshot({ ...current, ...data, breakdown: input.breakdown ?? null });
    // Sending the same claim again is not an edit: no new version, no revision, no audit event.
    if (snapshotChanges(before, probe).length === 0) return announcementView(current);
    const row = await tx.announcement.update({
      where: { id },
      data: { ...data, version: { increment: 1 } },
      select: FULL_ROW,
    });
    await appendRevision(tx, actor, row, before, "announcement.update", input.reason ?? null);
    return announcementView(row);
  });
}

export async function changeAnnouncementStatus(
  actor: Actor,
  id: string,
  input: ChangeAnnouncementStatusInput,
): Promise<AnnouncementView> {
  if (input.supersededById === id) throw errors.unprocessable("An announcement cannot supersede itself.");
  return db().$transaction(async (tx) => {
    const current = await lockForWrite(tx, id, input.version);
    if (input.supersededById) {
      const later = await tx.announcement.findUnique({
        where: { id: input.supersededById },
        select: { id: true, deletedAt: true, statedOn: true, supersededById: true },
      });
      if (!later || later.deletedAt) throw errors.unprocessable("The announcement named as superseding it does not exist.");
      if (later.statedOn < current.statedOn) {
        throw errors.unprocessable("An announcement can only be superseded by one made on the same day or later.");
      }
      if (later.supersededById === id) throw errors.unprocessable("Those two announcements would supersede each other.");
    }
    const before = announcementSnapshot(current);
    if (current.status === input.status && current.supersededById === (input.supersededById ?? null)) {
      return announcementView(current);
    }
    const row = await tx.announcement.update({
      where: { id },
      data: { status: input.status, supersededById: input.supersededById ?? null, version: { increment: 1 } },
      select: FULL_ROW,
    });
    await appendRevision(tx, actor, row, before, "announcement.status", input.reason);
    return announcementView(row);
  });
}

/** Marks an announcement deleted (a wrong entry); its history stays, and past tallies still show it. */
export async function deleteAnnouncement(actor: Actor, id: string, input: DeleteAnnouncementInput): Promise<{ id: string }> {
  return db().$transaction(async (tx) => {
    const current = await lockForWrite(tx, id, input.version);
    const before = announcementSnapshot(current);
    const row = await tx.announcement.update({
      where: { id },
      data: { deletedAt: new Date(), version: { increment: 1 } },
      select: FULL_ROW,
    });
    await appendRevision(tx, actor, row, before, "announcement.delete", input.reason);
    return { id };
  });
}

/**
 * Keeps an archived copy of the source (a PDF or an image of the page, as
 * evidence files are checked: type from the bytes, image metadata stripped).
 * The copy is public, like the statement it preserves.
 */
export async function attachArchivedCopy(
  actor: Actor,
  id: string,
  version: number,
  file: UploadedFile,
): Promise<AnnouncementView> {
  const prepared = await prepareUpload(file.bytes, file.fileName);
  return transactionWithFile(prepared, async (tx) => {
    const current = await lockForWrite(tx, id, version);
    const before = announcementSnapshot(current);
    if (current.archivedFileSha256 === prepared.sha256) return announcementView(current);
    const row = await tx.announcement.update({
      where: { id },
      data: { archivedFileSha256: prepared.sha256, version: { increment: 1 } },
      select: FULL_ROW,
    });
    await appendRevision(tx, actor, row, before, "announcement.archive", null);
    return announcementView(row);
  });
}
