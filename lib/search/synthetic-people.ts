import {
  COMPOUND_GIVEN_NAMES,
  FEMALE_GIVEN_NAMES,
  MALE_GIVEN_NAMES,
  PARTICLE_SURNAMES,
  SURNAMES,
} from "./name-lists.ts";
import { capitalized, SOUND_FAMILIES, soundAlikeSpellings } from "./name-variations.ts";
import { foldText } from "./normalize.ts";
import type { Prng } from "./prng.ts";

/** A synthetic person as stored: what a later database test loads. */
export interface LabelledPerson {
  id: string;
  givenNames: string;
  surnames: string;
  otherSpellings: string[];
  /** Stored form, "V12345678" / "E84123456". */
  cedula: string | null;
  cedulaDigits: string | null;
}

/** A synthetic person with the parts the query variations work on. */
export interface SyntheticPerson extends LabelledPerson {
  /** ["José", "Luis"], or ["María del Valle"] for a compound given name. */
  givenParts: string[];
  /** ["De la Cruz", "Quintero"]: one entry per surname, particles included. */
  surnameParts: string[];
  /** The surname with particles, if any: which part, and its other way of writing. */
  particle: { part: number; storedJoined: boolean; split: string; joined: string } | null;
}

/** How often the population has each feature (of 2,000: about 100 compound given names, 300 particle surnames…). */
const SHARE = {
  compoundGivenNames: 0.05,
  particleSurname: 0.15,
  particleStoredJoined: 0.4,
  venezuelanCedula: 0.91,
  foreignCedula: 0.04,
  otherSpelling: 0.08,
};

/**
 * `count` distinct people (no two with the same folded name, no two with the
 * same cédula), ids "p0001"… in order of creation.
 */
export function generatePeople(prng: Prng, count: number): SyntheticPerson[] {
  const people: SyntheticPerson[] = [];
  const names = new Set<string>();
  const cedulas = new Set<string>();
  while (people.length < count) {
    const givenParts = pickGivenNames(prng);
    const { surnameParts, particle } = pickSurnames(prng);
    const givenNames = givenParts.join(" ");
    const surnames = surnameParts.join(" ");
    const folded = foldText(`${givenNames} ${surnames}`);
    if (names.has(folded)) continue;
    names.add(folded);

    const { cedula, cedulaDigits } = pickCedula(prng, cedulas);
    const person: SyntheticPerson = {
      id: `p${String(people.length + 1).padStart(4, "0")}`,
      givenNames,
      surnames,
      otherSpellings: [],
      cedula,
      cedulaDigits,
      givenParts,
      surnameParts,
      particle,
    };
    if (prng.chance(SHARE.otherSpelling)) person.otherSpellings.push(otherSpelling(person, prng));
    people.push(person);
  }
  return people;
}

function pickGivenNames(prng: Prng): string[] {
  if (prng.chance(SHARE.compoundGivenNames)) return [prng.pick(COMPOUND_GIVEN_NAMES).givenNames];
  const list = prng.chance(0.5) ? FEMALE_GIVEN_NAMES : MALE_GIVEN_NAMES;
  return pickDistinct(prng, list, 2);
}

function pickSurnames(prng: Prng): Pick<SyntheticPerson, "surnameParts" | "particle"> {
  const surnameParts = pickDistinct(prng, SURNAMES, 2);
  if (!prng.chance(SHARE.particleSurname)) return { surnameParts, particle: null };
  const part = prng.chance(0.6) ? 0 : 1;
  const { split, joined } = prng.pick(PARTICLE_SURNAMES);
  const storedJoined = prng.chance(SHARE.particleStoredJoined);
  surnameParts[part] = storedJoined ? joined : split;
  return { surnameParts, particle: { part, storedJoined, split, joined } };
}

function pickCedula(prng: Prng, taken: Set<string>): Pick<LabelledPerson, "cedula" | "cedulaDigits"> {
  const roll = prng.next();
  let prefix: "V" | "E";
  let low: number;
  let high: number;
  if (roll < SHARE.venezuelanCedula) [prefix, low, high] = ["V", 1_000_000, 32_999_999];
  else if (roll < SHARE.venezuelanCedula + SHARE.foreignCedula) [prefix, low, high] = ["E", 80_000_000, 84_999_999];
  else return { cedula: null, cedulaDigits: null };
  let digits: string;
  do digits = String(prng.between(low, high));
  while (taken.has(digits));
  taken.add(digits);
  return { cedula: `${prefix}${digits}`, cedulaDigits: digits };
}

/**
 * Another way the person's name was written down: with an initial and one
 * surname, unaccented ("Jose L. Perez"), or with one word spelled as it sounds.
 */
function otherSpelling(person: SyntheticPerson, prng: Prng): string {
  const words = foldText(`${person.givenNames} ${person.surnames}`).split(" ");
  if (person.givenParts.length === 2 && prng.chance(0.5)) {
    const [first, second] = person.givenParts.map(foldText) as [string, string];
    return `${capitalized(first)} ${second.charAt(0).toUpperCase()}. ${capitalized(foldText(person.surnameParts[0]!))}`;
  }
  const candidates = words.flatMap((word, index) =>
    SOUND_FAMILIES.flatMap((family) => soundAlikeSpellings(word, family).map((spelling) => ({ index, spelling }))),
  );
  if (candidates.length === 0) return words.map(capitalized).join(" ");
  const { index, spelling } = prng.pick(candidates);
  return words.map((word, at) => capitalized(at === index ? spelling : word)).join(" ");
}

function pickDistinct(prng: Prng, items: readonly string[], count: number): string[] {
  const picked: string[] = [];
  while (picked.length < count) {
    const item = prng.pick(items);
    if (!picked.includes(item)) picked.push(item);
  }
  return picked;
}
