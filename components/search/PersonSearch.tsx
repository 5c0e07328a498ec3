"use client";

import { useTranslations } from "next-intl";
import { useEffect, useId, useState, type FormEvent } from "react";
import { SubscribeForm } from "@/components/subscriptions/SubscribeForm.tsx";
import { SearchRequestError, useSearchAnswer, useSettledText, type InitialAnswer } from "@/lib/search/hooks.ts";
import { SEARCH_DEFAULT_LIMIT, SEARCH_MAX_LENGTH } from "@/lib/search/schema.ts";
import { SearchResultList } from "./SearchResultList.tsx";
import { checkSearchText } from "./search-text.ts";
import { searchView, type SearchState, type StatusLine } from "./search-view.ts";
import styles from "./PersonSearch.module.css";

/** Where /buscar?q=… starts when the server has already searched (or been told to slow down). */
export interface SearchStart {
  text: string;
  answer: InitialAnswer | null;
  rateLimitedFor: number | null;
}

/**
 * Search as you type, for the home page and /buscar.
 *
 * Without JavaScript it is a plain GET form to /buscar, which the server
 * answers with the same markup. With JavaScript, results come while typing
 * (after a short pause) and the typed text — it may be a cédula — never goes
 * into the address bar or the browser's history; it is kept in this tab only
 * (sessionStorage), so that "back" from a person's page finds the search again.
 */
export function PersonSearch({ level, start = null }: { level: 2 | 3; start?: SearchStart | null }) {
  const t = useTranslations("search");
  const inputId = useId();
  const hintId = `${inputId}-hint`;
  const [text, setText] = useState(start?.text ?? "");
  const [settled, settleNow] = useSettledText(text);
  const checked = checkSearchText(settled);
  const query = useSearchAnswer(checked.ok ? checked.text : null, SEARCH_DEFAULT_LIMIT, start?.answer ?? null);
  useTextOutOfAddress();
  useTextKeptInTab(settled, start?.text ?? "", (saved) => {
    setText(saved);
    settleNow(saved);
  });

  const view = searchView({
    checked,
    answer: query.data,
    isPlaceholder: query.isPlaceholderData,
    paused: query.fetchStatus === "paused",
    failure: failureOf(query.error ?? query.failureReason, start, settled, query.data !== undefined),
    gaveUp: query.isError,
    limit: SEARCH_DEFAULT_LIMIT,
  });

  function submit(event: FormEvent<HTMLFormElement>) {
    // The search is already on screen (or on its way): no page load, nothing in the address bar.
    event.preventDefault();
    settleNow(text);
  }

  return (
    <div className={styles.search}>
      <form action="/buscar" method="get" role="search" className={styles.form} onSubmit={submit}>
        <label htmlFor={inputId} className={styles.label}>
          {t("label")}
        </label>
        <p id={hintId} className="hint">
          {t("hint")}
        </p>
        <div className={styles.row}>
          <input
            id={inputId}
            name="q"
            type="search"
            className={`input ${styles.input}`}
            value={text}
            onChange={(event) => setText(event.target.value)}
            maxLength={SEARCH_MAX_LENGTH}
            autoComplete="off"
            autoCorrect="off"
            autoCapitalize="none"
            spellCheck={false}
            enterKeyHint="search"
            aria-describedby={hintId}
            data-testid="search-input"
          />
          <button type="submit" className="button" data-testid="search-submit">
            {t("button")}
          </button>
        </div>
      </form>

      <p role="status" className={styles.statusLine} data-testid="search-status" data-kind={view.line.kind}>
        {lineText(t, view.line)}
      </p>
      {view.stale && view.line.kind === "problem" ? <p className={styles.detail}>{t("showingPrevious")}</p> : null}
      {view.offerRetry ? (
        <button type="button" className="button button-secondary" onClick={() => void query.refetch()} data-testid="search-retry">
          {t("retry")}
        </button>
      ) : null}

      {view.results && view.results.length > 0 ? <SearchResultList results={view.results} level={level} stale={view.stale} /> : null}
      {view.refine ? (
        <p className={`notice ${styles.after}`} data-testid="search-refine">
          {t("refine")}
        </p>
      ) : null}

      {view.noResultsFor !== null ? <NoResults query={view.noResultsFor} level={level} /> : null}
    </div>
  );
}

