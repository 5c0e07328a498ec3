import { isDroppableParticle, isJoiningWord, withoutJoinedParticles } from "./particles.ts";
import { phoneticKey } from "./phonetic.ts";

/**
 * Something a word of one name can be paired with in another: a single word
 * ("perez"), or a surname written split, fused into one ("de la cruz" →
 * "delacruz"), so that it can meet the same surname written joined.
 */
export interface WordUnit {
  /** The words covered, joined: "delacruz" for "de la cruz", "perez" for "perez". */
  text: string;
  /** The surname without leading droppable particles ("cruz"); equals `text` when there are none. */
  core: string;
  textKey: string;
  coreKey: string;
  /** One bit per word covered, by word position. */
  mask: number;
  /** Position of the first word covered. */
  first: number;
  /** Exactly one word as written (not a fusion of several). Only these can be an `exact` pair. */
  single: boolean;
  /** Same id, same comparison against any query: the key of the matcher's cache. */
  id: string;
}

/** A name (or a query) cut into words and the units matching works on. */
export interface NameForm {
  words: readonly string[];
  units: readonly WordUnit[];
  /** Bits of the words that identify someone: all but droppable particles. */
  contentMask: number;
}

/** Bit masks hold one bit per word: longer texts are cut (no real name comes close). */
export const MAX_FORM_WORDS = 30;

/**
 * Units of folded words (see nameTokens): one per word, and one per particle
 * run with its surname. Words from `surnamesFrom` on are known to be surnames,
 * which lets a joined "Desousa" be found as "Sousa" (particles.ts); leave it
 * out when that is not known (queries, other spellings).
 */
export function nameForm(foldedWords: readonly string[], surnamesFrom = Number.POSITIVE_INFINITY): NameForm {
  const words = foldedWords.slice(0, MAX_FORM_WORDS);
  const units: WordUnit[] = [];
  let contentMask = 0;

  words.forEach((word, position) => {
    if (!isDroppableParticle(word)) contentMask |= 1 << position;
    units.push(makeUnit(word, withoutJoinedParticles(word, position >= surnamesFrom), 1 << position, position, true));
  });

  // "de la cruz" gives "delacruz" (core "cruz") and "lacruz" (core "cruz"):
  // a joined spelling may have kept all the particles or only the last ones.
  for (let start = 0; start < words.length; start++) {
    if (!isJoiningWord(words[start]!)) continue;
    let head = start;
    while (head < words.length && isJoiningWord(words[head]!)) head++;
    if (head === words.length) continue; // particles with nothing after them
    let coreStart = start;
    while (coreStart < head && isDroppableParticle(words[coreStart]!)) coreStart++;
    const covered = words.slice(start, head + 1);
    const mask = rangeMask(start, head);
    units.push(makeUnit(covered.join(""), words.slice(coreStart, head + 1).join(""), mask, start, false));
  }

  return { words, units, contentMask };
}

function makeUnit(text: string, core: string, mask: number, first: number, single: boolean): WordUnit {
  const textKey = phoneticKey(text);
  return {
    text,
    core,
    textKey,
    coreKey: core === text ? textKey : phoneticKey(core),
    mask,
    first,
    single,
    id: `${single ? "w" : "j"}:${text}:${core}`,
  };
}

function rangeMask(first: number, last: number): number {
  let mask = 0;
  for (let position = first; position <= last; position++) mask |= 1 << position;
  return mask;
}

/** Number of set bits: how many words a mask covers. */
export function countWords(mask: number): number {
  let count = 0;
  for (let rest = mask >>> 0; rest !== 0; rest &= rest - 1) count++;
  return count;
}
