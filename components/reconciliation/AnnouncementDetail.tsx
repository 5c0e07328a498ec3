import Link from "next/link";
import { Fragment, type ReactNode } from "react";
import type { AnnouncementView } from "@/lib/announcements/schema.ts";
import type { PublicListLine } from "@/lib/names/schema.ts";
import { formatNumber } from "@/lib/i18n/format.ts";
import type { AppLocale } from "@/lib/i18n/locale.ts";
import type { PublicTallyAnnouncement } from "@/lib/tally/public.ts";
import { Figure, StatusBadge } from "./AnnouncementTable.tsx";
import { MarkerSample } from "./markers.tsx";
import { announcementWords, claimChanged, claimOfView, claimWords, dayWords, shownLine, translator } from "./present.ts";
import styles from "./Reconciliation.module.css";


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

/** "application/pdf" → "PDF". */
const fileType = (mimeType: string) => (mimeType.split("/")[1] ?? mimeType).split(/[+;]/)[0]!.toUpperCase();

export const LINES_PAGE_SIZE = 100;

/**
 * One announcement: the claim in words, its source, and its figures as of a
 * day (the tally's, as given), with its name list. `figures` is null when the
 * announcement had not been recorded by that day.
 */
export function AnnouncementDetail({
  locale,
  asOf,
  chosen,
  announcement,
  figures,
  lines,
  linesPage,
  moderator,
  asOfForm,
}: {
  locale: AppLocale;
  asOf: string;
  /** Whether a past day was asked for (links keep it). */
  chosen: boolean;
  announcement: AnnouncementView;
  figures: PublicTallyAnnouncement | null;
  lines: readonly PublicListLine[];
  linesPage: number;
  moderator: boolean;
  /** The "as of" picker, placed after the figures. */
  asOfForm: ReactNode;
}) {
  const t = translator(locale);
  const id = announcement.id;
  const suffix = chosen ? `?asOf=${asOf}` : "";
  const now = claimOfView(announcement);
  // The claim as it stood on the day shown (it may have been corrected since).
  const then = figures ?? now;
  const claim = claimWords(locale, t, then);
  const words = figures ? announcementWords(locale, t, figures) : null;
  const source = webUrl(announcement.sourceUrl);
  const archivedPage = webUrl(announcement.archived.url);
  const changed = figures !== null && chosen && claimChanged(figures, now);

  const pages = Math.max(1, Math.ceil(lines.length / LINES_PAGE_SIZE));
  const page = Math.min(linesPage, pages);
  const shown = lines.slice((page - 1) * LINES_PAGE_SIZE, page * LINES_PAGE_SIZE).map(shownLine);
  const pageHref = (n: number) => `/anuncios/${id}?${chosen ? `asOf=${asOf}&` : ""}page=${n}#lines-heading`;

  return (
    <>
      {chosen && !figures ? (
        <p className="notice" data-testid="detail-not-yet">
          {t("reconciliation.detail.notYet", { date: dayWords(locale, asOf) })}
        </p>
      ) : null}
      {changed ? (
        <p className="notice" data-testid="detail-changed-since">
          {t("reconciliation.detail.changedSince", { date: dayWords(locale, asOf) })}{" "}
          <Link href={`/anuncios/${id}`}>{t("reconciliation.detail.seeCurrent")}</Link>
        </p>
      ) : null}
      {then.status === "disputed" ? (
        <p className="notice" data-testid="detail-disputed">
          {t("reconciliation.detail.disputedNote")}
        </p>
      ) : null}
      {then.status === "superseded" ? (
        <p className="notice" data-testid="detail-superseded">
          {t("reconciliation.detail.supersededNote")}{" "}
          {announcement.supersededById ? (
            <Link href={`/anuncios/${announcement.supersededById}${suffix}`} data-testid="superseded-by">
              {t("reconciliation.detail.supersededLink")}
            </Link>
          ) : null}
        </p>
      ) : null}

      <section aria-labelledby="claim-heading" className={styles.section}>
        <h2 id="claim-heading">{t("reconciliation.detail.claimHeading")}</h2>
        <dl className={styles.facts} data-testid="announcement-facts">
          <dt>{t("reconciliation.detail.claimant")}</dt>
          <dd>{then.claimant}</dd>
          <dt>{t("reconciliation.detail.kind")}</dt>
          <dd className={styles.kindPlain}>
            <MarkerSample kind={then.claimantKind} faded={then.status !== "active"} />
            {t(`claimantKind.${then.claimantKind}`)}
          </dd>
          <dt>{t("reconciliation.detail.statedOn")}</dt>
          <dd>{claim.statedOn}</dd>
          <dt>{t("reconciliation.detail.claimed")}</dt>
          <dd>
            <strong className={styles.claimed} data-testid="detail-claimed">
              {claim.claimed}
            </strong>{" "}
            <span className={styles.claimFact}>({t(`measure.${then.measure}`)})</span>
          </dd>
          <dt>{t("reconciliation.detail.covers")}</dt>
          <dd>{claim.coverage}</dd>
          <dt>{t("reconciliation.detail.scope")}</dt>
          <dd>{claim.scope}</dd>
          <dt>{t("reconciliation.detail.status")}</dt>
          <dd>
            {then.status === "active" ? (
              t("reconciliation.status.active")
            ) : (
              <StatusBadge words={{ status: then.status, statusLabel: t(`reconciliation.status.${then.status}`) }} />
            )}
          </dd>
        </dl>
      </section>

      {words ? (
        <section aria-labelledby="figures-heading" className={styles.section}>
          <h2 id="figures-heading">{t("reconciliation.detail.figuresHeading", { date: dayWords(locale, asOf) })}</h2>
          <p className={styles.explain}>{t("reconciliation.detail.figuresIntro")}</p>
          <dl className={`${styles.facts} ${styles.figureBox}`} data-testid="detail-figures" data-verified={figures!.verifiedInScope ?? ""} data-gap={figures!.gap ?? ""}>
            <dt>{t("reconciliation.detail.verified")}</dt>
            <dd>
              <Figure cell={words.verified} t={t} testId="detail-verified" />
            </dd>
            <dt>{t("reconciliation.detail.reported")}</dt>
            <dd>
              <Figure cell={words.reported} t={t} testId="detail-reported" />
            </dd>
            <dt>{t("reconciliation.detail.gap")}</dt>
            <dd>
              <Figure cell={words.gap} t={t} testId="detail-gap" />
            </dd>
          </dl>
          {words.verified.kind === "notCompared" ? <p className={styles.footnote}>{t("reconciliation.table.notCompared")}</p> : null}
          <p className={styles.footnote}>{t("reconciliation.table.gapNote")}</p>
          {[words.verified, words.reported, words.gap].some((cell) => cell.kind === "suppressed") ? (
            <p className={styles.footnote}>{t("reconciliation.table.suppressedNote")}</p>
          ) : null}
        </section>
      ) : null}

      {asOfForm}

      {announcement.quote || source || announcement.sourceDescription || announcement.archived.file || archivedPage || announcement.note ? (
        <section aria-labelledby="source-heading" className={styles.section}>
          <h2 id="source-heading">{t("reconciliation.detail.sourceHeading")}</h2>
          <dl className={styles.facts} data-testid="announcement-source">
            {announcement.quote ? (
              <>
                <dt>{t("reconciliation.detail.quote")}</dt>
                <dd>
                  <blockquote className={styles.quote} lang={announcement.quoteLang ?? undefined} data-testid="detail-quote">
                    <p>{announcement.quote}</p>
                  </blockquote>
                </dd>
              </>
            ) : null}
            {source || announcement.sourceDescription ? (
              <>
                <dt>{t("reconciliation.detail.source")}</dt>
                <dd>
                  {source ? (
                    <a href={source.toString()} rel="noopener noreferrer nofollow" data-testid="detail-source">
                      {source.hostname.replace(/^www\./, "")}
                    </a>
                  ) : (
                    announcement.sourceDescription
                  )}
                  {source && announcement.sourceDescription && announcement.sourceDescription !== announcement.sourceUrl ? (
                    <span className={styles.claimFact}> — {announcement.sourceDescription}</span>
                  ) : null}
                </dd>
              </>
            ) : null}
            {announcement.archived.file || archivedPage ? (
              <>
                <dt>{t("reconciliation.detail.archived")}</dt>
                <dd>
                  {announcement.archived.file ? (
                    <a href={announcement.archived.file.url} data-testid="detail-archived-file">
                      {t("reconciliation.detail.archivedFile", { type: fileType(announcement.archived.file.mimeType) })}
                    </a>
                  ) : null}
                  {announcement.archived.file && archivedPage ? " · " : null}
                  {archivedPage ? (
                    <a href={archivedPage.toString()} rel="noopener noreferrer nofollow" data-testid="detail-archived-page">
                      {t("reconciliation.detail.archivedPage")}
                    </a>
                  ) : null}
                </dd>
              </>
            ) : null}
            {announcement.note ? (
              <>
                <dt>{t("reconciliation.detail.note")}</dt>
                <dd>{announcement.note}</dd>
              </>
            ) : null}
          </dl>
        </section>
      ) : null}

      <section aria-labelledby="list-heading" className={styles.section}>
        <h2 id="list-heading">{t("reconciliation.detail.listHeading")}</h2>
        {words?.list ? (
          <>
            <p className={styles.explain}>{t("reconciliation.detail.listIntro")}</p>
            <dl className={styles.facts} data-testid="detail-list">
              <dt>{t("reconciliation.table.columnList")}</dt>
              <dd data-testid="detail-list-names">{words.list.names}</dd>
              {words.list.parts.map(({ part, cell, label }) => (
                <Fragment key={part}>
                  <dt>{label.charAt(0).toLocaleUpperCase(locale) + label.slice(1)}</dt>
                  <dd>
                    <Figure cell={cell} t={t} testId={`detail-list-${part}`} />
                  </dd>
                </Fragment>
              ))}
            </dl>
            {words.list.parts.some(({ cell }) => cell.kind === "suppressed") ? (
              <p className={styles.footnote}>{t("reconciliation.table.suppressedNote")}</p>
            ) : null}
          </>
        ) : lines.length === 0 ? (
          <p data-testid="detail-no-list">{t("reconciliation.detail.noList")}</p>
        ) : null}

        {lines.length > 0 ? (
          <>
            <h3 id="lines-heading">{t("reconciliation.detail.linesHeading")}</h3>
            {chosen ? <p className={styles.footnote}>{t("reconciliation.detail.listNow")}</p> : null}
            <div className="table-wrap" role="region" aria-labelledby="lines-caption" tabIndex={0}>
              <table className="data-table" data-testid="list-lines">
                <caption id="lines-caption" className={styles.caption}>
                  {t("reconciliation.detail.linesCaption", {
                    from: formatNumber(locale, (page - 1) * LINES_PAGE_SIZE + 1),
                    to: formatNumber(locale, (page - 1) * LINES_PAGE_SIZE + shown.length),
                    total: formatNumber(locale, lines.length),
                  })}
                </caption>
                <thead>
                  <tr>
                    <th scope="col" className={styles.numeric}>
                      {t("reconciliation.detail.columnPosition")}
                    </th>
                    <th scope="col">{t("reconciliation.detail.columnName")}</th>
                    <th scope="col">{t("reconciliation.detail.columnState")}</th>
                  </tr>
                </thead>
                <tbody>
                  {shown.map((line) => (
                    <tr key={line.position} data-testid="list-line" data-state={line.state}>
                      <td className={styles.numeric}>{formatNumber(locale, line.position)}</td>
                      <th scope="row">{line.nameAsPrinted}</th>
                      <td>
                        <span className={`${styles.lineState} ${styles[`lineState_${line.state}`] ?? ""}`}>
                          {t(`reconciliation.lineState.${line.state}`)}
                        </span>
                        {line.person ? (
                          <span className={styles.linePerson}>
                            <Link href={`/persona/${line.person.id}`}>{line.person.name}</Link>
                          </span>
                        ) : null}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            {pages > 1 ? (
              <nav aria-label={t("reconciliation.detail.linesPages")} className={styles.actions}>
                {page > 1 ? (
                  <Link href={pageHref(page - 1)} rel="prev" className="button button-secondary">
                    {t("reconciliation.detail.previous")}
                  </Link>
                ) : null}
                {page < pages ? (
                  <Link href={pageHref(page + 1)} rel="next" className="button button-secondary" data-testid="lines-next">
                    {t("reconciliation.detail.next")}
                  </Link>
                ) : null}
              </nav>
            ) : null}
          </>
        ) : words?.list ? (
          <p>{t("reconciliation.detail.linesEmpty")}</p>
        ) : null}
      </section>

      <div className={styles.actions}>
        <a href={`/anuncios/${id}/csv${suffix}`} className="button button-secondary" download data-testid="detail-csv">
          {t("reconciliation.detail.csv")}
        </a>
        <span className={styles.claimFact}>{t("reconciliation.detail.csvHint")}</span>
      </div>

      {moderator ? (
        <nav aria-label={t("reconciliation.detail.moderation")} className={styles.actions} data-testid="moderator-links">
          <Link href={`/anuncios/${id}/editar`} data-testid="link-edit">
            {t("reconciliation.detail.edit")}
          </Link>
          <Link href={`/anuncios/${id}/lista`} data-testid="link-list">
            {t("reconciliation.detail.manageList")}
          </Link>
        </nav>
      ) : null}
    </>
  );
}
