import type { Disclosure } from "../generated/prisma/enums.ts";
import { prepareCandidate, QueryMatcher, type PersonName } from "../search/match.ts";
import { parseCedula } from "../search/normalize.ts";

/**
 * Which search subscriptions a person's verified release answers: those whose
 * search would find the person publicly (DESIGN.md rules 4 and 5), exactly
 * or closely. Partial matches are left out: a mail says "this may be who you
 * are looking for", and a partial match is too weak a reason to write.
 *
 * - public disclosure: by name or by cédula;
 * - initials only: only a search that is that person's exact cédula (whoever
 *   typed the full cédula already knows it);
 * - withheld: never.
 */
export interface MatchablePerson extends PersonName {
  disclosure: Disclosure;
}

export function searchFindsPerson(query: string, person: MatchablePerson): boolean {
  return matchingSearches([{ query }], person).length === 1;
}

export function matchingSearches<T extends { query: string }>(searches: readonly T[], person: MatchablePerson): T[] {
  if (person.disclosure === "withheld") return [];
  const candidate = prepareCandidate(person);
  return searches.filter(({ query }) => {
    if (person.disclosure !== "public" && parseCedula(query) === null) return false;
    const { match } = new QueryMatcher(query).match(candidate);
    return match === "exact" || match === "close";
  });
}
