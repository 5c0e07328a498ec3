import { CEDULA_SEARCH_RATE_LIMIT, SEARCH_RATE_LIMIT } from "../../../search/policy.ts";
import { searchQuerySchema, searchResponseSchema } from "../../../search/schema.ts";
import type { Operation } from "../registry.ts";


export const searchOperations: readonly Operation[] = [
  {
    operationId: "searchPeople",
    method: "GET",
    path: "/api/v1/search",
    summary: "Find a person by name or cédula",
    description:
      "Matches names the way Venezuelans write them: case, accents and ñ ignored, any word order, a given name or " +
      "surname missing, initials, particles joined or split (\"De la Cruz\", \"Delacruz\"), typos (one edit in words " +
      "of 4–7 letters, two from 8) and Spanish sound-alikes (b/v, s/z/c, y/ll, silent h, g/j, c/qu/k, x/j). A cédula " +
      "in any format (V-12.345.678, v12345678, 12.345.678) matches exactly or not at all. `match` is `exact` when " +
      "every query word equals a different word of the name (or the cédula is equal), `close` when every word " +
      "matches allowing typos, sound-alikes and initials, `partial` when at least half do; best first.\n\n" +
      "Only people whose names are public appear; an initials-only person appears, by initials, only for an exact " +
      "cédula; withheld people never. `releasedOn` is the month of the release the status speaks of. Against " +
      `enumeration: at most 50 results, no wildcard-only queries, and besides the limit below, at most ` +
      `${CEDULA_SEARCH_RATE_LIMIT.limit} cédula searches per client in ${CEDULA_SEARCH_RATE_LIMIT.windowSeconds / 60} minutes.`,
    tags: ["Search"],
    access: "public",
    authenticate: false,
    query: searchQuerySchema,
    rateLimit: SEARCH_RATE_LIMIT,
    responses: { 200: { description: "The people found, best first (possibly none).", schema: searchResponseSchema } },
  },
];
