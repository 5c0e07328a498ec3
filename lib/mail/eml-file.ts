import { randomBytes } from "node:crypto";
import fs from "node:fs/promises";
import path from "node:path";

/**
 * "<time>-<kind>-<ref>.eml": the time first, in ISO 8601 basic form
 * (20260112T150000123Z), so that a plain sort of the folder is the order
 * the mail was written in.
 */
export function mailFileName(kind: string, ref: string, at: Date): string {
  const safe = (part: string) => part.toLowerCase().replace(/[^a-z0-9-]/g, "-");
  return `${at.toISOString().replace(/[-:.]/g, "")}-${safe(kind)}-${safe(ref)}.eml`;
}

/**
 * Writes the message under a temporary name, then renames it: whoever reads
 * the folder (the demo, tests, a person) sees whole files or none. The
 * temporary name starts with a dot and does not end in .eml.
 */
export async function writeEmlAtomically(dir: string, name: string, bytes: Buffer): Promise<string> {
  await fs.mkdir(dir, { recursive: true });
  const target = path.join(dir, name);
  const temporary = path.join(dir, `.${name}.${randomBytes(6).toString("hex")}.tmp`);
  try {
    await fs.writeFile(temporary, bytes, { mode: 0o600 });
    await fs.rename(temporary, target);
  } catch (error) {
    await fs.rm(temporary, { force: true });
    throw error;
  }
  return target;
}
