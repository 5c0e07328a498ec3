import { canonicalCedula, nameTokens, normalizedFullName, parseCedula } from "../search/normalize.ts";
import { storedSearchKeys } from "../search/retrieval-keys.ts";

/**
 * The columns a person is searched by, derived from what was written: every
 * write of a person (form, API, import, merge, demo) stores them through this
 * one function, so that search always finds what was last saved.
 */
export interface PersonSearchFields {
  normalizedName: string;
  nameTokens: string[];
  /** The keys search narrows candidates by (lib/search/retrieval-keys.ts). */
  phoneticKeys: string[];
}

export function personSearchFields(person: {
  givenNames: string;
  surnames: string;
  otherSpellings?: readonly string[];
}): PersonSearchFields {
  const words = [
    ...nameTokens(person.givenNames),
    ...nameTokens(person.surnames),
    ...(person.otherSpellings ?? []).flatMap((spelling) => nameTokens(spelling)),
  ];
  const tokens = [...new Set(words)];
  return {
    normalizedName: normalizedFullName(person.givenNames, person.surnames),
    nameTokens: tokens,
    phoneticKeys: storedSearchKeys(person.givenNames, person.surnames, person.otherSpellings ?? []),
  };
}

/** A cédula as typed → its stored form and digits; both null when none was given. */
export function cedulaFields(typed: string | null | undefined): { cedula: string | null; cedulaDigits: string | null } {
  if (typed === null || typed === undefined || typed.trim() === "") return { cedula: null, cedulaDigits: null };
  const parsed = parseCedula(typed);
  if (!parsed) throw new Error(`Not a cédula: ${typed}`);
  return { cedula: canonicalCedula(parsed), cedulaDigits: parsed.digits };
}