/** Nobody found: say calmly what that does and does not mean, and offer to be told. */
function NoResults({ query, level }: { query: string; level: 2 | 3 }) {
  const t = useTranslations("search");
  const headingId = useId();
  const Heading = level === 2 ? "h2" : "h3";
  return (
    <div className={styles.after} data-testid="search-no-results">
      <p className="notice">{t("noResultsHelp")}</p>
      <section aria-labelledby={headingId} className={styles.notify}>
        <Heading id={headingId}>{t("notifyHeading")}</Heading>
        <SubscribeForm query={query} />
      </section>
    </div>
  );
}

type SearchT = ReturnType<typeof useTranslations<"search">>;

function lineText(t: SearchT, line: StatusLine): string {
  switch (line.kind) {
    case "none":
      return "";
    case "searching":
      return t("searching");
    case "results":
      return t("resultsFor", { count: line.count, query: line.query });
    case "noResults":
      return t("noResults", { query: line.query });
    case "problem":
      switch (line.key) {
        case "tooLong":
          return t("problem.tooLong", { max: SEARCH_MAX_LENGTH });
        case "rateLimitedSeconds":
        case "rateLimitedMinutes":
          return t(`problem.${line.key}`, { count: line.count ?? 1 });
        default:
          return t(`problem.${line.key}`);
      }
  }
}

/**
 * The failure to show: the request's own (while it retries, or for good), or
 * — before the browser has asked anything — the server page's "too many
 * searches" for the text it was given.
 */
function failureOf(error: unknown, start: SearchStart | null, settled: string, hasAnswer: boolean): SearchState["failure"] {
  if (error instanceof SearchRequestError) return { kind: error.failure, retryAfterSeconds: error.retryAfterSeconds };
  if (error) return { kind: "unavailable", retryAfterSeconds: null };
  if (start?.rateLimitedFor != null && settled === start.text && !hasAnswer) {
    return { kind: "rateLimited", retryAfterSeconds: start.rateLimitedFor };
  }
  return null;
}

/**
 * /buscar?q=… (a form sent without JavaScript, or a link): once the script
 * runs, the text lives in the box, and the address loses it, so that it
 * stays out of the history and never disagrees with what is on screen.
 */
function useTextOutOfAddress() {
  useEffect(() => {
    const url = new URL(window.location.href);
    if (!url.searchParams.has("q")) return;
    url.searchParams.delete("q");
    window.history.replaceState(window.history.state, "", `${url.pathname}${url.search}${url.hash}`);
  }, []);
}

const TAB_KEY = "constancia.search";

/** The settled text, kept for this tab only, and given back once when the page opens with an empty box. */
function useTextKeptInTab(settled: string, startText: string, restore: (saved: string) => void) {
  const [restored, setRestored] = useState(false);
  useEffect(() => {
    // Once, when the page opens; an address with ?q= says what to search instead.
    const saved = startText === "" ? readTab() : null;
    if (saved) restore(saved);
    setRestored(true);
  }, []);
  useEffect(() => {
    // Not before the saved text is back: the empty box would erase it.
    if (restored) writeTab(settled);
  }, [restored, settled]);
}

// Storage can be refused (private modes, full quota): the search works without it.
function readTab(): string | null {
  try {
    return window.sessionStorage.getItem(TAB_KEY);
  } catch {
    return null;
  }
}

function writeTab(text: string) {
  try {
    if (text.trim() === "") window.sessionStorage.removeItem(TAB_KEY);
    else window.sessionStorage.setItem(TAB_KEY, text);
  } catch {
    // nothing to keep then
  }
}
