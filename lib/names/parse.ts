import { createHash } from "node:crypto";
import { parse as parseCsv } from "csv-parse/sync";
import { AppError } from "../errors.ts";
import { canonicalCedula, foldText, parseCedula } from "../search/normalize.ts";
import { IDENTIFIER_MAX_LENGTH, NAME_LIST_MAX_LINES, NAME_MAX_LENGTH, ROW_MESSAGES } from "./limits.ts";

/**
 * Reading a name list published with an announcement (API.md "POST
 * /api/v1/announcements/{id}/names"): the bytes as sent, in whatever encoding
 * an official spreadsheet or a pasted page came in, to numbered lines of a
 * name and, when printed, an identifier. Pure: nothing is written here.
 *
 * - text/csv: a header row, then one line per person; a column `name` (or
 *   `nombre`, `apellidos y nombres`…) and optionally `cedula` (or `cédula`,
 *   `ci`…). Comma, semicolon or tab, whichever the header uses; quoted fields
 *   as CSV says (csv-parse).
 * - text/plain: one name a line, blank lines ignored; a list number in front
 *   ("12.", "12)") is dropped, and a cédula written before or after the name
 *   ("V-12.345.678", "C.I. 12345678") is taken as its identifier.
 *
 * Bytes are UTF-8 (a BOM is dropped) or, when they are not valid UTF-8,
 * Windows-1252 — what Excel on Windows saves as "CSV" — which also reads
 * Latin-1. UTF-16 with its BOM (Excel's "Unicode text") is read too.
 */

export { IDENTIFIER_MAX_LENGTH, NAME_LIST_MAX_BYTES, NAME_LIST_MAX_LINES, NAME_MAX_LENGTH, ROW_MESSAGES } from "./limits.ts";

export type NameListType = "csv" | "plain";

export interface ParsedLine {
  /** Line of the file (1 = the first line; in a CSV, the header). */
  row: number;
  nameAsPrinted: string;
  identifierAsPrinted: string | null;
}

export interface RowProblem {
  row: number;
  column: string;
  message: string;
}

export interface ParsedList {
  lines: ParsedLine[];
  /** Lines skipped, and unknown columns (reported, not fatal). */
  problems: RowProblem[];
}

/** Why a whole list is refused: `details.reason` of the error, for the screens to say it in the user's language. */
export type ListRefusal = "empty" | "only_header" | "binary" | "no_name_column" | "unreadable_csv" | "too_many_lines" | "no_names";


function refuse(reason: ListRefusal, message: string): AppError {
  if (reason === "too_many_lines") {
    return new AppError("too_large", message, { details: { reason, limitLines: NAME_LIST_MAX_LINES } });
  }
  return new AppError("unprocessable", message, { details: { reason } });
}

// ───────────────────────────── bytes → text ─────────────────────────────

/** Control characters that never belong in a list of names (tab, line breaks and form feed aside). */
const CONTROL = /[\u0000-\u0008\u000b\u000e-\u001f\u007f]/gu;

/**
 * The text of the bytes: UTF-16 when it starts with its BOM; else UTF-8 (BOM
 * dropped) when the bytes are valid UTF-8; else Windows-1252. Binary content
 * (NUL bytes, control characters) is refused with a 422.
 */
export function decodeListBytes(bytes: Uint8Array): string {
  let text: string;
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) text = new TextDecoder("utf-16le").decode(bytes);
  else if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) text = new TextDecoder("utf-16be").decode(bytes);
  else {
    try {
      // fatal: any byte sequence that is not UTF-8 throws; the BOM is dropped (ignoreBOM false).
      text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
    } catch {
      text = windows1252(new TextDecoder("windows-1252").decode(bytes));
    }
  }
  const controls = text.match(CONTROL)?.length ?? 0;
  if (text.includes("\u0000") || controls > Math.max(2, text.length / 1000)) {
    throw refuse("binary", "This is not a text file: send the list as CSV (text/csv) or as plain text (text/plain), one name a line.");
  }
  return text.replace(CONTROL, " ").normalize("NFC");
}

