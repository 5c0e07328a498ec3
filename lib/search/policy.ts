import type { RateLimitRule } from "../api/guard.ts";
import { env } from "../env.ts";

/**
 * What keeps the public search from being used to enumerate people (DESIGN.md
 * rule 4, issue 5): a minimum query length and no wildcard-only queries
 * (schema.ts), at most SEARCH_MAX_LIMIT results, and per-client limits counted
 * in PostgreSQL so that they hold across every app instance.
 */

/**
 * Search-as-you-type sends one request per pause in typing; a family searching
 * types a few names a minute. Read once, when the server starts
 * (CONSTANCIA_SEARCH_RATE_LIMIT): the route and its OpenAPI entry share the object.
 */
export const SEARCH_RATE_LIMIT: RateLimitRule = { name: "search", limit: env.searchRateLimit(), windowSeconds: 60 };

/**
 * A cédula finds even initials-only people, so guessing cédulas one after the
 * other would list them: cédula searches get their own, much smaller allowance.
 */
export const CEDULA_SEARCH_RATE_LIMIT: RateLimitRule = {
  name: "search-cedula",
  // CONSTANCIA_CEDULA_SEARCH_RATE_LIMIT (30) an hour, and never more than a quarter of the per-minute allowance.
  limit: Math.max(1, Math.min(env.cedulaSearchRateLimit(), Math.floor(SEARCH_RATE_LIMIT.limit / 4))),
  windowSeconds: 3_600,
};
