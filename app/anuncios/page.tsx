import type { Metadata } from "next";
import Link from "next/link";
import { getLocale } from "next-intl/server";
import { AnnouncementTable } from "@/components/reconciliation/AnnouncementTable.tsx";
import { AsOfForm, AsOfNotice } from "@/components/reconciliation/AsOfForm.tsx";
import { daysBefore, readAsOf } from "@/components/reconciliation/as-of.ts";
import { Headline } from "@/components/reconciliation/Headline.tsx";
import { translator } from "@/components/reconciliation/present.ts";
import { ReconciliationChart } from "@/components/reconciliation/ReconciliationChart.tsx";
import styles from "@/components/reconciliation/Reconciliation.module.css";
import { actorOf, getViewer } from "@/lib/auth/session.ts";
import { can } from "@/lib/auth/policy.ts";
import { todayInCaracas } from "@/lib/dates.ts";
import { publicTallyAsOf } from "@/lib/tally/service.ts";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const t = translator(await getLocale());
  return { title: t("reconciliation.title"), description: t("reconciliation.intro") };
}

/**
 * "Anuncios y cifras": every announcement against what is verified, as of
 * any day. Every figure comes from `publicTallyAsOf` (the same computation as
 * GET /api/v1/tally, rule 4 applied); this page only puts them in words.
 */
/** Announcements per page of the table: the newest first; the chart always shows them all. */
const PAGE_SIZE = 50;

export default async function ReconciliationPage({
  searchParams,
}: {
  searchParams: Promise<{ asOf?: string | string[]; pagina?: string | string[] }>;
}) {
  const today = todayInCaracas();
  const params = await searchParams;
  const reading = readAsOf(params.asOf, today);
  const [locale, tally, viewer] = await Promise.all([getLocale(), publicTallyAsOf(reading.day), getViewer()]);
  const t = translator(locale);
  const chosen = reading.kind === "chosen" ? `?asOf=${reading.day}` : "";
  const canManage = viewer ? can(actorOf(viewer), "announcement.manage") : false;
  const pages = Math.max(1, Math.ceil(tally.announcements.length / PAGE_SIZE));
  // An unreadable or out-of-range page number shows the first page rather than an error.
  const asked = Number(typeof params.pagina === "string" ? params.pagina : "1");
  const page = Number.isInteger(asked) && asked >= 1 && asked <= pages ? asked : 1;
  const shown = tally.announcements.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE);
  const pageHref = (n: number) => {
    const query = new URLSearchParams();
    if (reading.kind === "chosen") query.set("asOf", reading.day);
    if (n > 1) query.set("pagina", String(n));
    const text = query.toString();
    return `/anuncios${text ? `?${text}` : ""}#table-heading`;
  };

  return (
    <>
      <h1>{t("reconciliation.title")}</h1>
      <p className="lead">{t("reconciliation.intro")}</p>

      <AsOfNotice locale={locale} action="/anuncios" reading={reading} />
      <Headline locale={locale} releases={tally.releases} />

      <AsOfForm locale={locale} action="/anuncios" reading={reading} today={today} />
      <ul className={styles.links}>
        <li>
          <Link href={`/anuncios/cambios?from=${daysBefore(reading.day, 7)}&to=${reading.day}`} data-testid="link-changes">
            {t("reconciliation.links.changes")}
          </Link>
        </li>
        <li>
          <a href={`/api/v1/tally${chosen}`} data-testid="link-api">
            {t("reconciliation.links.api")}
          </a>
        </li>
        {canManage ? (
          <li>
            <Link href="/anuncios/nuevo" data-testid="link-new-announcement">
              {t("reconciliation.links.newAnnouncement")}
            </Link>
          </li>
        ) : null}
      </ul>

      <ReconciliationChart locale={locale} tally={tally} />

      <section aria-labelledby="table-heading">
        <h2 id="table-heading">{t("reconciliation.table.heading")}</h2>
        <p className={styles.explain}>{t("reconciliation.table.differentBases")}</p>
        <p className={styles.explain}>{t("reconciliation.table.gapNote")}</p>
        <AnnouncementTable
          locale={locale}
          asOf={tally.asOf}
          announcements={shown}
          detailHref={(id) => `/anuncios/${id}${chosen}`}
        />
        {pages > 1 ? (
          <nav aria-label={t("reconciliation.table.pager.label")} className={styles.links} data-testid="announcements-pager">
            <p>
              {t("reconciliation.table.pager.position", {
                from: (page - 1) * PAGE_SIZE + 1,
                to: (page - 1) * PAGE_SIZE + shown.length,
                total: tally.announcements.length,
              })}
            </p>
            {page > 1 ? (
              <Link href={pageHref(page - 1)} rel="prev">
                {t("reconciliation.table.pager.newer")}
              </Link>
            ) : null}{" "}
            {page < pages ? (
              <Link href={pageHref(page + 1)} rel="next">
                {t("reconciliation.table.pager.older")}
              </Link>
            ) : null}
          </nav>
        ) : null}
      </section>
    </>
  );
}
