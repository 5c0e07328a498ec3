import type { Actor } from "../auth/actor.ts";
import { can } from "../auth/policy.ts";
import { db, type Prisma } from "../db/client.ts";
import type { StoredLayout } from "./mutations.ts";
import type { ImportError, ImportView } from "./schema.ts";

/**
 * Reads of imports: the progress of any import in API.md's shape (spreadsheets
 * and name lists alike), and what the import screens show — an organization's
 * recent imports, and one import with its rows that a moderator must read
 * (errors, possible duplicates, updates).
 */

// ───────────────────────────── progress (every kind) ─────────────────────────────

/** An import's counters: what its progress shows, and what a finished run sums up (mutations.ts). */
export const IMPORT_COUNTERS = {
  status: true,
  dryRun: true,
  total: true,
  processed: true,
  created: true,
  updated: true,
  unchanged: true,
  possibleDuplicates: true,
} as const satisfies Prisma.ImportSelect;
export type ImportCounters = Prisma.ImportGetPayload<{ select: typeof IMPORT_COUNTERS }>;

export interface ImportRecord {
  view: ImportView;
  kind: "people" | "announcement_names";
  announcementId: string | null;
  createdAt: Date;
}

/**
 * One import's progress in API.md's shape, for any kind of import; null when
 * there is none the actor may see (a spreadsheet import of another
 * organization is not an admin's only by accident: see policy "import.create").
 */
export async function importById(actor: Actor, importId: string): Promise<ImportRecord | null> {
  const row = await db().import.findUnique({
    where: { id: importId },
    select: { id: true, ...IMPORT_COUNTERS, errors: true, kind: true, organizationId: true, announcementId: true, createdAt: true },
  });
  if (!row) return null;
  if (row.kind === "people" && !can(actor, "import.create", { organizationId: row.organizationId })) return null;
  const errors = Array.isArray(row.errors) ? (row.errors as unknown as ImportError[]) : [];
  return {
    view: {
      id: row.id,
      status: row.status,
      dryRun: row.dryRun,
      total: row.total,
      processed: row.processed,
      created: row.created,
      updated: row.updated,
      unchanged: row.unchanged,
      possibleDuplicates: row.possibleDuplicates,
      errors: errors.map((error) => ({ row: error.row, column: error.column, message: error.message })),
    },
    kind: row.kind,
    announcementId: row.announcementId,
    createdAt: row.createdAt,
  };
}

// ───────────────────────────── the import screens (spreadsheets) ─────────────────────────────

export interface ImportSummary {
  id: string;
  fileName: string | null;
  dryRun: boolean;
  status: "queued" | "running" | "done" | "failed";
  total: number;
  created: number;
  updated: number;
  unchanged: number;
  possibleDuplicates: number;
  createdAt: string;
  createdBy: string;
}

export async function recentImports(organizationId: string, limit = 15): Promise<ImportSummary[]> {
  const rows = await db().import.findMany({
    where: { organizationId, kind: "people" },
    orderBy: { createdAt: "desc" },
    take: limit,
    select: {
      id: true,
      fileName: true,
      dryRun: true,
      status: true,
      total: true,
      created: true,
      updated: true,
      unchanged: true,
      possibleDuplicates: true,
      createdAt: true,
      createdBy: { select: { name: true, email: true } },
    },
  });
  return rows.map((row) => ({ ...row, createdAt: row.createdAt.toISOString(), createdBy: row.createdBy.name ?? row.createdBy.email }));
}

export interface RowError {
  row: number;
  column: string;
  code: string | null;
  message: string;
}

export interface ImportRowLine {
  row: number;
  externalId: string | null;
  name: string | null;
  personId: string | null;
  changes: string[];
  duplicateOf: { personId: string; reason: "cedula" | "name" } | null;
}

export interface ImportDetail {
  id: string;
  organizationId: string;
  fileName: string | null;
  dryRun: boolean;
  failureReason: string | null;
  createdAt: string;
  layout: StoredLayout;
  errors: RowError[];
  /** Rows that are (or would be) possible duplicates, and updates, first ones. */
  duplicates: ImportRowLine[];
  updates: ImportRowLine[];
}

const LINES_SHOWN = 100;

/** One spreadsheet import with the rows to read; null when there is none of kind "people". */
export async function importDetail(importId: string): Promise<ImportDetail | null> {
  const found = await db().import.findUnique({
    where: { id: importId },
    select: { id: true, kind: true, organizationId: true, fileName: true, dryRun: true, failureReason: true, createdAt: true, mapping: true, errors: true },
  });
  if (!found || found.kind !== "people") return null;
  const [duplicates, updates] = await Promise.all(
    (["duplicate", "updated"] as const).map((status) =>
      db().importRow.findMany({
        where: { importId, status },
        orderBy: { rowNumber: "asc" },
        take: LINES_SHOWN,
        select: { rowNumber: true, externalId: true, personId: true, data: true },
      }),
    ),
  );
  const line = (row: { rowNumber: number; externalId: string | null; personId: string | null; data: unknown }): ImportRowLine => {
    const data = (row.data ?? {}) as { name?: string | null; changes?: string[] | null; duplicateOf?: ImportRowLine["duplicateOf"] };
    return {
      row: row.rowNumber,
      externalId: row.externalId,
      name: data.name ?? null,
      personId: row.personId,
      changes: data.changes ?? [],
      duplicateOf: data.duplicateOf ?? null,
    };
  };
  const errors = Array.isArray(found.errors) ? (found.errors as { row: number; column: string; code?: string; message: string }[]) : [];
  return {
    id: found.id,
    organizationId: found.organizationId,
    fileName: found.fileName,
    dryRun: found.dryRun,
    failureReason: found.failureReason,
    createdAt: found.createdAt.toISOString(),
    layout: found.mapping as unknown as StoredLayout,
    errors: errors.map((error) => ({ row: error.row, column: error.column, code: error.code ?? null, message: error.message })),
    duplicates: duplicates!.map(line),
    updates: updates!.map(line),
  };
}
