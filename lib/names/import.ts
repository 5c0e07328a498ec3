import type { Actor } from "../auth/actor.ts";
import { systemActor } from "../auth/actor.ts";
import { can } from "../auth/policy.ts";
import { recordAudit } from "../audit/mutations.ts";
import { db, type Prisma } from "../db/client.ts";
import { errors } from "../errors.ts";
import type { ImportStatus } from "../generated/prisma/enums.ts";
import { claimImportBatch, finishImport, markImportRunning } from "../imports/mutations.ts";
import { enqueue } from "../jobs/enqueue.ts";
import { jobIdFor } from "../jobs/job-id.ts";
import type { LineDecision } from "./decide.ts";
import { mapConcurrently, matchPrintedLine } from "./matching.ts";
import { keyLines, parseNameList, ROW_MESSAGES, type NameListType, type RowProblem } from "./parse.ts";

/**
 * Loading a name list: the request stores the lines and an Import at once
 * (202), the job "match-name-list" matches them in batches (DESIGN.md rule 6):
 *
 * - each batch is one transaction: its lines (ON CONFLICT DO NOTHING on
 *   announcement + line key), the import's counters and one audit event;
 * - it resumes and guards its batches like every import
 *   (lib/imports/mutations.ts): a retry after a crash continues where the
 *   last committed batch ended, the lines already written are kept, and two
 *   runs of one import never both write a batch.
 *
 * The lines of the file wait in ImportRow (data: the line as read, its key),
 * numbered 1…n in file order.
 */

export const MATCH_BATCH_SIZE = 250;
/** Names matched at once: a few, so that the database's cores (not one connection) do the work. */
export const MATCH_CONCURRENCY = 6;

/** What an ImportRow of a name list holds. */
interface LineRowData {
  row: number;
  name: string;
  identifier: string | null;
  lineKey: string;
  normalizedName: string;
  /** Set for a line that was skipped when the list was read. */
  problem?: string;
}

export interface NameListUpload {
  bytes: Uint8Array;
  type: NameListType;
  fileName?: string | null;
}

/**
 * Reads the list (413/422 for a list that cannot be one), stores its lines and
 * a queued Import in one transaction, and queues the matching job. Nothing is
 * written when the list is refused.
 */
export async function startNameListImport(
  actor: Actor,
  announcementId: string,
  upload: NameListUpload,
  options: { enqueue?: boolean } = {},
): Promise<{ importId: string }> {
  if (!can(actor, "announcement.manage")) throw errors.forbidden();
  if (!actor.userId || !actor.organizationId) throw errors.invalidInput("A name list is loaded by a signed-in moderator.");
  const announcement = await db().announcement.findFirst({ where: { id: announcementId, deletedAt: null }, select: { id: true } });
  if (!announcement) throw errors.notFound("Announcement");

  const parsed = parseNameList(upload.bytes, upload.type);
  const keyed = keyLines(parsed.lines);
  const rows = orderedRows(keyed, parsed.problems);
  const { userId, organizationId } = actor;
  // Lines added by this list are numbered after those the announcement already has (a second list, an addendum).
  const before = await db().announcedName.aggregate({ where: { announcementId }, _max: { position: true } });
  const positionBase = before._max.position ?? 0;

  const importId = await db().$transaction(
    async (tx) => {
      const created = await tx.import.create({
        data: {
          kind: "announcement_names",
          organizationId,
          createdById: userId,
          announcementId,
          status: "queued",
          fileName: upload.fileName?.slice(0, 255) || null,
          mapping: { type: upload.type, positionBase },
          total: rows.length,
          errors: parsed.problems as unknown as Prisma.InputJsonValue,
        },
        select: { id: true },
      });
      for (let start = 0; start < rows.length; start += 5_000) {
        await tx.importRow.createMany({
          data: rows.slice(start, start + 5_000).map((data, index) => ({
            importId: created.id,
            rowNumber: start + index + 1,
            data: data as unknown as Prisma.InputJsonValue,
            status: data.problem ? ("error" as const) : ("pending" as const),
            errors: data.problem ? [{ column: "name", message: data.problem }] : undefined,
          })),
        });
      }
      await recordAudit(tx, actor, {
        action: "names.load",
        entityType: "Import",
        entityId: created.id,
        after: { announcementId, lines: keyed.length, skipped: rows.length - keyed.length, type: upload.type, fileName: upload.fileName ?? null },
      });
      return created.id;
    },
    { timeout: 60_000 },
  );

  if (options.enqueue !== false) await queueNameListImport(importId);
  return { importId };
}

