import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { AccessDenied } from "@/components/account/AccessDenied.tsx";
import { HistoryList } from "@/components/history/HistoryList.tsx";
import { HistoryPager } from "@/components/history/HistoryPager.tsx";
import { parseCursor } from "@/components/history/describe.ts";
import styles from "@/components/history/History.module.css";
import { releaseHistory } from "@/lib/audit/data.ts";
import { viewerFor } from "@/lib/auth/page-guard.ts";
import { can } from "@/lib/auth/policy.ts";
import { actorOf } from "@/lib/auth/session.ts";
import { formatDay, formatReleaseMonth } from "@/lib/i18n/format.ts";
import { releaseIdParamsSchema } from "@/lib/releases/schema.ts";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("history"))("metaRelease"), robots: { index: false } };
}

export default async function ReleaseHistoryPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<{ antes?: string | string[] }>;
}) {
  const { id } = await params;
  const { viewer, denied } = await viewerFor("history.view", `/liberaciones/${id}/historial`);
  if (denied) return <AccessDenied />;
  if (!releaseIdParamsSchema.safeParse({ id }).success) notFound();
  const beforeId = parseCursor((await searchParams).antes);
  const history = await releaseHistory(id, { beforeId });
  if (!history) notFound();
  const { release } = history;
  const deleted = release.deletedAt !== null || release.person.deletedAt !== null;
  if (deleted && !can(actorOf(viewer), "audit.view")) notFound();
  const [t, locale] = await Promise.all([getTranslations("history"), getLocale()]);
  const date =
    release.releasedOn && release.releasedPrecision === "day"
      ? formatDay(locale, release.releasedOn)
      : formatReleaseMonth(locale, release.releasedOn, release.releasedPrecision);

  return (
    <>
      <h1 data-testid="history-title">{t("releaseTitle")}</h1>
      <p className="lead">
        {t("releaseOf", { name: release.person.name })}
        <br />
        <span className="muted">{date ? t("releaseDate", { date }) : t("releaseDateUnknown")}</span>
      </p>
      <p className="prose">{t("releaseIntro")}</p>
      <p className={styles.links}>
        <Link href={`/expediente/${release.person.id}`}>{t("backToRecord")}</Link>
        <Link href={`/expediente/${release.person.id}/historial`}>{t("personHistory")}</Link>
      </p>
      {deleted ? <p className="notice">{t("deletedNote")}</p> : null}
      {history.events.length === 0 ? (
        <p className="notice" data-testid="history-empty">{t("empty")}</p>
      ) : (
        <HistoryList events={history.events} names={history.names} showSource={false} />
      )}
      <HistoryPager path={`/liberaciones/${id}/historial`} nextBeforeId={history.nextBeforeId} paged={beforeId !== undefined} />
    </>
  );
}
