import { parse as parseCsvStream } from "csv-parse";
import { parse as parseCsv } from "csv-parse/sync";
import ExcelJS from "exceljs";
import yauzl from "yauzl";
import { AppError } from "../errors.ts";
import { decodeListBytes } from "../names/parse.ts";
import { MAX_CELL_CHARS, MAX_ROWS, type FileRefusal } from "./limits.ts";

export { MAX_CELL_CHARS, MAX_ROWS, type FileRefusal } from "./limits.ts";

/**
 * A spreadsheet's bytes → its header and rows of text cells, for CSV (comma,
 * semicolon or tab; UTF-8 with or without BOM, Windows-1252/Latin-1, UTF-16)
 * and XLSX (first sheet, or a chosen one). Pure apart from decompressing:
 * nothing is written. CSV is read by csv-parse, XLSX by exceljs, after
 * yauzl has checked the archive is not a decompression bomb.
 */

export type SpreadsheetFormat = "csv" | "xlsx";

export interface SheetRow {
  /** The row as the spreadsheet numbers it (1 = the header). */
  row: number;
  cells: string[];
}

export interface Spreadsheet {
  format: SpreadsheetFormat;
  /** XLSX: every sheet's name, in order; CSV: []. */
  sheets: string[];
  sheet: string | null;
  headers: string[];
  rows: SheetRow[];
}

/** An XLSX's parts, decompressed, at most (a 25 MB upload of real sheets stays far below). */
export const MAX_XLSX_UNCOMPRESSED = 150 * 1024 * 1024;
/** Real XLSX parts compress about 5–20 times; a bomb, thousands. */
const MAX_XLSX_RATIO = 200;

export function refuseFile(reason: FileRefusal, message: string, details: Record<string, unknown> = {}): AppError {
  if (reason === "too_many_rows") return new AppError("too_large", message, { details: { reason, limitRows: MAX_ROWS, ...details } });
  return new AppError("unprocessable", message, { details: { reason, ...details } });
}

/** The format of the bytes: XLSX starts like any ZIP ("PK\x03\x04"); anything else is read as CSV text. */
export function formatOf(bytes: Uint8Array): SpreadsheetFormat {
  return bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04 ? "xlsx" : "csv";
}

/**
 * A sheet whose header is read and whose rows are read as they are iterated,
 * so that a 100,000-row CSV is never held whole as rows (the job and the
 * request both walk it; see BENCHMARKS.md, bench:import). Blank rows are
 * skipped; more than MAX_ROWS rows is a 413 when the walk gets there.
 */
export interface OpenedSheet {
  format: SpreadsheetFormat;
  sheets: string[];
  sheet: string | null;
  headers: string[];
  rows: () => AsyncIterable<SheetRow>;
}

export async function openSpreadsheet(bytes: Uint8Array, options: { sheet?: string | null } = {}): Promise<OpenedSheet> {
  if (bytes.length === 0) throw refuseFile("empty", "The file is empty.");
  return formatOf(bytes) === "xlsx" ? openXlsx(bytes, options.sheet ?? null) : openCsv(bytes);
}

/** The whole sheet in memory: for small files and tests. */
export async function readSpreadsheet(bytes: Uint8Array, options: { sheet?: string | null } = {}): Promise<Spreadsheet> {
  const opened = await openSpreadsheet(bytes, options);
  const rows: SheetRow[] = [];
  for await (const row of opened.rows()) rows.push(row);
  if (rows.length === 0) throw refuseWithSheets(opened, refuseFile("only_header", "The file has a header but no rows."));
  return { format: opened.format, sheets: opened.sheets, sheet: opened.sheet, headers: opened.headers, rows };
}

/** What a file holds, walked once without keeping its rows: headers, how many rows, the first few. */
export async function inspectSpreadsheet(
  bytes: Uint8Array,
  options: { sheet?: string | null; sample?: number } = {},
): Promise<Omit<Spreadsheet, "rows"> & { rowCount: number; sample: SheetRow[] }> {
  const opened = await openSpreadsheet(bytes, options);
  const sample: SheetRow[] = [];
  let rowCount = 0;
  for await (const row of opened.rows()) {
    rowCount++;
    if (sample.length < (options.sample ?? 3)) sample.push(row);
  }
  if (rowCount === 0) throw refuseWithSheets(opened, refuseFile("only_header", "The file has a header but no rows."));
  return { format: opened.format, sheets: opened.sheets, sheet: opened.sheet, headers: opened.headers, rowCount, sample };
}

