import Link from "next/link";
import { dbDate } from "@/lib/dates.ts";
import { formatNumber, formatReleaseMonth } from "@/lib/i18n/format.ts";
import type { AppLocale } from "@/lib/i18n/locale.ts";
import { RELEASE_CHANGE_KINDS, type AnnouncementChange, type TallyChanges } from "@/lib/tally/changes.ts";
import type { PublicTally } from "@/lib/tally/public.ts";
import { MarkerSample } from "./markers.tsx";
import { claimWords, dayWords, translator, type Translator } from "./present.ts";
import styles from "./Reconciliation.module.css";

function signed(locale: AppLocale, n: number): string {
  return n > 0 ? `+${formatNumber(locale, n)}` : n < 0 ? `−${formatNumber(locale, -n)}` : "0";
}

function AnnouncementItems({
  locale,
  t,
  items,
  dated,
  href,
}: {
  locale: AppLocale;
  t: Translator;
  items: readonly AnnouncementChange[];
  dated: "recordedOn" | "changedOn" | "withdrawnOn";
  href: ((id: string) => string) | null;
}) {
  if (items.length === 0) return null;
  return (
    <ul className={styles.changeList}>
      {items.map((item) => {
        const claim = claimWords(locale, t, {
          claimed:
            item.claim.qualifier === "range"
              ? { qualifier: "range", min: item.claim.min ?? 0, max: item.claim.max ?? 0 }
              : { qualifier: item.claim.qualifier, value: item.claim.value ?? 0 },
          covers: { basis: item.claim.basis, from: item.claim.coversFrom, to: item.claim.coversTo, date: item.claim.coversDate },
          statedOn: item.claim.statedOn,
          statedOnApproximate: item.claim.statedOnApproximate,
          scope: item.claim.scopeKind === "nationality" ? `nationality:${item.claim.scopeNationality}` : item.claim.scopeKind,
        });
        const line = t("reconciliation.changes.announcementLine", { claimant: item.claim.claimant, date: claim.statedOn, claimed: claim.claimed });
        return (
          <li key={item.id} data-testid="changed-announcement" data-announcement-id={item.id}>
            <MarkerSample kind={item.claim.claimantKind} faded={item.claim.status !== "active"} />{" "}
            {href ? <Link href={href(item.id)}>{line}</Link> : line}{" "}
            <span className={styles.changeMeta}>
              ({t(`measure.${item.claim.measure}`)}; {claim.coverage}; {t(`reconciliation.changes.${dated}`, { date: dayWords(locale, item.on) })}
              {item.claim.status !== "active" ? `; ${t(`reconciliation.status.${item.claim.status}`)}` : ""})
            </span>
          </li>
        );
      })}
    </ul>
  );
}

