import { isRealDay, todayInCaracas } from "../dates.ts";
import { canonicalCedula, foldText, parseCedula } from "../search/normalize.ts";
import type { ColumnMapping, ImportColumn } from "./columns.ts";
import { MAX_CELL_CHARS, type SheetRow } from "./read.ts";

/**
 * One spreadsheet row → what it says about a person and their release, or the
 * reasons it cannot be loaded, each with its column. Pure, and the same for a
 * dry run and a real one. A blank cell means "not given": it never clears
 * what is on record.
 */

export interface ImportRecord {
  externalId: string;
  givenNames: string;
  surnames: string;
  cedula: string | null;
  sex: "female" | "male" | "other" | "unknown" | null;
  nationality: string | null;
  birthYear: number | null;
  homeState: string | null;
  arrestedOn: string | null;
  facility: string | null;
  /** "2026-01-12", or "2026-01" when only the month is known. */
  releasedOn: string | null;
  conditions: "full" | "conditional" | "house_arrest" | "expelled" | "unknown" | null;
  disclosure: "public" | "initials" | "withheld" | null;
  notes: string | null;
}

/** Why a cell is refused: `code` for the screens to say it in the user's language, `message` for the API. */
export interface CellProblem {
  column: ImportColumn | string;
  code: RowProblemCode;
  message: string;
}

export type RowProblemCode =
  | "required"
  | "too_long"
  | "bad_cedula"
  | "bad_sex"
  | "bad_nationality"
  | "bad_year"
  | "bad_date"
  | "impossible_date"
  | "future_date"
  | "bad_conditions"
  | "bad_disclosure"
  | "no_letters"
  | "repeated_external_id"
  | "released_before_arrest";

const LIMITS: Partial<Record<ImportColumn, number>> = {
  external_id: 100,
  given_names: 200,
  surnames: 200,
  home_state: 80,
  facility: 200,
  notes: 5000,
};

export interface ValidatedRow {
  row: number;
  record: ImportRecord | null;
  problems: CellProblem[];
}

/** The cells of a row by column, through the mapping (headers mapped to nothing are left out). */
export function cellsByColumn(headers: readonly string[], mapping: ColumnMapping, cells: readonly string[]): Partial<Record<ImportColumn, string>> {
  const out: Partial<Record<ImportColumn, string>> = {};
  headers.forEach((header, index) => {
    const column = mapping[header];
    if (column) out[column] = (cells[index] ?? "").replace(/\s+/g, " ").trim();
  });
  return out;
}

export function validateRow(row: SheetRow, headers: readonly string[], mapping: ColumnMapping, today = todayInCaracas()): ValidatedRow {
  const cells = cellsByColumn(headers, mapping, row.cells);
  const problems: CellProblem[] = [];
  const problem = (column: ImportColumn, code: RowProblemCode, message: string) => {
    problems.push({ column, code, message });
    return null;
  };
  const text = (column: ImportColumn): string | null => {
    const value = cells[column] ?? "";
    if (value === "") return null;
    const limit = Math.min(LIMITS[column] ?? 200, MAX_CELL_CHARS);
    if (value.length > limit) return problem(column, "too_long", `At most ${limit} characters (this cell has ${value.length}).`);
    return value;
  };
  const required = (column: ImportColumn, what: string): string | null => {
    const value = text(column);
    if (value === null && !problems.some((p) => p.column === column)) return problem(column, "required", `${what} is required.`);
    return value;
  };

  const externalId = required("external_id", "external_id");
  const givenNames = required("given_names", "Given names");
  const surnames = required("surnames", "Surnames");
  if (givenNames !== null && !/\p{L}/u.test(givenNames)) problem("given_names", "no_letters", "Given names must contain letters.");
  if (surnames !== null && !/\p{L}/u.test(surnames)) problem("surnames", "no_letters", "Surnames must contain letters.");

  const cedulaText = text("cedula");
  let cedula: string | null = null;
  if (cedulaText !== null) {
    const parsed = parseCedula(cedulaText);
    if (parsed) cedula = canonicalCedula(parsed);
    else problem("cedula", "bad_cedula", "Not a cédula: digits, with V- or E- in front if known (V-12.345.678).");
  }

  const sex = enumCell(cells.sex, SEX_WORDS, () => problem("sex", "bad_sex", "Sex: female, male, other or unknown (F/M)."));
  const nationality = nationalityOf(cells.nationality, () =>
    problem("nationality", "bad_nationality", "Nationality: a two-letter country code (ISO 3166-1), e.g. VE."),
  );
  const birthYear = yearOf(cells.birth_year, today, () => problem("birth_year", "bad_year", `Birth year: four digits, from 1900 to ${today.slice(0, 4)}.`));
  const homeState = text("home_state");
  const facility = text("facility");

  const arrestedOn = dateCell("arrested_on", cells.arrested_on, today, false, problem);
  const releasedOn = dateCell("released_on", cells.released_on, today, true, problem);
  if (arrestedOn && releasedOn && releasedOn.length === 10 && releasedOn < arrestedOn) {
    problem("released_on", "released_before_arrest", "The release date is before the arrest date.");
  }
  const conditions = enumCell(cells.release_conditions, CONDITION_WORDS, () =>
    problem("release_conditions", "bad_conditions", "Conditions: full, conditional, house_arrest, expelled or unknown."),
  );
  const disclosure = enumCell(cells.disclosure, DISCLOSURE_WORDS, () =>
    problem("disclosure", "bad_disclosure", "Disclosure: public, initials or withheld."),
  );
  const notes = text("notes");

  if (problems.length > 0 || externalId === null || givenNames === null || surnames === null) return { row: row.row, record: null, problems };
  return {
    row: row.row,
    record: {
      externalId,
      givenNames,
      surnames,
      cedula,
      sex,
      nationality,
      birthYear,
      homeState,
      arrestedOn,
      facility,
      releasedOn,
      conditions,
      disclosure,
      notes,
    },
    problems,
  };
}

