import Link from "next/link";
import type { AppLocale } from "@/lib/i18n/locale.ts";
import type { PublicTallyAnnouncement } from "@/lib/tally/public.ts";
import { MarkerSample } from "./markers.tsx";
import { announcementWords, dayWords, translator, type AnnouncementWords, type FigureCell, type Translator } from "./present.ts";
import styles from "./Reconciliation.module.css";

/** A figure, or "—" said as "figure not shown" (rule 4), or "not compared" (a claim about detentions). */
export function Figure({ cell, t, testId }: { cell: FigureCell; t: Translator; testId?: string }) {
  if (cell.kind === "suppressed") {
    return (
      <span className={styles.suppressed} data-testid={testId} data-suppressed="true">
        <span aria-hidden="true">{cell.text}</span>
        <span className="visually-hidden">{t("reconciliation.table.suppressedLabel")}</span>
      </span>
    );
  }
  if (cell.kind === "notCompared") {
    return (
      <span className={styles.notCompared} data-testid={testId}>
        {cell.text}
      </span>
    );
  }
  return (
    <span className={styles.value} data-testid={testId}>
      {cell.text}
    </span>
  );
}

export function StatusBadge({ words }: { words: Pick<AnnouncementWords, "status" | "statusLabel"> }) {
  if (words.status === "active") return null;
  return (
    <span className={`${styles.status} ${styles[`status_${words.status}`]}`} data-testid="announcement-status" data-status={words.status}>
      {words.statusLabel}
    </span>
  );
}

function ListSummary({ words, t }: { words: AnnouncementWords; t: Translator }) {
  if (!words.list) return <span className={styles.notCompared}>{t("reconciliation.table.noList")}</span>;
  return (
    <div className={styles.listSummary} data-testid="list-summary">
      <span className={styles.listNames}>{words.list.names}</span>
      <ul className={styles.listParts}>
        {words.list.parts.map(({ part, cell, label }) => (
          <li key={part} data-part={part}>
            <Figure cell={cell} t={t} /> {label}
          </li>
        ))}
      </ul>
    </div>
  );
}

function ClaimCell({ words, t }: { words: AnnouncementWords; t: Translator }) {
  return (
    <>
      <span className={styles.claimed} data-testid="claimed">
        {words.claimed}
      </span>
      {words.verified.kind === "notCompared" ? <span className={styles.measure}>{words.measure}</span> : null}
      <span className={styles.claimFact}>{t("reconciliation.table.covers", { coverage: words.coverage })}</span>
      <span className={styles.claimFact}>{t("reconciliation.table.scope", { scope: words.scope })}</span>
    </>
  );
}

function Who({ words, href, t, level }: { words: AnnouncementWords; href: string; t: Translator; level?: 3 }) {
  const link = (
    <Link href={href} className={styles.claimant} aria-label={t("reconciliation.table.open", { claimant: words.claimant, date: words.statedOn })}>
      {words.claimant}
    </Link>
  );
  return (
    <>
      {level === 3 ? <h3 className={styles.cardHeading}>{link}</h3> : link}
      <span className={styles.kind}>
        <MarkerSample kind={words.claimantKind} faded={words.status !== "active"} />
        {words.kind}
      </span>
      <span className={styles.date}>{words.statedOn}</span>
      <StatusBadge words={words} />
    </>
  );
}

/**
 * Every announcement against what is verified: a table on a wide screen,
 * one card per announcement on a phone (only one of the two is displayed,
 * so assistive technologies meet it once). Figures are the tally's, as given.
 */
