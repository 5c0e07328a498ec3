"use client";

import Link from "next/link";
import { formatCedula } from "@/components/person/options.ts";
import { useTranslations } from "next-intl";
import { useId } from "react";
import type { QueueItem } from "@/lib/reviews/data.ts";
import { useDuplicates } from "@/lib/reviews/hooks.ts";
import styles from "./QueueItemCard.module.css";

/**
 * Other records that might be the same person: looked up when the item gets
 * focus (or on request), each with a link to its record and to the merge
 * screen with both records.
 */
export function Duplicates({ person, enabled, onAsk }: { person: QueueItem["person"]; enabled: boolean; onAsk: () => void }) {
  const t = useTranslations("review");
  const headingId = useId();
  const query = useDuplicates(person, enabled);

  let body;
  if (!enabled && !query.data) {
    body = (
      <button type="button" className={`button button-secondary ${styles.small}`} onClick={onAsk} data-testid="review-duplicates-search">
        {t("duplicates.search")}
      </button>
    );
  } else if (query.isPending) {
    body = <p className="muted">{t("duplicates.loading")}</p>;
  } else if (query.isError) {
    body = <p className="muted">{t("duplicates.error")}</p>;
  } else if (query.data.length === 0) {
    body = (
      <p className="muted" data-testid="review-duplicates-none">
        {t("duplicates.none")}
      </p>
    );
  } else {
    body = (
      <ul className={styles.duplicates} data-testid="review-duplicates">
        {query.data.map((other) => (
          <li key={other.id} data-testid="review-duplicate" data-person-id={other.id}>
            <strong>{other.name}</strong> <span className="badge">{t(`duplicates.${other.match}`)}</span>
            {other.sameCedula ? <span className="badge">{t("duplicates.sameCedula")}</span> : null}
            <span className={styles.detail}>
              {[
                other.cedula ? formatCedula(other.cedula) : t("item.noCedula"),
                other.organizationName,
                other.releaseStatuses.length > 0
                  ? other.releaseStatuses.map((status) => t(`statuses.${status}`)).join(", ")
                  : t("duplicates.noReleases"),
              ].join(" · ")}
            </span>
            <span className={styles.links}>
              <Link href={`/expediente/${other.id}`} prefetch={false} aria-label={t("duplicates.openLabel", { name: other.name })}>
                {t("duplicates.open")}
              </Link>
              <Link
                href={`/fusionar?a=${encodeURIComponent(person.id)}&b=${encodeURIComponent(other.id)}`}
                prefetch={false}
                aria-label={t("duplicates.mergeLabel", { name: other.name })}
                data-testid="review-duplicate-merge"
              >
                {t("duplicates.merge")}
              </Link>
            </span>
          </li>
        ))}
      </ul>
    );
  }

  return (
    <div className={styles.duplicatesSection} role="group" aria-labelledby={headingId}>
      <h4 id={headingId} className={styles.subheading}>
        {t("duplicates.title")}
      </h4>
      {body}
    </div>
  );
}
