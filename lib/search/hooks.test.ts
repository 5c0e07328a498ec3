import { afterEach, describe, expect, it, vi } from "vitest";
import { fetchSearch, retryAfterSeconds, SearchRequestError, searchRetryDelay, shouldRetrySearch } from "./hooks.ts";
import { searchKeys } from "./keys.ts";

const ANSWER = {
  query: "jose perez",
  results: [
    {
      id: "0b8f7f5e-6a53-4c1e-9f3e-2f0d6c1b9a10",
      name: "José Luis Pérez Rodríguez",
      match: "exact",
      score: 0.93,
      status: "release_reported",
      releasedOn: "2026-01",
      externalRef: null,
    },
  ],
};

function answerWith(status: number, body: unknown, headers: Record<string, string> = {}) {
  return vi.fn(async () => new Response(typeof body === "string" ? body : JSON.stringify(body), { status, headers }));
}

afterEach(() => vi.unstubAllGlobals());

describe("fetchSearch", () => {
  it("asks GET /api/v1/search with q and limit, passing the abort signal", async () => {
    const fetchMock = answerWith(200, ANSWER);
    vi.stubGlobal("fetch", fetchMock);
    const signal = new AbortController().signal;
    await expect(fetchSearch("josé pérez", 10, signal)).resolves.toEqual(ANSWER);
    const [url, init] = fetchMock.mock.calls[0] as unknown as [string, RequestInit];
    expect(url).toBe("/api/v1/search?q=jos%C3%A9+p%C3%A9rez&limit=10");
    expect(init.signal).toBe(signal);
  });

  it("a 429 carries Retry-After", async () => {
    vi.stubGlobal("fetch", answerWith(429, { error: { code: "rate_limited", message: "Too many requests" } }, { "Retry-After": "7" }));
    const error = await fetchSearch("ana", 10).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SearchRequestError);
    expect((error as SearchRequestError).failure).toBe("rateLimited");
    expect((error as SearchRequestError).retryAfterSeconds).toBe(7);
  });

  it("a 400 is a refused query", async () => {
    vi.stubGlobal("fetch", answerWith(400, { error: { code: "invalid_input", message: "Invalid query: q: …" } }));
    const error = (await fetchSearch("%%", 10).catch((e: unknown) => e)) as SearchRequestError;
    expect(error.failure).toBe("invalid");
  });

  it("a 500 or another refusal is the server being unavailable", async () => {
    vi.stubGlobal("fetch", answerWith(503, "busy"));
    expect(((await fetchSearch("ana", 10).catch((e: unknown) => e)) as SearchRequestError).failure).toBe("unavailable");
    vi.stubGlobal("fetch", answerWith(404, { error: { code: "not_found", message: "x" } }));
    expect(((await fetchSearch("ana", 10).catch((e: unknown) => e)) as SearchRequestError).failure).toBe("unavailable");
  });

  it("no connection, or a page that is not a search answer (a captive portal), is offline", async () => {
    vi.stubGlobal("fetch", vi.fn(async () => Promise.reject(new TypeError("Failed to fetch"))));
    expect(((await fetchSearch("ana", 10).catch((e: unknown) => e)) as SearchRequestError).failure).toBe("offline");
    vi.stubGlobal("fetch", answerWith(200, "<html>Wi-Fi login</html>"));
    expect(((await fetchSearch("ana", 10).catch((e: unknown) => e)) as SearchRequestError).failure).toBe("offline");
  });

  it("a cancelled request stays a cancellation (TanStack Query drops it quietly)", async () => {
    vi.stubGlobal("fetch", vi.fn(async () => Promise.reject(new DOMException("aborted", "AbortError"))));
    const error = await fetchSearch("ana", 10).catch((e: unknown) => e);
    expect((error as Error).name).toBe("AbortError");
  });
});

describe("retryAfterSeconds", () => {
  it.each([
    ["7", 7],
    [" 60 ", 60],
    [null, null],
    ["", null],
    ["soon", null],
  ])("%j → %j", (header, seconds) => {
    expect(retryAfterSeconds(header)).toBe(seconds);
  });

  it("reads an HTTP date as the seconds until then", () => {
    const now = Date.parse("2026-01-12T10:00:00Z");
    expect(retryAfterSeconds("Mon, 12 Jan 2026 10:00:30 GMT", now)).toBe(30);
    expect(retryAfterSeconds("Mon, 12 Jan 2026 09:00:00 GMT", now)).toBe(0);
  });
});

describe("retry policy", () => {
  const offline = new SearchRequestError(0);
  const limited = new SearchRequestError(429, 12);
  const refused = new SearchRequestError(400);
  const broken = new SearchRequestError(500);

  it("keeps trying after a lost connection, with a pause that grows to 15 s", () => {
    expect(shouldRetrySearch(50, offline)).toBe(true);
    expect([0, 1, 2, 3, 4, 10].map((n) => searchRetryDelay(n, offline))).toEqual([1000, 2000, 4000, 8000, 15000, 15000]);
  });

  it("waits exactly what Retry-After says after too many searches, a few times", () => {
    expect(searchRetryDelay(0, limited)).toBe(12_000);
    expect(shouldRetrySearch(4, limited)).toBe(true);
    expect(shouldRetrySearch(5, limited)).toBe(false);
  });

  it("never asks again for a refused query; a server error a few times", () => {
    expect(shouldRetrySearch(0, refused)).toBe(false);
    expect(shouldRetrySearch(2, broken)).toBe(true);
    expect(shouldRetrySearch(3, broken)).toBe(false);
  });
});

describe("searchKeys", () => {
  it("one entry per text and limit, under one prefix", () => {
    expect(searchKeys.answer("ana p", 10)).toEqual(["search", "answer", { text: "ana p", limit: 10 }]);
    expect(searchKeys.answer("ana p", 10).slice(0, 2)).toEqual([...searchKeys.answers()]);
  });
});
