import type { Prng } from "./prng.ts";

/**
 * The ways people misspell or rewrite a Venezuelan name, as string
 * transformations for the labelled search set. They are written from the
 * spelling rules of Spanish, independently of phonetic.ts, so that the set
 * measures the matcher instead of repeating it.
 */

/** The sound-alike families of DESIGN.md rule 5, plus the old x for j. */
export const SOUND_FAMILIES = ["bv", "szc", "yll", "h", "gj", "cqk", "xj"] as const;
export type SoundFamily = (typeof SOUND_FAMILIES)[number];

const VOWELS = "aeiou";
const isVowel = (letter: string | undefined): boolean =>
  letter !== undefined && letter.length === 1 && VOWELS.includes(letter);
const isFrontVowel = (letter: string | undefined): boolean => letter === "e" || letter === "i";

/**
 * Every spelling of a folded word that differs from it at one place by a
 * swap within `family` and sounds the same: "yorgelis" → ["llorgelis"] for y/ll.
 */
export function soundAlikeSpellings(word: string, family: SoundFamily): string[] {
  const spellings = new Set<string>();
  const replace = (at: number, length: number, by: string): void => {
    spellings.add(word.slice(0, at) + by + word.slice(at + length));
  };
  for (let i = 0; i < word.length; i++) {
    const letter = word[i]!;
    const previous = word[i - 1];
    const next = word[i + 1];
    switch (family) {
      case "bv":
        if (letter === "b") replace(i, 1, "v");
        if (letter === "v") replace(i, 1, "b");
        break;
      case "szc":
        if (letter === "z") replace(i, 1, isFrontVowel(next) ? "c" : "s");
        // An s before a consonant at the start is said "es": a z there would not be.
        if (letter === "s" && !(i === 0 && !isVowel(next))) replace(i, 1, isFrontVowel(next) ? "c" : "z");
        if (letter === "c" && isFrontVowel(next)) replace(i, 1, "s");
        break;
      case "yll":
        if (letter === "y" && isVowel(next)) replace(i, 1, "ll");
        // A final "lly"/"lli" (Nelly) is said with an l: no y sound to swap.
        if (letter === "l" && next === "l" && !(i + 3 === word.length && "yi".includes(word[i + 2]!))) {
          replace(i, 2, "y");
        }
        break;
      case "h":
        if (letter === "h" && isVowel(next) && (i === 0 || isVowel(previous))) replace(i, 1, ""); // Hernández, Johana
        if (letter === "h" && previous === "t" && i === word.length - 1) replace(i, 1, ""); // Yamileth
        if (i === 0 && isVowel(letter)) replace(0, 0, "h"); // Elena → Helena
        break;
      case "gj":
        if (letter === "g" && isFrontVowel(next)) replace(i, 1, "j");
        if (letter === "j" && isFrontVowel(next)) replace(i, 1, "g");
        break;
      case "cqk":
        if (letter === "c" && next !== "h" && !isFrontVowel(next)) replace(i, 1, "k");
        if (letter === "q" && next === "u" && isFrontVowel(word[i + 2])) replace(i, 2, "k");
        if (letter === "k") replace(i, 1, isFrontVowel(next) ? "qu" : "c");
        break;
      case "xj":
        if (letter === "j" && isVowel(next)) replace(i, 1, "x");
        if (letter === "x" && isVowel(next)) replace(i, 1, "j");
        break;
    }
  }
  spellings.delete(word);
  return [...spellings].sort();
}

const LETTERS = "abcdefghijklmnopqrstuvwxyz";

/** One random insertion, deletion or substitution (never a no-op). */
export function withRandomEdit(word: string, prng: Prng): string {
  const operation = prng.int(3);
  if (operation === 0 || word.length < 2) {
    const at = prng.int(word.length + 1);
    return word.slice(0, at) + prng.pick([...LETTERS]) + word.slice(at);
  }
  const at = prng.int(word.length);
  if (operation === 1) return word.slice(0, at) + word.slice(at + 1);
  const others = [...LETTERS].filter((letter) => letter !== word[at]);
  return word.slice(0, at) + prng.pick(others) + word.slice(at + 1);
}

/** Two neighbouring, different letters swapped ("jose" → "jsoe"), or null when there are none. */
export function withRandomTransposition(word: string, prng: Prng): string | null {
  const places = [...word.slice(0, -1)].flatMap((letter, at) => (letter !== word[at + 1] ? [at] : []));
  if (places.length === 0) return null;
  const at = prng.pick(places);
  return word.slice(0, at) + word[at + 1] + word[at] + word.slice(at + 2);
}

/** Accents, tildes and diaereses dropped, as typed on a keyboard without them. */
export function withoutAccents(text: string): string {
  return text.normalize("NFD").replace(/[\u0300-\u036f]/g, "").normalize("NFC");
}

export function capitalized(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}

/** The cédula formats people type. */
export const CEDULA_FORMATS = ["prefix-dots", "prefix-compact", "dots", "digits"] as const;
export type CedulaFormat = (typeof CEDULA_FORMATS)[number];

/** A cédula written one way: "V-12.345.678", "v12345678", "12.345.678" or "12345678". */
export function formatCedula(prefix: "V" | "E", digits: string, format: CedulaFormat): string {
  const dotted = digits.replace(/\B(?=(\d{3})+$)/g, ".");
  switch (format) {
    case "prefix-dots":
      return `${prefix}-${dotted}`;
    case "prefix-compact":
      return `${prefix.toLowerCase()}${digits}`;
    case "dots":
      return dotted;
    case "digits":
      return digits;
  }
}
