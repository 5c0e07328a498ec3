/**
 * Surname particles: "De la Cruz", "Del Valle", "Da Silva", "De los Santos".
 * People write them split, joined ("Delacruz") or not at all ("Cruz"), and a
 * search must treat the three as the same surname (DESIGN.md rule 5).
 *
 * Two kinds of word:
 * - droppable particles may be left out without changing whose name it is:
 *   the Spanish de, del, la, las, los and y ("Pérez y Rodríguez"), and the
 *   Portuguese and Italian da, das, do, dos, di of Venezuelans of those
 *   origins ("Da Silva", "Dos Santos", "Di Stefano");
 * - joining words also fuse with the next word when written joined: every
 *   droppable particle except y (nobody writes "Yrodríguez"), plus san,
 *   santa and santo ("Sanjuan" = "San Juan", "Santacruz" = "Santa Cruz").
 *   San and Santa are not droppable: "Cruz" is not "Santa Cruz", and
 *   "Santamaría" does not contain the given name "María".
 */
const DROPPABLE_PARTICLES: ReadonlySet<string> = new Set([
  "de", "del", "la", "las", "los", "y", "da", "das", "do", "dos", "di",
]);

const JOINING_WORDS: ReadonlySet<string> = new Set([
  ...[...DROPPABLE_PARTICLES].filter((particle) => particle !== "y"),
  "san", "santa", "santo",
]);

export function isDroppableParticle(word: string): boolean {
  return DROPPABLE_PARTICLES.has(word);
}

export function isJoiningWord(word: string): boolean {
  return JOINING_WORDS.has(word);
}

/**
 * Joined prefixes that can be cut off a single word to find the surname
 * inside, longest first, with the shortest rest that still counts as a
 * surname. Anywhere, only "de" + article and "del" qualify: they are rare at
 * the start of ordinary names. "Del" needs a rest of five letters so that
 * "Delgado", "Delfino" and "Delmira" stay whole while "Delvalle" and
 * "Delcastillo" split.
 */
const JOINED_PREFIXES: readonly JoinedPrefix[] = [
  { prefix: "delas", minimumRest: 4 },
  { prefix: "delos", minimumRest: 4 },
  { prefix: "dela", minimumRest: 4 },
  { prefix: "del", minimumRest: 5 },
];

/**
 * In a word known to be a surname, a bare de, da, di or dos is cut too
 * ("Desousa", "Dasilva", "Dossantos", "Deleón"), when what is left can begin
 * a word ("Delgado" stays whole: no word begins "lg"). Not in given names or
 * queries, where it would find "Yanira" in "Deyanira".
 */
const SURNAME_ONLY_PREFIXES: readonly JoinedPrefix[] = [
  { prefix: "dos", minimumRest: 4, checkStart: true },
  { prefix: "de", minimumRest: 4, checkStart: true },
  { prefix: "da", minimumRest: 4, checkStart: true },
  { prefix: "di", minimumRest: 4, checkStart: true },
];

interface JoinedPrefix {
  prefix: string;
  minimumRest: number;
  /** The rest must begin as a word can (see WORD_START); only the bare prefixes need the check. */
  checkStart?: boolean;
}

/** A vowel, one consonant then a vowel, or a cluster Spanish (or Italian: "st") begins words with. */
const WORD_START = /^(?:[aeiou]|[b-df-hj-np-tv-z][aeiouy]|(?:[bcfgp][lr]|[dt]r|ch|ll|rr|st|qu))/;

/** The surname inside a joined word ("delacruz" → "cruz"), or the word itself. */
export function withoutJoinedParticles(word: string, inSurname = false): string {
  const prefixes = inSurname ? [...JOINED_PREFIXES, ...SURNAME_ONLY_PREFIXES] : JOINED_PREFIXES;
  for (const { prefix, minimumRest, checkStart } of prefixes) {
    if (!word.startsWith(prefix) || word.length - prefix.length < minimumRest) continue;
    const rest = word.slice(prefix.length);
    if (!checkStart || WORD_START.test(rest)) return rest;
  }
  return word;
}
