import { COMPOUND_GIVEN_NAMES, FEMALE_GIVEN_NAMES, MALE_GIVEN_NAMES } from "../search/name-lists.ts";
import { foldText } from "../search/normalize.ts";
import { isJoiningWord } from "../search/particles.ts";

/**
 * A printed name cut into given names and surnames, for the person a
 * moderator creates from a line of a list (the moderator may correct it).
 *
 * - "PÉREZ RODRÍGUEZ, JOSÉ LUIS": surnames before the comma.
 * - All in capitals ("PÉREZ RODRÍGUEZ JOSÉ LUIS"): official lists print
 *   surnames first.
 * - Otherwise ("José Luis Pérez Rodríguez"): given names first.
 *
 * Where the cut falls is read from common given names (lib/search/name-lists.ts);
 * failing that, two surnames when there are three words or more. Particles
 * ("de la", "del") go with the word after them. A name all in capitals (or
 * all in small letters) is written with capitals at the start of each word.
 */
export interface SplitName {
  givenNames: string;
  surnames: string;
}

const GIVEN = new Set(
  [...FEMALE_GIVEN_NAMES, ...MALE_GIVEN_NAMES, ...COMPOUND_GIVEN_NAMES.flatMap((entry) => entry.givenNames.split(/\s+/))]
    .map((name) => foldText(name))
    .filter((name) => name.length > 1 && !isJoiningWord(name)),
);

/** Words grouped with their particles: "DE LA CRUZ" is one unit. */
function units(words: readonly string[]): string[][] {
  const grouped: string[][] = [];
  let pending: string[] = [];
  for (const word of words) {
    pending.push(word);
    if (isJoiningWord(foldText(word)) || foldText(word) === "y") continue;
    grouped.push(pending);
    pending = [];
  }
  if (pending.length > 0) {
    if (grouped.length > 0) grouped[grouped.length - 1]!.push(...pending);
    else grouped.push(pending);
  }
  return grouped;
}

/**
 * A known given name; a unit with particles ("DEL CARMEN", "DE LOS ÁNGELES") only right after a plain given
 * name ("MARÍA DEL CARMEN"), so that a surname such as "DE LA ROSA" is not taken for one.
 */
function isGiven(parts: readonly string[][], index: number): boolean {
  const unit = parts[index]!;
  const last = foldText(unit[unit.length - 1]!);
  const known = GIVEN.has(last) || GIVEN.has(last.replace(/es$/, ""));
  if (unit.length === 1) return GIVEN.has(last);
  const before = parts[index - 1];
  return known && before !== undefined && before.length === 1 && GIVEN.has(foldText(before[0]!));
}
const join = (list: readonly string[][]) => list.map((unit) => unit.join(" ")).join(" ");

export function splitPrintedName(printed: string): SplitName {
  const tidy = printed.replace(/\s+/g, " ").trim();
  const capitals = tidy === tidy.toLocaleUpperCase("es") || tidy === tidy.toLocaleLowerCase("es");
  const comma = tidy.indexOf(",");
  let result: SplitName;
  if (comma > 0) {
    result = { surnames: tidy.slice(0, comma).trim(), givenNames: tidy.slice(comma + 1).replace(/,/g, " ").trim() };
  } else {
    const parts = units(tidy.split(" ").filter((word) => word !== ""));
    if (parts.length <= 1) {
      result = { givenNames: tidy, surnames: tidy };
    } else {
      // The longest run of known given names at the end (surnames first) and at the start (given names first).
      let end = parts.length;
      while (end > 1 && isGiven(parts, end - 1)) end--;
      let start = 0;
      while (start < parts.length - 1 && isGiven(parts, start)) start++;
      // Capitals say "surnames first" unless only the start looks like given names; other writing the reverse.
      const surnamesFirst = capitals ? !(end === parts.length && start > 0) : end < parts.length && start === 0;
      if (surnamesFirst) {
        const cut = end < parts.length ? end : parts.length >= 3 ? 2 : 1;
        result = { surnames: join(parts.slice(0, cut)), givenNames: join(parts.slice(cut)) };
      } else {
        const cut = start > 0 ? start : parts.length >= 4 ? 2 : 1;
        result = { givenNames: join(parts.slice(0, cut)), surnames: join(parts.slice(cut)) };
      }
    }
  }
  if (!result.givenNames) result.givenNames = result.surnames;
  if (!result.surnames) result.surnames = result.givenNames;
  return capitals ? { givenNames: properCase(result.givenNames, false), surnames: properCase(result.surnames, true) } : result;
}

/** "DE LA CRUZ MENDOZA" → "De la Cruz Mendoza" (surnames), "MARÍA DE LOS ÁNGELES" → "María de los Ángeles". */
export function properCase(text: string, surnames: boolean): string {
  return text
    .toLocaleLowerCase("es")
    .split(" ")
    .map((word, index) => {
      if (word === "") return word;
      if (isJoiningWord(foldText(word)) && !(surnames && index === 0) && !["san", "santa", "santo"].includes(foldText(word))) return word;
      if (foldText(word) === "y") return word;
      return word.replace(/(^|[-'’])(\p{L})/gu, (_, before: string, letter: string) => before + letter.toLocaleUpperCase("es"));
    })
    .join(" ");
}
