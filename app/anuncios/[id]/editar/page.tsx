import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { z } from "zod";
import { AccessDenied } from "@/components/account/AccessDenied.tsx";
import { AnnouncementForm } from "@/components/announcements/AnnouncementForm.tsx";
import { AnnouncementHistory } from "@/components/announcements/AnnouncementHistory.tsx";
import { describeRevisions, namedAnnouncements } from "@/components/announcements/history.ts";
import { DeleteForm, StatusForm } from "@/components/announcements/StatusForms.tsx";
import styles from "@/components/announcements/AnnouncementForm.module.css";
import { announcementById, announcementHistory } from "@/lib/announcements/data.ts";
import { announcementChoices, knownClaimants, supersedingCandidates } from "@/lib/announcements/editor-data.ts";
import { claimValuesFromView } from "@/lib/announcements/form.ts";
import { viewerFor } from "@/lib/auth/page-guard.ts";
import { dbDate, todayInCaracas } from "@/lib/dates.ts";
import { env } from "@/lib/env.ts";
import { claimedCount, formatDay } from "@/lib/i18n/format.ts";
import type { AppLocale } from "@/lib/i18n/locale.ts";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("announcementForm"))("editTitle"), robots: { index: false } };
}

type Params = Promise<{ id: string }>;
type SearchParams = Promise<Record<string, string | string[] | undefined>>;

/**
 * Moderators correct an announcement (saved with the version read, and why),
 * change its status, or delete it; its versions are listed below.
 */
export default async function EditAnnouncementPage({ params, searchParams }: { params: Params; searchParams: SearchParams }) {
  const { id } = await params;
  const { denied } = await viewerFor("announcement.manage", `/anuncios/${id}/editar`);
  if (denied) return <AccessDenied />;
  if (!z.uuid().safeParse(id).success) notFound();
  const announcement = await announcementById(id);
  if (!announcement) notFound();

  const query = await searchParams;
  const locale = (await getLocale()) as AppLocale;
  const [t, tClaimed, claimants, candidates, revisions] = await Promise.all([
    getTranslations("announcementForm"),
    getTranslations("claimed"),
    knownClaimants(),
    supersedingCandidates(announcement),
    announcementHistory(id),
  ]);
  const described = describeRevisions(revisions);
  const named = await announcementChoices([...namedAnnouncements(described), ...(announcement.supersededById ? [announcement.supersededById] : [])]);
  const labelOf = (choice: { claimant: string; statedOn: string; qualifier: "exact" | "at_least" | "about" | "range"; value: number | null; min: number | null; max: number | null }) => {
    const count = claimedCount(locale, choice);
    return `${choice.claimant}, ${formatDay(locale, dbDate(choice.statedOn))}: ${tClaimed(count.key, count.values)}`;
  };
  const laterOne = announcement.supersededById ? named.get(announcement.supersededById) : undefined;

  return (
    <>
      <p>
        <Link href={`/anuncios/${id}`} data-testid="announcement-public-link">
          {t("publicPage")}
        </Link>
      </p>
      <h1>{t("editTitle")}</h1>
      <p className="lead" data-testid="announcement-editing">
        {t("editing", { claimant: announcement.claimant, date: formatDay(locale, dbDate(announcement.statedOn)) })}
      </p>
      <p className="prose">{t("editIntro")}</p>
      {query.hecho === "estado" ? (
        <p className="notice" role="status" data-testid="announcement-notice">
          {t("notices.statusChanged")}
        </p>
      ) : null}
      {query.archivo === "pendiente" ? (
        <p className="notice" role="status" data-testid="announcement-notice">
          {t("notices.archivePending")}
        </p>
      ) : null}

      <AnnouncementForm
        key={announcement.version}
        mode="edit"
        announcement={{ id, version: announcement.version, archivedFile: announcement.archived.file }}
        defaults={claimValuesFromView(announcement)}
        claimants={claimants}
        maxUploadBytes={env.maxUploadBytes()}
        today={todayInCaracas()}
      />

      <section id="estado" className={`card ${styles.pageSection}`} aria-labelledby="estado-title">
        <h2 id="estado-title">{t("status.title")}</h2>
        <p data-testid="announcement-status" data-status={announcement.status}>
          {t.rich("status.current", { status: t(`statuses.${announcement.status}`), strong: (chunks) => <strong>{chunks}</strong> })}{" "}
          {laterOne
            ? t.rich("status.currentSupersededBy", {
                announcement: labelOf(laterOne),
                link: (chunks) => <Link href={`/anuncios/${laterOne.id}`}>{chunks}</Link>,
              })
            : null}
        </p>
        <StatusForm
          key={announcement.version}
          announcement={{ id, version: announcement.version, status: announcement.status, supersededById: announcement.supersededById }}
          candidates={candidates.map((candidate) => ({ id: candidate.id, label: labelOf(candidate) }))}
        />
      </section>

      <section id="historial" className={styles.pageSection} aria-labelledby="historial-title">
        <h2 id="historial-title">{t("history.title")}</h2>
        <p className="prose">{t("history.intro")}</p>
        <AnnouncementHistory revisions={described} announcements={named} />
      </section>

      <section className={styles.pageSection} aria-labelledby="borrar-title">
        <details className={`card ${styles.danger}`} data-testid="delete-section">
          <summary id="borrar-title">{t("delete.title")}</summary>
          <DeleteForm key={announcement.version} announcement={{ id, version: announcement.version }} />
        </details>
      </section>
    </>
  );
}
