import type { Actor } from "../auth/actor.ts";
import { db, type Prisma } from "../db/client.ts";
import { uuidV7 } from "../db/uuid.ts";
import { todayInCaracas } from "../dates.ts";
import { AppError, errors } from "../errors.ts";
import type { ImportStatus } from "../generated/prisma/enums.ts";
import { fileStorage } from "../storage/storage.ts";
import { applyBatch, type BatchContext, type RowOutcome } from "./apply.ts";
import { insertImportRows, type ImportRowInsert } from "./bulk.ts";
import { ImportPlanner } from "./plan.ts";
import { openSpreadsheet } from "./read.ts";
import type { ValidatedRow } from "./rows.ts";
import { claimImportBatch, finishImport, markImportRunning, type StoredLayout } from "./mutations.ts";

/**
 * The job of a people import: the file is read and planned again (pure, so
 * the same on every run), and the rows not yet processed are applied in
 * batches, each one transaction that
 *
 * - first claims the batch (mutations.ts: a second run of the same import
 *   waits, then finds it moved on and stops — ImportTakenOver);
 * - writes the batch's records and audit events (apply.ts), its ImportRow
 *   lines and the counters.
 *
 * A crash between batches loses nothing and repeats nothing: the next run
 * starts after the last committed batch. A row is never half-written, since
 * all of it is in one batch's transaction.
 */

export const IMPORT_BATCH_SIZE = 500;
/** Errors kept in the import's answer; every row's errors stay in ImportRow. */
export const MAX_REPORTED_ERRORS = 1000;

export interface ProcessOptions {
  batchSize?: number;
  /** Stop after this many batches, leaving the import running (tests: an interrupted run). */
  maxBatches?: number;
}

export async function processPeopleImport(importId: string, options: ProcessOptions = {}): Promise<ImportStatus> {
  const batchSize = options.batchSize ?? IMPORT_BATCH_SIZE;
  const found = await db().import.findUnique({
    where: { id: importId },
    select: {
      id: true,
      kind: true,
      status: true,
      dryRun: true,
      processed: true,
      organizationId: true,
      fileSha256: true,
      fileName: true,
      mapping: true,
      createdAt: true,
      createdBy: { select: { id: true, role: true, organizationId: true } },
    },
  });
  if (!found || found.kind !== "people") throw errors.notFound("Import");
  if (found.status === "done" || found.status === "failed") return found.status;
  if (!found.fileSha256) throw new AppError("unprocessable", "The import has no file.");
  const bytes = await fileStorage().read(found.fileSha256);
  if (!bytes) throw new AppError("unprocessable", "The import's file is missing from the file store.");

  await markImportRunning(importId);

  const layout = found.mapping as unknown as StoredLayout;
  const sheet = await openSpreadsheet(bytes, { sheet: layout.sheet });
  // Dates are judged against the day the import was started, so that a resumed run decides alike.
  const planner = new ImportPlanner(sheet.headers, layout.columns, todayInCaracas(found.createdAt));
  // The writes are the importing moderator's (the audit trail names them), made by the job.
  const actor: Actor = { kind: "user", userId: found.createdBy.id, role: found.createdBy.role, organizationId: found.organizationId };
  const context = { importId, organizationId: found.organizationId, actor, dryRun: found.dryRun, fileName: found.fileName, fileSha256: found.fileSha256 };

  // The file is walked from its first row every run (the planner must see every earlier row);
  // rows before `processed` were committed by an earlier run and are only planned.
  let offset = found.processed;
  let index = 0;
  let batches = 0;
  let batch: ValidatedRow[] = [];
  const flush = async () => {
    await applyCommitted(importId, offset, batch, { ...context, cedulaRepeats: planner.cedulaRepeats, now: new Date() });
    offset += batch.length;
    batch = [];
    batches++;
  };
  for await (const sheetRow of sheet.rows()) {
    const planned = planner.next(sheetRow);
    if (index++ < found.processed) continue;
    batch.push(planned);
    if (batch.length >= batchSize) {
      await flush();
      if (options.maxBatches !== undefined && batches >= options.maxBatches) return "running";
    }
  }
  if (batch.length > 0) await flush();
  return finishImport(importId, offset, (counters) => ({
    action: counters.dryRun ? "import.dry_run_done" : "import.done",
    after: {
      total: counters.total,
      created: counters.created,
      updated: counters.updated,
      unchanged: counters.unchanged,
      possibleDuplicates: counters.possibleDuplicates,
    },
  }));
}

/** One batch, one transaction: claimed, then written. */
async function applyCommitted(importId: string, offset: number, rows: ValidatedRow[], context: BatchContext): Promise<void> {
  await db().$transaction(
    async (tx) => {
      await claimImportBatch(tx, importId, offset, rows.length);
      const outcomes = await applyBatch(tx, context, rows);
      await insertImportRows(tx, outcomes.map((outcome) => importRowOf(importId, outcome)));
      const current = await tx.import.findUniqueOrThrow({ where: { id: importId }, select: { errors: true } });
      const reported = Array.isArray(current.errors) ? (current.errors as unknown[]) : [];
      const fresh = outcomes.flatMap((outcome) =>
        outcome.problems.map((problem) => ({ row: outcome.row, column: problem.column, code: problem.code, message: problem.message })),
      );
      await tx.import.update({
        where: { id: importId },
        data: {
          created: { increment: count(outcomes, "created") },
          updated: { increment: count(outcomes, "updated") },
          unchanged: { increment: count(outcomes, "unchanged") },
          possibleDuplicates: { increment: count(outcomes, "duplicate") },
          ...(fresh.length > 0 && reported.length < MAX_REPORTED_ERRORS
            ? { errors: [...reported, ...fresh].slice(0, MAX_REPORTED_ERRORS) as unknown as Prisma.InputJsonValue }
            : {}),
        },
      });
    },
    { timeout: 120_000, maxWait: 30_000 },
  );
}

const count = (outcomes: RowOutcome[], status: RowOutcome["status"]) => outcomes.filter((outcome) => outcome.status === status).length;

function importRowOf(importId: string, outcome: RowOutcome): ImportRowInsert {
  return {
    id: uuidV7(new Date(), Math.random),
    importId,
    rowNumber: outcome.row,
    externalId: outcome.externalId?.slice(0, 100) ?? null,
    status: outcome.status,
    personId: outcome.personId,
    errors: outcome.problems.length > 0 ? outcome.problems : null,
    data: { name: outcome.name ?? null, changes: outcome.changes ?? null, duplicateOf: outcome.duplicateOf ?? null },
  };
}
