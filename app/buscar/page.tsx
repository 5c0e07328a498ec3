import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { SearchForm } from "@/components/search/SearchForm.tsx";
import { formatReleaseMonth } from "@/lib/i18n/format.ts";
import { firstParam } from "@/lib/navigation/search-params.ts";
import { SEARCH_MAX_LIMIT, SEARCH_MIN_LENGTH, searchPublic } from "@/lib/search/data.ts";
import styles from "./page.module.css";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("search");
  return { title: t("title"), robots: { index: false } };
}

export default async function SearchPage({ searchParams }: { searchParams: Promise<{ q?: string | string[] }> }) {
  const query = (firstParam((await searchParams).q) ?? "").trim().slice(0, 200);
  const [locale, t, tStatus] = await Promise.all([getLocale(), getTranslations("search"), getTranslations("status")]);
  const tooShort = query !== "" && query.length < SEARCH_MIN_LENGTH;
  const results = query.length >= SEARCH_MIN_LENGTH ? await searchPublic(query, SEARCH_MAX_LIMIT) : null;

  return (
    <>
      <h1>{t("title")}</h1>
      <p className="prose">{t("intro")}</p>
      <div className={styles.form}>
        <SearchForm defaultValue={query} />
      </div>

      {tooShort ? (
        <p className="notice" role="status" data-testid="search-too-short">
          {t("tooShort")}
        </p>
      ) : null}

      {results && results.length === 0 ? (
        <div className="notice" role="status" data-testid="search-no-results">
          <p className={styles.noResults}>{t("noResults", { query })}</p>
          <p className={styles.noResultsHelp}>{t("noResultsHelp")}</p>
        </div>
      ) : null}

      {results && results.length > 0 ? (
        <section aria-labelledby="search-results">
          <h2 id="search-results">
            {t("resultsHeading", { count: results.length, query })}
          </h2>
          <ol className={styles.results} data-testid="search-results">
            {results.map((result) => {
              const month =
                result.releasedOn && result.releasedPrecision
                  ? formatReleaseMonth(locale, result.releasedOn, result.releasedPrecision)
                  : null;
              return (
                <li key={result.person.id} className={styles.result} data-testid="search-result">
                  <h3 className={styles.name}>{result.person.displayName}</h3>
                  <p className={`${styles.status} ${styles[result.status]}`} data-status={result.status}>
                    {tStatus(result.status)}
                  </p>
                  {result.status !== "detained" ? (
                    <p className={styles.detail}>{month ? t("releasedIn", { month }) : t("releaseDateUnknown")}</p>
                  ) : null}
                  {result.person.disclosure === "initials" ? <p className={styles.detail}>{t("initialsNote")}</p> : null}
                </li>
              );
            })}
          </ol>
        </section>
      ) : null}
    </>
  );
}
