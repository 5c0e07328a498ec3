import { countWords, nameForm, type NameForm, type WordUnit } from "./name-form.ts";
import { nameTokens, parseCedula } from "./normalize.ts";
import { isDroppableParticle } from "./particles.ts";
import { compareUnits, PENALTY, type PairMatch } from "./word-match.ts";

/**
 * The matching core of the public search (DESIGN.md rule 5, API.md
 * "GET /api/v1/search"), pure and in memory. Given a query and a person:
 *
 * - exact: every word of the query equals a different word of the name (or
 *   of one of its other spellings), ignoring case and accents; or the query
 *   is a cédula with the person's digits. A cédula query never matches names.
 * - close: every word of the query meets a different word of the name
 *   allowing typos, sound-alikes, initials (not for every word) and particles
 *   joined, split or left out (word-match.ts). Query particles ("de", "la")
 *   may go unmatched.
 * - partial: at least half of the query's words meet, one of them a word of
 *   three letters or more met by more than its initial.
 *
 * Word order is free, and name words the query leaves out cost nothing but
 * a little score. A query made only of particles or only of initials
 * matches nobody.
 */
export type MatchKind = "exact" | "close" | "partial";

export interface MatchResult {
  match: MatchKind | null;
  /** 0..1; exact ≥ 0.97 > close ≥ 0.6 > partial ≥ 0.3, see scoreOf. */
  score: number;
}

export interface PersonName {
  givenNames: string;
  surnames: string;
  otherSpellings: readonly string[];
  cedulaDigits: string | null;
}

/** A person's name cut, keyed and unit-ised once, to be matched against many queries. */
export class PreparedCandidate<T extends PersonName = PersonName> {
  /** The name as recorded, then each other spelling. */
  readonly forms: readonly NameForm[];

  constructor(readonly person: T) {
    const given = nameTokens(person.givenNames);
    const recorded = nameForm([...given, ...nameTokens(person.surnames)], given.length);
    const others = person.otherSpellings.map((spelling) => nameForm(nameTokens(spelling)));
    this.forms = [recorded, ...others].filter((form) => form.words.length > 0);
  }
}

export function prepareCandidate<T extends PersonName>(person: T): PreparedCandidate<T> {
  return new PreparedCandidate(person);
}

/** More words than this add nothing to a name search but cost (as in data.ts). */
export const MAX_QUERY_WORDS = 8;

const NO_MATCH: MatchResult = { match: null, score: 0 };

/**
 * Real queries have a handful of ways to pair their words with a name's. A
 * query of one word repeated against a name of one word repeated ("ana ana
 * ana…") has hundreds of thousands; past this many, the best pairing found
 * so far (tried best pairs first) stands.
 */
const MAX_PAIRINGS_PER_NAME = 5_000;

/**
 * A query, parsed once, that matches candidates one by one. It remembers how
 * each distinct name unit compared with its own units, so that ranking
 * thousands of people who share common names compares each name word once.
 */
export class QueryMatcher {
  private readonly cedulaDigits: string | null;
  private readonly form: NameForm;
  private readonly unitsByStart: readonly (readonly number[])[];
  /** Bits of query words that must be met for `close`: all but droppable particles. */
  private readonly requiredMask: number;
  private readonly searchable: boolean;
  private readonly comparisons = new Map<string, readonly (PairMatch | null)[] | null>();

  constructor(query: string) {
    this.cedulaDigits = parseCedula(query)?.digits ?? null;
    this.form = nameForm(nameTokens(query).slice(0, MAX_QUERY_WORDS));
    this.requiredMask = this.form.contentMask;
    this.unitsByStart = this.form.words.map((_, position) =>
      this.form.units.flatMap((unit, index) => (unit.first === position ? [index] : [])),
    );
    // Initials alone or particles alone say nothing about who is meant.
    this.searchable = this.form.words.some((word, position) => word.length > 1 && (this.requiredMask >> position) & 1);
  }

