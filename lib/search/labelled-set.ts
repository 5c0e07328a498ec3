import { fileURLToPath } from "node:url";
import { damerauLevenshtein } from "./edit-distance.ts";
import { FEMALE_GIVEN_NAMES, MALE_GIVEN_NAMES, SURNAMES } from "./name-lists.ts";
import {
  capitalized,
  CEDULA_FORMATS,
  formatCedula,
  SOUND_FAMILIES,
  soundAlikeSpellings,
  withoutAccents,
  withRandomEdit,
  withRandomTransposition,
  type CedulaFormat,
  type SoundFamily,
} from "./name-variations.ts";
import { foldText, nameTokens } from "./normalize.ts";
import { isDroppableParticle, withoutJoinedParticles } from "./particles.ts";
import { Prng } from "./prng.ts";
import { generatePeople, type LabelledPerson, type SyntheticPerson } from "./synthetic-people.ts";

/**
 * The labelled search set: synthetic Venezuelan-style people and queries,
 * each query tagged with the way it was written and the person it means (or
 * none, for names that are not on record). Deterministic: the same seed gives
 * the same set, byte for byte, so the committed labelled-set.json can be
 * checked and loaded by a database test.
 *
 * A query is only kept when it designates its person: no one else on record
 * carries all the words it was written from. A misspelling is only kept when
 * it is not itself a name on record (a "typo" of María that reads Mario is
 * Mario).
 */
export type { LabelledPerson } from "./synthetic-people.ts";

export const VARIATIONS = [
  "exact-full",
  "accents-removed",
  "case-changed",
  "reordered",
  "given-missing",
  "surname-missing",
  "initials",
  "particle-joined",
  "particle-split",
  "particle-dropped",
  "typo-one",
  "typo-two-long",
  "transposition",
  ...SOUND_FAMILIES.map((family) => `sound-${family}` as const),
  ...CEDULA_FORMATS.map((format) => `cedula-${format}` as const),
  "other-spelling",
  "not-on-record-name",
  "not-on-record-near",
  "not-on-record-cedula",
] as const;
export type Variation = (typeof VARIATIONS)[number];

export interface LabelledQuery {
  id: string;
  text: string;
  variation: Variation;
  /** The person meant, or null for a name or cédula not on record. */
  expectedId: string | null;
}

export interface LabelledSet {
  seed: number;
  people: LabelledPerson[];
  queries: LabelledQuery[];
}

export const LABELLED_SET_SEED = 20_260_112;
/** Where the committed set lives. */
export const LABELLED_SET_PATH = fileURLToPath(new URL("./labelled-set.json", import.meta.url));
const PEOPLE_COUNT = 2_000;
/** Queries per variation; cédulas and other spellings are fewer people, not-on-record names are more telling. */
const QUERIES_PER_VARIATION = 50;
const QUERIES_FOR: Partial<Record<Variation, number>> = {
  "other-spelling": 40,
  "cedula-prefix-dots": 40,
  "cedula-prefix-compact": 40,
  "cedula-dots": 40,
  "cedula-digits": 40,
  "not-on-record-name": 60,
  "not-on-record-near": 60,
  "not-on-record-cedula": 30,
};

export function generateLabelledSet(seed = LABELLED_SET_SEED): LabelledSet {
  const prng = new Prng(seed);
  const people = generatePeople(prng, PEOPLE_COUNT);
  const registry = new Registry(people);
  const queries: LabelledQuery[] = [];
  for (const variation of VARIATIONS) {
    const wanted = QUERIES_FOR[variation] ?? QUERIES_PER_VARIATION;
    for (const draft of draftQueries(variation, wanted, people, registry, prng)) {
      queries.push({ id: `q${String(queries.length + 1).padStart(4, "0")}`, variation, ...draft });
    }
  }
  return {
    seed,
    people: people.map(({ id, givenNames, surnames, otherSpellings, cedula, cedulaDigits }) => ({
      id,
      givenNames,
      surnames,
      otherSpellings,
      cedula,
      cedulaDigits,
    })),
    queries,
  };
}