// ───────────────────────────── dates ─────────────────────────────

/**
 * A date as NGOs write it: 2026-01-12, 12/01/2026, 12-01-2026, 12.01.2026
 * (day first, as in Venezuela), and — where a month is enough — 2026-01 or
 * 01/2026. Returns YYYY-MM-DD or YYYY-MM; `null` for a blank cell; a string
 * starting with "!" names the problem.
 */
export function parseDateCell(value: string, allowMonth: boolean): string | null | `!${"bad" | "impossible"}` {
  const text = value.trim();
  if (text === "") return null;
  let match = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ].*)?$/.exec(text);
  if (match) return dayOf(match[1]!, match[2]!, match[3]!);
  match = /^(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{4})$/.exec(text);
  if (match) return dayOf(match[3]!, match[2]!, match[1]!);
  if (allowMonth) {
    match = /^(\d{4})-(\d{1,2})$/.exec(text) ?? null;
    if (match) return monthOf(match[1]!, match[2]!);
    match = /^(\d{1,2})[/.\-](\d{4})$/.exec(text);
    if (match) return monthOf(match[2]!, match[1]!);
  }
  return "!bad";
}

function dayOf(year: string, month: string, day: string): string | "!impossible" {
  const iso = `${year}-${month.padStart(2, "0")}-${day.padStart(2, "0")}`;
  return isRealDay(iso) ? iso : "!impossible";
}

function monthOf(year: string, month: string): string | "!impossible" {
  const number = Number(month);
  return number >= 1 && number <= 12 ? `${year}-${month.padStart(2, "0")}` : "!impossible";
}

function dateCell(
  column: "arrested_on" | "released_on",
  value: string | undefined,
  today: string,
  allowMonth: boolean,
  problem: (column: ImportColumn, code: RowProblemCode, message: string) => null,
): string | null {
  const parsed = parseDateCell(value ?? "", allowMonth);
  if (parsed === null) return null;
  const formats = allowMonth ? "YYYY-MM-DD, dd/mm/yyyy, or YYYY-MM when only the month is known" : "YYYY-MM-DD or dd/mm/yyyy";
  if (parsed === "!bad") return problem(column, "bad_date", `Not a date: use ${formats}.`);
  if (parsed === "!impossible") return problem(column, "impossible_date", `"${value}" is not a real date.`);
  if (parsed < "1990-01") return problem(column, "impossible_date", "Dates before 1990 are not accepted.");
  if (parsed.length === 7 ? parsed > today.slice(0, 7) : parsed > today) return problem(column, "future_date", "The date is in the future.");
  return parsed;
}

// ───────────────────────────── words ─────────────────────────────

const SEX_WORDS = {
  female: ["female", "f", "femenino", "mujer", "fem"],
  male: ["male", "m", "masculino", "hombre", "masc"],
  other: ["other", "otro", "otra", "x"],
  unknown: ["unknown", "desconocido", "desconocida", "nd", "n d", "s i", "sin informacion"],
} as const;

const CONDITION_WORDS = {
  full: ["full", "plena", "completa", "libertad plena", "total", "sin condiciones"],
  conditional: ["conditional", "condicional", "medidas cautelares", "medida cautelar", "cautelar", "regimen de presentacion", "presentacion"],
  house_arrest: ["house arrest", "house_arrest", "casa por carcel", "arresto domiciliario", "domiciliaria", "arresto"],
  expelled: ["expelled", "expulsado", "expulsada", "expulsion", "deportado", "deportada", "deportacion"],
  unknown: ["unknown", "desconocida", "desconocido", "nd", "sin informacion"],
} as const;

const DISCLOSURE_WORDS = {
  public: ["public", "publica", "publico", "si", "yes"],
  initials: ["initials", "iniciales", "inicial"],
  withheld: ["withheld", "reservada", "reservado", "oculta", "oculto", "privada", "privado", "no"],
} as const;

function enumCell<T extends string>(value: string | undefined, words: Record<T, readonly string[]>, bad: () => null): T | null {
  if (!value) return null;
  const folded = foldText(value).replace(/_/g, " ");
  for (const [key, list] of Object.entries(words) as [T, readonly string[]][]) {
    if (list.some((word) => foldText(word).replace(/_/g, " ") === folded)) return key;
  }
  return bad();
}

const VENEZUELA = new Set(["venezuela", "venezolana", "venezolano", "ven"]);

function nationalityOf(value: string | undefined, bad: () => null): string | null {
  if (!value) return null;
  const folded = foldText(value);
  if (VENEZUELA.has(folded)) return "VE";
  if (/^[a-z]{2}$/.test(folded)) return folded.toUpperCase();
  return bad();
}

function yearOf(value: string | undefined, today: string, bad: () => null): number | null {
  if (!value) return null;
  if (!/^\d{4}$/.test(value.trim())) return bad();
  const year = Number(value);
  return year >= 1900 && year <= Number(today.slice(0, 4)) ? year : bad();
}