  match(candidate: PersonName | PreparedCandidate): MatchResult {
    if (this.cedulaDigits !== null) {
      const person = candidate instanceof PreparedCandidate ? candidate.person : candidate;
      return person.cedulaDigits === this.cedulaDigits ? { match: "exact", score: 1 } : NO_MATCH;
    }
    if (!this.searchable) return NO_MATCH;
    const prepared = candidate instanceof PreparedCandidate ? candidate : new PreparedCandidate(candidate);
    let best = NO_MATCH;
    for (const form of prepared.forms) {
      const result = this.matchForm(form);
      if (result.score > best.score) best = result;
    }
    return best;
  }

  private matchForm(name: NameForm): MatchResult {
    // Most people share no word with the query and stop here.
    const rows: { nameUnit: WordUnit; row: readonly (PairMatch | null)[] }[] = [];
    for (const nameUnit of name.units) {
      const row = this.compareWithQuery(nameUnit);
      if (row !== null) rows.push({ nameUnit, row });
    }
    if (rows.length === 0) return NO_MATCH;

    // options[q]: the name units query unit q can pair with, and how, best first.
    const options: { nameUnit: WordUnit; pair: PairMatch }[][] = this.form.units.map(() => []);
    for (const { nameUnit, row } of rows) {
      row.forEach((pair, queryUnit) => {
        if (pair) options[queryUnit]!.push({ nameUnit, pair });
      });
    }
    for (const list of options) list.sort((a, b) => a.pair.penalty - b.pair.penalty);

    // Every way of giving query words distinct name words, best pairs tried
    // first, so that the first complete pairing is already a good one.
    let best = NO_MATCH;
    let pairingsLeft = MAX_PAIRINGS_PER_NAME;
    const search = (position: number, state: Assignment): void => {
      if (pairingsLeft <= 0) return;
      if (position === this.form.words.length) {
        pairingsLeft--;
        const result = this.judge(state, name);
        if (result.score > best.score) best = result;
        return;
      }
      for (const queryUnitIndex of this.unitsByStart[position]!) {
        const queryUnit = this.form.units[queryUnitIndex]!;
        const next = position + countWords(queryUnit.mask);
        for (const { nameUnit, pair } of options[queryUnitIndex]!) {
          if (nameUnit.mask & state.usedName) continue; // each name word answers one query word
          search(next, extend(state, queryUnit, nameUnit, pair, this.form.words));
        }
      }
      search(position + 1, state); // this query word stays unmatched
    };
    search(0, EMPTY_ASSIGNMENT);
    return best;
  }

  private compareWithQuery(nameUnit: WordUnit): readonly (PairMatch | null)[] | null {
    const cached = this.comparisons.get(nameUnit.id);
    if (cached !== undefined) return cached;
    const row = this.form.units.map((queryUnit) => compareUnits(queryUnit, nameUnit));
    const stored = row.some((pair) => pair !== null) ? row : null;
    this.comparisons.set(nameUnit.id, stored);
    return stored;
  }

  /** The class and score one way of pairing the query's words earns (null if none). */
  private judge(state: Assignment, name: NameForm): MatchResult {
    const wordCount = this.form.words.length;
    const allWords = (1 << wordCount) - 1;
    const required = this.requiredMask;
    const requiredCount = countWords(required);
    const requiredMet = countWords(state.covered & required);

    let match: MatchKind | null = null;
    if (state.covered === allWords && state.allExact) match = "exact";
    else if (requiredMet === requiredCount && state.anyWordMet) match = "close";
    else if (requiredMet * 2 >= requiredCount && state.anyLongWordMet) match = "partial";
    if (match === null) return NO_MATCH;

    const droppedParticles = countWords(allWords & ~required & ~state.covered);
    return {
      match,
      score: scoreOf(match, {
        queryCoverage: requiredMet / requiredCount,
        nameCoverage: countWords(state.usedName & name.contentMask) / Math.max(1, countWords(name.contentMask)),
        penalty: state.penalty + droppedParticles * PENALTY.droppedParticle,
      }),
    };
  }
}

