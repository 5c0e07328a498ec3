import type { Metadata } from "next";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { AccessDenied } from "@/components/account/AccessDenied.tsx";
import { MatchQueue } from "@/components/names/MatchQueue.tsx";
import { announcementById } from "@/lib/announcements/data.ts";
import { viewerFor } from "@/lib/auth/page-guard.ts";
import { formatDay } from "@/lib/i18n/format.ts";
import type { AppLocale } from "@/lib/i18n/locale.ts";
import { nameQueue } from "@/lib/names/data.ts";
import { queueFilterFrom } from "@/lib/names/keys.ts";
import { QUEUE_PAGE_SIZE } from "@/lib/names/schema.ts";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("names.queue"))("title"), robots: { index: false } };
}

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

/** The matching queue (moderators): lines of name lists waiting for a decision; `?anuncio=` keeps to one list. */
export default async function MatchingPage({ searchParams }: { searchParams: SearchParams }) {
  const { denied } = await viewerFor("names.match", "/cotejo");
  if (denied) return <AccessDenied />;
  const filter = queueFilterFrom(await searchParams);
  const [t, locale, firstPage, announcement] = await Promise.all([
    getTranslations("names.queue"),
    getLocale() as Promise<AppLocale>,
    nameQueue({ ...filter, limit: QUEUE_PAGE_SIZE }),
    filter.announcementId ? announcementById(filter.announcementId) : null,
  ]);
  const fetchedAt = Date.now();

  return (
    <>
      <h1>{t("title")}</h1>
      <p className="prose">{t("intro")}</p>
      {announcement ? (
        <p className="notice" data-testid="name-queue-filtered">
          {t("filteredTo", { claimant: announcement.claimant, date: formatDay(locale, new Date(`${announcement.statedOn}T00:00:00Z`)) })}{" "}
          <Link href="/cotejo">{t("showAll")}</Link> · <Link href={`/anuncios/${announcement.id}/lista`}>{t("listPage")}</Link>
        </p>
      ) : null}
      <MatchQueue key={fetchedAt} filter={filter} initialPage={firstPage} fetchedAt={fetchedAt} />
    </>
  );
}
