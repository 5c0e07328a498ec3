import { getLocale, getTranslations } from "next-intl/server";
import type { PersonRecord } from "@/lib/persons/data.ts";
import { formatDateTime, formatDay, formatMonth } from "@/lib/i18n/format.ts";
import { releaseDateText } from "@/lib/releases/schema.ts";
import { statusActionsFrom } from "@/lib/reviews/rule.ts";
import { AddEvidenceForm } from "./Evidence.tsx";
import { ReleaseEditForm, StatusChangeForm } from "./ReleaseForms.tsx";
import { ReleaseStatusBadge } from "./StatusBadge.tsx";
import styles from "./ReleaseCard.module.css";

type Release = PersonRecord["releases"][number];

/**
 * One release on the person record page: its facts and status (with the
 * reason when it was rejected, disputed or retracted), its evidence (photos
 * as thumbnails, other files and links as links), its reviews, and — unless
 * the record is read only — the forms to add evidence, correct its facts
 * and, for moderators, change its status.
 */
export async function ReleaseCard({
  release,
  personId,
  readOnly,
  canModerate,
  facilities,
  maxUploadBytes,
}: {
  release: Release;
  personId: string;
  readOnly: boolean;
  canModerate: boolean;
  facilities: readonly string[];
  maxUploadBytes: number;
}) {
  const [t, tConditions, tKinds, locale] = await Promise.all([
    getTranslations("record.card"),
    getTranslations("conditions"),
    getTranslations("evidence.kinds"),
    getLocale(),
  ]);
  const known = release.releasedOn && release.releasedPrecision !== "unknown" ? release.releasedOn : null;
  const month = known && release.releasedPrecision === "month" ? formatMonth(locale, known) : null;
  const day = known && release.releasedPrecision === "day" ? formatDay(locale, known) : null;
  const date = month ? t("dateMonth", { month }) : day ? t("dateDay", { day }) : null;
  const title = month ? t("titleMonth", { month }) : day ? t("titleDay", { day }) : t("titleUnknown");
  const statusActions = canModerate ? statusActionsFrom(release.status) : [];
  const showReason = release.statusReason && release.status !== "reported" && release.status !== "verified";
  const headingId = `release-${release.id}`;

  return (
    <article className={`card ${styles.card}`} aria-labelledby={headingId} data-testid="release-card" data-release-id={release.id} data-status={release.status}>
      <h3 id={headingId} className={styles.title}>
        {title}
      </h3>
      <p className={styles.statusLine}>
        <ReleaseStatusBadge status={release.status} />
        {showReason ? (
          <span data-testid="release-status-reason">{t("reason", { reason: release.statusReason! })}</span>
        ) : null}
      </p>
      <dl className="facts">
        <dt>{t("date")}</dt>
        <dd>{date ?? t("dateUnknown")}</dd>
        <dt>{t("facility")}</dt>
        <dd>{release.facility ?? t("notGiven")}</dd>
        <dt>{t("conditions")}</dt>
        <dd>
          {tConditions(release.conditions)}
          {release.conditionsDetail ? <span className={styles.detail}>{release.conditionsDetail}</span> : null}
        </dd>
        <dt>{t("reported")}</dt>
        <dd>
          {t("reportedBy", {
            who: release.reportedBy?.name ?? t("someone"),
            organization: release.organization.name,
            when: formatDateTime(locale, release.createdAt),
          })}
        </dd>
        {release.verifiedAt ? (
          <>
            <dt>{t("verifiedAt")}</dt>
            <dd>{formatDateTime(locale, release.verifiedAt)}</dd>
          </>
        ) : null}
      </dl>

      <h4 className={styles.subheading}>{t("evidenceTitle", { count: release.evidence.length })}</h4>
      {release.evidence.length === 0 ? (
        <p className="muted">{t("noEvidence")}</p>
      ) : (
        <ul className={styles.evidence}>
          {release.evidence.map((item) => {
            const href = item.fileSha256 ? `/api/v1/files/${item.fileSha256}` : null;
            const isImage = item.file?.contentType.startsWith("image/") ?? false;
            return (
              <li key={item.id} className={styles.evidenceItem} data-testid="evidence-item">
                {href && isImage ? (
                  <a href={href} className={styles.thumbLink} target="_blank" rel="noopener noreferrer">
                    <img
                      src={href}
                      alt={t("imageAlt", { description: item.description })}
                      className={styles.thumb}
                      loading="lazy"
                      width={128}
                      height={96}
                      data-testid="evidence-thumbnail"
                    />
                  </a>
                ) : null}
                <div className={styles.evidenceBody}>
                  <p className={styles.evidenceKind}>
                    <strong>{tKinds(item.kind)}</strong>{" "}
                    <span className="badge">{item.isPublic ? t("public") : t("private")}</span>
                  </p>
                  <p className={styles.preserve}>{item.description}</p>
                  {href && !isImage ? (
                    <p>
                      <a href={href} rel="noopener noreferrer" data-testid="evidence-file-link">
                        {t("fileLink", { name: item.fileName ?? t("file") })}
                      </a>
                    </p>
                  ) : null}
                  {item.url ? (
                    <p className={styles.url}>
                      <a href={item.url} target="_blank" rel="noopener noreferrer" data-testid="evidence-url-link">
                        {item.url}
                      </a>
                    </p>
                  ) : null}
                  <p className="muted">
                    {t("addedBy", { who: item.addedBy?.name ?? t("someone"), when: formatDateTime(locale, item.createdAt) })}
                  </p>
                </div>
              </li>
            );
          })}
        </ul>
      )}

      <h4 className={styles.subheading}>{t("reviewsTitle", { count: release.reviews.length })}</h4>
      {release.reviews.length === 0 ? (
        <p className="muted">{t("noReviews")}</p>
      ) : (
        <ul className={styles.reviews}>
          {release.reviews.map((review) => (
            <li key={review.id} data-testid="review-item">
              <strong>{t(`decisions.${review.decision}`)}</strong> · {review.reviewer.name} · {formatDateTime(locale, review.createdAt)}
              {release.reviewRound > 1 ? ` · ${t("round", { round: review.round })}` : null}
              {review.reason ? <span className={styles.detail}>{review.reason}</span> : null}
            </li>
          ))}
        </ul>
      )}

      <p>
        <a href={`/liberaciones/${release.id}/historial`} data-testid="release-history-link">
          {t("history")}
        </a>
      </p>

      {readOnly ? null : (
        <div className={styles.forms}>
          <details className="disclosure">
            <summary>{t("addEvidence")}</summary>
            <AddEvidenceForm releaseId={release.id} maxUploadBytes={maxUploadBytes} idPrefix={`evidence-${release.id}`} />
          </details>
          <details className="disclosure">
            <summary>{t("edit")}</summary>
            <ReleaseEditForm
              key={release.version}
              facilities={facilities}
              release={{
                id: release.id,
                personId,
                version: release.version,
                status: release.status,
                releasedOn: releaseDateText(release.releasedOn, release.releasedPrecision),
                facility: release.facility,
                conditions: release.conditions,
                conditionsDetail: release.conditionsDetail,
              }}
            />
          </details>
          {statusActions.length > 0 ? (
            <details className="disclosure">
              <summary>{t("changeStatus")}</summary>
              <StatusChangeForm
                key={release.version}
                releaseId={release.id}
                personId={personId}
                version={release.version}
                actions={statusActions}
                facilities={facilities}
              />
            </details>
          ) : null}
        </div>
      )}
    </article>
  );
}
