import { db } from "../db/client.ts";
import { Prisma } from "../generated/prisma/client.ts";
import type { Disclosure } from "../generated/prisma/enums.ts";
import { publicPersonStatus, publicPersonView } from "../persons/public.ts";
import { damerauLevenshtein } from "./edit-distance.ts";
import { MAX_QUERY_WORDS, prepareCandidate, rankCandidates, type PersonName, type RankedCandidate } from "./match.ts";
import { parseCedula } from "./normalize.ts";
import { choose, deletionVariants, MIN_KEY_FOR_TYPOS, requiredWords, type RequiredWord } from "./retrieval-keys.ts";
import type { SearchResponse, SearchResult } from "./schema.ts";

/**
 * The public search (DESIGN.md rules 4 and 5, API.md "GET /api/v1/search").
 *
 * PostgreSQL narrows the million to a few hundred candidates by indexed keys
 * (retrieval-keys.ts): each word of the query, its sound-alikes (same key) and
 * its typos (keys found in the small vocabulary table), every identifying word
 * required, or — when that finds too few — at least half of them. The
 * matcher (match.ts) then judges each candidate exactly, classes it
 * exact/close/partial and ranks. Only people whose names are public are
 * candidates for a name; an exact cédula also finds initials-only people
 * (whoever types a full cédula already knows it). Never a withheld, deleted or
 * merged person.
 */

/** Candidates that meet every identifying word; more would all be near-identical namesakes. */
const ALL_WORDS_CANDIDATES = 400;
/** Candidates that meet only half the words, fetched when the first set is short. */
const HALF_WORDS_CANDIDATES = 200;
/** Half of the first five words is at most ten ways of choosing; more words say enough already. */
const MAX_WORDS_FOR_HALF = 5;

interface Candidate extends PersonName {
  id: string;
  disclosure: Disclosure;
  normalizedName: string;
}

/**
 * A candidate of the public search, with what the public may know of it read
 * in the same statement (withPublicFacts): the answer then takes one round
 * trip, not a second one for the facts of the ten found.
 */
interface PublicCandidate extends Candidate {
  externalRef: string | null;
  /** The status of the release the public is told about (verified first), null when none is shown. */
  releaseStatus: string | null;
  /** That release's month, "2026-01", or null (no date, or its precision unknown). */
  releasedMonth: string | null;
}

export async function searchPeople(text: string, limit: number): Promise<SearchResponse> {
  const cedula = parseCedula(text);
  const candidates = cedula ? await candidatesByCedula(cedula.digits, "public") : await candidatesByName(text, "public");
  // Ties keep a stable, meaningful order: alphabetical, then by id.
  candidates.sort((a, b) => a.normalizedName.localeCompare(b.normalizedName) || a.id.localeCompare(b.id));
  const ranked = rankCandidates(text, candidates.map(prepareCandidate), limit);

  const results: SearchResult[] = [];
  for (const entry of ranked) {
    const person = entry.person;
    const view = publicPersonView(person);
    // Never a withheld person, whatever the query said; initials only for an exact cédula.
    if (view.displayName === null) continue;
    if (view.disclosure === "initials" && !cedula) continue;
    results.push({
      id: person.id,
      name: view.displayName,
      match: entry.match,
      score: entry.score,
      status: publicPersonStatus(person.releaseStatus === null ? [] : [person.releaseStatus]),
      releasedOn: person.releasedMonth,
      externalRef: person.externalRef,
    });
  }
  return { query: text, results };
}

/**
 * Who may be a candidate: the public search sees only people whose names are
 * public (initials-only ones too for an exact cédula); moderators matching a
 * name list (lib/names) see everyone on record. Never deleted or merged people.
 */
type Visibility = "public" | "everyone";
type CandidateOf<V extends Visibility> = V extends "public" ? PublicCandidate : Candidate;

const BY_NAME: Record<Visibility, Prisma.Sql> = {
  public: Prisma.sql`p."disclosure" = 'public' AND`,
  everyone: Prisma.empty,
};
const BY_CEDULA: Record<Visibility, Prisma.Sql> = {
  public: Prisma.sql`AND p."disclosure" IN ('public', 'initials')`,
  everyone: Prisma.empty,
};

/**
 * What the public may know about each candidate (DESIGN.md rule 4), joined to
 * the candidates' own statement: the organization's reference, and the one
 * release the public is told about — a verified one if any is (the status is
 * then verified), else one under review (reported or disputed: the status is
 * reported); the latest by release date (none counts as 1970), then by
 * creation. Its month only, never the day. No release shown: detained.
 * Computed for every candidate (a few hundred index probes at most), not
 * only for the ten found, to save a round trip on every search. Moderators'
 * matching (visibility "everyone") needs none of it.
 */
