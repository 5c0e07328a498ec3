import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { PersonSearch } from "@/components/search/PersonSearch.tsx";
import { claimedCount, claimedPluralCount, formatDay, formatNumber, HOME_TIME_ZONE, statedOn } from "@/lib/i18n/format.ts";
import { headlineTally } from "@/lib/tally/data.ts";
import styles from "./page.module.css";

export const dynamic = "force-dynamic";

export default async function HomePage() {
  const now = new Date();
  const [locale, t, tClaimed, tDates, tally] = await Promise.all([
    getLocale(),
    getTranslations("home"),
    getTranslations("claimed"),
    getTranslations("dates"),
    headlineTally(),
  ]);
  const claim = tally.latestGovernmentClaim;
  const claimText = claim
    ? (() => {
        const count = claimedCount(locale, claim);
        const date = statedOn(locale, new Date(`${claim.statedOn}T00:00:00Z`), claim.statedOnApproximate);
        return t("governmentClaim", {
          count: tClaimed(count.key, count.values),
          n: claimedPluralCount(claim),
          date: tDates(date.key, date.values),
        });
      })()
    : null;

  return (
    <>
      <h1>{t("title")}</h1>
      <p className="lead">{t("intro")}</p>

      {/* The search comes first: on a phone a family must reach it without scrolling. */}
      <section aria-labelledby="home-search" className={styles.search}>
        <h2 id="home-search">{t("searchHeading")}</h2>
        <PersonSearch level={3} />
      </section>

      <section aria-labelledby="home-tally" className={styles.tally} data-testid="home-tally">
        <h2 id="home-tally">{t("tallyHeading")}</h2>
        <p className="prose">{t("intro2")}</p>
        <dl className={styles.stats}>
          <div className={styles.stat}>
            <dt>{t("verified", { count: tally.verified })}</dt>
            <dd className={styles.number} data-testid="tally-verified">
              {formatNumber(locale, tally.verified)}
            </dd>
          </div>
          <div className={styles.stat}>
            <dt>{t("reported", { count: tally.reported })}</dt>
            <dd className={styles.number} data-testid="tally-reported">
              {formatNumber(locale, tally.reported)}
            </dd>
          </div>
        </dl>
        {tally.verified > 0 ? <p className="prose">{t("withheld", { count: tally.verifiedWithheld })}</p> : null}

        <div className={styles.claim} data-testid="tally-government-claim">
          {claim && claimText ? (
            <>
              <p className={styles.claimText}>{claimText}</p>
              <p className={styles.claimSource}>{t("governmentClaimSource", { claimant: claim.claimant })}</p>
            </>
          ) : (
            <p className={styles.claimText}>{t("noGovernmentClaim")}</p>
          )}
        </div>

        <p className="prose">{t("gap")}</p>
        <p className="muted">{t("asOf", { date: formatDay(locale, now, HOME_TIME_ZONE) })}</p>

        <ul className={styles.links}>
          <li>
            <Link href="/lista">{t("linkList")}</Link>
          </li>
          <li>
            <Link href="/anuncios">{t("linkAnnouncements")}</Link>
          </li>
        </ul>
      </section>
    </>
  );
}
