import { nameForm, type NameForm } from "./name-form.ts";
import { nameTokens } from "./normalize.ts";
import { phoneticKey } from "./phonetic.ts";
import { typoBudget } from "./word-match.ts";

/**
 * How PostgreSQL narrows a million people down to the few the matcher
 * (match.ts) then judges. Every person stores the phonetic keys of every unit
 * of every spelling of their name: each word, and each particle run fused
 * with its surname ("de la cruz" → "delacruz") and stripped of its particles
 * ("cruz"), in Person.phoneticKeys (GIN-indexed). A query word finds a person
 * when one of its own keys — or a key a typo away, found in the vocabulary of
 * keys (SearchKey, SearchKeyVariant: see the migration) — is among them.
 *
 * Keys, not words, because a key already folds the sound-alikes (b/v, s/z/c,
 * y/ll, silent h, g/j, c/qu/k, x/j), which leaves only typing mistakes to the
 * vocabulary lookup.
 */

/** The keys stored for one person (Person.phoneticKeys). */
export function storedSearchKeys(givenNames: string, surnames: string, otherSpellings: readonly string[] = []): string[] {
  const given = nameTokens(givenNames);
  const forms: NameForm[] = [
    nameForm([...given, ...nameTokens(surnames)], given.length),
    ...otherSpellings.map((spelling) => nameForm(nameTokens(spelling))),
  ];
  const keys = new Set<string>();
  for (const form of forms) {
    for (const unit of form.units) {
      keys.add(unit.textKey);
      keys.add(unit.coreKey);
    }
  }
  keys.delete("");
  return [...keys].sort();
}

/** One word of a query that a candidate must meet, and the keys that meet it. */
export interface RequiredWord {
  word: string;
  /** Keys of every query unit that covers the word (the word, and particle runs it ends). */
  keys: string[];
  /** Typing edits to look for around those keys (0: keys must be equal). */
  typoEdits: number;
  /** Keys of the word with two neighbouring letters swapped, for typo search only. */
  swapKeys: string[];
}

/**
 * The words of a name query that identify someone — not the droppable
 * particles ("de", "la") and not initials ("L.") — each with the keys that
 * meet it. Empty when the query has no such word (then nobody is searched).
 */
export function requiredWords(query: string, maxWords: number): RequiredWord[] {
  const form = nameForm(nameTokens(query).slice(0, maxWords));
  const required: RequiredWord[] = [];
  form.words.forEach((word, position) => {
    const bit = 1 << position;
    if (!(form.contentMask & bit) || word.length < 2) return;
    const keys = new Set<string>();
    let longest = word.length;
    for (const unit of form.units) {
      if (!(unit.mask & bit)) continue;
      keys.add(unit.textKey);
      keys.add(unit.coreKey);
      longest = Math.max(longest, unit.core.length);
    }
    keys.delete("");
    // The name's word may be one letter longer than the query's, and the longer decides the budget (word-match.ts).
    const typoEdits = typoBudget(longest + 1);
    // Two neighbouring letters swapped can change the key more than one edit
    // ("migeul" → "mijeul", "miguel" → "migel"): the keys of the word with each
    // pair swapped back are looked for as they are.
    const swapKeys = typoEdits > 0 ? [...new Set(adjacentSwaps(word).map(phoneticKey))].filter((key) => !keys.has(key)) : [];
    required.push({ word, keys: [...keys], typoEdits, swapKeys });
  });
  // "Ana Ana" asks once.
  return required.filter((entry, index) => required.findIndex((other) => other.word === entry.word) === index);
}

/** The word with each pair of neighbouring letters swapped. */
export function adjacentSwaps(word: string): string[] {
  const swaps: string[] = [];
  for (let index = 0; index + 1 < word.length; index++) {
    if (word[index] === word[index + 1]) continue;
    swaps.push(word.slice(0, index) + word[index + 1] + word[index] + word.slice(index + 2));
  }
  return swaps;
}

/** Keys shorter than this get no typo neighbours: too many unrelated short keys are one edit apart. */
export const MIN_KEY_FOR_TYPOS = 3;

/**
 * Every string made by deleting `depth` letters or fewer from `key` (itself
 * included). Two keys within one edit (substitution, insertion, deletion or
 * swap of neighbours) always share a one-deletion variant — the trick behind
 * SymSpell — so the vocabulary stores each key's one-deletion variants and a
 * query looks its own up.
 */
export function deletionVariants(key: string, depth: number): string[] {
  const found = new Set<string>([key]);
  let frontier = [key];
  for (let level = 0; level < depth; level++) {
    const next: string[] = [];
    for (const text of frontier) {
      if (text.length <= 1) continue;
      for (let index = 0; index < text.length; index++) {
        const shorter = text.slice(0, index) + text.slice(index + 1);
        if (!found.has(shorter)) {
          found.add(shorter);
          next.push(shorter);
        }
      }
    }
    frontier = next;
  }
  return [...found];
}

/** Every way of choosing `size` of the items, in order. */
export function choose<T>(items: readonly T[], size: number): T[][] {
  if (size === 0) return [[]];
  if (items.length < size) return [];
  const [first, ...rest] = items;
  return [...choose(rest, size - 1).map((group) => [first!, ...group]), ...choose(rest, size)];
}