function withPublicFacts<V extends Visibility>(candidates: Prisma.Sql, visibility: V): Prisma.Sql {
  if (visibility !== "public") return candidates;
  return Prisma.sql`
    SELECT c.*, f."releaseStatus", f."releasedMonth"
      FROM (${candidates}) c
      LEFT JOIN LATERAL (
        SELECT r."status"::text AS "releaseStatus",
               CASE WHEN r."releasedPrecision" <> 'unknown' THEN to_char(r."releasedOn", 'YYYY-MM') END AS "releasedMonth"
          FROM "Release" r
         WHERE r."personId" = c."id" AND r."deletedAt" IS NULL
           AND r."status" IN ('verified', 'reported', 'disputed')
         ORDER BY r."status" = 'verified' DESC, COALESCE(r."releasedOn", DATE '1970-01-01') DESC, r."createdAt" DESC, r."id" DESC
         LIMIT 1
      ) f ON true`;
}

const COLUMNS: Record<Visibility, Prisma.Sql> = {
  public: Prisma.sql`, p."externalRef"`,
  everyone: Prisma.empty,
};

// Raw SQL: the public facts come as a LATERAL join with ORDER BY … LIMIT 1 in the
// same statement (withPublicFacts), which Prisma's query builder cannot express.
async function candidatesByCedula<V extends Visibility>(digits: string, visibility: V): Promise<CandidateOf<V>[]> {
  return db().$queryRaw<CandidateOf<V>[]>`${withPublicFacts(
    Prisma.sql`
    SELECT p."id", p."givenNames", p."surnames", p."otherSpellings", p."cedulaDigits",
           p."disclosure"::text AS "disclosure", p."normalizedName"${COLUMNS[visibility]}
      FROM "Person" p
     WHERE p."cedulaDigits" = ${digits}
       ${BY_CEDULA[visibility]}
       AND p."deletedAt" IS NULL AND p."mergedIntoId" IS NULL
     LIMIT 5`,
    visibility,
  )}`;
}

export interface MatchingCandidate extends PersonName {
  id: string;
  disclosure: Disclosure;
  normalizedName: string;
}

export interface MatchingSearch {
  /** Best first, at most `limit`. */
  ranked: RankedCandidate<MatchingCandidate>[];
  /**
   * More people met every word than were judged (ALL_WORDS_CANDIDATES): one
   * exact match among those judged does not mean only one exists.
   */
  truncated: boolean;
}

/**
 * The search for moderators matching a name list (lib/names, DESIGN.md rule
 * 5): the same retrieval and matcher as the public search, over every person
 * on record — withheld and initials-only too — never deleted or merged ones.
 * Internal: its answers carry names the public may not see.
 */
export async function searchEveryone(text: string, limit: number): Promise<MatchingSearch> {
  const cedula = parseCedula(text);
  const candidates = cedula ? await candidatesByCedula(cedula.digits, "everyone") : await candidatesByName(text, "everyone");
  candidates.sort((a, b) => a.normalizedName.localeCompare(b.normalizedName) || a.id.localeCompare(b.id));
  return {
    ranked: rankCandidates(text, candidates.map(prepareCandidate), limit),
    truncated: !cedula && candidates.length >= ALL_WORDS_CANDIDATES,
  };
}

/** Everyone on record (not deleted, not merged) whose cédula has these digits, for a cédula printed on a name list. */
export async function everyoneWithCedula(digits: string): Promise<MatchingCandidate[]> {
  return candidatesByCedula(digits, "everyone");
}

/**
 * In three steps, each only when the one before found nobody: every
 * identifying word met by its own keys (exact, sound-alike, particles); then
 * with typos too; then at least half the words. Most searches stop at
 * the first, without the vocabulary lookup; and when a name has hundreds of
 * namesakes, typo neighbours never push its own spellings out of the set.
 */
async function candidatesByName<V extends Visibility>(text: string, visibility: V): Promise<CandidateOf<V>[]> {
  const words = requiredWords(text, MAX_QUERY_WORDS);
  if (words.length === 0) return [];
  const found = new Map<string, CandidateOf<V>>();
  const add = (rows: readonly CandidateOf<V>[]) => rows.forEach((row) => found.set(row.id, row));

  add(await candidateRows(everyWord(words.map((word) => word.keys)), ALL_WORDS_CANDIDATES, visibility));
  // Someone already meets every word as written or as it sounds: typo neighbours would
  // rank below them, and at a million people they are most of the database's work.
  if (found.size > 0) return [...found.values()];

  const keySets = await expandWithTypos(words);
  const typosAdded = keySets.some((keys, index) => keys.length > words[index]!.keys.length);
  if (typosAdded) add(await candidateRows(everyWord(keySets), ALL_WORDS_CANDIDATES, visibility));
  // Someone meets every word: people meeting only half of them would rank below and say nothing more.
  if (found.size > 0 || words.length < 2) return [...found.values()];

  // Every way of choosing half the words, each an AND of indexed conditions: PostgreSQL
  // ORs their bitmaps, instead of reading every row that meets any one word and counting.
  // Each word by its own keys (as written, as it sounds), not its typo neighbours: half the
  // words may already be wrong here, and a common name's neighbours (maria: mara, mari,
  // marisa, marita…) made this step read a tenth of the register, 15 ms a search on average
  // at a million people and a sequential scan now and then (100 ms); 9 ms without them,
  // with the same recall on the labelled set.
  const needed = Math.ceil(Math.min(words.length, MAX_WORDS_FOR_HALF) / 2);
  const groups = choose(words.map((word) => word.keys).slice(0, MAX_WORDS_FOR_HALF), needed).map((group) => Prisma.sql`(${everyWord(group)})`);
  add(await candidateRows(Prisma.sql`(${Prisma.join(groups, " OR ")})`, HALF_WORDS_CANDIDATES, visibility));
  return [...found.values()];
}

