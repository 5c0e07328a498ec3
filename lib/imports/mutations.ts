import { systemActor, type Actor } from "../auth/actor.ts";
import { can } from "../auth/policy.ts";
import { recordAudit, type AuditInput } from "../audit/mutations.ts";
import { db, type Prisma, type Tx } from "../db/client.ts";
import { AppError, errors } from "../errors.ts";
import type { ImportStatus } from "../generated/prisma/enums.ts";
import { transactionWithFile } from "../evidence/mutations.ts";
import { enqueue } from "../jobs/enqueue.ts";
import { jobIdFor } from "../jobs/job-id.ts";
import { fileStorage, sha256Of } from "../storage/storage.ts";
import { completeMapping, headerSignature, mappingProblems, type ColumnMapping } from "./columns.ts";
import { IMPORT_COUNTERS, type ImportCounters } from "./data.ts";
import { inspectSpreadsheet, refuseFile } from "./read.ts";
import type { ImportOptions, MappingInput } from "./schema.ts";

/**
 * Starting a people import (API.md "POST /api/v1/imports"): the file is read
 * at once, so that a file that cannot be an import is refused (422/413)
 * before anything is written; then, in one transaction, the file is stored
 * and the Import created (queued), and the job "import-people" is sent.
 * The rows are validated and written by the job, in batches (process.ts).
 */

export interface ImportUpload {
  bytes: Uint8Array;
  fileName: string | null;
}

/** What Import.mapping holds for a people import: how its file is read. */
export interface StoredLayout {
  format: "csv" | "xlsx";
  sheet: string | null;
  sheets: string[];
  headers: string[];
  columns: ColumnMapping;
}

export async function startPeopleImport(
  actor: Actor,
  upload: ImportUpload,
  options: ImportOptions,
  queue: { enqueue?: boolean } = {},
): Promise<{ importId: string }> {
  if (!can(actor, "import.create")) throw errors.forbidden();
  if (!actor.userId || !actor.organizationId) throw errors.invalidInput("An import is loaded by a signed-in moderator of an organization.");
  const { userId, organizationId } = actor;
  // Walked once, rows not kept: a file that cannot be an import is refused before anything is written.
  const sheet = await inspectSpreadsheet(upload.bytes, { sheet: options.sheet ?? null, sample: 0 });
  const columns = await chosenMapping(organizationId, sheet.headers, options.mapping);
  refuseUnusableMapping(sheet, columns);
  const layout: StoredLayout = { format: sheet.format, sheet: sheet.sheet, sheets: sheet.sheets, headers: sheet.headers, columns };
  const unknown = mappingProblems(sheet.headers, columns).unknown;
  const sha256 = sha256Of(upload.bytes);
  const prepared = {
    bytes: Buffer.from(upload.bytes),
    sha256,
    size: upload.bytes.byteLength,
    contentType: sheet.format === "xlsx" ? "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" : "text/csv",
    fileName: upload.fileName ?? (sheet.format === "xlsx" ? "import.xlsx" : "import.csv"),
  };

  const importId = await transactionWithFile(prepared, async (tx) => {
    const created = await tx.import.create({
      data: {
        kind: "people",
        organizationId,
        createdById: userId,
        status: "queued",
        dryRun: options.dryRun,
        fileSha256: sha256,
        fileName: upload.fileName?.slice(0, 255) || null,
        mapping: layout as unknown as Prisma.InputJsonValue,
        total: sheet.rowCount,
        // Unknown columns are reported, not fatal (API.md).
        errors: unknown.map((header) => ({ row: 1, column: header, code: "unknown_column", message: "Unknown column: ignored." })),
      },
      select: { id: true },
    });
    if (options.mapping) await rememberMapping(tx, organizationId, sheet.headers, columns);
    await recordAudit(tx, actor, {
      action: options.dryRun ? "import.dry_run" : "import.start",
      entityType: "Import",
      entityId: created.id,
      after: { fileName: upload.fileName, sha256, format: sheet.format, sheet: sheet.sheet, rows: sheet.rowCount, columns },
    });
    return created.id;
  });
  if (queue.enqueue !== false) await queuePeopleImport(importId);
  return { importId };
}

