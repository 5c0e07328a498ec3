import type { Metadata } from "next";
import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { AccessDenied } from "@/components/account/AccessDenied.tsx";
import { HistoryList } from "@/components/history/HistoryList.tsx";
import { HistoryPager } from "@/components/history/HistoryPager.tsx";
import { parseCursor } from "@/components/history/describe.ts";
import styles from "@/components/history/History.module.css";
import { personHistory } from "@/lib/audit/data.ts";
import { viewerFor } from "@/lib/auth/page-guard.ts";
import { can } from "@/lib/auth/policy.ts";
import { actorOf } from "@/lib/auth/session.ts";
import { personIdParamsSchema } from "@/lib/persons/schema.ts";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("history"))("metaPerson"), robots: { index: false } };
}

export default async function PersonHistoryPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<{ antes?: string | string[] }>;
}) {
  const { id } = await params;
  const { viewer, denied } = await viewerFor("history.view", `/expediente/${id}/historial`);
  if (denied) return <AccessDenied />;
  if (!personIdParamsSchema.safeParse({ id }).success) notFound();
  const beforeId = parseCursor((await searchParams).antes);
  const history = await personHistory(id, { beforeId });
  if (!history) notFound();
  // A merged record's history is part of its survivor's.
  if (history.person.mergedIntoId) redirect(`/expediente/${history.person.mergedIntoId}/historial`);
  // A record marked deleted is hidden from volunteers; moderators may still read what happened to it.
  if (history.person.deletedAt && !can(actorOf(viewer), "audit.view")) notFound();
  const t = await getTranslations("history");

  return (
    <>
      <h1 data-testid="history-title">{t("personTitle", { name: history.person.name })}</h1>
      <p className="prose">{t("intro")}</p>
      <p className={styles.links}>
        <Link href={`/expediente/${id}`}>{t("backToRecord")}</Link>
      </p>
      {history.person.deletedAt ? <p className="notice">{t("deletedNote")}</p> : null}
      {history.events.length === 0 ? (
        <p className="notice" data-testid="history-empty">{t("empty")}</p>
      ) : (
        <HistoryList events={history.events} names={history.names} showSource />
      )}
      <HistoryPager path={`/expediente/${id}/historial`} nextBeforeId={history.nextBeforeId} paged={beforeId !== undefined} />
    </>
  );
}
