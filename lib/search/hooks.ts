import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useCallback, useEffect, useState } from "react";
import { searchKeys } from "./keys.ts";
import { searchResponseSchema, type SearchResponse } from "./schema.ts";

/**
 * The public search as the browser asks for it (GET /api/v1/search), for the
 * search-as-you-type box of the home page and /buscar (client components only).
 */

/** How long typing must pause before a search is sent. */
export const SEARCH_DEBOUNCE_MS = 250;

/** What went wrong, in the few kinds the screen words differently. */
export type SearchFailure = "invalid" | "rateLimited" | "offline" | "unavailable";

export class SearchRequestError extends Error {
  override name = "SearchRequestError";
  constructor(
    /** HTTP status; 0 when the server could not be reached or did not answer in JSON. */
    readonly status: number,
    /** Seconds to wait before asking again (429's Retry-After), else null. */
    readonly retryAfterSeconds: number | null = null,
  ) {
    super(`search failed with status ${status}`);
  }

  get failure(): SearchFailure {
    if (this.status === 0) return "offline";
    if (this.status === 429) return "rateLimited";
    if (this.status === 400) return "invalid";
    return "unavailable";
  }
}

/** Retry-After as seconds: a number of seconds or an HTTP date (RFC 9110); null when absent or unreadable. */
export function retryAfterSeconds(header: string | null, now = Date.now()): number | null {
  if (!header) return null;
  const trimmed = header.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed);
  const at = Date.parse(trimmed);
  return Number.isNaN(at) ? null : Math.max(0, Math.ceil((at - now) / 1000));
}

/** GET /api/v1/search; the AbortSignal (from TanStack Query) drops a request that newer typing made stale. */
export async function fetchSearch(text: string, limit: number, signal?: AbortSignal): Promise<SearchResponse> {
  const params = new URLSearchParams({ q: text, limit: String(limit) });
  let response: Response;
  try {
    response = await fetch(`/api/v1/search?${params}`, { signal, credentials: "same-origin", headers: { Accept: "application/json" } });
  } catch (error) {
    if ((error as { name?: string }).name === "AbortError") throw error;
    throw new SearchRequestError(0);
  }
  if (!response.ok) throw new SearchRequestError(response.status, retryAfterSeconds(response.headers.get("Retry-After")));
  // A portal page or a cut-off answer is not a search result: treated as no connection, and retried.
  const parsed = searchResponseSchema.safeParse(await response.json().catch(() => null));
  if (!parsed.success) throw new SearchRequestError(0);
  return parsed.data;
}

const SECOND = 1_000;
/** Longest pause between two tries after a lost connection, so that the search comes back soon after it does. */
const MAX_NETWORK_DELAY = 15 * SECOND;
const SERVER_ERROR_RETRIES = 3;
const RATE_LIMIT_RETRIES = 5;

/**
 * Whether to ask again: a lost connection, always (the screen keeps the last
 * results and says so; TanStack also waits for the browser to be online);
 * "too many searches", when the server said how long to wait; a server error,
 * a few times; a refused query (400), never — asking again would not change it.
 */
export function shouldRetrySearch(failureCount: number, error: unknown): boolean {
  if (!(error instanceof SearchRequestError)) return failureCount < 1;
  switch (error.failure) {
    case "offline":
      return true;
    case "rateLimited":
      return failureCount < RATE_LIMIT_RETRIES;
    case "unavailable":
      return failureCount < SERVER_ERROR_RETRIES;
    case "invalid":
      return false;
  }
}

/** How long before asking again: what Retry-After says, else a doubling pause. */
export function searchRetryDelay(failureCount: number, error: unknown): number {
  if (error instanceof SearchRequestError && error.failure === "rateLimited") {
    // setTimeout cannot wait longer than ~24.8 days; an hour is the longest window the server uses.
    return Math.min(Math.max(1, error.retryAfterSeconds ?? 5) * SECOND, 2 ** 31 - 1);
  }
  return Math.min(SECOND * 2 ** failureCount, MAX_NETWORK_DELAY);
}

/** A server-rendered first answer, so that /buscar?q=… shows its results before any script runs. */
export interface InitialAnswer {
  /** The checked text it answers. */
  text: string;
  answer: SearchResponse;
  fetchedAt: number;
}

/**
 * The answer for `text` (already checked with checkSearchText; null asks for
 * nothing). While the next answer loads — or cannot load — the previous one
 * stays on screen (`isPlaceholderData`), so that results do not flicker.
 */
export function useSearchAnswer(text: string | null, limit: number, initial: InitialAnswer | null = null) {
  const useInitial = initial !== null && text === initial.text;
  return useQuery({
    queryKey: searchKeys.answer(text ?? "", limit),
    queryFn: ({ signal }) => fetchSearch(text!, limit, signal),
    enabled: text !== null,
    placeholderData: keepPreviousData,
    initialData: useInitial ? initial.answer : undefined,
    initialDataUpdatedAt: useInitial ? initial.fetchedAt : undefined,
    staleTime: 30 * SECOND,
    retry: shouldRetrySearch,
    retryDelay: searchRetryDelay,
  });
}

/**
 * The text once typing has paused for `delayMs`, and a way to settle it at
 * once (the search button, Enter).
 */
export function useSettledText(text: string, delayMs = SEARCH_DEBOUNCE_MS): [string, (now: string) => void] {
  const [settled, setSettled] = useState(text);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(text), delayMs);
    return () => clearTimeout(timer);
  }, [text, delayMs]);
  const settleNow = useCallback((now: string) => setSettled(now), []);
  return [settled, settleNow];
}