export function AnnouncementTable({
  locale,
  asOf,
  announcements,
  detailHref,
}: {
  locale: AppLocale;
  asOf: string;
  announcements: readonly PublicTallyAnnouncement[];
  detailHref: (id: string) => string;
}) {
  const t = translator(locale);
  if (announcements.length === 0) {
    return (
      <p className="notice" data-testid="reconciliation-empty">
        {t("reconciliation.table.empty")}
      </p>
    );
  }
  const rows = announcements.map((a) => ({ a, words: announcementWords(locale, t, a) }));
  const anySuppressed = rows.some((row) => row.words.anySuppressed);
  const figures = (a: PublicTallyAnnouncement) => ({
    "data-announcement-id": a.id,
    "data-verified": a.verifiedInScope ?? "",
    "data-reported": a.reportedInScope ?? "",
    "data-gap": a.gap ?? "",
  });

  return (
    <>
      <div className={styles.tableWrap}>
        <table className={`data-table ${styles.table}`} data-testid="reconciliation-table">
          <caption className={styles.caption}>{t("reconciliation.table.caption", { date: dayWords(locale, asOf) })}</caption>
          <colgroup>
            <col style={{ width: "19%" }} />
            <col style={{ width: "19%" }} />
            <col style={{ width: "13%" }} />
            <col style={{ width: "13%" }} />
            <col style={{ width: "17%" }} />
            <col style={{ width: "19%" }} />
          </colgroup>
          <thead>
            <tr>
              <th scope="col">{t("reconciliation.table.columnAnnouncement")}</th>
              <th scope="col">{t("reconciliation.table.columnClaimed")}</th>
              <th scope="col" className={styles.numeric}>
                {t("reconciliation.table.columnVerified")}
              </th>
              <th scope="col" className={styles.numeric}>
                {t("reconciliation.table.columnReported")}
              </th>
              <th scope="col">{t("reconciliation.table.columnGap")}</th>
              <th scope="col">{t("reconciliation.table.columnList")}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map(({ a, words }) => (
              <tr key={a.id} data-testid="reconciliation-row" {...figures(a)} className={a.status !== "active" ? styles.fadedRow : undefined}>
                <th scope="row" className={styles.who}>
                  <Who words={words} href={detailHref(a.id)} t={t} />
                </th>
                <td className={styles.claimCell}>
                  <ClaimCell words={words} t={t} />
                </td>
                {words.verified.kind === "notCompared" ? (
                  // A claim about people held: one sentence across the three figures.
                  <td colSpan={3} className={styles.notComparedCell} data-testid="figure-not-compared">
                    {t("reconciliation.table.notCompared")}
                  </td>
                ) : (
                  <>
                    <td className={styles.numeric}>
                      <Figure cell={words.verified} t={t} testId="figure-verified" />
                    </td>
                    <td className={styles.numeric}>
                      <Figure cell={words.reported} t={t} testId="figure-reported" />
                    </td>
                    <td>
                      <Figure cell={words.gap} t={t} testId="figure-gap" />
                    </td>
                  </>
                )}
                <td>
                  <ListSummary words={words} t={t} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>

      <ol className={styles.cards} data-testid="reconciliation-cards">
        {rows.map(({ a, words }) => (
          <li key={a.id} className={`${styles.card} ${a.status !== "active" ? styles.fadedCard : ""}`} data-testid="reconciliation-card" {...figures(a)}>
            <div className={styles.cardHead}>
              <Who words={words} href={detailHref(a.id)} t={t} level={3} />
            </div>
            <p className={styles.cardClaim}>
              <ClaimCell words={words} t={t} />
            </p>
            {words.verified.kind === "notCompared" ? (
              <p className={`${styles.cardNote} ${styles.notComparedCell}`} data-testid="figure-not-compared">
                {t("reconciliation.table.notCompared")}
              </p>
            ) : null}
            <dl className={styles.cardFigures}>
              {words.verified.kind !== "notCompared" ? (
                <>
                  <div>
                    <dt>{t("reconciliation.card.verified")}</dt>
                    <dd>
                      <Figure cell={words.verified} t={t} testId="figure-verified" />
                    </dd>
                  </div>
                  <div>
                    <dt>{t("reconciliation.card.reported")}</dt>
                    <dd>
                      <Figure cell={words.reported} t={t} testId="figure-reported" />
                    </dd>
                  </div>
                  <div>
                    <dt>{t("reconciliation.card.gap")}</dt>
                    <dd>
                      <Figure cell={words.gap} t={t} testId="figure-gap" />
                    </dd>
                  </div>
                </>
              ) : null}
              <div>
                <dt>{t("reconciliation.card.list")}</dt>
                <dd>
                  <ListSummary words={words} t={t} />
                </dd>
              </div>
            </dl>
          </li>
        ))}
      </ol>

      {anySuppressed ? (
        <p className={styles.footnote} data-testid="suppressed-note">
          {t("reconciliation.table.suppressedNote")}
        </p>
      ) : null}
    </>
  );
}
