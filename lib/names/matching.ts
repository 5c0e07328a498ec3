import { QueryMatcher, MAX_QUERY_WORDS } from "../search/match.ts";
import { everyoneWithCedula, searchEveryone } from "../search/data.ts";
import { parseCedula } from "../search/normalize.ts";
import { requiredWords } from "../search/retrieval-keys.ts";
import { decideLine, MAX_CANDIDATES, type LineDecision } from "./decide.ts";

/**
 * One printed line against every person on record, through the search
 * module (DESIGN.md rule 5), then the decision rule (decide.ts). Reads only.
 */
export async function matchPrintedLine(nameAsPrinted: string, identifierAsPrinted: string | null): Promise<LineDecision> {
  const cedula = identifierAsPrinted ? parseCedula(identifierAsPrinted.replace(/,/g, ".")) : null;
  const [byName, withCedula] = await Promise.all([
    searchEveryone(nameAsPrinted, MAX_CANDIDATES + 1),
    cedula ? everyoneWithCedula(cedula.digits) : Promise.resolve([]),
  ]);
  const matcher = new QueryMatcher(nameAsPrinted);
  return decideLine({
    printedCedulaDigits: cedula?.digits ?? null,
    nameWords: requiredWords(nameAsPrinted, MAX_QUERY_WORDS).length,
    byCedula: withCedula.map((person) => {
      const { match, score } = matcher.match(person);
      return { personId: person.id, match, score };
    }),
    byName: byName.ranked.map((entry) => ({
      personId: entry.person.id,
      match: entry.match,
      score: entry.score,
      cedulaDigits: entry.person.cedulaDigits,
    })),
    truncated: byName.truncated,
  });
}

/** `work` over `items`, at most `concurrency` at a time, results in the items' order. */
export async function mapConcurrently<T, R>(items: readonly T[], concurrency: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await work(items[index]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, items.length) }, worker));
  return results;
}
