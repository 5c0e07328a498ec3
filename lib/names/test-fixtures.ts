import { mulberry32, pick, shuffle, type Rng } from "../demo/prng.ts";
import { foldText } from "../search/normalize.ts";
import { phoneticKey } from "../search/phonetic.ts";

/**
 * A name list with known answers, for the integration tests of matching:
 * made-up people (surnames of random syllables, so that nobody else in a
 * shared test database has them) and a list of 200 lines printed the way an
 * official list prints them, each with what the matching must do with it.
 *
 * | lines | printed                                               | answer                          |
 * |------:|-------------------------------------------------------|---------------------------------|
 * |    60 | the whole name, surnames first, in capitals           | automatic (withheld ones too)   |
 * |    30 | a cédula (without prefix) and the name with a typo    | automatic, by cédula            |
 * |    40 | the whole name with a typo in the first surname       | queue, the person suggested     |
 * |    15 | one surname and one given name left out               | automatic (only exact candidate)|
 * |    15 | the same, but a sibling shares what is left           | queue, both offered             |
 * |    40 | nobody on record (one of them a deleted person)       | queue, nobody linked            |
 */
export interface ListPerson {
  key: string;
  givenNames: string;
  surnames: string;
  cedula: string | null;
  disclosure: "public" | "initials" | "withheld";
  deleted?: boolean;
}

export type Expectation =
  | { method: "automatic"; person: string; by: "name" | "cedula" }
  | { method: "pending"; suggested: string | null; among?: string[]; nobody?: boolean };

export interface ListLine {
  name: string;
  cedula: string | null;
  expect: Expectation;
}

export interface KnownAnswerList {
  people: ListPerson[];
  lines: ListLine[];
  counts: { automatic: number; pending: number };
}

const SYLLABLES = [
  "ba", "be", "bo", "ca", "co", "cu", "da", "de", "do", "fa", "fe", "fo", "ga", "go", "la", "le", "li", "lo",
  "ma", "me", "mo", "mu", "na", "ne", "no", "ña", "ño", "pa", "pe", "po", "ra", "re", "ri", "ro", "ru", "sa",
  "se", "so", "ta", "te", "to", "tu", "va", "ve", "za", "zo", "lan", "ren", "tor", "mar", "cal", "bel",
];
const ACCENTED: Record<string, string> = { a: "á", e: "é", i: "í", o: "ó", u: "ú" };
const GIVEN = ["José", "Luis", "María", "Ana", "Carlos", "Rosa", "Pedro", "Carmen", "Jesús", "Isabel", "Rafael", "Teresa", "Manuel", "Lucía"];

/** A made-up word of 4 or 5 syllables, capitalised, sometimes with an accent on the last-but-one vowel. */
function madeUpWord(rng: Rng): string {
  const count = rng() < 0.5 ? 4 : 5;
  let word = Array.from({ length: count }, () => pick(rng, SYLLABLES)).join("");
  if (rng() < 0.4) {
    const vowels = [...word].map((letter, index) => (ACCENTED[letter] ? index : -1)).filter((index) => index >= 0);
    const at = vowels[vowels.length - 2];
    if (at !== undefined) word = word.slice(0, at) + ACCENTED[word[at]!] + word.slice(at + 1);
  }
  return word[0]!.toUpperCase() + word.slice(1);
}

/** One vowel in the middle of the word changed: a typo one edit away. */
function typo(word: string, rng: Rng): string {
  const letters = [...word];
  const vowels = letters.map((letter, index) => (/[aeiouáéíóú]/.test(letter) && index > 1 && index < letters.length - 1 ? index : -1)).filter((i) => i >= 0);
  const at = vowels[Math.floor(rng() * vowels.length)]!;
  const folded = foldText(letters[at]!);
  const others = ["a", "e", "i", "o", "u"].filter((vowel) => vowel !== folded);
  letters[at] = pick(rng, others);
  return letters.join("");
}

const upper = (text: string) => text.toLocaleUpperCase("es");
/** "PÉREZ RODRÍGUEZ JOSÉ LUIS": surnames first, in capitals. */
const printed = (person: { givenNames: string; surnames: string }) => upper(`${person.surnames} ${person.givenNames}`);