/** What changed between two days: the headline at both ends, the releases, and the announcements. */
export function ChangesView({
  locale,
  changes,
  before,
  after,
}: {
  locale: AppLocale;
  changes: TallyChanges;
  before: PublicTally;
  after: PublicTally;
}) {
  const t = translator(locale);
  const from = dayWords(locale, changes.from);
  const to = dayWords(locale, changes.to);
  const rows = [
    { key: "verified", label: t("reconciliation.changes.verifiedRow"), a: before.releases.verified, b: after.releases.verified },
    { key: "reported", label: t("reconciliation.changes.reportedRow"), a: before.releases.reported, b: after.releases.reported },
    { key: "withheld", label: t("reconciliation.changes.withheldRow"), a: before.releases.verifiedWithheld, b: after.releases.verifiedWithheld },
    { key: "announcements", label: t("reconciliation.changes.announcementsRow"), a: before.announcements.length, b: after.announcements.length },
  ];
  const { recorded, changed, withdrawn } = changes.announcements;

  return (
    <>
      <p className={styles.explain} data-testid="changes-period">
        <strong>{t("reconciliation.changes.period", { from, to })}</strong>
      </p>

      <section aria-labelledby="changes-headline" className={styles.section}>
        <h2 id="changes-headline">{t("reconciliation.changes.headlineHeading")}</h2>
        <div className="table-wrap" role="region" aria-labelledby="changes-headline-caption" tabIndex={0}>
          <table className="data-table" data-testid="changes-headline">
            <caption id="changes-headline-caption" className={styles.caption}>
              {t("reconciliation.changes.headlineCaption")}
            </caption>
            <thead>
              <tr>
                <th scope="col">{t("reconciliation.changes.columnFigure")}</th>
                <th scope="col" className={styles.numeric}>
                  {t("reconciliation.changes.columnFrom", { date: from })}
                </th>
                <th scope="col" className={styles.numeric}>
                  {t("reconciliation.changes.columnTo", { date: to })}
                </th>
                <th scope="col" className={styles.numeric}>
                  {t("reconciliation.changes.columnDifference")}
                </th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={row.key} data-testid={`changes-row-${row.key}`} data-from={row.a} data-to={row.b}>
                  <th scope="row">{row.label}</th>
                  <td className={styles.numeric}>{formatNumber(locale, row.a)}</td>
                  <td className={styles.numeric}>{formatNumber(locale, row.b)}</td>
                  <td className={`${styles.numeric} ${styles.difference}`}>{signed(locale, row.b - row.a)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>

      <section aria-labelledby="changes-releases" className={styles.section}>
        <h2 id="changes-releases">{t("reconciliation.changes.releasesHeading")}</h2>
        {RELEASE_CHANGE_KINDS.map((kind) => {
          const group = changes.releases[kind];
          return (
            <div key={kind} data-testid={`changes-${kind}`} data-total={group.total}>
              <h3>{t(`reconciliation.changes.${kind}`, { count: group.total })}</h3>
              {group.named.length > 0 ? (
                <ul className={styles.changeList}>
                  {group.named.map((row) => {
                    const month = formatReleaseMonth(locale, row.releasedOn ? dbDate(row.releasedOn) : null, row.precision);
                    return (
                      <li key={`${row.releaseId}-${row.on}`} data-testid="changed-release">
                        {row.person.personId ? <Link href={`/persona/${row.person.personId}`}>{row.person.name}</Link> : row.person.name}{" "}
                        <span className={styles.changeMeta}>
                          — {t("reconciliation.changes.on", { date: dayWords(locale, row.on) })};{" "}
                          {month ? t("reconciliation.changes.releasedIn", { month }) : t("reconciliation.changes.releasedUnknown")}
                        </span>
                      </li>
                    );
                  })}
                </ul>
              ) : null}
              {group.withheld > 0 ? <p data-testid={`changes-${kind}-withheld`}>{t("reconciliation.changes.withheld", { count: group.withheld })}</p> : null}
              {group.more > 0 ? <p>{t("reconciliation.changes.more", { count: group.more })}</p> : null}
            </div>
          );
        })}
        {changes.releases.verified.total > 0 && changes.releases.disputed.total + changes.releases.retracted.total > 0 ? (
          <p className={styles.footnote}>{t("reconciliation.changes.twice")}</p>
        ) : null}
      </section>

      <section aria-labelledby="changes-announcements" className={styles.section}>
        <h2 id="changes-announcements">{t("reconciliation.changes.announcementsHeading")}</h2>
        <h3>{t("reconciliation.changes.recorded", { count: recorded.length })}</h3>
        <AnnouncementItems locale={locale} t={t} items={recorded} dated="recordedOn" href={(id) => `/anuncios/${id}?asOf=${changes.to}`} />
        {changed.length > 0 ? (
          <>
            <h3>{t("reconciliation.changes.changed", { count: changed.length })}</h3>
            <AnnouncementItems locale={locale} t={t} items={changed} dated="changedOn" href={(id) => `/anuncios/${id}?asOf=${changes.to}`} />
          </>
        ) : null}
        {withdrawn.length > 0 ? (
          <>
            <h3>{t("reconciliation.changes.withdrawn", { count: withdrawn.length })}</h3>
            <AnnouncementItems locale={locale} t={t} items={withdrawn} dated="withdrawnOn" href={null} />
          </>
        ) : null}
      </section>

      <p>
        <Link href={`/anuncios?asOf=${changes.to}`} data-testid="changes-see-figures">
          {t("reconciliation.changes.seeFigures", { date: to })}
        </Link>
      </p>
    </>
  );
}
