import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { AccessDenied } from "@/components/account/AccessDenied.tsx";
import { NameListLoader } from "@/components/names/NameListLoader.tsx";
import styles from "@/components/names/Names.module.css";
import { announcementById } from "@/lib/announcements/data.ts";
import { announcementIdParamsSchema } from "@/lib/announcements/schema.ts";
import { viewerFor } from "@/lib/auth/page-guard.ts";
import { formatDateTime, formatDay } from "@/lib/i18n/format.ts";
import type { AppLocale } from "@/lib/i18n/locale.ts";
import { nameListSummary } from "@/lib/names/data.ts";
import { queueHref } from "@/lib/names/keys.ts";
import type { LinkMethod } from "@/lib/names/schema.ts";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("names.list"))("title"), robots: { index: false } };
}

const METHODS: readonly LinkMethod[] = ["automatic", "confirmed", "created", "rejected", "pending"];

/** Loading the name list of an announcement (moderators), with what the list holds so far and its recent loads. */
export default async function NameListPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const { denied } = await viewerFor("announcement.manage", `/anuncios/${id}/lista`);
  if (denied) return <AccessDenied />;
  const announcement = announcementIdParamsSchema.safeParse({ id }).success ? await announcementById(id) : null;
  if (!announcement) notFound();
  const [t, locale, summary] = await Promise.all([getTranslations("names.list"), getLocale() as Promise<AppLocale>, nameListSummary(announcement.id)]);
  const date = formatDay(locale, new Date(`${announcement.statedOn}T00:00:00Z`));

  return (
    <div className={styles.narrow}>
      <p>
        <Link href={`/anuncios/${announcement.id}`} data-testid="name-list-back">
          {t("back")}
        </Link>
      </p>
      <h1>{t("title")}</h1>
      <p className="lead" data-testid="name-list-announcement">
        {t("announcement", { claimant: announcement.claimant, date })}
      </p>
      <p className="prose">{t("intro")}</p>
      <div className={styles.summary} data-testid="name-list-summary">
        {summary.lines === 0 ? (
          <p>{t("summaryEmpty")}</p>
        ) : (
          <>
            <p>{t("summary", { lines: summary.lines })}</p>
            <ul>
              {METHODS.filter((method) => summary.byMethod[method] > 0).map((method) => (
                <li key={method} data-testid={`name-list-count-${method}`}>
                  {t(`method.${method}`, { count: summary.byMethod[method] })}
                </li>
              ))}
            </ul>
            {summary.byMethod.pending > 0 ? (
              <p>
                <Link href={queueHref({ announcementId: announcement.id })} data-testid="name-list-summary-queue">
                  {t("queueLink")}
                </Link>
              </p>
            ) : null}
          </>
        )}
      </div>
      <NameListLoader announcementId={announcement.id} />
      {summary.imports.length > 0 ? (
        <section aria-labelledby="name-list-recent">
          <h2 id="name-list-recent">{t("recent.heading")}</h2>
          <ul className="plain-list" data-testid="name-list-recent">
            {summary.imports.map((load) => (
              <li key={load.id}>
                {t("recent.line", {
                  date: formatDateTime(locale, new Date(load.createdAt)),
                  file: load.fileName ?? "none",
                  created: load.created,
                  unchanged: load.unchanged,
                  queued: load.queued,
                })}{" "}
                <span className="badge">{t(`recent.status.${load.status}`)}</span>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </div>
  );
}