const ABOUT =
  "Synthetic people and labelled search queries (lib/search/labelled-set.ts). Demo data: no real person is meant.";

/**
 * One JSON value per line, so that the committed file diffs line by line and
 * a changed generator shows which people or queries moved.
 */
export function serializeLabelledSet(set: LabelledSet): string {
  const lines = (items: readonly unknown[]): string => items.map((item) => `    ${JSON.stringify(item)}`).join(",\n");
  return [
    "{",
    `  "about": ${JSON.stringify(ABOUT)},`,
    `  "seed": ${set.seed},`,
    `  "people": [\n${lines(set.people)}\n  ],`,
    `  "queries": [\n${lines(set.queries)}\n  ]`,
    "}",
    "",
  ].join("\n");
}

interface Draft {
  text: string;
  expectedId: string | null;
}

/** Up to `wanted` queries of one variation, at most one per person, people taken in random order. */
function draftQueries(
  variation: Variation,
  wanted: number,
  people: readonly SyntheticPerson[],
  registry: Registry,
  prng: Prng,
): Draft[] {
  const drafts: Draft[] = [];
  if (variation === "not-on-record-name") {
    for (let attempt = 0; drafts.length < wanted && attempt < 100 * wanted; attempt++) {
      const givenNames = prng.chance(0.5) ? FEMALE_GIVEN_NAMES : MALE_GIVEN_NAMES;
      const words = pickDistinct(prng, givenNames, prng.between(1, 2));
      words.push(...pickDistinct(prng, SURNAMES, prng.between(1, 2)));
      if (!registry.anyoneCarries(meaningOf(words.join(" ")))) drafts.push({ text: words.join(" "), expectedId: null });
    }
    return drafts;
  }
  if (variation === "not-on-record-cedula") {
    while (drafts.length < wanted) {
      const digits = String(prng.between(1_000_000, 32_999_999));
      if (registry.hasCedula(digits)) continue;
      drafts.push({ text: formatCedula("V", digits, prng.pick(CEDULA_FORMATS)), expectedId: null });
    }
    return drafts;
  }
  for (const person of prng.shuffled(people)) {
    if (drafts.length === wanted) break;
    const written = writeQuery(variation, person, registry, prng);
    if (written === null) continue;
    const expectedId = variation === "not-on-record-near" ? null : person.id;
    if (written.meaning !== null && registry.anyoneElseCarries(written.meaning, expectedId === null ? null : person)) {
      continue; // the query would designate someone else too (or, not on record, someone)
    }
    drafts.push({ text: written.text, expectedId });
  }
  return drafts;
}

interface Written {
  text: string;
  /**
   * The folded words the query was written from, an initial as its one
   * letter, particles left out: what no other person may also carry. Null
   * for a cédula, which is unique by construction.
   */
  meaning: string[] | null;
}

