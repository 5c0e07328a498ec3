import type { PublicExportRow } from "./schema.ts";

/**
 * The public export as one JSON array written a batch at a time: `[`, the
 * rows (one a line, so that line tools can follow it), `]`. The whole file is
 * a single valid JSON document whatever the number of batches.
 */

export const jsonHead = (): string => "[";

/** One batch of rows; `first` says whether any row was written before (no comma before the first). */
export function jsonItems(rows: readonly PublicExportRow[], first: boolean): string {
  let out = "";
  rows.forEach((row, index) => {
    out += `${first && index === 0 ? "" : ","}\n${JSON.stringify(row)}`;
  });
  return out;
}

/** The end of the array; an empty export is `[]`. */
export const jsonTail = (wroteAny: boolean): string => (wroteAny ? "\n]\n" : "]\n");
