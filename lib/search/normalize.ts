/**
 * Name and cédula normalisation shared by storage (Person.normalizedName,
 * nameTokens) and queries, so that both sides fold text the same way.
 * Case, accents and ñ are folded; punctuation and extra spaces dropped.
 */
export function foldText(text: string): string {
  return text
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "") // combining marks: accents, and the tilde of ñ
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, " ")
    .trim();
}

/** Words of a name, folded, in the order written. */
export function nameTokens(text: string): string[] {
  const folded = foldText(text);
  return folded === "" ? [] : folded.split(" ");
}

/** The stored search form of a person's name: given names then surnames, folded. */
export function normalizedFullName(givenNames: string, surnames: string): string {
  return [...nameTokens(givenNames), ...nameTokens(surnames)].join(" ");
}

export interface Cedula {
  /** "V" for Venezuelans, "E" for foreign residents; null when typed without prefix. */
  prefix: "V" | "E" | null;
  digits: string;
}

/**
 * Reads a cédula in any usual format: "V-12.345.678", "v12345678", "12.345.678",
 * "12345678", "E-84.123.456". Returns null when the text is not a cédula.
 */
export function parseCedula(text: string): Cedula | null {
  const compact = text.trim().toUpperCase().replace(/[\s.\-_]/g, "");
  const match = /^([VE])?(\d{5,9})$/.exec(compact);
  if (!match) return null;
  const digits = match[2]!.replace(/^0+/, "");
  if (digits.length < 5) return null;
  return { prefix: (match[1] as "V" | "E" | undefined) ?? null, digits };
}

/** Stored form: prefix (V when none was given) and digits, e.g. "V12345678". */
export function canonicalCedula(cedula: Cedula): string {
  return `${cedula.prefix ?? "V"}${cedula.digits}`;
}
