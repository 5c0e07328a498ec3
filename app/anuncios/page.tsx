import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { listAnnouncements } from "@/lib/announcements/data.ts";
import { claimedCount, coverage, scope, statedOn } from "@/lib/i18n/format.ts";
import styles from "./page.module.css";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("announcements");
  return { title: t("title") };
}

/** Only web links are shown as links. */
function webUrl(value: string | null): URL | null {
  if (!value) return null;
  try {
    const url = new URL(value);
    return url.protocol === "https:" || url.protocol === "http:" ? url : null;
  } catch {
    return null;
  }
}

export default async function AnnouncementsPage() {
  const [locale, t, tKind, tMeasure, tClaimed, tCoverage, tScope, tDates, announcements] = await Promise.all([
    getLocale(),
    getTranslations("announcements"),
    getTranslations("claimantKind"),
    getTranslations("measure"),
    getTranslations("claimed"),
    getTranslations("coverage"),
    getTranslations("scope"),
    getTranslations("dates"),
    listAnnouncements(),
  ]);

  return (
    <>
      <h1>{t("title")}</h1>
      <p className="prose">{t("intro")}</p>

      {announcements.length === 0 ? (
        <p className="notice">{t("empty")}</p>
      ) : (
        <ol className={styles.list} data-testid="announcements">
          {announcements.map((a) => {
            const date = statedOn(locale, a.statedOn, a.statedOnApproximate);
            const count = claimedCount(locale, a);
            const covers = coverage(locale, a);
            const scoped = scope(locale, a);
            const source = webUrl(a.sourceUrl);
            return (
              <li key={a.id} className={styles.item} data-testid="announcement">
                <article aria-labelledby={`a-${a.id}`}>
                  <header className={styles.head}>
                    <h2 id={`a-${a.id}`} className={styles.claimant}>
                      {a.claimant}
                    </h2>
                    <p className={`${styles.kind} ${styles[a.claimantKind]}`}>{tKind(a.claimantKind)}</p>
                  </header>
                  <dl className={styles.facts}>
                    <div>
                      <dt>{t("statedOn")}</dt>
                      <dd>{tDates(date.key, date.values)}</dd>
                    </div>
                    <div>
                      <dt>{tMeasure(a.measure)}</dt>
                      <dd className={styles.count} data-testid="announcement-count">
                        {tClaimed(count.key, count.values)}
                      </dd>
                    </div>
                    <div>
                      <dt>{t("covers")}</dt>
                      <dd>{tCoverage(covers.key, covers.values)}</dd>
                    </div>
                    <div>
                      <dt>{t("scope")}</dt>
                      <dd>{tScope(scoped.key, scoped.values)}</dd>
                    </div>
                  </dl>
                  {a.quote ? (
                    <figure className={styles.quote}>
                      <blockquote lang={a.quoteLang ?? undefined}>
                        <p>{a.quote}</p>
                      </blockquote>
                    </figure>
                  ) : null}
                  {source ? (
                    <p className={styles.source}>
                      {t("source")}:{" "}
                      <a href={source.toString()} rel="noopener noreferrer nofollow">
                        {source.hostname.replace(/^www\./, "")}
                      </a>
                    </p>
                  ) : a.sourceDescription ? (
                    <p className={styles.source}>
                      {t("source")}: {a.sourceDescription}
                    </p>
                  ) : null}
                </article>
              </li>
            );
          })}
        </ol>
      )}
    </>
  );
}