/** The sheets are named in every refusal about one sheet, so that the screen can offer another one. */
function refuseWithSheets(opened: { sheets: string[] }, error: AppError): AppError {
  if (opened.sheets.length === 0) return error;
  return new AppError(error.code, error.message, { details: { ...error.extra.details, sheets: opened.sheets } });
}

// ───────────────────────────── CSV ─────────────────────────────

function openCsv(bytes: Uint8Array): OpenedSheet {
  let text: string;
  try {
    text = decodeListBytes(bytes);
  } catch {
    throw refuseFile("binary", "This is not a CSV file: it holds binary content. Save the spreadsheet as CSV or XLSX.");
  }
  if (text.trim() === "") throw refuseFile("empty", "The file is empty.");
  const firstLine = text.replace(/^\uFEFF/, "").split(/\r\n|\n|\r/, 1)[0] ?? "";
  const delimiter = delimiterOf(firstLine);
  const parser = () =>
    parseCsvStream(text, {
      delimiter,
      bom: true,
      info: true,
      relax_column_count: true,
      relax_quotes: true,
      skip_empty_lines: true,
      max_record_size: MAX_CELL_CHARS * 40,
    });
  const unreadable = (error: unknown) => refuseFile("unreadable", `The CSV cannot be read: ${(error as Error).message}`);
  // The header: the first record (csv-parse reads no further than it needs).
  let headerRecord: string[] | null = null;
  try {
    const [first] = parseCsv(firstRecordText(text), { delimiter, bom: true, relax_column_count: true, relax_quotes: true, skip_empty_lines: true }) as string[][];
    headerRecord = first ?? null;
  } catch (error) {
    throw unreadable(error);
  }
  if (!headerRecord) throw refuseFile("empty", "The file is empty.");
  const headers = checkedHeaders(headerRecord);
  return {
    format: "csv",
    sheets: [],
    sheet: null,
    headers,
    rows: () =>
      limitedRows(
        (async function* () {
          let first = true;
          try {
            for await (const entry of parser() as AsyncIterable<{ record: string[]; info: { lines: number } }>) {
              if (first) {
                first = false;
                continue;
              }
              yield { row: entry.info.lines, cells: entry.record };
            }
          } catch (error) {
            throw error instanceof AppError ? error : unreadable(error);
          }
        })(),
      ),
  };
}

/** The text up to the end of the first record: its first line, or more when a quoted header spans lines. */
function firstRecordText(text: string): string {
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '"') quoted = !quoted;
    else if (!quoted && (c === "\n" || c === "\r") && text.slice(0, i).trim() !== "") return text.slice(0, i);
  }
  return text;
}

/** Comma, semicolon or tab: whichever the header line uses most (outside quotes). */
export function delimiterOf(headerLine: string): string {
  const unquoted = headerLine.replace(/"[^"]*"/g, "");
  const counts = [",", ";", "\t"].map((delimiter) => ({ delimiter, count: unquoted.split(delimiter).length - 1 }));
  counts.sort((a, b) => b.count - a.count);
  return counts[0]!.count > 0 ? counts[0]!.delimiter : ",";
}

// ───────────────────────────── XLSX ─────────────────────────────

async function openXlsx(bytes: Uint8Array, wanted: string | null): Promise<OpenedSheet> {
  await checkArchive(bytes);
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  } catch (error) {
    throw refuseFile("unreadable", `The XLSX file cannot be read: ${(error as Error).message}`);
  }
  const sheets = workbook.worksheets.map((sheet) => sheet.name);
  if (sheets.length === 0) throw refuseFile("no_sheet", "The XLSX file has no sheet.");
  const worksheet = wanted === null ? workbook.worksheets[0]! : workbook.worksheets.find((sheet) => sheet.name === wanted);
  if (!worksheet) throw refuseFile("unknown_sheet", `The file has no sheet named "${wanted}".`, { sheets });
  // An XLSX is held whole by exceljs anyway (and kept small by checkArchive): its rows are read at once.
  const rows: SheetRow[] = [];
  let header: string[] | null = null;
  worksheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const values = row.values as unknown[];
    // exceljs numbers cells from 1: values[0] is always empty.
    const cells = values.slice(1).map(cellText);
    while (cells.length > 0 && cells[cells.length - 1] === "") cells.pop();
    if (cells.length === 0) return;
    if (header === null) header = cells;
    else rows.push({ row: rowNumber, cells });
  });
  const opened = { sheets };
  if (header === null) throw refuseFile("empty", "The sheet is empty.", { sheets });
  let headers: string[];
  try {
    headers = checkedHeaders(header);
  } catch (error) {
    throw error instanceof AppError ? refuseWithSheets(opened, error) : error;
  }
  return {
    format: "xlsx",
    sheets,
    sheet: worksheet.name,
    headers,
    rows: () =>
      limitedRows(
        (async function* () {
          yield* rows;
        })(),
      ),
  };
}

