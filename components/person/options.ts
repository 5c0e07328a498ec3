/** Choices offered by the person forms. */

/** Nationalities offered first (ISO 3166-1 alpha-2); a stored value outside the list is offered too. */
export const NATIONALITIES = [
  "VE", "CO", "ES", "US", "IT", "PT", "DE", "AR", "PE", "CL", "EC", "BR", "MX", "PA", "DO", "CU", "UY", "BO", "CR",
  "FR", "GB", "CA", "NL", "TT", "GY",
] as const;

/** Venezuela's states and Capital District, for the home state's suggestions. */
export const VE_STATES = [
  "Amazonas", "Anzoátegui", "Apure", "Aragua", "Barinas", "Bolívar", "Carabobo", "Cojedes", "Delta Amacuro",
  "Distrito Capital", "Falcón", "Guárico", "La Guaira", "Lara", "Mérida", "Miranda", "Monagas", "Nueva Esparta",
  "Portuguesa", "Sucre", "Táchira", "Trujillo", "Yaracuy", "Zulia",
] as const;

export const SEXES = ["unknown", "female", "male", "other"] as const;
export const DISCLOSURES = ["initials", "public", "withheld"] as const;

/** Country names in the reader's language, Venezuela first, then alphabetically; `extra` (a stored code) included. */
export function nationalityChoices(locale: string, extra?: string | null): { code: string; name: string }[] {
  const names = new Intl.DisplayNames([locale], { type: "region" });
  const codes = [...new Set([...NATIONALITIES, ...(extra && /^[A-Z]{2}$/.test(extra) ? [extra] : [])])];
  const named = codes.map((code) => ({ code, name: names.of(code) ?? code }));
  const [first, ...rest] = named;
  return [first!, ...rest.sort((a, b) => a.name.localeCompare(b.name, locale))];
}

/** "V12345678" → "V-12.345.678" (how Venezuelans write it); anything else as it is. */
export function formatCedula(stored: string | null | undefined): string {
  if (!stored) return "";
  const match = /^([VE])(\d+)$/.exec(stored);
  if (!match) return stored;
  return `${match[1]}-${match[2]!.replace(/\B(?=(\d{3})+(?!\d))/g, ".")}`;
}

/** The fields the person edit form sends, in the order a stale edit lists them. */
export const PERSON_FORM_FIELDS = [
  "givenNames",
  "surnames",
  "otherSpellings",
  "cedula",
  "nationality",
  "sex",
  "birthYear",
  "homeState",
  "disclosure",
  "externalRef",
  "notes",
] as const;
export type PersonFormField = (typeof PERSON_FORM_FIELDS)[number];
