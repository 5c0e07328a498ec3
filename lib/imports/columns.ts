import { foldText } from "../search/normalize.ts";

/**
 * The columns of a people import (API.md "POST /api/v1/imports"), and the
 * headers NGOs' own spreadsheets use for them. A file's headers are mapped to
 * these columns: by their API.md names, by a known alias, or by a mapping the
 * moderator chose (remembered per organization, keyed by the file's headers).
 */
export const IMPORT_COLUMNS = [
  "external_id",
  "given_names",
  "surnames",
  "cedula",
  "sex",
  "nationality",
  "birth_year",
  "home_state",
  "arrested_on",
  "facility",
  "released_on",
  "release_conditions",
  "disclosure",
  "notes",
] as const;

export type ImportColumn = (typeof IMPORT_COLUMNS)[number];

/** Columns a row cannot do without. */
export const REQUIRED_COLUMNS: readonly ImportColumn[] = ["external_id", "given_names", "surnames"];

/** A header mapped to a column, or to nothing (ignored, reported as unknown). */
export type ColumnMapping = Record<string, ImportColumn | null>;

const ALIASES: Record<ImportColumn, readonly string[]> = {
  external_id: ["external id", "external ref", "id externo", "id", "codigo", "código", "nro", "numero", "número", "ref", "referencia", "expediente"],
  given_names: ["given name", "first name", "first names", "nombre", "nombres", "primer nombre"],
  surnames: ["surname", "last name", "last names", "family name", "apellido", "apellidos"],
  cedula: ["cédula", "cedula de identidad", "cédula de identidad", "ci", "c i", "c.i.", "documento", "identificacion", "identificación", "dni"],
  sex: ["sexo", "genero", "género", "gender"],
  nationality: ["nacionalidad", "pais", "país", "country"],
  birth_year: ["birth year", "year of birth", "año de nacimiento", "ano de nacimiento", "nacimiento", "año nacimiento"],
  home_state: ["state", "estado", "home state", "estado de residencia", "entidad"],
  arrested_on: ["arrested", "arrest date", "detained on", "fecha de detencion", "fecha de detención", "detencion", "detención", "fecha detencion"],
  facility: ["centro", "centro de reclusion", "centro de reclusión", "carcel", "cárcel", "prison", "lugar de reclusion", "lugar de reclusión", "reclusion"],
  released_on: ["released", "release date", "fecha de excarcelacion", "fecha de excarcelación", "excarcelacion", "excarcelación", "fecha de liberacion", "fecha de liberación", "liberacion", "liberación", "fecha excarcelacion"],
  release_conditions: ["conditions", "condiciones", "condicion", "condición", "medida", "medidas", "regimen", "régimen"],
  disclosure: ["divulgacion", "divulgación", "publicacion", "publicación", "visibilidad", "consent", "consentimiento"],
  notes: ["note", "notas", "nota", "observaciones", "observacion", "observación", "comentarios"],
};

/** A header as compared: case, accents, punctuation and spacing folded. */
export function headerKey(header: string): string {
  return foldText(header).replace(/[^a-z0-9]+/g, " ").trim();
}

const KNOWN = new Map<string, ImportColumn>();
for (const column of IMPORT_COLUMNS) {
  KNOWN.set(headerKey(column), column);
  for (const alias of ALIASES[column]) KNOWN.set(headerKey(alias), column);
}

/** The column a header names on its own, or null. */
export function columnOfHeader(header: string): ImportColumn | null {
  return KNOWN.get(headerKey(header)) ?? null;
}

/** The mapping a file's headers suggest; a column claimed by two headers goes to the first. */
export function suggestedMapping(headers: readonly string[]): ColumnMapping {
  const taken = new Set<ImportColumn>();
  const mapping: ColumnMapping = {};
  for (const header of headers) {
    const column = columnOfHeader(header);
    mapping[header] = column && !taken.has(column) ? column : null;
    if (column) taken.add(column);
  }
  return mapping;
}

/** What identifies a file's layout, for remembering its mapping: its headers, folded, in order. */
export function headerSignature(headers: readonly string[]): string {
  return headers.map(headerKey).join("|");
}

export interface MappingProblems {
  /** Required columns no header maps to. */
  missing: ImportColumn[];
  /** Columns two headers map to. */
  repeated: ImportColumn[];
  /** Headers mapped to nothing. */
  unknown: string[];
}

export function mappingProblems(headers: readonly string[], mapping: ColumnMapping): MappingProblems {
  const seen = new Map<ImportColumn, number>();
  const unknown: string[] = [];
  for (const header of headers) {
    const column = mapping[header] ?? null;
    if (column) seen.set(column, (seen.get(column) ?? 0) + 1);
    else unknown.push(header);
  }
  return {
    missing: REQUIRED_COLUMNS.filter((column) => !seen.has(column)),
    repeated: [...seen].filter(([, count]) => count > 1).map(([column]) => column),
    unknown,
  };
}

/** A mapping given by a caller, kept to this file's headers and known columns. */
export function completeMapping(headers: readonly string[], given: Record<string, string | null> | undefined): ColumnMapping {
  const suggested = suggestedMapping(headers);
  if (!given) return suggested;
  const mapping: ColumnMapping = {};
  for (const header of headers) {
    if (header in given) {
      const column = given[header];
      mapping[header] = column && (IMPORT_COLUMNS as readonly string[]).includes(column) ? (column as ImportColumn) : null;
    } else mapping[header] = suggested[header] ?? null;
  }
  return mapping;
}
