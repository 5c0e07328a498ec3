import { createHash, randomBytes } from "node:crypto";
import fs from "node:fs/promises";
import path from "node:path";
import { Readable } from "node:stream";
import { env } from "../env.ts";

/**
 * Where uploaded files live: content-addressed, each under the SHA-256 of its
 * bytes. The database keeps what a file is (StoredFile: size, type) and who
 * uses it; this keeps the bytes.
 *
 * Only the local disk exists today. This interface is where an S3-compatible
 * store (MinIO, Garage, a provider's object storage) would plug in: the same
 * five operations over a bucket, keyed by the same hashes, chosen in
 * `fileStorage()` from a setting.
 */
export interface FileStorage {
  /** Stores `bytes` under `sha256` (which must be their hash). `written` is false when they were already there. */
  put(sha256: string, bytes: Uint8Array): Promise<{ written: boolean }>;
  /** The whole file, or null when there is none. */
  read(sha256: string): Promise<Buffer | null>;
  /** The file as a stream (for responses), or null when there is none. */
  open(sha256: string): Promise<ReadableStream<Uint8Array> | null>;
  exists(sha256: string): Promise<boolean>;
  /** Deletes the file; false when there was none. */
  remove(sha256: string): Promise<boolean>;
}

const SHA256 = /^[0-9a-f]{64}$/;

export function isSha256(value: string): boolean {
  return SHA256.test(value);
}

export function sha256Of(bytes: Uint8Array): string {
  return createHash("sha256").update(bytes).digest("hex");
}

function checkedHash(sha256: string): string {
  // Also what keeps a caller's string from becoming a path ("../…").
  if (!isSha256(sha256)) throw new Error(`Not a SHA-256 hex digest: ${JSON.stringify(sha256.slice(0, 80))}`);
  return sha256;
}

const isMissing = (error: unknown) => (error as { code?: unknown } | null)?.code === "ENOENT";

/**
 * Files on the local disk, under `<root>/<first 2 hex digits>/<sha256>`. A file
 * is written to a temporary name in the same folder and then renamed, so a
 * crash never leaves half a file under its final name (a rename within one
 * file system is atomic); leftovers end in `.tmp` and are never read.
 */
export class LocalDiskStorage implements FileStorage {
  constructor(private readonly root: string) {}

  pathOf(sha256: string): string {
    const hash = checkedHash(sha256);
    return path.join(this.root, hash.slice(0, 2), hash);
  }

  async put(sha256: string, bytes: Uint8Array): Promise<{ written: boolean }> {
    const final = this.pathOf(sha256);
    if (sha256Of(bytes) !== sha256) throw new Error("FileStorage.put: the bytes do not match their SHA-256.");
    if (await this.exists(sha256)) return { written: false };
    await fs.mkdir(path.dirname(final), { recursive: true });
    const temporary = `${final}.${randomBytes(6).toString("hex")}.tmp`;
    try {
      const handle = await fs.open(temporary, "wx", 0o640);
      try {
        await handle.writeFile(bytes);
        await handle.sync();
      } finally {
        await handle.close();
      }
      // Same bytes under the same name: a concurrent writer of the same hash loses nothing.
      await fs.rename(temporary, final);
    } catch (error) {
      await fs.rm(temporary, { force: true });
      throw error;
    }
    return { written: true };
  }

  async read(sha256: string): Promise<Buffer | null> {
    try {
      return await fs.readFile(this.pathOf(sha256));
    } catch (error) {
      if (isMissing(error)) return null;
      throw error;
    }
  }

  async open(sha256: string): Promise<ReadableStream<Uint8Array> | null> {
    let handle: fs.FileHandle;
    try {
      handle = await fs.open(this.pathOf(sha256), "r");
    } catch (error) {
      if (isMissing(error)) return null;
      throw error;
    }
    // The stream owns the handle from here and closes it when done or cancelled.
    return Readable.toWeb(handle.createReadStream()) as unknown as ReadableStream<Uint8Array>;
  }

  async exists(sha256: string): Promise<boolean> {
    try {
      return (await fs.stat(this.pathOf(sha256))).isFile();
    } catch (error) {
      if (isMissing(error)) return false;
      throw error;
    }
  }

  async remove(sha256: string): Promise<boolean> {
    try {
      await fs.unlink(this.pathOf(sha256));
      return true;
    } catch (error) {
      if (isMissing(error)) return false;
      throw error;
    }
  }
}

/**
 * The storage of this process: the local disk under `${CONSTANCIA_DATA_DIR}/files`.
 * Read on each call (not cached), so that tests and the launcher may set the
 * data directory before the first use.
 */
export function fileStorage(): FileStorage {
  return new LocalDiskStorage(path.join(env.dataDir(), "files"));
}
