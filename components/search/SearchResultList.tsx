"use client";

import Link from "next/link";
import { useLocale, useTranslations } from "next-intl";
import { useId } from "react";
import type { SearchResult } from "@/lib/search/schema.ts";
import { isInitialsOnly, releaseMonth, statusKey } from "./result-words.ts";
import styles from "./PersonSearch.module.css";

/**
 * The people found, best first: each name links to the public page, with the
 * status said plainly, how strongly the name matched, and the release month.
 * Only what the search answer carries, which is already what DESIGN.md rule 4
 * lets the public see.
 */
export function SearchResultList({ results, level, stale }: { results: SearchResult[]; level: 2 | 3; stale: boolean }) {
  const t = useTranslations("search");
  const tStatus = useTranslations("status");
  const locale = useLocale();
  const Heading = level === 2 ? "h2" : "h3";
  const NameHeading = level === 2 ? "h3" : "h4";
  const headingId = useId();

  return (
    <section aria-labelledby={headingId} className={styles.resultsSection}>
      {/* The status line above already says how many; the heading is for moving through the page by headings. */}
      <Heading id={headingId} className="visually-hidden">
        {t("resultsHeading")}
      </Heading>
      <ol className={`${styles.results} ${stale ? styles.stale : ""}`} aria-busy={stale} data-testid="search-results">
        {results.map((result) => {
          const status = statusKey(result.status);
          const month = releaseMonth(locale, result.releasedOn);
          return (
            <li key={result.id} className={styles.result} data-testid="search-result" data-person-id={result.id}>
              <NameHeading className={styles.name}>
                {/* No prefetch: ten person pages per keystroke pause would cost more than the search. */}
                <Link href={`/persona/${result.id}`} prefetch={false} className={styles.link} data-testid="search-result-link">
                  {result.name}
                </Link>
              </NameHeading>
              <p className={styles.facts}>
                <span className={`${styles.status} ${styles[status]}`} data-testid="search-result-status" data-status={result.status}>
                  <span className="visually-hidden">{t("statusLabel")}: </span>
                  {tStatus(status)}
                </span>
                <span className={styles.match} data-testid="search-result-match" data-match={result.match}>
                  {t(`match.${result.match}`)}
                </span>
              </p>
              {result.status !== "detained" ? (
                <p className={styles.detail} data-testid="search-result-month">
                  {month ? t("releasedIn", { month }) : t("releaseDateUnknown")}
                </p>
              ) : null}
              {isInitialsOnly(result.name) ? (
                <p className={styles.detail} data-testid="search-result-initials">
                  {t("initialsNote")}
                </p>
              ) : null}
            </li>
          );
        })}
      </ol>
    </section>
  );
}