export function knownAnswerList(seed = 20260113): KnownAnswerList {
  const rng = mulberry32(seed);
  const used = new Set<string>();
  const word = (): string => {
    for (;;) {
      const candidate = madeUpWord(rng);
      const key = phoneticKey(foldText(candidate));
      if (!used.has(key)) {
        used.add(key);
        return candidate;
      }
    }
  };
  let cedulaNext = 41_000_000 + Math.floor(rng() * 1_000_000);
  const cedula = () => `V-${(cedulaNext += 7_919)}`;
  const people: ListPerson[] = [];
  const lines: ListLine[] = [];
  const disclosures = ["public", "initials", "withheld"] as const;
  const person = (key: string, extra: Partial<ListPerson> = {}): ListPerson => {
    const created: ListPerson = {
      key,
      givenNames: `${pick(rng, GIVEN)} ${pick(rng, GIVEN)}`,
      surnames: `${word()} ${word()}`,
      cedula: null,
      disclosure: disclosures[people.length % 3]!,
      ...extra,
    };
    people.push(created);
    return created;
  };

  for (let i = 0; i < 60; i++) {
    const p = person(`exact-${i}`);
    lines.push({ name: printed(p), cedula: null, expect: { method: "automatic", person: p.key, by: "name" } });
  }
  for (let i = 0; i < 30; i++) {
    const p = person(`cedula-${i}`, { cedula: cedula() });
    const [first, second] = p.surnames.split(" ") as [string, string];
    const digits = p.cedula!.replace(/\D/g, "");
    const written = `${digits.slice(0, 2)}.${digits.slice(2, 5)}.${digits.slice(5)}`;
    lines.push({ name: upper(`${typo(first, rng)} ${second} ${p.givenNames}`), cedula: written, expect: { method: "automatic", person: p.key, by: "cedula" } });
  }
  for (let i = 0; i < 40; i++) {
    const p = person(`typo-${i}`, i % 2 === 0 ? { cedula: cedula() } : {});
    const [first, second] = p.surnames.split(" ") as [string, string];
    lines.push({ name: upper(`${typo(first, rng)} ${second} ${p.givenNames}`), cedula: null, expect: { method: "pending", suggested: p.key } });
  }
  for (let i = 0; i < 15; i++) {
    const p = person(`partial-${i}`);
    lines.push({
      name: upper(`${p.surnames.split(" ")[0]} ${p.givenNames.split(" ")[0]}`),
      cedula: null,
      expect: { method: "automatic", person: p.key, by: "name" },
    });
  }
  for (let i = 0; i < 15; i++) {
    const p = person(`sibling-a-${i}`);
    const first = p.surnames.split(" ")[0]!;
    const given = p.givenNames.split(" ")[0]!;
    const other = GIVEN.filter((name) => name !== given && !p.givenNames.includes(name));
    const sibling = person(`sibling-b-${i}`, { givenNames: `${given} ${pick(rng, other)}`, surnames: `${first} ${word()}` });
    lines.push({ name: upper(`${first} ${given}`), cedula: null, expect: { method: "pending", suggested: null, among: [p.key, sibling.key] } });
  }
  for (let i = 0; i < 39; i++) {
    // Made-up given names too for most, so that nobody at all is found; common ones for the rest.
    const givenNames = i < 24 ? `${word()} ${word()}` : `${pick(rng, GIVEN)} ${pick(rng, GIVEN)}`;
    lines.push({ name: upper(`${word()} ${word()} ${givenNames}`), cedula: null, expect: { method: "pending", suggested: null, nobody: i < 24 } });
  }
  const deleted = person("deleted", { deleted: true, disclosure: "public" });
  lines.push({ name: printed(deleted), cedula: null, expect: { method: "pending", suggested: null } });

  const ordered = shuffle(rng, lines);
  const automatic = ordered.filter((line) => line.expect.method === "automatic").length;
  return { people, lines: ordered, counts: { automatic, pending: ordered.length - automatic } };
}

/** The list as a CSV (semicolons, as Excel in Spanish saves it). */
export function listCsv(lines: readonly ListLine[]): string {
  return `nombre;cedula\r\n${lines.map((line) => `${line.name};${line.cedula ?? ""}`).join("\r\n")}\r\n`;
}
