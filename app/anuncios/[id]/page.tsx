import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getLocale } from "next-intl/server";
import { cache } from "react";
import { AnnouncementDetail } from "@/components/reconciliation/AnnouncementDetail.tsx";
import { AsOfForm, AsOfNotice } from "@/components/reconciliation/AsOfForm.tsx";
import { readAsOf } from "@/components/reconciliation/as-of.ts";
import { translator } from "@/components/reconciliation/present.ts";
import { announcementById } from "@/lib/announcements/data.ts";
import { announcementIdParamsSchema } from "@/lib/announcements/schema.ts";
import { actorOf, getViewer } from "@/lib/auth/session.ts";
import { can } from "@/lib/auth/policy.ts";
import { todayInCaracas } from "@/lib/dates.ts";
import { pageParam } from "@/lib/navigation/search-params.ts";
import { publicListLines } from "@/lib/names/data.ts";
import { publicTallyAsOf } from "@/lib/tally/service.ts";

export const dynamic = "force-dynamic";

/** The announcement (current record, public fields), read once per request for the page and its metadata. */
const load = cache(async (id: string) => (announcementIdParamsSchema.safeParse({ id }).success ? announcementById(id) : null));

export async function generateMetadata({ params }: { params: Promise<{ id: string }> }): Promise<Metadata> {
  const announcement = await load((await params).id);
  if (!announcement) return {};
  const t = translator(await getLocale());
  return { title: t("reconciliation.detail.heading", { claimant: announcement.claimant }) };
}

/**
 * One announcement against what is verified, as of any day (`?asOf=`): its
 * figures are the tally's entry for it (`publicTallyAsOf`, as on /anuncios
 * and GET /api/v1/tally); its name list as the public may see it.
 */
export default async function AnnouncementPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<{ asOf?: string | string[]; page?: string | string[] }>;
}) {
  const [{ id }, query] = await Promise.all([params, searchParams]);
  const announcement = await load(id);
  if (!announcement) notFound();
  const today = todayInCaracas();
  const reading = readAsOf(query.asOf, today);
  const [locale, tally, lines, viewer] = await Promise.all([
    getLocale(),
    publicTallyAsOf(reading.day),
    publicListLines(announcement.id),
    getViewer(),
  ]);
  const t = translator(locale);
  const chosen = reading.kind === "chosen";

  return (
    <>
      <p>
        <Link href={`/anuncios${chosen ? `?asOf=${reading.day}` : ""}`} data-testid="back-to-announcements">
          {t("reconciliation.detail.back")}
        </Link>
      </p>
      <h1>{t("reconciliation.detail.heading", { claimant: announcement.claimant })}</h1>
      <AsOfNotice locale={locale} action={`/anuncios/${announcement.id}`} reading={reading} />
      <AnnouncementDetail
        locale={locale}
        asOf={reading.day}
        chosen={chosen}
        announcement={announcement}
        figures={tally.announcements.find((a) => a.id === announcement.id) ?? null}
        lines={lines}
        linesPage={pageParam(query.page)}
        moderator={viewer ? can(actorOf(viewer), "announcement.manage") : false}
        asOfForm={<AsOfForm locale={locale} action={`/anuncios/${announcement.id}`} reading={reading} today={today} />}
      />
    </>
  );
}