/** One way, possibly partial, of pairing query words with name words. */
interface Assignment {
  /** Query words met. */
  covered: number;
  /** Name words used. */
  usedName: number;
  penalty: number;
  /** Every pair so far is one word equal to one word. */
  allExact: boolean;
  /** Some query word is met by more than an initial. */
  anyWordMet: boolean;
  /** Some required query word of three letters or more is met by more than an initial. */
  anyLongWordMet: boolean;
}

const EMPTY_ASSIGNMENT: Assignment = {
  covered: 0,
  usedName: 0,
  penalty: 0,
  allExact: true,
  anyWordMet: false,
  anyLongWordMet: false,
};

function extend(
  state: Assignment,
  queryUnit: WordUnit,
  nameUnit: WordUnit,
  pair: PairMatch,
  queryWords: readonly string[],
): Assignment {
  const substantive = pair.kind !== "initial";
  // A fused run ("de la cruz") counts by its surname, the last word.
  const headWord = queryWords[queryUnit.first + countWords(queryUnit.mask) - 1]!;
  return {
    covered: state.covered | queryUnit.mask,
    usedName: state.usedName | nameUnit.mask,
    penalty: state.penalty + pair.penalty,
    allExact: state.allExact && pair.kind === "exact",
    anyWordMet: state.anyWordMet || substantive,
    anyLongWordMet:
      state.anyLongWordMet || (substantive && headWord.length >= 3 && !isDroppableParticle(headWord)),
  };
}

interface ScoreInputs {
  /** Share of the query's required words met (1 for exact and close). */
  queryCoverage: number;
  /** Share of the name's words (particles aside) the query met. */
  nameCoverage: number;
  /** Sum of pair penalties (typing edits; see PENALTY) and dropped query particles. */
  penalty: number;
}

const BANDS: Record<MatchKind, { floor: number; width: number }> = {
  exact: { floor: 0.9, width: 0.1 },
  close: { floor: 0.6, width: 0.29 },
  partial: { floor: 0.3, width: 0.29 },
};

/**
 * score = floor + width × (0.5 × queryCoverage + 0.3 × nameCoverage + 0.2 / (1 + penalty))
 *
 * Each class has its own band (exact 0.97–1, close 0.6–0.89, partial
 * 0.3–0.59), so a weaker class never outranks a stronger one. Within a band:
 * more query words met first (decides among partial matches), then more of
 * the person's name met (for "José Pérez", José Pérez before José Luis Pérez
 * Rodríguez), then fewer edits. Rounded to 4 decimals: the ranking sorts on
 * the score shown.
 */
export function scoreOf(match: MatchKind, inputs: ScoreInputs): number {
  const quality = 0.5 * inputs.queryCoverage + 0.3 * inputs.nameCoverage + 0.2 / (1 + inputs.penalty);
  const band = BANDS[match];
  return Math.round((band.floor + band.width * quality) * 10_000) / 10_000;
}

/** How well one query matches one person. */
export function matchPerson(query: string, candidate: PersonName | PreparedCandidate): MatchResult {
  return new QueryMatcher(query).match(candidate);
}

export interface RankedCandidate<T> {
  person: T;
  /** Position of the person in the list given, the tie-break. */
  index: number;
  match: MatchKind;
  score: number;
}

/**
 * The candidates that match, best first, at most `limit`. Equal scores keep
 * the order the candidates were given in, so the caller decides ties (for
 * example by sorting by name then id before ranking). Pass prepared
 * candidates (prepareCandidate) when ranking many queries over the same people.
 */
export function rankCandidates<T extends PersonName>(
  query: string,
  candidates: readonly (T | PreparedCandidate<T>)[],
  limit: number,
): RankedCandidate<T>[] {
  const matcher = new QueryMatcher(query);
  const ranked: RankedCandidate<T>[] = [];
  candidates.forEach((candidate, index) => {
    const { match, score } = matcher.match(candidate);
    if (match === null) return;
    const person = candidate instanceof PreparedCandidate ? candidate.person : candidate;
    ranked.push({ person, index, match, score });
  });
  ranked.sort((a, b) => b.score - a.score || a.index - b.index);
  return ranked.slice(0, Math.max(0, limit));
}
