import { stringify } from "csv-stringify/sync";
import { CSV_BOM, neutralizeCell, type CsvCell } from "../tally/csv.ts";
import { INTERNAL_COLUMNS, PUBLIC_CSV_COLUMNS, type InternalExportRow, type PublicExportRow } from "./schema.ts";

/**
 * CSV for people who open it in a spreadsheet: UTF-8 with a byte-order mark,
 * CRLF line ends, and every text cell that a spreadsheet would take for a
 * formula (starting with =, +, -, @, tab or carriage return) given a leading
 * apostrophe (lib/tally/csv.ts, the same rule as the reconciliation downloads).
 * Written a batch at a time: the header once, then each batch's lines.
 */

function lines(rows: readonly (readonly CsvCell[])[]): string {
  if (rows.length === 0) return "";
  return stringify(
    rows.map((row) => row.map(neutralizeCell)),
    { record_delimiter: "windows", eof: true },
  );
}

/** The start of the file: the byte-order mark and the header line. */
export function csvHead(columns: readonly string[]): string {
  return CSV_BOM + lines([columns]);
}

export const publicCsvHead = () => csvHead(PUBLIC_CSV_COLUMNS);

/** The public rows of one batch, as CSV lines. */
export function publicCsvLines(rows: readonly PublicExportRow[]): string {
  return lines(
    rows.map((row) => [
      row.personId,
      row.name,
      row.disclosure,
      row.releaseId,
      row.status,
      row.releasedMonth,
      row.conditions,
      row.verifiedOn,
      row.organization,
      row.url,
    ]),
  );
}

export const internalCsvHead = () => csvHead(INTERNAL_COLUMNS);

/** The internal rows of one batch, as CSV lines, in INTERNAL_COLUMNS order. */
export function internalCsvLines(rows: readonly InternalExportRow[]): string {
  return lines(rows.map((row) => INTERNAL_COLUMNS.map((column) => row[column])));
}
