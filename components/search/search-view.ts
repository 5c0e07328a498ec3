import type { SearchFailure } from "@/lib/search/hooks.ts";
import type { SearchResponse, SearchResult } from "@/lib/search/schema.ts";
import { fillsLimit, waitWords } from "./result-words.ts";
import type { CheckedText } from "./search-text.ts";

/**
 * What the search box shows for where the search stands (pure, so every
 * state can be tested without a browser): one status line, read aloud when
 * it changes, and which results stay on screen.
 *
 * The rule throughout: results that arrived stay until better ones replace
 * them — while the next ones load, while the connection is lost, while the
 * server asks to slow down — and the line says why they may be old.
 */
export type ProblemKey =
  | "tooShort"
  | "tooLong"
  | "notText"
  | "needsLetters"
  | "invalid"
  | "rateLimitedSeconds"
  | "rateLimitedMinutes"
  | "offline"
  | "unavailable"
  | "failed";

export type StatusLine =
  | { kind: "none" }
  | { kind: "problem"; key: ProblemKey; count?: number }
  | { kind: "searching" }
  | { kind: "results"; count: number; query: string }
  | { kind: "noResults"; query: string };

export interface SearchView {
  line: StatusLine;
  /** The results to list (possibly those of an earlier text); null lists nothing. */
  results: SearchResult[] | null;
  /** The listed results are not (yet) the answer to what is typed now. */
  stale: boolean;
  /** The text that found nobody: the place to offer "tell me when they appear". */
  noResultsFor: string | null;
  /** A full page was returned: suggest another given name or surname. */
  refine: boolean;
  /** The search gave up after server errors: offer to try again. */
  offerRetry: boolean;
}

export interface SearchState {
  checked: CheckedText;
  /** The answer on screen (TanStack's data, the previous text's while the next loads). */
  answer: SearchResponse | undefined;
  isPlaceholder: boolean;
  /** TanStack paused the request because the browser is offline. */
  paused: boolean;
  /** The last failure, while retrying (failureReason) or for good (error). */
  failure: { kind: SearchFailure; retryAfterSeconds: number | null } | null;
  /** The failure is final: no more tries will follow by themselves. */
  gaveUp: boolean;
  limit: number;
}

const NOTHING: Omit<SearchView, "line"> = { results: null, stale: false, noResultsFor: null, refine: false, offerRetry: false };

export function searchView(state: SearchState): SearchView {
  const { checked, answer, isPlaceholder, failure } = state;
  if (!checked.ok) {
    return { ...NOTHING, line: checked.problem === "empty" ? { kind: "none" } : { kind: "problem", key: checked.problem } };
  }
  // The server refused the text itself: its old results would answer something else.
  if (failure?.kind === "invalid") return { ...NOTHING, line: { kind: "problem", key: "invalid" } };

  const results = answer?.results ?? null;
  const stale = isPlaceholder;
  const trouble = failure ?? (state.paused ? { kind: "offline" as const, retryAfterSeconds: null } : null);
  if (trouble) {
    const line = problemLine(trouble.kind, trouble.retryAfterSeconds, state.gaveUp);
    return { ...NOTHING, line, results, stale, offerRetry: state.gaveUp };
  }
  if (!answer) return { ...NOTHING, line: { kind: "searching" } };
  if (stale) return { ...NOTHING, line: { kind: "searching" }, results, stale };
  if (answer.results.length === 0) return { ...NOTHING, line: { kind: "noResults", query: answer.query }, results: [], noResultsFor: answer.query };
  return {
    ...NOTHING,
    line: { kind: "results", count: answer.results.length, query: answer.query },
    results,
    refine: fillsLimit(answer.results.length, state.limit),
  };
}

function problemLine(kind: SearchFailure, retryAfterSeconds: number | null, gaveUp: boolean): StatusLine {
  // No promise of trying again once the tries are over: the screen offers a button instead.
  if (gaveUp) return { kind: "problem", key: "failed" };
  switch (kind) {
    case "rateLimited": {
      const wait = waitWords(retryAfterSeconds ?? 5);
      return { kind: "problem", key: wait.unit === "seconds" ? "rateLimitedSeconds" : "rateLimitedMinutes", count: wait.count };
    }
    case "offline":
      return { kind: "problem", key: "offline" };
    case "unavailable":
      return { kind: "problem", key: "unavailable" };
    case "invalid":
      return { kind: "problem", key: "invalid" };
  }
}
