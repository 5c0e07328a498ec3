import type { Rng } from "../random/seeded.ts";

/**
 * A UUID version 7 made in the application, for rows written in bulk (where
 * asking the database for each id would cost a round trip): like the
 * schema's `@default(uuid(7))`, its time part is `at`, so that ids sort by
 * creation time. The random part comes from `rng`: Math.random for imported
 * records, a seeded generator for the demo (the same ids on every load).
 */
export function uuidV7(at: Date, rng: Rng): string {
  const bytes = new Uint8Array(16);
  let ms = at.getTime();
  for (let i = 5; i >= 0; i -= 1) {
    bytes[i] = ms % 256;
    ms = Math.floor(ms / 256);
  }
  for (let i = 6; i < 16; i += 1) bytes[i] = Math.floor(rng() * 256);
  bytes[6] = (bytes[6]! & 0x0f) | 0x70; // version 7
  bytes[8] = (bytes[8]! & 0x3f) | 0x80; // RFC 4122 variant
  const hex = Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