/** Lines to match and lines skipped, in the order of the file. */
function orderedRows(keyed: ReturnType<typeof keyLines>, problems: readonly RowProblem[]): LineRowData[] {
  const rows: LineRowData[] = [
    ...keyed.map((line) => ({
      row: line.row,
      name: line.nameAsPrinted,
      identifier: line.identifierAsPrinted,
      lineKey: line.lineKey,
      normalizedName: line.normalizedName,
    })),
    ...problems
      .filter((problem) => problem.message !== ROW_MESSAGES.unknownColumn)
      .map((problem) => ({ row: problem.row, name: "", identifier: null, lineKey: "", normalizedName: "", problem: problem.message })),
  ];
  return rows.sort((a, b) => a.row - b.row);
}

/**
 * Sends the matching job (its id is made from the import's, so sending it
 * twice makes one job). A failure is logged, not thrown: the import stays
 * queued, and reading its progress sends the job again (see data.ts).
 */
export async function queueNameListImport(importId: string): Promise<void> {
  try {
    await enqueue("match-name-list", { importId }, { id: jobIdFor("match-name-list", importId) });
  } catch (error) {
    console.error(`[constancia] could not queue the matching of import ${importId}: ${(error as Error).message}`);
  }
}

export interface ProcessOptions {
  batchSize?: number;
  concurrency?: number;
  /** Stop after this many batches, leaving the import running (tests: an interrupted run). */
  maxBatches?: number;
}

/**
 * Matches the lines of a name-list import not yet processed, in batches, and
 * marks it done. Safe to call again at any time (a retry, a second worker):
 * it continues from the last committed batch. Returns the import's status.
 * The benchmark calls this directly.
 */
export async function processNameListImport(importId: string, options: ProcessOptions = {}): Promise<ImportStatus> {
  const batchSize = options.batchSize ?? MATCH_BATCH_SIZE;
  const concurrency = options.concurrency ?? MATCH_CONCURRENCY;
  const found = await db().import.findUnique({
    where: { id: importId },
    select: { id: true, kind: true, status: true, announcementId: true, processed: true, total: true, createdById: true },
  });
  if (!found || found.kind !== "announcement_names" || !found.announcementId) throw errors.notFound("Name-list import");
  if (found.status === "done" || found.status === "failed") return found.status;
  const announcementId = found.announcementId;

  await markImportRunning(importId);

  const positionBase = await positionBaseOf(importId);
  let offset = found.processed;
  let batches = 0;
  let rows = await rowsFrom(importId, offset, batchSize);
  let matching = matchRows(announcementId, rows, concurrency);
  while (rows.length > 0) {
    const decisions = await matching;
    batches++;
    const stopAfter = options.maxBatches !== undefined && batches >= options.maxBatches;
    // The next batch is read and matched while this one is written.
    const nextRows = stopAfter ? [] : await rowsFrom(importId, offset + rows.length, batchSize);
    matching = matchRows(announcementId, nextRows, concurrency);
    try {
      await writeBatch({ importId, announcementId, createdById: found.createdById, offset, positionBase, rows, decisions });
    } catch (error) {
      await matching.catch(() => undefined);
      throw error;
    }
    offset += rows.length;
    rows = nextRows;
    if (stopAfter) {
      await matching;
      return "running";
    }
  }
  return finishImport(importId, offset, (counters) => ({
    action: "names.import_done",
    after: { total: counters.total, added: counters.created, unchanged: counters.unchanged, queued: counters.possibleDuplicates },
  }));
}

interface StoredRow {
  rowNumber: number;
  data: LineRowData;
}

async function rowsFrom(importId: string, offset: number, batchSize: number): Promise<StoredRow[]> {
  const rows = await db().importRow.findMany({
    where: { importId, rowNumber: { gt: offset, lte: offset + batchSize } },
    orderBy: { rowNumber: "asc" },
    select: { rowNumber: true, data: true },
  });
  return rows.map((row) => ({ rowNumber: row.rowNumber, data: row.data as unknown as LineRowData }));
}