function writeQuery(variation: Variation, person: SyntheticPerson, registry: Registry, prng: Prng): Written | null {
  const full = `${person.givenNames} ${person.surnames}`;
  const givenAndSurnames = (given: readonly string[], surnames: readonly string[]): Written => {
    const text = [...given, ...surnames].join(" ");
    return { text, meaning: meaningOf(text) };
  };

  if (variation.startsWith("cedula-")) {
    if (person.cedula === null || person.cedulaDigits === null) return null;
    const format = variation.slice("cedula-".length) as CedulaFormat;
    return { text: formatCedula(person.cedula[0] as "V" | "E", person.cedulaDigits, format), meaning: null };
  }
  if (variation.startsWith("sound-")) {
    return withOneWordRewritten(person, prng, registry, (word) => {
      const spellings = soundAlikeSpellings(word, variation.slice("sound-".length) as SoundFamily);
      return spellings.length === 0 ? null : prng.pick(spellings);
    });
  }

  switch (variation) {
    case "exact-full":
      return { text: full, meaning: meaningOf(full) };
    case "accents-removed":
      return withoutAccents(full) === full ? null : { text: withoutAccents(full), meaning: meaningOf(full) };
    case "case-changed": {
      const text = prng.chance(0.5) ? full.toUpperCase() : full.toLowerCase();
      return { text, meaning: meaningOf(full) };
    }
    case "reordered":
      return { text: `${person.surnames.toUpperCase()}, ${person.givenNames}`, meaning: meaningOf(full) };
    case "given-missing": {
      if (person.givenParts.length < 2) return null;
      return givenAndSurnames([prng.pick(person.givenParts)], person.surnameParts);
    }
    case "surname-missing":
      return givenAndSurnames(person.givenParts, [prng.pick(person.surnameParts)]);
    case "initials": {
      if (person.givenParts.length < 2) return null;
      const [first, second] = person.givenParts as [string, string];
      const given = prng.chance(0.7) ? [first, `${second.charAt(0)}.`] : [`${first.charAt(0)}.`, second];
      return givenAndSurnames(given, person.surnameParts);
    }
    case "particle-joined":
    case "particle-split":
    case "particle-dropped":
      return withParticleRewritten(variation, person);
    case "typo-one":
      return withOneWordRewritten(person, prng, registry, (word) => editedBy(word, 1, 4, prng));
    case "typo-two-long":
      return withOneWordRewritten(person, prng, registry, (word) => editedBy(word, 2, 8, prng));
    case "transposition":
      return withOneWordRewritten(person, prng, registry, (word) =>
        word.length >= 4 ? withRandomTransposition(word, prng) : null,
      );
    case "other-spelling": {
      const spelling = person.otherSpellings[0];
      return spelling === undefined ? null : { text: spelling, meaning: meaningOf(spelling) };
    }
    case "not-on-record-near":
      return withNearName(person, prng);
    default:
      throw new Error(`no writer for ${variation}`);
  }
}

/** Folded words minus particles; a joined particle surname stands for its surname. */
function meaningOf(text: string): string[] {
  return nameTokens(text)
    .filter((word) => !isDroppableParticle(word))
    .map((word) => withoutJoinedParticles(word, true));
}

/**
 * The full name (half the time), the first given name with the surnames, or
 * the first given name with the first surname ("José Pérez"), with one word
 * (not a particle) replaced by `rewrite`'s spelling of it, which must not be
 * a word anyone on record carries.
 */
function withOneWordRewritten(
  person: SyntheticPerson,
  prng: Prng,
  registry: Registry,
  rewrite: (foldedWord: string) => string | null,
): Written | null {
  const roll = prng.next();
  const given = roll < 0.5 ? person.givenParts : [person.givenParts[0]!];
  const surnames = roll < 0.8 ? person.surnameParts : [person.surnameParts[0]!];
  const words = [...given, ...surnames].join(" ").split(" ");
  const places = prng.shuffled(words.map((_, index) => index));
  for (const place of places) {
    const folded = foldText(words[place]!);
    if (isDroppableParticle(folded)) continue;
    const spelling = rewrite(folded);
    if (spelling === null || spelling === folded || registry.isWordOnRecord(spelling)) continue;
    const original = words.join(" ");
    const text = words.map((word, index) => (index === place ? capitalized(spelling) : word)).join(" ");
    return { text, meaning: meaningOf(original) };
  }
  return null;
}

/** `edits` random edits to a word of at least `minimumLength` letters, at exactly that distance. */
function editedBy(word: string, edits: number, minimumLength: number, prng: Prng): string | null {
  if (word.length < minimumLength) return null;
  for (let attempt = 0; attempt < 20; attempt++) {
    let spelling = word;
    for (let edit = 0; edit < edits; edit++) spelling = withRandomEdit(spelling, prng);
    if (damerauLevenshtein(word, spelling) === edits) return spelling;
  }
  return null;
}

function withParticleRewritten(
  variation: "particle-joined" | "particle-split" | "particle-dropped",
  person: SyntheticPerson,
): Written | null {
  const particle = person.particle;
  if (particle === null) return null;
  if (variation === "particle-joined" && particle.storedJoined) return null;
  if (variation === "particle-split" && !particle.storedJoined) return null;
  const rewritten = {
    "particle-joined": particle.joined,
    "particle-split": particle.split,
    "particle-dropped": particle.split.split(" ").at(-1)!,
  }[variation];
  const surnames = person.surnameParts.map((part, index) => (index === particle.part ? rewritten : part));
  const text = [...person.givenParts, ...surnames].join(" ");
  return { text, meaning: meaningOf(text) };
}

