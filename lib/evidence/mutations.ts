import type { Actor } from "../auth/actor.ts";
import { recordAudit } from "../audit/mutations.ts";
import { db, type Tx } from "../db/client.ts";
import { errors } from "../errors.ts";
import { fileStorage, isSha256 } from "../storage/storage.ts";
import { liveReleaseExists, liveReleaseWhere } from "./data.ts";
import { prepareUpload, type PreparedFile } from "./files.ts";
import { URL_OR_FILE_MESSAGE, type AddEvidenceInput } from "./schema.ts";

/**
 * Writes of evidence. Files are content-addressed: the bytes are stored under
 * their SHA-256 first, then one transaction records the StoredFile, the
 * Evidence and its audit event. A failed transaction removes the file it had
 * just written unless something references it, so no orphan stays on disk.
 *
 * Adding a file and removing an unreferenced one take the same per-file lock
 * (a transaction-scoped advisory lock), so a removal can never delete the
 * bytes of a file that a concurrent upload is about to reference.
 */
const FILE_LOCK_SPACE = 7_240_115;

/** Also taken by lib/tips/mutations.ts, which stores tip files the same way. */
async function lockFile(tx: Tx, sha256: string): Promise<void> {
  // Raw SQL because Prisma has no API for advisory locks. Two-key form: its own lock space.
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(${FILE_LOCK_SPACE}::int, hashtext(${sha256}))`;
}

export interface UploadedFile {
  bytes: Buffer;
  /** The name the client gave; kept (sanitised) for signed-in users, never trusted for the type. */
  fileName: string;
}

export interface AddedEvidence {
  id: string;
  sha256?: string;
}

/** Adds evidence (a link, a file, or both) to a release. */
export async function addEvidence(
  actor: Actor,
  releaseId: string,
  input: AddEvidenceInput,
  file?: UploadedFile,
): Promise<AddedEvidence> {
  if (input.url === undefined && !file) {
    throw errors.invalidInput(URL_OR_FILE_MESSAGE, [{ path: "url", message: URL_OR_FILE_MESSAGE }]);
  }
  // Checked again in the transaction; this one spares processing and writing a file for nothing.
  if (!(await liveReleaseExists(releaseId))) throw errors.notFound("Release");

  const prepared = file ? await prepareUpload(file.bytes, file.fileName) : null;
  return transactionWithFile(prepared, async (tx) => {
    const release = await tx.release.findFirst({ where: liveReleaseWhere(releaseId), select: { id: true } });
    if (!release) throw errors.notFound("Release");
    const evidence = await tx.evidence.create({
      data: {
        releaseId,
        kind: input.kind,
        url: input.url ?? null,
        description: input.description,
        obtainedOn: input.obtainedOn ? new Date(`${input.obtainedOn}T00:00:00.000Z`) : null,
        isPublic: input.public,
        fileSha256: prepared?.sha256 ?? null,
        fileName: prepared?.fileName ?? null,
        addedById: actor.userId,
      },
      select: { id: true },
    });
    await recordAudit(tx, actor, {
      action: "evidence.add",
      // The release's history lists its evidence: the event is filed under the release.
      entityType: "Release",
      entityId: releaseId,
      after: {
        evidenceId: evidence.id,
        kind: input.kind,
        url: input.url ?? null,
        description: input.description,
        obtainedOn: input.obtainedOn ?? null,
        public: input.public,
        file: prepared ? fileAuditView(prepared) : null,
      },
    });
    return prepared ? { id: evidence.id, sha256: prepared.sha256 } : { id: evidence.id };
  });
}

/**
 * Stores an uploaded file's bytes, then runs `work` in a transaction that holds
 * the file's lock and has recorded its StoredFile row, so that a concurrent
 * removeUnreferencedFiles can neither take the bytes nor miss the reference.
 * When the transaction fails, bytes written for it alone are removed again.
 * Evidence and tips (lib/tips) store their files through this one function.
 */
export async function transactionWithFile<T>(prepared: PreparedFile | null, work: (tx: Tx) => Promise<T>): Promise<T> {
  const storage = fileStorage();
  let written = prepared ? (await storage.put(prepared.sha256, prepared.bytes)).written : false;
  try {
    return await db().$transaction(async (tx) => {
      if (prepared) {
        await lockFile(tx, prepared.sha256);
        // A concurrent removal may have taken the bytes between our put and this lock.
        if (!(await storage.exists(prepared.sha256))) {
          written = (await storage.put(prepared.sha256, prepared.bytes)).written || written;
        }
        await tx.storedFile.upsert({
          where: { sha256: prepared.sha256 },
          create: { sha256: prepared.sha256, size: prepared.size, contentType: prepared.contentType },
          update: {},
        });
      }
      return work(tx);
    });
  } catch (error) {
    if (prepared && written) await removeUnreferencedFiles([prepared.sha256]).catch(() => undefined);
    throw error;
  }
}

function fileAuditView(file: PreparedFile) {
  return { sha256: file.sha256, size: file.size, contentType: file.contentType, fileName: file.fileName };
}

/**
 * Deletes stored files that nothing references any more (no Evidence, Tip,
 * Announcement or Import row, deleted ones included): the StoredFile row and
 * the bytes on disk. Files still referenced are left alone. For the admin
 * purge: call it after the transaction that removed the referencing rows has
 * committed. Returns the hashes actually removed.
 */
export async function removeUnreferencedFiles(sha256s: readonly string[]): Promise<string[]> {
  const removed: string[] = [];
  const storage = fileStorage();
  for (const sha256 of new Set(sha256s)) {
    if (!isSha256(sha256)) continue;
    const gone = await db().$transaction(async (tx) => {
      await lockFile(tx, sha256);
      const references =
        (await tx.evidence.count({ where: { fileSha256: sha256 } })) +
        (await tx.tip.count({ where: { fileSha256: sha256 } })) +
        (await tx.announcement.count({ where: { archivedFileSha256: sha256 } })) +
        (await tx.import.count({ where: { fileSha256: sha256 } }));
      if (references > 0) return false;
      const rows = await tx.storedFile.deleteMany({ where: { sha256 } });
      // Still under the lock: no upload of the same bytes can reference them meanwhile.
      const onDisk = await storage.remove(sha256);
      return rows.count > 0 || onDisk;
    });
    if (gone) removed.push(sha256);
  }
  return removed;
}
