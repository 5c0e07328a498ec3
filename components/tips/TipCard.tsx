"use client";

import Link from "next/link";
import { useLocale, useTranslations } from "next-intl";
import { useId } from "react";
import type { AppLocale } from "@/lib/i18n/locale.ts";
import { formatDateTime } from "@/lib/i18n/format.ts";
import type { TipItem } from "@/lib/tips/schema.ts";
import { fileKind, formatSize } from "./file-label.ts";
import styles from "./TipList.module.css";

export const tipDomId = (tipId: string) => `tip-${tipId}`;

/**
 * One tip as moderators read it: who it is about (a link to the internal
 * record), when it came, the text as written, the contact, the file, and the
 * two ways to deal with it while it is pending.
 */
export function TipCard({
  tip,
  problem,
  busy,
  onMark,
}: {
  tip: TipItem;
  problem: string | null;
  busy: boolean;
  onMark: (status: "reviewed" | "dismissed") => void;
}) {
  const t = useTranslations("tips.moderation");
  const locale = useLocale() as AppLocale;
  const headingId = useId();
  const when = (iso: string) => formatDateTime(locale, new Date(iso));

  return (
    <article id={tipDomId(tip.id)} tabIndex={-1} className={`card ${styles.card}`} data-testid="tip-card" data-tip-id={tip.id}>
      <h2 id={headingId} className={styles.person}>
        {tip.person ? (
          <Link href={`/expediente/${tip.person.id}`} data-testid="tip-person-link">
            {t("about", { name: tip.person.name })}
          </Link>
        ) : (
          t("personGone")
        )}
      </h2>
      <p className={`muted ${styles.received}`}>
        <time dateTime={tip.createdAt}>{t("received", { date: when(tip.createdAt) })}</time>
      </p>
      <p className={styles.text} data-testid="tip-card-text">
        {tip.text}
      </p>
      <dl className={`facts ${styles.facts}`}>
        <dt>{t("contact")}</dt>
        <dd data-testid="tip-contact">{tip.contact ?? <span className="muted">{t("noContact")}</span>}</dd>
        {tip.file ? (
          <>
            <dt>{t("file")}</dt>
            <dd>
              <a href={tip.file.href} target="_blank" rel="noopener" data-testid="tip-file-link">
                {t("openFile", { type: t(`fileTypes.${fileKind(tip.file.contentType)}`), size: formatSize(locale, tip.file.size) })}
              </a>
            </dd>
          </>
        ) : null}
      </dl>
      {tip.status === "pending" ? (
        <div className="actions">
          <button type="button" className="button" disabled={busy} aria-describedby={headingId} onClick={() => onMark("reviewed")} data-testid="tip-mark-reviewed">
            {t("markReviewed")}
          </button>
          <button
            type="button"
            className="button button-secondary"
            disabled={busy}
            aria-describedby={headingId}
            onClick={() => onMark("dismissed")}
            data-testid="tip-dismiss"
          >
            {t("dismiss")}
          </button>
        </div>
      ) : (
        <p className="muted" data-testid="tip-marked">
          {t(tip.status === "reviewed" ? "reviewedBy" : "dismissedBy", {
            name: tip.reviewedBy?.name ?? t("someone"),
            date: tip.reviewedAt ? when(tip.reviewedAt) : "—",
          })}
        </p>
      )}
      {problem ? (
        <p role="alert" className="error-message" data-testid="tip-card-problem">
          {problem}
        </p>
      ) : null}
    </article>
  );
}