/** Where this import's positions start (fixed when the list was loaded, so that a resumed run numbers lines alike). */
async function positionBaseOf(importId: string): Promise<number> {
  const imported = await db().import.findUniqueOrThrow({ where: { id: importId }, select: { mapping: true } });
  const positionBase = (imported.mapping as { positionBase?: unknown } | null)?.positionBase;
  return typeof positionBase === "number" ? positionBase : 0;
}

/** Matches the rows whose lines the announcement does not have yet (a list loaded again matches nothing). */
async function matchRows(announcementId: string, rows: readonly StoredRow[], concurrency: number): Promise<Map<number, LineDecision>> {
  const lines = rows.filter((row) => !row.data.problem);
  if (lines.length === 0) return new Map();
  const existing = await db().announcedName.findMany({
    where: { announcementId, lineKey: { in: lines.map((row) => row.data.lineKey) } },
    select: { lineKey: true },
  });
  const known = new Set(existing.map((line) => line.lineKey));
  const toMatch = lines.filter((row) => !known.has(row.data.lineKey));
  const decisions = await mapConcurrently(toMatch, concurrency, (row) => matchPrintedLine(row.data.name, row.data.identifier));
  return new Map(toMatch.map((row, index) => [row.rowNumber, decisions[index]!]));
}

async function writeBatch(batch: {
  importId: string;
  announcementId: string;
  createdById: string;
  offset: number;
  positionBase: number;
  rows: readonly StoredRow[];
  decisions: Map<number, LineDecision>;
}): Promise<void> {
  const { importId, announcementId, offset, rows, decisions } = batch;
  const lines = rows.filter((row) => decisions.has(row.rowNumber));
  const valid = rows.filter((row) => !row.data.problem).length;
  await db().$transaction(
    async (tx) => {
      // First the claim: a second run of the same import waits here, then finds it moved on.
      await claimImportBatch(tx, importId, offset, rows.length);

      const inserted = lines.length
        ? await tx.announcedName.createManyAndReturn({
            data: lines.map((row) => {
              const decision = decisions.get(row.rowNumber)!;
              return {
                announcementId,
                position: batch.positionBase + row.rowNumber,
                nameAsPrinted: row.data.name,
                identifierAsPrinted: row.data.identifier,
                normalizedName: row.data.normalizedName,
                lineKey: row.data.lineKey,
                personId: decision.personId,
                linkMethod: decision.linkMethod,
                matchKind: decision.matchKind,
                matchScore: decision.matchScore,
                suggestedPersonId: decision.suggestedPersonId,
                candidates: decision.linkMethod === "pending" ? (decision.candidates as unknown as Prisma.InputJsonValue) : undefined,
                importId,
              };
            }),
            skipDuplicates: true,
            select: { lineKey: true, linkMethod: true, personId: true },
          })
        : [];
      const added = new Set(inserted.map((line) => line.lineKey));
      const queued = inserted.filter((line) => line.linkMethod === "pending").length;
      const automatic = inserted.length - queued;
      const addedRows = rows.filter((row) => added.has(row.data.lineKey)).map((row) => row.rowNumber);
      const keptRows = rows.filter((row) => !row.data.problem && !added.has(row.data.lineKey)).map((row) => row.rowNumber);

      await tx.import.update({
        where: { id: importId },
        data: {
          created: { increment: inserted.length },
          unchanged: { increment: valid - inserted.length },
          possibleDuplicates: { increment: queued },
        },
      });
      if (addedRows.length) {
        await tx.importRow.updateMany({ where: { importId, rowNumber: { in: addedRows } }, data: { status: "created" } });
      }
      if (keptRows.length) {
        await tx.importRow.updateMany({ where: { importId, rowNumber: { in: keptRows } }, data: { status: "unchanged" } });
      }
      await recordAudit(tx, systemActor("system"), {
        action: "names.match",
        entityType: "Import",
        entityId: importId,
        after: {
          announcementId,
          loadedById: batch.createdById,
          rows: [offset + 1, offset + rows.length],
          added: inserted.length,
          automatic,
          queued,
          unchanged: valid - inserted.length,
        },
      });
    },
    { timeout: 60_000 },
  );
}