function everyWord(keySets: readonly string[][]): Prisma.Sql {
  return Prisma.join(
    keySets.map((keys) => Prisma.sql`p."phoneticKeys" && ${keys}::text[]`),
    " AND ",
  );
}

// Raw SQL: array overlap (&&) on the GIN-indexed key column, ANDed per word,
// which Prisma's query builder cannot express; and the public facts as a
// LATERAL join in the same statement (withPublicFacts).
async function candidateRows<V extends Visibility>(condition: Prisma.Sql, take: number, visibility: V): Promise<CandidateOf<V>[]> {
  return db().$queryRaw<CandidateOf<V>[]>`${withPublicFacts(
    Prisma.sql`
    SELECT p."id", p."givenNames", p."surnames", p."otherSpellings", p."cedulaDigits",
           p."disclosure"::text AS "disclosure", p."normalizedName"${COLUMNS[visibility]}
      FROM "Person" p
     WHERE ${BY_NAME[visibility]}
       p."deletedAt" IS NULL AND p."mergedIntoId" IS NULL
       AND ${condition}
     LIMIT ${take}`,
    visibility,
  )}`;
}

/**
 * Each required word's keys plus the vocabulary keys a typo away: equal to one
 * of the word's deletion variants, or sharing one of their stored one-letter
 * deletions (retrieval-keys.ts). One round trip for all words, each lookup an
 * index scan (= ANY). Two substitutions in one long word are beyond it (they
 * would need two-letter deletions stored for every key); such a word is
 * still found through the person's other words, by the half-the-words step.
 */
async function expandWithTypos(words: readonly RequiredWord[]): Promise<string[][]> {
  const sets = words.map((word) => new Set([...word.keys, ...word.swapKeys]));
  const toLookUp = words.filter((word) => word.typoEdits > 0 && !typoKeyCache.has(cacheKey(word)));
  const variants = new Set<string>();
  for (const word of toLookUp) {
    for (const key of word.keys) {
      if (key.length < MIN_KEY_FOR_TYPOS) continue;
      for (const variant of deletionVariants(key, Math.min(word.typoEdits, 2))) variants.add(variant);
    }
  }
  if (variants.size > 0) {
    // Raw SQL: a UNION of two array lookups in one round trip.
    const rows = await db().$queryRaw<{ key: string }[]>`
      SELECT k."key" FROM "SearchKey" k WHERE k."key" = ANY(${[...variants]}::text[])
      UNION
      SELECT v."key" FROM "SearchKeyVariant" v WHERE v."variant" = ANY(${[...variants]}::text[])`;
    // The lookups cast a wide net (up to two deletions on the query's side): a key joins a
    // word's set only when it is truly within that word's typo budget of one of its keys.
    for (const word of toLookUp) {
      const near = rows
        .map((row) => row.key)
        .filter((key) => word.keys.some((own) => damerauLevenshtein(own, key, word.typoEdits) <= word.typoEdits));
      typoKeyCache.set(cacheKey(word), near);
    }
  }
  words.forEach((word, index) => {
    for (const key of typoKeyCache.get(cacheKey(word)) ?? []) sets[index]!.add(key);
  });
  return sets.map((set) => [...set]);
}

const cacheKey = (word: RequiredWord) => `${word.typoEdits}:${word.keys.join(",")}`;

/**
 * Typo neighbours of a word's keys, remembered for a while: the same names are
 * searched again and again (search-as-you-type asks for every pause), and the
 * vocabulary changes slowly. A key added since is found after at most
 * TYPO_CACHE_MS (only typo neighbours wait: exact and sound-alike keys never
 * go through this cache).
 */
const TYPO_CACHE_MS = 5 * 60 * 1000;
const TYPO_CACHE_ENTRIES = 20_000;
const typoKeyCache = new (class {
  private readonly entries = new Map<string, { keys: string[]; until: number }>();

  has(key: string): boolean {
    return this.get(key) !== undefined;
  }

  get(key: string): string[] | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    if (entry.until < Date.now()) {
      this.entries.delete(key);
      return undefined;
    }
    return entry.keys;
  }

  set(key: string, keys: string[]): void {
    if (this.entries.size >= TYPO_CACHE_ENTRIES) this.entries.delete(this.entries.keys().next().value!);
    this.entries.set(key, { keys, until: Date.now() + TYPO_CACHE_MS });
  }
})();