/** The file of an earlier import of the actor's organization, loaded again (after its dry run, or with another mapping). */
export async function rerunPeopleImport(
  actor: Actor,
  sourceImportId: string,
  options: ImportOptions,
  queue: { enqueue?: boolean } = {},
): Promise<{ importId: string }> {
  if (!can(actor, "import.create")) throw errors.forbidden();
  const source = await db().import.findUnique({
    where: { id: sourceImportId },
    select: { kind: true, organizationId: true, fileSha256: true, fileName: true, mapping: true },
  });
  if (!source || source.kind !== "people" || !can(actor, "import.create", { organizationId: source.organizationId }) || !source.fileSha256) {
    throw errors.notFound("Import");
  }
  const bytes = await fileStorage().read(source.fileSha256);
  if (!bytes) throw errors.notFound("Import file");
  const layout = source.mapping as unknown as StoredLayout | null;
  return startPeopleImport(actor, { bytes, fileName: source.fileName }, {
    dryRun: options.dryRun,
    sheet: options.sheet ?? layout?.sheet ?? null,
    // The mapping of the earlier run, unless another is given.
    mapping: options.mapping ?? (layout && (options.sheet ?? layout.sheet) === layout.sheet ? (layout.columns as MappingInput) : undefined),
  }, queue);
}

/**
 * Sends the job (its id is made from the import's: sending twice makes one
 * job). A failure is logged, not thrown: the import stays queued, and
 * reading its progress sends the job again.
 */
export async function queuePeopleImport(importId: string): Promise<void> {
  try {
    await enqueue("import-people", { importId }, { id: jobIdFor("import-people", importId) });
  } catch (error) {
    console.error(`[constancia] could not queue import ${importId}: ${(error as Error).message}`);
  }
}

// ───────────────────────────── mappings ─────────────────────────────

interface OrganizationSettings {
  importMappings?: Record<string, ColumnMapping>;
}

/** The mapping to use: the one given, else the one this organization chose last for these headers, else the headers' own. */
async function chosenMapping(organizationId: string, headers: string[], given: MappingInput | undefined): Promise<ColumnMapping> {
  if (given) return completeMapping(headers, given);
  return completeMapping(headers, (await rememberedMapping(organizationId, headers)) ?? undefined);
}

export async function rememberedMapping(organizationId: string, headers: readonly string[]): Promise<ColumnMapping | null> {
  const organization = await db().organization.findUnique({ where: { id: organizationId }, select: { settings: true } });
  const settings = (organization?.settings ?? {}) as OrganizationSettings;
  return settings.importMappings?.[headerSignature(headers)] ?? null;
}

async function rememberMapping(tx: Tx, organizationId: string, headers: string[], columns: ColumnMapping): Promise<void> {
  const organization = await tx.organization.findUniqueOrThrow({ where: { id: organizationId }, select: { settings: true } });
  const settings = (organization.settings ?? {}) as OrganizationSettings;
  const importMappings = { ...settings.importMappings, [headerSignature(headers)]: columns };
  // The 50 latest layouts are enough for any organization.
  const kept = Object.fromEntries(Object.entries(importMappings).slice(-50));
  await tx.organization.update({
    where: { id: organizationId },
    data: { settings: { ...settings, importMappings: kept } as unknown as Prisma.InputJsonValue },
  });
}

