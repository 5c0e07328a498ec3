import { getLocale, getTranslations } from "next-intl/server";
import type { AnnouncementChoice } from "@/lib/announcements/editor-data.ts";
import { QUOTE_LANGUAGES } from "@/lib/announcements/form.ts";
import { dbDate } from "@/lib/dates.ts";
import { claimedCount, coverage, formatDateTime, formatDay, formatNumber, scope as scopeWords } from "@/lib/i18n/format.ts";
import type { AppLocale } from "@/lib/i18n/locale.ts";
import type { DescribedRevision, Shown } from "./history.ts";
import styles from "./AnnouncementForm.module.css";

/**
 * The versions of an announcement, newest first: when, why, and each change
 * in words ("Cifra: al menos 400 → 450"). Who made a change is not shown (the
 * audit trail has it).
 */
export async function AnnouncementHistory({
  revisions,
  announcements,
}: {
  revisions: DescribedRevision[];
  /** The announcements the history names (superseded by…), by id. */
  announcements: Map<string, AnnouncementChoice>;
}) {
  const locale = (await getLocale()) as AppLocale;
  const [t, tClaimed, tCoverage, tScope] = await Promise.all([
    getTranslations("announcementForm"),
    getTranslations("claimed"),
    getTranslations("coverage"),
    getTranslations("scope"),
  ]);

  const words = (shown: Shown): string => {
    switch (shown.kind) {
      case "empty":
        return t("history.empty");
      case "text":
        return shown.text;
      case "link":
        return shown.url;
      case "day":
        return formatDay(locale, dbDate(shown.day));
      case "choice":
        return t(`${shown.group}.${shown.value}` as "statuses.active");
      case "language":
        return (QUOTE_LANGUAGES as readonly string[]).includes(shown.code)
          ? t(`languages.${shown.code as (typeof QUOTE_LANGUAGES)[number]}`)
          : shown.code;
      case "yesNo":
        return shown.value ? t("history.yes") : t("history.no");
      case "claimed": {
        const message = claimedCount(locale, shown);
        return tClaimed(message.key, message.values);
      }
      case "covers": {
        const day = (value: string | null) => (value ? dbDate(value) : null);
        const message = coverage(locale, { basis: shown.basis, coversFrom: day(shown.from), coversTo: day(shown.to), coversDate: day(shown.date) });
        return tCoverage(message.key, message.values);
      }
      case "scope": {
        const message = scopeWords(locale, { scopeKind: shown.scopeKind, scopeNationality: shown.nationality });
        return tScope(message.key, message.values);
      }
      case "breakdown":
        return shown.entries.map(([label, value]) => `${label}: ${formatNumber(locale, value)}`).join(", ");
      case "file":
        return t("history.file");
      case "announcement": {
        const other = announcements.get(shown.id);
        return other ? t("history.announcement", { claimant: other.claimant, date: formatDay(locale, dbDate(other.statedOn)) }) : t("history.otherAnnouncement");
      }
    }
  };

  return (
    <ol className={styles.history} data-testid="announcement-history">
      {revisions.map((revision) => (
        <li key={revision.version} className={styles.revision} data-testid="history-version" data-version={revision.version}>
          <p className={styles.revisionHead}>
            {t("history.version", { version: revision.version })}{" "}
            <span className={styles.revisionWhen}>· {formatDateTime(locale, new Date(revision.changedAt))}</span>
          </p>
          {revision.recorded ? <p className={styles.revisionReason}>{t("history.recorded")}</p> : null}
          {!revision.recorded && revision.items.length === 0 ? <p className={styles.revisionReason}>{t("history.noChanges")}</p> : null}
          {revision.items.length > 0 ? (
            <ul className={styles.changes}>
              {revision.items.map((item) => (
                <li key={item.field} data-testid="history-change" data-field={item.field}>
                  <span className={styles.changeField}>{t(`history.fields.${item.field}`)}:</span>{" "}
                  <span className="visually-hidden">{t("history.from")} </span>
                  <span className={styles.before}>{words(item.before)}</span>
                  <span className={styles.arrow} aria-hidden="true">
                    →
                  </span>
                  <span className="visually-hidden">, {t("history.to")} </span>
                  <span>{words(item.after)}</span>
                </li>
              ))}
            </ul>
          ) : null}
          {revision.reason ? (
            <p className={styles.revisionReason} data-testid="history-reason">
              {t("history.reason", { reason: revision.reason })}
            </p>
          ) : null}
        </li>
      ))}
    </ol>
  );
}
