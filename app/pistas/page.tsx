import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { AccessDenied } from "@/components/account/AccessDenied.tsx";
import { TipList } from "@/components/tips/TipList.tsx";
import { viewerFor } from "@/lib/auth/page-guard.ts";
import { listTips, tipCounts, tipPersonName } from "@/lib/tips/data.ts";
import { tipFiltersFrom, tipsPageHref } from "@/lib/tips/keys.ts";
import { TIP_PAGE_SIZE } from "@/lib/tips/schema.ts";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("tips.moderation"))("title"), robots: { index: false } };
}

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

/** Tips from the public (moderators and admins): the first page is rendered here; the browser loads the rest. */
export default async function TipsPage({ searchParams }: { searchParams: SearchParams }) {
  const { denied } = await viewerFor("tip.review", "/pistas");
  if (denied) return <AccessDenied />;
  const filters = tipFiltersFrom(await searchParams);
  const [t, firstPage, counts, personName] = await Promise.all([
    getTranslations("tips.moderation"),
    listTips({ ...filters, limit: TIP_PAGE_SIZE }),
    tipCounts(filters.personId),
    filters.personId ? tipPersonName(filters.personId) : null,
  ]);
  const fetchedAt = Date.now();

  return (
    <>
      <h1>{t("title")}</h1>
      <p className="prose">{t("intro")}</p>
      {filters.personId ? (
        <p className="notice" data-testid="tips-filtered">
          {t("filteredTo", { name: personName ?? t("personGone") })} <Link href={tipsPageHref({ status: filters.status })}>{t("showAll")}</Link>
        </p>
      ) : null}
      <TipList key={fetchedAt} filters={filters} initialPage={firstPage} fetchedAt={fetchedAt} counts={counts} />
    </>
  );
}