/** A file none of whose headers is a known column, or without a required one, cannot be loaded as it is. */
function refuseUnusableMapping(sheet: { headers: string[] }, columns: ColumnMapping): void {
  const problems = mappingProblems(sheet.headers, columns);
  if (problems.unknown.length === sheet.headers.length) {
    throw refuseFile(
      "no_known_columns",
      "None of the file's headers is a known column (external_id, given_names, surnames, cedula…): map them to columns.",
      { headers: sheet.headers },
    );
  }
  if (problems.repeated.length > 0) {
    throw errors.invalidInput(`Two headers are mapped to the same column: ${problems.repeated.join(", ")}.`, [
      { path: "mapping", message: `Mapped twice: ${problems.repeated.join(", ")}.` },
    ]);
  }
  if (problems.missing.length > 0) {
    throw refuseFile("missing_columns", `The file has no column for: ${problems.missing.join(", ")}. Map a header to each.`, {
      missing: problems.missing,
      headers: sheet.headers,
    });
  }
}

// ───────────────────────────── the run of any import ─────────────────────────────

/**
 * The state of a resumable import run, the same for every kind (spreadsheets:
 * process.ts; name lists: lib/names/import.ts), whose job the shared handler
 * lib/jobs/import-job.ts runs and retries:
 *
 * - the import's `processed` counter says where the next batch starts, so a
 *   retry after a crash continues after the last committed batch;
 * - a batch commits only if `processed` is still what this run read, so two
 *   runs of one import never both write a batch (ImportTakenOver);
 * - the import is done only if no other run moved it on meanwhile, and its
 *   end is audited once.
 */

/** Another run of the same import wrote the batch first: this run stops, the other goes on. */
export class ImportTakenOver extends Error {
  override name = "ImportTakenOver";
}

/** A run starts (or, after a failed attempt, starts again): the import is running; its first start is kept. */
export async function markImportRunning(importId: string): Promise<void> {
  await db().import.updateMany({
    where: { id: importId, status: { in: ["queued", "running"] } },
    data: { status: "running", failureReason: null },
  });
  await db().import.updateMany({ where: { id: importId, startedAt: null }, data: { startedAt: new Date() } });
}

/**
 * First statement of a batch's transaction: moves `processed` on from where
 * this run read it. It also locks the import's row, so a second run of the
 * same import waits here, then finds it moved on and stops.
 */
export async function claimImportBatch(tx: Tx, importId: string, offset: number, rows: number): Promise<void> {
  const claimed = await tx.import.updateMany({
    where: { id: importId, status: "running", processed: offset },
    data: { processed: { increment: rows } },
  });
  if (claimed.count !== 1) throw new ImportTakenOver(`Import ${importId} moved on past row ${offset}.`);
}

/**
 * Marks the import done if it still stands where this run ended (`processed`)
 * and records its end, in the words of its kind (`audit`, given the final
 * counters). Returns the import's status: another run's, when that one ended
 * it.
 */
export async function finishImport(
  importId: string,
  processed: number,
  audit: (counters: ImportCounters) => Pick<AuditInput, "action" | "after">,
): Promise<ImportStatus> {
  return db().$transaction(async (tx) => {
    const done = await tx.import.updateMany({
      where: { id: importId, status: "running", processed },
      data: { status: "done", finishedAt: new Date(), failureReason: null },
    });
    const counters = await tx.import.findUniqueOrThrow({ where: { id: importId }, select: IMPORT_COUNTERS });
    if (done.count === 1) {
      await recordAudit(tx, systemActor("system"), { ...audit(counters), entityType: "Import", entityId: importId });
    }
    return counters.status;
  });
}

/**
 * After an attempt failed: the reason is kept; on the last attempt the import
 * is marked failed (what its committed batches wrote stays).
 */
export async function noteImportFailure(importId: string, message: string, final: boolean): Promise<void> {
  await db().import.updateMany({
    where: { id: importId, status: { in: ["queued", "running"] } },
    data: final ? { status: "failed", failureReason: message.slice(0, 2000), finishedAt: new Date() } : { failureReason: message.slice(0, 2000) },
  });
}

/** Errors after which retrying is pointless: another run is ahead, or the import is gone. */
export function isImportTakenOver(error: unknown): boolean {
  return error instanceof ImportTakenOver || (error instanceof AppError && error.code === "not_found");
}
