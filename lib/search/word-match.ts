import { damerauLevenshtein } from "./edit-distance.ts";
import type { WordUnit } from "./name-form.ts";

/**
 * How one query word (or particle run) met one name word:
 * - exact: the same folded word;
 * - soundalike: same Spanish phonetic key (phonetic.ts);
 * - typo: within the typo budget (see typoBudget);
 * - initial: a one-letter word and a word starting with it ("L." / "Luis");
 * - particle: the same surname once particles are joined, split or left out
 *   ("Delacruz" / "De la Cruz" / "Cruz"), possibly with a sound-alike or typo inside.
 */
export type PairKind = "exact" | "soundalike" | "typo" | "initial" | "particle";

export interface PairMatch {
  kind: PairKind;
  /** Typing edits the pair needed (0 unless a typo is involved). */
  edits: number;
  /** What the pair costs the score: 0 for exact, more for weaker evidence (PENALTY). */
  penalty: number;
}

/**
 * Penalties, in "typing edits": a sound-alike is half an edit (the writer
 * spelled what they heard), an initial three quarters (it says less than a
 * word), and a particle difference half an edit on top of whatever else the
 * surname needed.
 */
export const PENALTY = { soundalike: 0.5, initial: 0.75, particle: 0.5, droppedParticle: 0.5 } as const;

/**
 * Edits allowed between two words, by the length of the longer one
 * (API.md): none up to 3 letters, one for 4–7, two for 8 and more. The
 * longer word decides, so that a letter dropped from "Martínez" still leaves
 * the two edits an eight-letter name allows.
 */
export function typoBudget(length: number): number {
  if (length >= 8) return 2;
  if (length >= 4) return 1;
  return 0;
}

const EXACT: PairMatch = { kind: "exact", edits: 0, penalty: 0 };
const SOUNDALIKE: PairMatch = { kind: "soundalike", edits: 0, penalty: PENALTY.soundalike };
const INITIAL: PairMatch = { kind: "initial", edits: 0, penalty: PENALTY.initial };

/**
 * Compares a folded query word with a folded name word, each with its
 * phonetic key. When `allowInitial`, a one-letter query word is an initial
 * ("L." for Luis). Not the other way round: an initial on record ("José L.
 * Pérez") would let any query word starting with L pass for it.
 */
export function compareWords(
  query: string,
  queryKey: string,
  name: string,
  nameKey: string,
  allowInitial: boolean,
): PairMatch | null {
  if (query === name) return EXACT;
  if (query.length === 1) return allowInitial && name.startsWith(query) ? INITIAL : null;
  if (name.length === 1) return null;
  if (queryKey === nameKey) return SOUNDALIKE;
  const budget = typoBudget(Math.max(query.length, name.length));
  if (budget === 0) return null;
  const edits = damerauLevenshtein(query, name, budget);
  if (edits === 1) return ONE_TYPO; // the keys differ, so they cannot do better
  // A typo on top of a sound-alike ("Jernandes" for Hernández) is measured on the keys.
  const keyEdits = damerauLevenshtein(queryKey, nameKey, Math.min(budget, edits - 1));
  const fewest = Math.min(edits, keyEdits);
  return fewest <= budget ? { kind: "typo", edits: fewest, penalty: fewest } : null;
}

const ONE_TYPO: PairMatch = { kind: "typo", edits: 1, penalty: 1 };

/**
 * The best way a query unit meets a name unit, or null. Two single words are
 * compared as words; a fused particle run, or a word with particles cut off
 * its front, meets the other side either whole ("delacruz" / "delacruz") or by
 * its surname alone ("cruz"), and the pair is a `particle` pair.
 */
export function compareUnits(query: WordUnit, name: WordUnit): PairMatch | null {
  let best: PairMatch | null = null;
  if (query.single && name.single) {
    best = compareWords(query.text, query.textKey, name.text, name.textKey, true);
    if (best?.kind === "exact") return best;
  } else {
    best = asParticlePair(compareWords(query.text, query.textKey, name.text, name.textKey, false));
  }

  const queryHasCore = query.core !== query.text;
  const nameHasCore = name.core !== name.text;
  if (queryHasCore) {
    best = better(best, asParticlePair(compareWords(query.core, query.coreKey, name.text, name.textKey, false)));
  }
  if (nameHasCore) {
    best = better(best, asParticlePair(compareWords(query.text, query.textKey, name.core, name.coreKey, false)));
  }
  if (queryHasCore && nameHasCore) {
    best = better(best, asParticlePair(compareWords(query.core, query.coreKey, name.core, name.coreKey, false)));
  }
  return best;
}

function better(one: PairMatch | null, other: PairMatch | null): PairMatch | null {
  if (one === null) return other;
  if (other === null) return one;
  return other.penalty < one.penalty ? other : one;
}

function asParticlePair(inner: PairMatch | null): PairMatch | null {
  if (inner === null) return null;
  return { kind: "particle", edits: inner.edits, penalty: PENALTY.particle + inner.penalty };
}
