import { db } from "../db/client.ts";
import { scopeText, snapshotChanges, type AnnouncementSnapshot, type ClaimRow } from "./revision.ts";
import type { AnnouncementView } from "./schema.ts";

/**
 * Reads of announcements. Every field of a claim is public (it is a public
 * statement); who recorded it is not.
 */

export const ANNOUNCEMENT_VIEW_SELECT = {
  id: true,
  claimant: true,
  claimantKind: true,
  statedOn: true,
  statedOnApproximate: true,
  measure: true,
  qualifier: true,
  value: true,
  min: true,
  max: true,
  breakdown: true,
  basis: true,
  coversFrom: true,
  coversTo: true,
  coversDate: true,
  scopeKind: true,
  scopeNationality: true,
  sourceUrl: true,
  sourceDescription: true,
  quote: true,
  quoteLang: true,
  note: true,
  archivedFileSha256: true,
  archivedUrl: true,
  archivedFile: { select: { contentType: true, size: true } },
  status: true,
  supersededById: true,
  version: true,
  createdAt: true,
  updatedAt: true,
} as const;

/** What the view reads: the claim's columns, and the row's own. */
type ViewRow = Omit<ClaimRow, "deletedAt"> & {
  id: string;
  archivedFile: { contentType: string; size: number } | null;
  version: number;
  createdAt: Date;
  updatedAt: Date;
};

const day = (date: Date | null) => (date ? date.toISOString().slice(0, 10) : null);

export function announcementView(row: ViewRow): AnnouncementView {
  return {
    id: row.id,
    claimant: row.claimant,
    claimantKind: row.claimantKind,
    statedOn: day(row.statedOn)!,
    statedOnApproximate: row.statedOnApproximate,
    measure: row.measure,
    claimed: { qualifier: row.qualifier, value: row.value, min: row.min, max: row.max },
    breakdown: (row.breakdown as Record<string, number> | null) ?? null,
    covers: { basis: row.basis, from: day(row.coversFrom), to: day(row.coversTo), date: day(row.coversDate) },
    scope: scopeText(row),
    sourceUrl: row.sourceUrl,
    sourceDescription: row.sourceDescription,
    quote: row.quote,
    quoteLang: row.quoteLang,
    note: row.note,
    archived: {
      url: row.archivedUrl,
      file:
        row.archivedFileSha256 && row.archivedFile
          ? {
              sha256: row.archivedFileSha256,
              url: `/api/v1/files/${row.archivedFileSha256}`,
              mimeType: row.archivedFile.contentType,
              sizeBytes: row.archivedFile.size,
            }
          : null,
    },
    status: row.status,
    supersededById: row.supersededById,
    version: row.version,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

/** Every announcement that is not deleted, newest statement first. */
export async function listAnnouncementViews(): Promise<AnnouncementView[]> {
  const rows = await db().announcement.findMany({
    where: { deletedAt: null },
    orderBy: [{ statedOn: "desc" }, { createdAt: "desc" }, { id: "asc" }],
    select: ANNOUNCEMENT_VIEW_SELECT,
  });
  return rows.map((row) => announcementView(row as ViewRow));
}

/** One announcement, or null when unknown or deleted. */
export async function announcementById(id: string): Promise<AnnouncementView | null> {
  const row = await db().announcement.findFirst({ where: { id, deletedAt: null }, select: ANNOUNCEMENT_VIEW_SELECT });
  return row ? announcementView(row as ViewRow) : null;
}

/** Every version of an announcement, newest first, with what changed in each (who changed it is not public). */
export async function announcementHistory(id: string) {
  const revisions = await db().announcementRevision.findMany({
    where: { announcementId: id },
    orderBy: { version: "asc" },
    select: { version: true, changedAt: true, reason: true, snapshot: true },
  });
  let previous: AnnouncementSnapshot | null = null;
  const out = [];
  for (const revision of revisions) {
    const snapshot = revision.snapshot as unknown as AnnouncementSnapshot;
    out.push({
      version: revision.version,
      changedAt: revision.changedAt.toISOString(),
      reason: revision.reason,
      changes: snapshotChanges(previous, snapshot),
    });
    previous = snapshot;
  }
  return out.reverse();
}
