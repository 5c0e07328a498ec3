import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fileStorage, isSha256, LocalDiskStorage, sha256Of } from "./storage.ts";

const previous = process.env.CONSTANCIA_DATA_DIR;
let dataDir = "";

beforeAll(async () => {
  dataDir = await fs.mkdtemp(path.join(os.tmpdir(), "constancia-storage-"));
  process.env.CONSTANCIA_DATA_DIR = dataDir;
});

afterAll(async () => {
  if (previous === undefined) delete process.env.CONSTANCIA_DATA_DIR;
  else process.env.CONSTANCIA_DATA_DIR = previous;
  await fs.rm(dataDir, { recursive: true, force: true });
});

const bytes = (text: string) => Buffer.from(text, "utf8");

async function streamText(stream: ReadableStream<Uint8Array>): Promise<string> {
  return Buffer.from(await new Response(stream).arrayBuffer()).toString("utf8");
}

describe("local disk storage", () => {
  it("keeps a file under files/<first 2 hex>/<sha256> in the data directory", async () => {
    const content = bytes("constancia, prueba 1");
    const sha = sha256Of(content);
    expect(await fileStorage().put(sha, content)).toEqual({ written: true });
    const onDisk = path.join(dataDir, "files", sha.slice(0, 2), sha);
    expect(await fs.readFile(onDisk)).toEqual(content);
    expect(await fileStorage().exists(sha)).toBe(true);
    expect(await fileStorage().read(sha)).toEqual(content);
    expect(await streamText((await fileStorage().open(sha))!)).toBe("constancia, prueba 1");
  });

  it("writes nothing the second time, and leaves no temporary file behind", async () => {
    const content = bytes("same bytes twice");
    const sha = sha256Of(content);
    const storage = fileStorage();
    const results = await Promise.all([storage.put(sha, content), storage.put(sha, content)]);
    expect(results.some((result) => result.written)).toBe(true);
    expect(await storage.put(sha, content)).toEqual({ written: false });
    expect(await fs.readdir(path.join(dataDir, "files", sha.slice(0, 2)))).toEqual([sha]);
  });

  it("answers null or false for a file it does not have", async () => {
    const sha = sha256Of(bytes("never stored"));
    const storage = fileStorage();
    expect(await storage.exists(sha)).toBe(false);
    expect(await storage.read(sha)).toBeNull();
    expect(await storage.open(sha)).toBeNull();
    expect(await storage.remove(sha)).toBe(false);
  });

  it("removes a file", async () => {
    const content = bytes("to be removed");
    const sha = sha256Of(content);
    const storage = fileStorage();
    await storage.put(sha, content);
    expect(await storage.remove(sha)).toBe(true);
    expect(await storage.exists(sha)).toBe(false);
  });

  it("refuses bytes that do not match their hash, and names that are not hashes", async () => {
    const storage = fileStorage();
    await expect(storage.put(sha256Of(bytes("a")), bytes("b"))).rejects.toThrow(/do not match/);
    await expect(storage.read("../../etc/passwd")).rejects.toThrow(/Not a SHA-256/);
    await expect(storage.exists("A".repeat(64))).rejects.toThrow(/Not a SHA-256/);
    expect(isSha256(sha256Of(bytes("x")))).toBe(true);
    expect(isSha256("xyz")).toBe(false);
  });

  it("never shows a half-written file under its final name", async () => {
    // A crash between the write and the rename leaves only a .tmp file, which is never read.
    const content = bytes("interrupted");
    const sha = sha256Of(content);
    const root = path.join(dataDir, "crash");
    const folder = path.join(root, sha.slice(0, 2));
    await fs.mkdir(folder, { recursive: true });
    await fs.writeFile(path.join(folder, `${sha}.abc123.tmp`), content.subarray(0, 4));
    const storage = new LocalDiskStorage(root);
    expect(await storage.exists(sha)).toBe(false);
    expect(await storage.put(sha, content)).toEqual({ written: true });
    expect(await storage.read(sha)).toEqual(content);
  });

  it("reads the data directory when used, not when imported", async () => {
    const other = await fs.mkdtemp(path.join(os.tmpdir(), "constancia-storage-other-"));
    try {
      process.env.CONSTANCIA_DATA_DIR = other;
      const content = bytes("elsewhere");
      await fileStorage().put(sha256Of(content), content);
      expect(await fs.readdir(path.join(other, "files"))).toHaveLength(1);
    } finally {
      process.env.CONSTANCIA_DATA_DIR = dataDir;
      await fs.rm(other, { recursive: true, force: true });
    }
  });
});
