import type { Basis, ClaimantKind, Qualifier } from "./schema.ts";

/**
 * One version of an announcement, as stored in AnnouncementRevision.snapshot
 * (the migration 20261124131217_announcement_history builds the same shape in
 * SQL for announcements recorded before it). Dates are "YYYY-MM-DD".
 *
 * The tally reads these, not the Announcement row, so that a claim edited on
 * 20 January still reads, as of 14 January, the way it was recorded then.
 */
export interface AnnouncementSnapshot {
  claimant: string;
  claimantKind: ClaimantKind;
  statedOn: string;
  statedOnApproximate: boolean;
  measure: "released" | "detained";
  qualifier: Qualifier;
  value: number | null;
  min: number | null;
  max: number | null;
  breakdown: Record<string, number> | null;
  basis: Basis;
  coversFrom: string | null;
  coversTo: string | null;
  coversDate: string | null;
  scopeKind: "all" | "nationals" | "foreigners" | "nationality";
  scopeNationality: string | null;
  sourceUrl: string | null;
  sourceDescription: string | null;
  quote: string | null;
  quoteLang: string | null;
  note: string | null;
  archivedFileSha256: string | null;
  archivedUrl: string | null;
  status: "active" | "disputed" | "superseded";
  supersededById: string | null;
  deleted: boolean;
}

export const SNAPSHOT_FIELDS = [
  "claimant", "claimantKind", "statedOn", "statedOnApproximate", "measure", "qualifier", "value", "min", "max",
  "breakdown", "basis", "coversFrom", "coversTo", "coversDate", "scopeKind", "scopeNationality", "sourceUrl",
  "sourceDescription", "quote", "quoteLang", "note", "archivedFileSha256", "archivedUrl", "status",
  "supersededById", "deleted",
] as const satisfies readonly (keyof AnnouncementSnapshot)[];

/** An Announcement row as Prisma reads it (dates as Date): what a snapshot is made from. */
export interface ClaimRow {
  claimant: string;
  claimantKind: ClaimantKind;
  statedOn: Date;
  statedOnApproximate: boolean;
  measure: "released" | "detained";
  qualifier: Qualifier;
  value: number | null;
  min: number | null;
  max: number | null;
  breakdown: unknown;
  basis: Basis;
  coversFrom: Date | null;
  coversTo: Date | null;
  coversDate: Date | null;
  scopeKind: AnnouncementSnapshot["scopeKind"];
  scopeNationality: string | null;
  sourceUrl: string | null;
  sourceDescription: string | null;
  quote: string | null;
  quoteLang: string | null;
  note: string | null;
  archivedFileSha256: string | null;
  archivedUrl: string | null;
  status: AnnouncementSnapshot["status"];
  supersededById: string | null;
  deletedAt: Date | null;
}

/** An Announcement row (Prisma's shape: dates as Date) to its snapshot. */
export function announcementSnapshot(row: ClaimRow): AnnouncementSnapshot {
  const day = (date: Date | null) => (date ? date.toISOString().slice(0, 10) : null);
  return {
    claimant: row.claimant,
    claimantKind: row.claimantKind,
    statedOn: day(row.statedOn)!,
    statedOnApproximate: row.statedOnApproximate,
    measure: row.measure,
    qualifier: row.qualifier,
    value: row.value,
    min: row.min,
    max: row.max,
    breakdown: (row.breakdown as Record<string, number> | null) ?? null,
    basis: row.basis,
    coversFrom: day(row.coversFrom),
    coversTo: day(row.coversTo),
    coversDate: day(row.coversDate),
    scopeKind: row.scopeKind,
    scopeNationality: row.scopeNationality,
    sourceUrl: row.sourceUrl,
    sourceDescription: row.sourceDescription,
    quote: row.quote,
    quoteLang: row.quoteLang,
    note: row.note,
    archivedFileSha256: row.archivedFileSha256,
    archivedUrl: row.archivedUrl,
    status: row.status,
    supersededById: row.supersededById,
    deleted: row.deletedAt !== null,
  };
}

export interface FieldChange {
  field: string;
  before: unknown;
  after: unknown;
}

/** The fields that differ between two versions, in a fixed order (for the history page and the audit). */
export function snapshotChanges(before: AnnouncementSnapshot | null, after: AnnouncementSnapshot): FieldChange[] {
  const changes: FieldChange[] = [];
  for (const field of SNAPSHOT_FIELDS) {
    const a = before ? before[field] : null;
    const b = after[field];
    if (JSON.stringify(a ?? null) !== JSON.stringify(b ?? null)) changes.push({ field, before: a ?? null, after: b ?? null });
  }
  return changes;
}

/** "all", "nationals", "foreigners" or "nationality:XX", as the API writes a scope. */
export function scopeText(snapshot: Pick<AnnouncementSnapshot, "scopeKind" | "scopeNationality">): string {
  return snapshot.scopeKind === "nationality" ? `nationality:${snapshot.scopeNationality}` : snapshot.scopeKind;
}

/** The API's scope string back to the two columns. */
export function scopeColumns(scope: string | undefined): Pick<AnnouncementSnapshot, "scopeKind" | "scopeNationality"> {
  if (!scope || scope === "all") return { scopeKind: "all", scopeNationality: null };
  if (scope === "nationals" || scope === "foreigners") return { scopeKind: scope, scopeNationality: null };
  return { scopeKind: "nationality", scopeNationality: scope.slice("nationality:".length).toUpperCase() };
}

/** The fields of a snapshot that say what was claimed (what the tally and "what changed" read). */
export function claimOfSnapshot(s: AnnouncementSnapshot) {
  return {
    claimant: s.claimant,
    claimantKind: s.claimantKind,
    statedOn: s.statedOn,
    statedOnApproximate: s.statedOnApproximate,
    measure: s.measure,
    qualifier: s.qualifier,
    value: s.value,
    min: s.min,
    max: s.max,
    basis: s.basis,
    coversFrom: s.coversFrom,
    coversTo: s.coversTo,
    coversDate: s.coversDate,
    scopeKind: s.scopeKind,
    scopeNationality: s.scopeNationality,
    status: s.status,
    supersededById: s.supersededById,
  };
}
