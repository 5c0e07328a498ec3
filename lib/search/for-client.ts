import { enforceRateLimit } from "../api/guard.ts";
import { searchPeople } from "./data.ts";
import { parseCedula } from "./normalize.ts";
import { CEDULA_SEARCH_RATE_LIMIT, SEARCH_RATE_LIMIT } from "./policy.ts";
import type { SearchResponse } from "./schema.ts";

/**
 * The public search as one client may run it: every way in (GET
 * /api/v1/search, the server-rendered /buscar) counts against the same
 * per-client limits, so that none is a way round them. `route()` counts the
 * general limit itself (it is declared on the route for the API document), so
 * the route passes `countGeneral: false`.
 */
export async function searchForClient(
  text: string,
  limit: number,
  clientKey: string,
  options: { countGeneral: boolean },
): Promise<SearchResponse> {
  if (options.countGeneral) await enforceRateLimit(SEARCH_RATE_LIMIT, clientKey);
  if (parseCedula(text)) await enforceRateLimit(CEDULA_SEARCH_RATE_LIMIT, clientKey);
  return searchPeople(text, limit);
}
