import { stringify } from "csv-stringify/sync";

/**
 * CSV files for people who open them in a spreadsheet (the reconciliation
 * pages' downloads): UTF-8 with a byte-order mark, so that Excel reads
 * accents and ñ; CRLF line ends; and every text cell that a spreadsheet
 * would take for a formula neutralised (CSV injection: a name list is text
 * someone else published, and a cell "=HYPERLINK(…)" must stay text).
 */

export type CsvCell = string | number | null | undefined;

/** A block of rows, with an optional header row. Blocks are separated by an empty line. */
export interface CsvBlock {
  header?: readonly string[];
  rows: readonly (readonly CsvCell[])[];
}

/** Characters that make a spreadsheet read a cell as a formula (OWASP: = + - @, tab, carriage return). */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * A text cell that a spreadsheet would evaluate gets a leading apostrophe,
 * which spreadsheets show as text and do not print. Numbers are left alone:
 * -3 is a number, not a formula.
 */
export function neutralizeCell(value: CsvCell): string | number {
  if (value === null || value === undefined) return "";
  if (typeof value === "number") return Number.isFinite(value) ? value : "";
  return FORMULA_START.test(value) ? `'${value}` : value;
}

export const CSV_BOM = "\uFEFF";

/** The whole file: BOM, then each block (header and rows), blocks separated by an empty line. */
export function csvDocument(blocks: readonly CsvBlock[]): string {
  const parts = blocks.map((block) => {
    const rows = [...(block.header ? [block.header] : []), ...block.rows].map((row) => row.map(neutralizeCell));
    return stringify(rows, { record_delimiter: "windows", eof: true });
  });
  return CSV_BOM + parts.join("\r\n");
}

/** A file name safe in a Content-Disposition header: letters, digits, dashes. */
export function csvFileName(parts: readonly string[]): string {
  const base = parts
    .join("-")
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 80);
  return `${base || "constancia"}.csv`;
}
