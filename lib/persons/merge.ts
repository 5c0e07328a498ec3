import { MERGEABLE_FIELDS, type MergeableField } from "./schema.ts";

/**
 * Pure helpers of the merge screen (/fusionar): which record survives by
 * default, which value each field keeps by default, and what the merge
 * request says. The merge itself is lib/persons/mutations.ts `mergePersons`.
 *
 * The two records are called "a" and "b" as they appear side by side; either
 * may be the survivor.
 */
export type MergeSide = "a" | "b";

export const otherSide = (side: MergeSide): MergeSide => (side === "a" ? "b" : "a");

export type MergeValues = Record<MergeableField, unknown>;

/** The older record survives by default (it is the one others have linked to longest); ties go by id. */
export function defaultSurvivor(a: { id: string; createdAt: Date | string }, b: { id: string; createdAt: Date | string }): MergeSide {
  const at = new Date(a.createdAt).getTime();
  const bt = new Date(b.createdAt).getTime();
  if (at !== bt) return at < bt ? "a" : "b";
  return a.id <= b.id ? "a" : "b";
}

/** A value that says nothing: absent, blank, an empty list, or a sex recorded as unknown. */
export function isEmptyValue(field: MergeableField, value: unknown): boolean {
  if (value === null || value === undefined) return true;
  if (typeof value === "string") return value.trim() === "" || (field === "sex" && value === "unknown");
  if (Array.isArray(value)) return value.length === 0;
  return false;
}

/** Equal for the purpose of a merge: blanks are equal to each other, spacing around and between words ignored. */
export function sameValue(field: MergeableField, a: unknown, b: unknown): boolean {
  if (isEmptyValue(field, a) && isEmptyValue(field, b)) return true;
  const tidy = (value: unknown) => (typeof value === "string" ? value.replace(/\s+/g, " ").trim() : value);
  return JSON.stringify(tidy(a)) === JSON.stringify(tidy(b));
}

/** Disclosure levels from the most open to the most protective (DESIGN.md rule 4). */
const DISCLOSURE_ORDER = ["public", "initials", "withheld"];
const protection = (value: unknown) => {
  const index = DISCLOSURE_ORDER.indexOf(String(value));
  return index === -1 ? DISCLOSURE_ORDER.length : index;
};

export interface MergeRow {
  field: MergeableField;
  a: unknown;
  b: unknown;
  /** Both records say the same: nothing to choose. */
  equal: boolean;
  /** The side whose value is preselected. */
  defaultSide: MergeSide;
  /**
   * The value cannot move across: an organization's own reference stays with
   * the record of that organization (mergePersons keeps it there).
   */
  locked: boolean;
}

/**
 * The field-by-field comparison, with each row's default: the survivor's
 * value, or the other's when the survivor's is empty. Disclosure defaults to
 * the more protective of the two, so that a family's request for initials or
 * anonymity made on one record is not lost by merging it.
 */
export function mergeRows(
  a: MergeValues,
  b: MergeValues,
  survivor: MergeSide,
  options: { sameOrganization: boolean } = { sameOrganization: true },
): MergeRow[] {
  const values = { a, b };
  const other = otherSide(survivor);
  return MERGEABLE_FIELDS.map((field) => {
    const kept = values[survivor][field];
    const offered = values[other][field];
    const equal = sameValue(field, kept, offered);
    const locked = field === "externalRef" && !options.sameOrganization && !equal;
    let defaultSide: MergeSide = survivor;
    if (!equal && !locked) {
      if (field === "disclosure") defaultSide = protection(offered) > protection(kept) ? other : survivor;
      else if (isEmptyValue(field, kept) && !isEmptyValue(field, offered)) defaultSide = other;
    }
    return { field, a: a[field], b: b[field], equal, defaultSide, locked };
  });
}

/** The side each row ends up with: the person's choice where they made one, else the default. */
export function chosenSide(row: MergeRow, choices: Partial<Record<MergeableField, MergeSide>>, survivor: MergeSide): MergeSide {
  if (row.equal || row.locked) return survivor;
  return choices[row.field] ?? row.defaultSide;
}

/** The fields whose value comes from the record that does not survive: `takeFromMerged` of the merge request. */
export function takeFromMerged(
  rows: readonly MergeRow[],
  choices: Partial<Record<MergeableField, MergeSide>>,
  survivor: MergeSide,
): MergeableField[] {
  return rows.filter((row) => chosenSide(row, choices, survivor) !== survivor).map((row) => row.field);
}
