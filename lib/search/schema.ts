import { z } from "zod";
import { foldText } from "./normalize.ts";

/**
 * The public search's input and answer (API.md "GET /api/v1/search"), shared by
 * the route, the home page's search-as-you-type and the server-rendered /buscar.
 */
export const SEARCH_MIN_LENGTH = 2;
export const SEARCH_MAX_LENGTH = 200;
export const SEARCH_DEFAULT_LIMIT = 10;
export const SEARCH_MAX_LIMIT = 50;

/** Control characters (NUL, escape…) never belong in a name or a cédula: a binary query. */
const CONTROL_CHARACTERS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\ufffd]/u;

export const searchTextSchema = z
  .string({ error: "Type a name or a cédula (q)." })
  .max(SEARCH_MAX_LENGTH, { error: `A search has at most ${SEARCH_MAX_LENGTH} characters.` })
  .refine((text) => !CONTROL_CHARACTERS.test(text), { error: "The search contains characters that are not text." })
  .transform((text) => text.trim().replace(/\s+/g, " "))
  .refine((text) => text.length >= SEARCH_MIN_LENGTH, {
    error: `Type at least ${SEARCH_MIN_LENGTH} characters.`,
  })
  // "%%", "__", "**" or "--" alone would ask for everyone: a search needs letters or digits.
  .refine((text) => foldText(text).replace(/\s/g, "").length >= SEARCH_MIN_LENGTH, {
    error: "A search needs at least two letters or digits.",
  });

export const searchQuerySchema = z.strictObject({
  q: searchTextSchema,
  limit: z.coerce
    .number({ error: `limit: a whole number from 1 to ${SEARCH_MAX_LIMIT}.` })
    .int({ error: `limit: a whole number from 1 to ${SEARCH_MAX_LIMIT}.` })
    .min(1, { error: `limit: a whole number from 1 to ${SEARCH_MAX_LIMIT}.` })
    .max(SEARCH_MAX_LIMIT, { error: `limit: at most ${SEARCH_MAX_LIMIT}.` })
    .default(SEARCH_DEFAULT_LIMIT),
});
export type SearchQuery = z.infer<typeof searchQuerySchema>;

export const searchStatusSchema = z.enum(["detained", "release_reported", "release_verified"]);
export type SearchStatus = z.infer<typeof searchStatusSchema>;

export const searchResultSchema = z.object({
  id: z.uuid(),
  /** The name as its disclosure allows: full, or initials for a person found by an exact cédula. */
  name: z.string(),
  match: z.enum(["exact", "close", "partial"]),
  score: z.number().min(0).max(1),
  status: searchStatusSchema,
  /** "2026-01-12" (day), "2026-01" (month) or null. */
  releasedOn: z.string().nullable(),
  externalRef: z.string().nullable(),
});
export type SearchResult = z.infer<typeof searchResultSchema>;

export const searchResponseSchema = z.object({
  query: z.string(),
  results: z.array(searchResultSchema),
});
export type SearchResponse = z.infer<typeof searchResponseSchema>;