/** What Windows-1252 puts at 0x80–0x9F (where Latin-1 has control characters); 0x81, 0x8D, 0x8F, 0x90 and 0x9D are unused. */
const WINDOWS_1252_HIGH = "€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ";

/**
 * Node 20's TextDecoder decodes "windows-1252" as Latin-1 (bytes 0x80–0x9F
 * become C1 control characters; fixed in later Node versions): map them to
 * the characters Windows-1252 means. Idempotent on text already right.
 */
function windows1252(text: string): string {
  return text.replace(/[\u0080-\u009f]/g, (c) => WINDOWS_1252_HIGH[c.charCodeAt(0) - 0x80]!);
}

// ───────────────────────────── text → lines ─────────────────────────────

export function parseNameList(bytes: Uint8Array, type: NameListType): ParsedList {
  const text = decodeListBytes(bytes);
  if (text.trim() === "") throw refuse("empty", "The list is empty: there are no names in it.");
  const parsed = type === "csv" ? parseCsvList(text) : parsePlainList(text);
  if (parsed.lines.length > NAME_LIST_MAX_LINES) {
    throw refuse("too_many_lines", `A list has at most ${NAME_LIST_MAX_LINES} names; this one has ${parsed.lines.length}.`);
  }
  if (parsed.lines.length === 0) {
    throw refuse("no_names", "No line of the list has a name that can be read.");
  }
  return parsed;
}

/** Words a CSV header (or the first line of a pasted list) may use for the name and for the identifier, folded. */
const NAME_HEADERS = new Set([
  "name",
  "names",
  "full name",
  "nombre",
  "nombres",
  "nombre completo",
  "nombres y apellidos",
  "apellidos y nombres",
  "apellido y nombre",
  "nombre y apellido",
  "apellidos nombres",
  "nombres apellidos",
  "persona",
]);
const IDENTIFIER_HEADERS = new Set([
  "cedula",
  "cedula de identidad",
  "ci",
  "c i",
  "id",
  "identificacion",
  "identifier",
  "documento",
  "nro cedula",
  "numero de cedula",
  "n cedula",
]);
/** Columns that say only the line's number: not reported as unknown. */
const NUMBER_HEADERS = new Set(["n", "no", "nro", "numero", "num", "item", "position", "posicion", "", "n o"]);

const DELIMITERS = [",", ";", "\t"] as const;

function readCsv(text: string, delimiter: string, options: { toLine?: number } = {}): { record: string[]; info: { lines: number } }[] {
  return parseCsv(text, {
    delimiter,
    bom: true,
    info: true,
    relax_column_count: true,
    relax_quotes: true,
    skip_empty_lines: true,
    skip_records_with_empty_values: true,
    trim: true,
    ...(options.toLine ? { to_line: options.toLine } : {}),
  }) as unknown as { record: string[]; info: { lines: number } }[];
}

/** The separator the header uses: the one that cuts it into the most columns (comma when it is one column). */
function detectDelimiter(text: string): string {
  let best: string = DELIMITERS[0];
  let most = 1;
  for (const delimiter of DELIMITERS) {
    try {
      const columns = readCsv(text, delimiter, { toLine: 1 })[0]?.record.length ?? 0;
      if (columns > most) {
        best = delimiter;
        most = columns;
      }
    } catch {
      // This separator does not read the header: try the next.
    }
  }
  if (most > 1) return best;
  // One column: the separator the names themselves use least, so that "PÉREZ, JOSÉ" stays one name.
  const counts = DELIMITERS.map((delimiter) => text.split(delimiter).length);
  return DELIMITERS[counts.indexOf(Math.min(...counts))]!;
}

