import type { MatchKind } from "../search/match.ts";

/**
 * THE rule that says which lines of a name list are linked to a person
 * without a moderator (DESIGN.md rules 5 and 6), pure so that it is tested on
 * its own. Everything it does not link goes to the matching queue.
 *
 * 1. A cédula printed on the list that is exactly one person's links to that
 *    person — unless the printed name does not match that person at all (a
 *    misprinted cédula would link a stranger): then the moderator decides.
 * 2. A name whose best candidate is `exact` (every printed word is a word of
 *    the person's name) and is the ONLY exact candidate links to that person,
 *    when the name has two words or more, all candidates were judged (not
 *    cut off at the retrieval limit), and the printed cédula, if any, does
 *    not contradict the cédula on record.
 * 3. Anything else with candidates waits in the queue with the best one
 *    suggested and up to five shown; with none, it waits with none (the
 *    moderator may create a person, or say nobody on record is this name:
 *    "announced, not seen").
 */
export interface Candidate {
  personId: string;
  match: MatchKind;
  score: number;
}

export interface NameLookup {
  /** Digits of the cédula printed on the line, when one was printed and reads as a cédula. */
  printedCedulaDigits: string | null;
  /** Identifying words of the printed name (particles and initials aside). */
  nameWords: number;
  /** People whose cédula has the printed digits, with how the printed name matches each (null: not at all). */
  byCedula: readonly { personId: string; match: MatchKind | null; score: number }[];
  /** People found by the printed name, best first, each with the digits of their cédula on record. */
  byName: readonly (Candidate & { cedulaDigits: string | null })[];
  /** More people met every word than the search judged. */
  truncated: boolean;
}

export interface LineDecision {
  linkMethod: "automatic" | "pending";
  personId: string | null;
  /** How the link or the best candidate matched: exact, close, partial, or cedula. */
  matchKind: MatchKind | "cedula" | null;
  matchScore: number | null;
  suggestedPersonId: string | null;
  /** Up to five, best first (empty for an automatic link). */
  candidates: Candidate[];
}

export const MAX_CANDIDATES = 5;

export function decideLine(lookup: NameLookup): LineDecision {
  const { byCedula, byName } = lookup;

  if (byCedula.length === 1 && (byCedula[0]!.match !== null || lookup.nameWords === 0)) {
    return { linkMethod: "automatic", personId: byCedula[0]!.personId, matchKind: "cedula", matchScore: 1, suggestedPersonId: null, candidates: [] };
  }

  const exact = byName.filter((candidate) => candidate.match === "exact");
  const only = exact.length === 1 ? exact[0]! : null;
  const contradicted =
    only !== null && lookup.printedCedulaDigits !== null && only.cedulaDigits !== null && only.cedulaDigits !== lookup.printedCedulaDigits;
  if (byCedula.length === 0 && only && byName[0] === only && lookup.nameWords >= 2 && !lookup.truncated && !contradicted) {
    return { linkMethod: "automatic", personId: only.personId, matchKind: "exact", matchScore: only.score, suggestedPersonId: null, candidates: [] };
  }

  // To the queue: people with the printed cédula first (as exact: a cédula is exact), then by name.
  const candidates: Candidate[] = [];
  const add = (candidate: Candidate) => {
    if (candidates.length < MAX_CANDIDATES && !candidates.some((known) => known.personId === candidate.personId)) candidates.push(candidate);
  };
  for (const person of byCedula) add({ personId: person.personId, match: "exact", score: 1 });
  for (const { personId, match, score } of byName) add({ personId, match, score });
  const best = candidates[0] ?? null;
  return {
    linkMethod: "pending",
    personId: null,
    matchKind: best ? (byCedula.some((person) => person.personId === best.personId) ? "cedula" : best.match) : null,
    matchScore: best?.score ?? null,
    suggestedPersonId: best?.personId ?? null,
    candidates,
  };
}
