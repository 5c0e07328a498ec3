import { describe, expect, it } from "vitest";
import type { SearchResponse, SearchResult } from "@/lib/search/schema.ts";
import { searchView, type SearchState } from "./search-view.ts";

function result(n: number): SearchResult {
  return {
    id: `00000000-0000-4000-8000-${String(n).padStart(12, "0")}`,
    name: `Persona ${n}`,
    match: "close",
    score: 0.8,
    status: "detained",
    releasedOn: null,
    externalRef: null,
  };
}
const answer = (query: string, count: number): SearchResponse => ({ query, results: Array.from({ length: count }, (_, i) => result(i)) });

const base: SearchState = {
  checked: { ok: true, text: "jose perez" },
  answer: undefined,
  isPlaceholder: false,
  paused: false,
  failure: null,
  gaveUp: false,
  limit: 10,
};

describe("searchView", () => {
  it("says nothing for an empty box, gently asks for more under 2 characters, lists nothing", () => {
    expect(searchView({ ...base, checked: { ok: false, problem: "empty" } })).toMatchObject({ line: { kind: "none" }, results: null });
    expect(searchView({ ...base, checked: { ok: false, problem: "tooShort" }, answer: answer("jose", 3) })).toMatchObject({
      line: { kind: "problem", key: "tooShort" },
      results: null,
    });
  });

  it("is searching until the first answer, then counts it", () => {
    expect(searchView(base).line).toEqual({ kind: "searching" });
    expect(searchView({ ...base, answer: answer("jose perez", 3) })).toMatchObject({
      line: { kind: "results", count: 3, query: "jose perez" },
      stale: false,
      refine: false,
    });
  });

  it("keeps the previous results while the next ones load", () => {
    const view = searchView({ ...base, answer: answer("jose", 4), isPlaceholder: true });
    expect(view.line).toEqual({ kind: "searching" });
    expect(view.results).toHaveLength(4);
    expect(view.stale).toBe(true);
  });

  it("offers the subscription when nobody was found", () => {
    expect(searchView({ ...base, answer: answer("jose perez", 0) })).toMatchObject({
      line: { kind: "noResults", query: "jose perez" },
      noResultsFor: "jose perez",
    });
  });

  it("suggests another word when the results fill the limit", () => {
    expect(searchView({ ...base, answer: answer("jose perez", 10) }).refine).toBe(true);
  });

  it("a refused text lists nothing and says so", () => {
    expect(searchView({ ...base, answer: answer("jose", 2), isPlaceholder: true, failure: { kind: "invalid", retryAfterSeconds: null } })).toMatchObject({
      line: { kind: "problem", key: "invalid" },
      results: null,
    });
  });

  it("too many searches: how long to wait, results kept", () => {
    const view = searchView({ ...base, answer: answer("jose", 2), isPlaceholder: true, failure: { kind: "rateLimited", retryAfterSeconds: 12 } });
    expect(view.line).toEqual({ kind: "problem", key: "rateLimitedSeconds", count: 12 });
    expect(view.results).toHaveLength(2);
    expect(searchView({ ...base, failure: { kind: "rateLimited", retryAfterSeconds: 1800 } }).line).toEqual({
      kind: "problem",
      key: "rateLimitedMinutes",
      count: 30,
    });
  });

  it("offline (failed or paused): the last results stay, with a word that it will retry", () => {
    for (const state of [
      { ...base, answer: answer("jose", 2), isPlaceholder: true, failure: { kind: "offline" as const, retryAfterSeconds: null } },
      { ...base, answer: answer("jose", 2), isPlaceholder: true, paused: true },
    ]) {
      const view = searchView(state);
      expect(view.line).toEqual({ kind: "problem", key: "offline" });
      expect(view.results).toHaveLength(2);
      expect(view.stale).toBe(true);
      expect(view.offerRetry).toBe(false);
    }
  });

  it("server errors: retrying, then a button once the tries are over", () => {
    expect(searchView({ ...base, failure: { kind: "unavailable", retryAfterSeconds: null } }).line).toEqual({ kind: "problem", key: "unavailable" });
    expect(searchView({ ...base, failure: { kind: "unavailable", retryAfterSeconds: null }, gaveUp: true })).toMatchObject({
      line: { kind: "problem", key: "failed" },
      offerRetry: true,
    });
  });
});