function parseCsvList(text: string): ParsedList {
  const delimiter = detectDelimiter(text);
  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = readCsv(text, delimiter);
  } catch (error) {
    throw refuse("unreadable_csv", `The CSV cannot be read: ${(error as Error).message}`);
  }
  const [header, ...rows] = records;
  if (!header) throw refuse("empty", "The list is empty: there are no names in it.");
  const folded = header.record.map((cell) => foldText(cell));
  const nameColumn = folded.findIndex((cell) => NAME_HEADERS.has(cell));
  if (nameColumn < 0) {
    throw refuse(
      "no_name_column",
      'The first row of a CSV names its columns: one must be "name" (or "nombre"); "cedula" is optional.',
    );
  }
  const identifierColumn = folded.findIndex((cell, index) => index !== nameColumn && IDENTIFIER_HEADERS.has(cell));
  if (rows.length === 0) throw refuse("only_header", "The list has only its header row: there are no names in it.");

  const problems: RowProblem[] = [];
  folded.forEach((cell, index) => {
    if (index === nameColumn || index === identifierColumn || NUMBER_HEADERS.has(cell)) return;
    problems.push({ row: header.info.lines, column: header.record[index]!, message: ROW_MESSAGES.unknownColumn });
  });
  const lines: ParsedLine[] = [];
  for (const { record, info } of rows) {
    const name = record[nameColumn] ?? "";
    const identifier = identifierColumn >= 0 ? (record[identifierColumn] ?? "") : "";
    if (name.trim() === "" && identifier.trim() === "") continue;
    const line = checkedLine(info.lines, name, identifier, problems, identifierColumn >= 0 ? header.record[identifierColumn]! : "cedula");
    if (line) lines.push(line);
  }
  return { lines, problems };
}

/** "C.I. V-12.345.678", "V12345678", "12.345.678": a cédula as lists print it. */
const CEDULA_TOKEN = String.raw`(?:c\.?\s?i\.?\s*(?:n[°º.]?\s*)?:?\s*)?(?:[ve]\s?[-.]?\s?)?\d{1,3}(?:[.,\s]?\d{3}){1,2}`;
const CEDULA_AT_END = new RegExp(String.raw`^(.*?\p{L}.*?)[\s,;:\-–(]+(${CEDULA_TOKEN})\)?\.?$`, "iu");
const CEDULA_AT_START = new RegExp(String.raw`^(${CEDULA_TOKEN})[\s,;:\-–)]+(.*\p{L}.*)$`, "iu");
/** "12.", "12)", "12 -", "Nº 12:" before the name (at most four digits: a cédula has more). */
const LIST_NUMBER = /^(?:n[°º.]?\s*)?\d{1,4}\s*[.):\-–]\s*(?=\S)|^\d{1,4}\s+(?=\p{L})/iu;

/** The cédula of a token ("C.I. V-12.345.678" → "V-12.345.678"), or null when it is not one. */
function cedulaText(token: string): string | null {
  const bare = token.replace(/^c\.?\s?i\.?\s*(?:n[°º.]?\s*)?:?\s*/iu, "").trim();
  return parseCedula(bare.replace(/,/g, ".")) ? bare : null;
}

function parsePlainList(text: string): ParsedList {
  const problems: RowProblem[] = [];
  const lines: ParsedLine[] = [];
  let firstWritten = true;
  text.split(/\r\n|\n|\r/).forEach((raw, index) => {
    const row = index + 1;
    let content = raw.trim();
    if (content === "") return;
    // A pasted list may start with its heading ("APELLIDOS Y NOMBRES"): not a name.
    if (firstWritten) {
      firstWritten = false;
      const cells = content.split(/\t|;/).map((cell) => foldText(cell));
      if (cells.every((cell) => NAME_HEADERS.has(cell) || IDENTIFIER_HEADERS.has(cell) || NUMBER_HEADERS.has(cell))) return;
    }
    let name = content;
    let identifier = "";
    if (content.includes("\t")) {
      // Cells copied from a spreadsheet: the cell with letters is the name, a cell that is a cédula its identifier.
      const cells = content.split("\t").map((cell) => cell.trim());
      name = cells.find((cell) => /\p{L}/u.test(cell) && !cedulaText(cell)) ?? "";
      identifier = cells.map((cell) => cedulaText(cell)).find((cell) => cell !== null) ?? "";
      if (!name) name = cells.find((cell) => cell !== "" && cell !== identifier) ?? "";
    } else {
      content = content.replace(LIST_NUMBER, "");
      const atEnd = CEDULA_AT_END.exec(content);
      const atStart = atEnd ? null : CEDULA_AT_START.exec(content);
      const found = atEnd ? { name: atEnd[1]!, token: atEnd[2]! } : atStart ? { name: atStart[2]!, token: atStart[1]! } : null;
      const cedula = found ? cedulaText(found.token) : null;
      if (found && cedula) {
        name = found.name.replace(LIST_NUMBER, "");
        identifier = cedula;
      } else {
        name = content;
      }
    }
    const line = checkedLine(row, name, identifier, problems, "cedula");
    if (line) lines.push(line);
  });
  return { lines, problems };
}

