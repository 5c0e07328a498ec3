import { systemActor } from "../auth/actor.ts";
import { recordAudit, type AuditInput } from "../audit/mutations.ts";
import { db, type Tx } from "../db/client.ts";
import { AppError } from "../errors.ts";
import type { ImportStatus } from "../generated/prisma/enums.ts";
import { IMPORT_COUNTERS, type ImportCounters } from "./data.ts";

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