/**
 * A name one word away from the person's: that word swapped for the most
 * similar different word of the same list (José → Josefina, Pérez → Peña),
 * making a name nobody on record has.
 */
function withNearName(person: SyntheticPerson, prng: Prng): Written | null {
  const parts = [...person.givenParts, ...person.surnameParts];
  const place = prng.int(parts.length);
  const original = parts[place]!;
  if (original.includes(" ")) return null; // compound names and particle surnames: keep it simple
  const list = place < person.givenParts.length ? [...FEMALE_GIVEN_NAMES, ...MALE_GIVEN_NAMES] : SURNAMES;
  const folded = foldText(original);
  let nearest: string | null = null;
  let nearestDistance = Number.POSITIVE_INFINITY;
  for (const candidate of list) {
    const distance = damerauLevenshtein(folded, foldText(candidate));
    if (distance > 0 && distance < nearestDistance) [nearest, nearestDistance] = [candidate, distance];
  }
  if (nearest === null) return null;
  const text = parts.map((part, index) => (index === place ? nearest : part)).join(" ");
  return { text, meaning: meaningOf(text) };
}

function pickDistinct(prng: Prng, items: readonly string[], count: number): string[] {
  return prng.shuffled(items).slice(0, count);
}

/** What is on record, for checking that a query designates one person and that a misspelling is not a name. */
class Registry {
  /** Each recorded spelling as its meaning words (see meaningOf), by each of its words. */
  private readonly spellingsByWord = new Map<string, Spelling[]>();
  private readonly words = new Set<string>();
  private readonly cedulas = new Set<string>();

  constructor(people: readonly SyntheticPerson[]) {
    for (const person of people) {
      for (const text of [`${person.givenNames} ${person.surnames}`, ...person.otherSpellings]) {
        const spelling = { person, words: meaningOf(text) };
        for (const word of new Set(spelling.words)) {
          const list = this.spellingsByWord.get(word) ?? [];
          list.push(spelling);
          this.spellingsByWord.set(word, list);
        }
      }
      for (const word of nameTokens([person.givenNames, person.surnames, ...person.otherSpellings].join(" "))) {
        this.words.add(word);
        this.words.add(withoutJoinedParticles(word, true));
      }
      if (person.cedulaDigits !== null) this.cedulas.add(person.cedulaDigits);
    }
  }

  isWordOnRecord(foldedWord: string): boolean {
    return this.words.has(foldedWord);
  }

  hasCedula(digits: string): boolean {
    return this.cedulas.has(digits);
  }

  anyoneCarries(meaning: readonly string[]): boolean {
    return this.anyoneElseCarries(meaning, null);
  }

  /**
   * Whether someone other than `target` has, in one spelling, a different
   * word for each word (or initial) of `meaning`.
   */
  anyoneElseCarries(meaning: readonly string[], target: SyntheticPerson | null): boolean {
    // Only spellings holding the meaning's first whole word can carry it all.
    const anchor = meaning.find((word) => word.length > 1);
    if (anchor === undefined) throw new Error("a query meaning needs a whole word");
    const spellings = this.spellingsByWord.get(anchor) ?? [];
    return spellings.some(({ person, words }) => person !== target && carries(words, meaning));
  }
}

interface Spelling {
  person: SyntheticPerson;
  words: readonly string[];
}

function carries(words: readonly string[], meaning: readonly string[]): boolean {
  const used = new Array<boolean>(words.length).fill(false);
  const place = (index: number): boolean => {
    if (index === meaning.length) return true;
    const wanted = meaning[index]!;
    for (let at = 0; at < words.length; at++) {
      if (used[at]) continue;
      const word = words[at]!;
      if (wanted.length === 1 ? !word.startsWith(wanted) : word !== wanted) continue;
      used[at] = true;
      if (place(index + 1)) return true;
      used[at] = false;
    }
    return false;
  };
  return place(0);
}
