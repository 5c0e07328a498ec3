import { createHash } from "node:crypto";

/**
 * A job id made from what the job is about, so that sending the same work
 * twice makes one job: pg-boss ignores a job whose id its queue already
 * holds. The id is a UUID (pg-boss stores ids as uuid) of version 8, the
 * version RFC 9562 sets aside for ids built this way, from the SHA-256 of
 * the parts.
 */
export function jobIdFor(...parts: readonly string[]): string {
  const bytes = createHash("sha256").update(parts.join("\u0000"), "utf8").digest().subarray(0, 16);
  bytes[6] = (bytes[6]! & 0x0f) | 0x80; // version 8
  bytes[8] = (bytes[8]! & 0x3f) | 0x80; // RFC 9562 variant
  const hex = bytes.toString("hex");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