/** A cell as text: dates as YYYY-MM-DD (the day Excel shows), formulas by their result, rich text joined. */
export function cellText(value: unknown): string {
  if (value === null || value === undefined) return "";
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? "" : value.toISOString().slice(0, 10);
  if (typeof value === "number") return Number.isInteger(value) ? String(value) : String(value);
  if (typeof value === "string" || typeof value === "boolean") return String(value);
  if (typeof value === "object") {
    const cell = value as { result?: unknown; richText?: { text: string }[]; text?: unknown; hyperlink?: unknown; error?: unknown };
    if (Array.isArray(cell.richText)) return cell.richText.map((part) => part.text).join("");
    if ("result" in cell) return cellText(cell.result);
    if (typeof cell.text === "string") return cell.text;
    if (cell.error !== undefined) return "";
  }
  return "";
}

/**
 * Reads every entry of the archive through yauzl, counting the bytes it
 * really inflates (yauzl also checks them against the sizes declared): a
 * file that would inflate past the cap, or far beyond any real spreadsheet's
 * ratio, is refused before exceljs holds any of it in memory.
 */
export async function checkArchive(bytes: Uint8Array): Promise<void> {
  const bomb = () =>
    refuseFile("zip_bomb", "This XLSX file would take far more space once opened than any real spreadsheet: it was not read.");
  const zip = await new Promise<yauzl.ZipFile>((resolve, reject) =>
    yauzl.fromBuffer(Buffer.from(bytes), { lazyEntries: true, validateEntrySizes: true }, (error, file) =>
      error || !file ? reject(refuseFile("unreadable", `The XLSX file cannot be read: ${error?.message ?? "not a ZIP archive"}`)) : resolve(file),
    ),
  );
  let total = 0;
  await new Promise<void>((resolve, reject) => {
    const fail = (error: unknown) => {
      zip.close();
      reject(error);
    };
    zip.on("error", (error: Error) => fail(refuseFile("unreadable", `The XLSX file cannot be read: ${error.message}`)));
    zip.on("end", () => resolve());
    zip.on("entry", (entry: yauzl.Entry) => {
      total += entry.uncompressedSize;
      const ratio = entry.compressedSize > 0 ? entry.uncompressedSize / entry.compressedSize : 0;
      if (total > MAX_XLSX_UNCOMPRESSED || (entry.uncompressedSize > 1024 * 1024 && ratio > MAX_XLSX_RATIO)) return fail(bomb());
      if (/\/$/.test(entry.fileName)) return zip.readEntry();
      zip.openReadStream(entry, (error, stream) => {
        if (error || !stream) return fail(refuseFile("unreadable", `The XLSX file cannot be read: ${error?.message ?? "unreadable entry"}`));
        let inflated = 0;
        stream.on("data", (chunk: Buffer) => {
          inflated += chunk.length;
          if (inflated > entry.uncompressedSize || inflated > MAX_XLSX_UNCOMPRESSED) {
            stream.destroy();
            fail(bomb());
          }
        });
        stream.on("error", (streamError: Error) => fail(refuseFile("unreadable", `The XLSX file cannot be read: ${streamError.message}`)));
        stream.on("end", () => zip.readEntry());
      });
    });
    zip.readEntry();
  });
}

// ───────────────────────────── common checks ─────────────────────────────

function checkedHeaders(rawHeader: string[]): string[] {
  const headers = rawHeader.map((cell) => cell.replace(/^\uFEFF/, "").trim());
  while (headers.length > 0 && headers[headers.length - 1] === "") headers.pop();
  if (headers.length === 0) throw refuseFile("empty", "The file has no header row.");
  headers.forEach((header, index) => {
    if (header === "") headers[index] = `(${index + 1})`;
  });
  const seen = new Set<string>();
  for (const header of headers) {
    if (seen.has(header)) throw refuseFile("duplicate_headers", `Two columns have the same header, "${header}": rename one.`, { header });
    seen.add(header);
  }
  return headers;
}

/** Rows with something in them, at most MAX_ROWS (413 past it). */
async function* limitedRows(rows: AsyncIterable<SheetRow>): AsyncIterable<SheetRow> {
  let count = 0;
  for await (const row of rows) {
    if (!row.cells.some((cell) => cell.trim() !== "")) continue;
    if (++count > MAX_ROWS) throw refuseFile("too_many_rows", `A file has at most ${MAX_ROWS} rows; this one has more. Split it.`);
    yield row;
  }
}
