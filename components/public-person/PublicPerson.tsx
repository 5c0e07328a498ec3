import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { formatDay, formatMonth, HOME_TIME_ZONE } from "@/lib/i18n/format.ts";
import { EVIDENCE_KINDS as EVIDENCE_KIND_LIST } from "@/lib/evidence/schema.ts";
import type { PublicPersonDetail, PublicPersonStatus } from "@/lib/persons/public.ts";
import { ShareLink } from "./ShareLink.tsx";
import styles from "./PublicPerson.module.css";

/** The public status → the words of the shared `status` namespace. */
export const STATUS_KEY = {
  release_verified: "verified",
  release_reported: "reported",
  detained: "detained",
} as const satisfies Record<PublicPersonStatus, string>;

const EVIDENCE_KINDS: ReadonlySet<string> = new Set(EVIDENCE_KIND_LIST);

/** "2026-01" → 1 January 2026, UTC (the month is all the public sees). */
const monthDate = (month: string) => new Date(`${month}-01T00:00:00.000Z`);
const isWebLink = (url: string) => /^https?:\/\//i.test(url);

/**
 * The public page of one person: only what `publicPersonById` gives (DESIGN.md
 * rule 4 applied in lib/persons/public.ts), put in words.
 */
export async function PublicPerson({
  person,
  shareUrl,
  internalHref,
}: {
  person: PublicPersonDetail;
  shareUrl: string;
  /** The internal record, for signed-in users; null for the public. */
  internalHref: string | null;
}) {
  const [locale, t, tStatus, tConditions, tEvidence] = await Promise.all([
    getLocale(),
    getTranslations("publicPerson"),
    getTranslations("status"),
    getTranslations("conditions"),
    getTranslations("evidence"),
  ]);
  const statusKey = STATUS_KEY[person.status];
  const kindLabel = (kind: string) => (EVIDENCE_KINDS.has(kind) ? tEvidence(`kinds.${kind as "other"}`) : kind);

  return (
    <article className={styles.page} data-testid="public-person">
      <h1 className={styles.name} data-testid="person-name">
        {person.name}
      </h1>
      {person.disclosure === "initials" ? (
        <p className="muted" data-testid="initials-note">
          {t("initialsNote")}
        </p>
      ) : null}
      <p className={styles.statusLine}>
        <span className="visually-hidden">{t("statusLabel")}: </span>
        <span className={`${styles.status} ${styles[statusKey]}`} data-testid="person-status" data-status={person.status}>
          {tStatus(statusKey)}
        </span>
      </p>
      {internalHref ? (
        <p>
          <Link href={internalHref} data-testid="internal-record-link">
            {t("internalRecord")}
          </Link>
        </p>
      ) : null}

      {person.releases.length === 0 ? (
        <p className="prose">{t("detainedText")}</p>
      ) : (
        <section aria-labelledby="person-releases">
          <h2 id="person-releases">{t("releasesHeading", { count: person.releases.length })}</h2>
          <ol className={styles.releases}>
            {person.releases.map((release, index) => {
              const month = release.releasedMonth ? formatMonth(locale, monthDate(release.releasedMonth)) : null;
              const releaseStatus = STATUS_KEY[release.status];
              return (
                <li key={index} className={`card ${styles.release}`} data-testid="public-release">
                  <h3 className={styles.releaseHeading}>
                    {month ? t("releaseHeading", { month }) : t("releaseHeadingUndated")}
                  </h3>
                  {/* With one release the person's status above already says it. */}
                  {person.releases.length > 1 ? (
                    <p className={styles.statusLine}>
                      <span className={`${styles.status} ${styles[releaseStatus]}`} data-status={release.status}>
                        {tStatus(releaseStatus)}
                      </span>
                    </p>
                  ) : null}
                  <dl className="facts">
                    <dt>{t("month")}</dt>
                    <dd data-testid="release-month">{month ?? t("monthUnknown")}</dd>
                    <dt>{t("conditions")}</dt>
                    <dd>{tConditions(release.conditions)}</dd>
                  </dl>
                  <h4 className={styles.evidenceHeading}>{t("evidenceHeading")}</h4>
                  {release.evidence.length === 0 ? (
                    <p className="muted">{t("noPublicEvidence")}</p>
                  ) : (
                    <ul className={styles.evidence}>
                      {release.evidence.map((item, itemIndex) => (
                        <li key={itemIndex} data-testid="public-evidence">
                          <strong>{kindLabel(item.kind)}</strong>
                          {item.description ? <span className={styles.description}>{item.description}</span> : null}
                          <span className={styles.evidenceLinks}>
                            {item.url && isWebLink(item.url) ? (
                              <a href={item.url} rel="noopener noreferrer nofollow" className={styles.url} data-testid="evidence-url">
                                {t("openLink")} <span className={styles.host}>{hostOf(item.url)}</span>{" "}
                                <span className="muted">{t("externalNote")}</span>
                              </a>
                            ) : null}
                            {item.fileUrl ? (
                              <a href={item.fileUrl} data-testid="evidence-file">
                                {t("openFile")}
                              </a>
                            ) : null}
                          </span>
                        </li>
                      ))}
                    </ul>
                  )}
                </li>
              );
            })}
          </ol>
        </section>
      )}

      <p className="muted" data-testid="last-checked">
        {t("lastChecked", { date: formatDay(locale, new Date(person.lastChecked), HOME_TIME_ZONE) })}
      </p>

      <section aria-labelledby="what-verified-means" className={styles.explain}>
        <h2 id="what-verified-means">{t("verifiedHeading")}</h2>
        <p>{t("verifiedText")}</p>
        <p>{t("reportedText")}</p>
        <p className="muted">{t("privacyNote")}</p>
      </section>

      <section aria-labelledby="share-heading">
        <h2 id="share-heading">{t("shareHeading")}</h2>
        <ShareLink
          url={shareUrl}
          labels={{ label: t("shareLabel"), copy: t("copy"), copied: t("copied"), copyFailed: t("copyFailed") }}
        />
      </section>

      <p>
        <Link href="/buscar">{t("searchAnother")}</Link>
      </p>
    </article>
  );
}

function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
}