/** A line as kept (spaces tidied, trailing punctuation of a pasted list dropped), or null with its problem noted. */
function checkedLine(row: number, name: string, identifier: string, problems: RowProblem[], identifierColumn: string): ParsedLine | null {
  const tidyName = name.replace(/\s+/g, " ").replace(/^[\s,;:.\-–]+|[\s,;:\-–]+$/g, "").trim();
  const tidyIdentifier = identifier.replace(/\s+/g, " ").trim();
  if (tidyName.length > NAME_MAX_LENGTH) {
    problems.push({ row, column: "name", message: ROW_MESSAGES.tooLong });
    return null;
  }
  if (!/\p{L}/u.test(tidyName)) {
    problems.push({ row, column: "name", message: ROW_MESSAGES.noLetters });
    return null;
  }
  if (tidyIdentifier.length > IDENTIFIER_MAX_LENGTH) {
    problems.push({ row, column: identifierColumn, message: ROW_MESSAGES.identifierTooLong });
    return null;
  }
  return { row, nameAsPrinted: tidyName, identifierAsPrinted: tidyIdentifier === "" ? null : tidyIdentifier };
}

// ───────────────────────────── line keys ─────────────────────────────

/** The folded name of a line, as stored (AnnouncedName.normalizedName) and searched. */
export function normalizedPrintedName(nameAsPrinted: string): string {
  return foldText(nameAsPrinted);
}

/** A printed identifier's canonical form: "V12345678" for a cédula, else its folded text; "" when none. */
export function canonicalIdentifier(identifierAsPrinted: string | null): string {
  if (!identifierAsPrinted) return "";
  const cedula = parseCedula(identifierAsPrinted.replace(/,/g, "."));
  return cedula ? canonicalCedula(cedula) : foldText(identifierAsPrinted);
}

/**
 * What makes a line the same line when a list is loaded again: the SHA-256 of
 * its folded name, its canonical identifier and which occurrence of that pair
 * it is in the list (two people of the same name, printed without cédula, are
 * two lines; loading the list again, re-encoded or reordered, gives the same
 * keys). AnnouncedName is unique on (announcementId, lineKey).
 */
export function lineKeyOf(nameAsPrinted: string, identifierAsPrinted: string | null, occurrence: number): string {
  const parts = [normalizedPrintedName(nameAsPrinted), canonicalIdentifier(identifierAsPrinted), String(occurrence)];
  return createHash("sha256").update(parts.join("\u0000"), "utf8").digest("hex");
}

export interface KeyedLine extends ParsedLine {
  lineKey: string;
  normalizedName: string;
}

/** Each line with its key; the nth line of the same name and identifier is its nth occurrence. */
export function keyLines(lines: readonly ParsedLine[]): KeyedLine[] {
  const seen = new Map<string, number>();
  return lines.map((line) => {
    const base = `${normalizedPrintedName(line.nameAsPrinted)}\u0000${canonicalIdentifier(line.identifierAsPrinted)}`;
    const occurrence = (seen.get(base) ?? 0) + 1;
    seen.set(base, occurrence);
    return { ...line, lineKey: lineKeyOf(line.nameAsPrinted, line.identifierAsPrinted, occurrence), normalizedName: normalizedPrintedName(line.nameAsPrinted) };
  });
}

/** The list type of a request's Content-Type, or null for a type that is not a list. */
export function listTypeOf(contentType: string | null): NameListType | null {
  const type = (contentType ?? "").split(";")[0]!.trim().toLowerCase();
  if (type === "text/csv" || type === "text/tab-separated-values" || type === "application/csv") return "csv";
  if (type === "text/plain") return "plain";
  return null;
}
