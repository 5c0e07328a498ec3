import type { Disclosure } from "../generated/prisma/enums.ts";

/**
 * THE one place where a person becomes something the public may see
 * (DESIGN.md rule 4). Every public read — pages, API, exports — passes its
 * persons through `publicPersonView`.
 *
 * The output is built field by field from an allow-list: whatever else the
 * input carries (cédula, notes, submitter, organization, other spellings…)
 * cannot reach the output.
 */
export interface PublicPersonInput {
  id: string;
  givenNames: string;
  surnames: string;
  disclosure: Disclosure;
}

export interface PublicPerson {
  id: string;
  /** Full name for "public", initials for "initials", null for "withheld" (counted, never named). */
  displayName: string | null;
  disclosure: Disclosure;
}

export function publicPersonView(person: PublicPersonInput): PublicPerson {
  return {
    id: person.id,
    displayName: displayName(person),
    disclosure: person.disclosure,
  };
}

function displayName(person: PublicPersonInput): string | null {
  switch (person.disclosure) {
    case "public":
      return fullName(person.givenNames, person.surnames) || null;
    case "initials":
      return initials(person.givenNames, person.surnames) || null;
    case "withheld":
      return null;
    default:
      // An unknown disclosure level is treated as the strictest one.
      return null;
  }
}

/** Given names then surnames, as written, with spacing tidied. */
export function fullName(givenNames: string, surnames: string): string {
  return `${givenNames} ${surnames}`.replace(/\s+/g, " ").trim();
}

/**
 * Lower-case words that join a surname or a given name ("De la Cruz",
 * "María de los Ángeles") and do not get an initial of their own.
 */
const PARTICLES = new Set(["de", "del", "la", "las", "los", "y", "e", "da", "das", "do", "dos", "di", "van", "von"]);

/**
 * "José Luis Pérez Rodríguez" → "J. L. P. R."; "Ana De la Cruz Mendoza" → "A. C. M.":
 * one initial per given name and surname, particles skipped, accents kept as written
 * ("Ángel" → "Á."), hyphenated parts each counted ("Ana-María" → "A. M.").
 */
export function initials(givenNames: string, surnames: string): string {
  const words = `${givenNames} ${surnames}`
    .split(/[\s\-‐–]+/u)
    .map((word) => word.replace(/^[^\p{L}]+/u, ""))
    .filter((word) => word !== "");
  const significant = words.filter((word) => !PARTICLES.has(word.toLocaleLowerCase("es")));
  // A name made only of particles ("De la") is still someone: fall back to its words.
  const chosen = significant.length > 0 ? significant : words;
  return chosen.map((word) => `${firstLetter(word).toLocaleUpperCase("es")}.`).join(" ");
}

function firstLetter(word: string): string {
  // Composed form first, so that "Á" written as A + combining accent is one letter.
  return Array.from(word.normalize("NFC"))[0] ?? "";
}
