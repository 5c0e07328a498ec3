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

export type PublicReleaseStatus = "release_reported" | "release_verified";
export type PublicPersonStatus = "detained" | PublicReleaseStatus;

/** A release's status as the public sees it; null for releases the public never sees (rejected, retracted). */
export function publicReleaseStatus(status: string): PublicReleaseStatus | null {
  if (status === "verified") return "release_verified";
  // A disputed release is back in review: the public sees it as reported, not as verified.
  if (status === "reported" || status === "disputed") return "release_reported";
  return null;
}

/** The person's status: verified if any release is, else reported if any is, else detained. */
export function publicPersonStatus(statuses: readonly string[]): PublicPersonStatus {
  const shown = statuses.map(publicReleaseStatus);
  if (shown.includes("release_verified")) return "release_verified";
  if (shown.includes("release_reported")) return "release_reported";
  return "detained";
}

export interface PublicPersonDetailInput extends PublicPersonInput {
  updatedAt: Date;
  releases: {
    id: string;
    status: string;
    releasedOn: Date | null;
    releasedPrecision: string;
    conditions: "full" | "conditional" | "house_arrest" | "expelled" | "unknown";
    updatedAt: Date;
    evidence: { kind: string; description: string; url: string | null; isPublic: boolean; fileSha256: string | null; contentType: string | null }[];
  }[];
}

export interface PublicPersonDetail {
  id: string;
  name: string;
  disclosure: "public" | "initials";
  status: PublicPersonStatus;
  releases: {
    status: PublicReleaseStatus;
    releasedMonth: string | null;
    conditions: PublicPersonDetailInput["releases"][number]["conditions"];
    evidence: { kind: string; description: string; url: string | null; fileUrl: string | null; contentType: string | null }[];
  }[];
  lastChecked: string;
}

/**
 * The public page of one person (HTML and `GET /api/v1/persons/{id}`), built
 * from an allow-list: name as disclosed, status, release month (never the
 * day), conditions category, and evidence marked public. Null for a person
 * the public may not see (withheld).
 */
export function publicPersonDetail(person: PublicPersonDetailInput): PublicPersonDetail | null {
  const view = publicPersonView(person);
  if (view.displayName === null || view.disclosure === "withheld") return null;
  const releases = person.releases.flatMap((release) => {
    const status = publicReleaseStatus(release.status);
    if (!status) return [];
    return [
      {
        status,
        releasedMonth: release.releasedOn && release.releasedPrecision !== "unknown" ? release.releasedOn.toISOString().slice(0, 7) : null,
        conditions: release.conditions,
        evidence: release.evidence
          .filter((item) => item.isPublic)
          .map((item) => ({
            kind: item.kind,
            description: item.description,
            url: item.url,
            fileUrl: item.fileSha256 ? `/api/v1/files/${item.fileSha256}` : null,
            contentType: item.fileSha256 ? item.contentType : null,
          })),
      },
    ];
  });
  const lastChecked = [person.updatedAt, ...person.releases.map((release) => release.updatedAt)].reduce((a, b) => (a > b ? a : b));
  return {
    id: person.id,
    name: view.displayName,
    disclosure: view.disclosure as "public" | "initials",
    status: publicPersonStatus(person.releases.map((release) => release.status)),
    releases,
    lastChecked: lastChecked.toISOString(),
  };
}
