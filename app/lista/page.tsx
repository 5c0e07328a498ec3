import type { Metadata } from "next";
import Link from "next/link";
import { PublicDownloads } from "@/components/exports/PublicDownloads.tsx";
import { getLocale, getTranslations } from "next-intl/server";
import { formatNumber, formatReleaseMonth } from "@/lib/i18n/format.ts";
import { pageParam } from "@/lib/navigation/search-params.ts";
import { publicVerifiedReleases } from "@/lib/releases/data.ts";
import styles from "./page.module.css";

export const dynamic = "force-dynamic";

const PAGE_SIZE = 50;

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("list");
  return { title: t("title") };
}

export default async function PublicListPage({ searchParams }: { searchParams: Promise<{ page?: string | string[] }> }) {
  const requestedPage = pageParam((await searchParams).page);
  const [locale, t, tConditions, list] = await Promise.all([
    getLocale(),
    getTranslations("list"),
    getTranslations("conditions"),
    publicVerifiedReleases({ page: requestedPage, pageSize: PAGE_SIZE }),
  ]);
  const pageText = { page: formatNumber(locale, list.page), pages: formatNumber(locale, list.pageCount) };

  return (
    <>
      <h1>{t("title")}</h1>
      <p className="prose">{t("intro")}</p>
      <p className="prose" data-testid="list-counts">
        {t("total", { count: list.total })} <span data-testid="list-withheld">{t("withheld", { count: list.withheld })}</span>
      </p>
      <PublicDownloads />

      {list.rows.length === 0 ? (
        <p className="notice" data-testid="list-empty">
          {t("empty")}
        </p>
      ) : (
        <div className={styles.tableWrap}>
          <table className={styles.table} data-testid="public-list">
            <caption className="visually-hidden">{t("caption", pageText)}</caption>
            <thead>
              <tr>
                <th scope="col">{t("columnName")}</th>
                <th scope="col">{t("columnMonth")}</th>
                <th scope="col">{t("columnConditions")}</th>
              </tr>
            </thead>
            <tbody>
              {list.rows.map((row) => (
                <tr key={row.releaseId}>
                  <th scope="row" className={styles.name}>
                    {row.person.displayName}
                  </th>
                  <td>{formatReleaseMonth(locale, row.releasedOn, row.releasedPrecision) ?? t("monthUnknown")}</td>
                  <td>{tConditions(row.conditions)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}

      {list.pageCount > 1 ? (
        <nav aria-label={t("pagination")} className={styles.pagination}>
          <p className={styles.pageOf}>
            {t("pageOf", pageText)}
          </p>
          <div className={styles.pageLinks}>
            {list.page > 1 ? (
              <Link href={`/lista?page=${list.page - 1}`} rel="prev" className="button button-secondary" data-testid="list-prev">
                {t("previous")}
              </Link>
            ) : null}
            {list.page < list.pageCount ? (
              <Link
                href={`/lista?page=${list.page + 1}`}
                rel="next"
                className={`button button-secondary ${styles.next}`}
                data-testid="list-next"
              >
                {t("next")}
              </Link>
            ) : null}
          </div>
        </nav>
      ) : null}
    </>
  );
}
