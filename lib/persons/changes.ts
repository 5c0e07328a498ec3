import { canonicalCedula, foldText, nameTokens, parseCedula } from "../search/normalize.ts";
import type { DuplicateParams } from "./keys.ts";

/**
 * Pure helpers of the person and release forms, used in the browser and on
 * the server alike: what an edit changes, what changed under an editor's
 * feet (a stale edit), and the shape of the recording form's payload.
 */

/** A value as compared: blank text, null and empty lists are all "nothing"; numbers compare as their digits. */
export function comparable(value: unknown): string {
  if (value === undefined || value === null) return "null";
  if (typeof value === "string") return value.trim() === "" ? "null" : JSON.stringify(value.trim());
  if (typeof value === "number") return JSON.stringify(String(value));
  if (Array.isArray(value)) {
    const items = value.map((item) => String(item).trim()).filter((item) => item !== "");
    return items.length === 0 ? "null" : JSON.stringify(items);
  }
  return JSON.stringify(value);
}

/** Per-field readers that make two spellings of the same value equal (e.g. cédula formats). */
export type Normalizers<F extends string> = Partial<Record<F, (value: unknown) => unknown>>;

/** A cédula in any format → its stored form ("V12345678"); text that is not a cédula stays as typed. */
export function cedulaKey(value: unknown): unknown {
  if (typeof value !== "string") return value;
  const parsed = parseCedula(value);
  return parsed ? canonicalCedula(parsed) : value;
}

export const PERSON_NORMALIZERS = { cedula: cedulaKey } as const;

function same<F extends string>(field: F, a: unknown, b: unknown, normalizers: Normalizers<F>): boolean {
  const read = normalizers[field] ?? ((value: unknown) => value);
  return comparable(read(a)) === comparable(read(b));
}

export interface Difference<F extends string> {
  field: F;
  loaded: unknown;
  current: unknown;
}

/**
 * A stale edit: the fields whose saved value now differs from what the
 * editor loaded, in the order given, each with the value saved now.
 */
export function staleDifferences<F extends string>(
  loaded: Partial<Record<F, unknown>>,
  current: Partial<Record<F, unknown>>,
  fields: readonly F[],
  normalizers: Normalizers<F> = {},
): Difference<F>[] {
  return fields
    .filter((field) => field in current && !same(field, loaded[field], current[field], normalizers))
    .map((field) => ({ field, loaded: loaded[field] ?? null, current: current[field] ?? null }));
}

/**
 * What an edit changes: each typed field that differs from what was loaded.
 * A cleared field becomes null (so the server clears it); blank text is trimmed away.
 */
export function changedFields<F extends string>(
  loaded: Partial<Record<F, unknown>>,
  typed: Partial<Record<F, unknown>>,
  fields: readonly F[],
  normalizers: Normalizers<F> = {},
): Partial<Record<F, unknown>> {
  const out: Partial<Record<F, unknown>> = {};
  for (const field of fields) {
    if (!(field in typed)) continue;
    const value = typed[field];
    if (same(field, loaded[field], value, normalizers)) continue;
    if (typeof value === "string") out[field] = value.trim() === "" ? null : value.trim();
    else if (Array.isArray(value)) out[field] = value.map((item) => String(item).trim()).filter((item) => item !== "");
    else out[field] = value ?? null;
  }
  return out;
}

/** "una línea\notra" → ["una línea", "otra"]: the other spellings textarea. */
export function linesOf(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== "");
}

/**
 * Form entries named "group.field" → { group: { field: value } }, for the
 * groups asked for. Blank text is left out (optional means optional); files
 * are left out (they travel separately).
 */
export function groupedFormObject<G extends string>(
  entries: Iterable<[string, FormDataEntryValue]>,
  groups: readonly G[],
): Partial<Record<G, Record<string, string>>> {
  const out: Record<string, Record<string, string>> = {};
  for (const [name, value] of entries) {
    if (typeof value !== "string" || value.trim() === "") continue;
    const dot = name.indexOf(".");
    if (dot < 0) continue;
    const group = name.slice(0, dot);
    if (!(groups as readonly string[]).includes(group)) continue;
    (out[group] ??= {})[name.slice(dot + 1)] = value;
  }
  return out as Partial<Record<G, Record<string, string>>>;
}

/**
 * Whether what has been typed is enough to look for duplicates (the server
 * answers nothing for less): a cédula, or a name of at least four letters
 * with a word of two or more.
 */
export function duplicateQueryIsUsable(params: DuplicateParams): boolean {
  if (params.cedula.trim() !== "" && parseCedula(params.cedula) !== null) return true;
  const name = foldText(`${params.givenNames} ${params.surnames}`);
  return name.length >= 4 && nameTokens(name).some((word) => word.length >= 2);
}
