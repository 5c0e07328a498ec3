import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { AccessDenied } from "@/components/account/AccessDenied.tsx";
import { ImportRun } from "@/components/imports/ImportRun.tsx";
import { actorOf } from "@/lib/auth/session.ts";
import { viewerFor } from "@/lib/auth/page-guard.ts";
import { importById, importDetail } from "@/lib/imports/data.ts";
import { importIdParamsSchema } from "@/lib/imports/schema.ts";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("imports"))("title"), robots: { index: false } };
}

/** One spreadsheet import (moderators of its organization, and admins): progress, result, next step. */
export default async function ImportRunPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const { viewer, denied } = await viewerFor("import.create", `/importar/${encodeURIComponent(id)}`);
  if (denied) return <AccessDenied />;
  if (!importIdParamsSchema.safeParse({ id }).success) notFound();
  // importById answers only imports the viewer may see (their organization's; any for admins).
  const visible = await importById(actorOf(viewer), id);
  if (!visible || visible.kind !== "people") notFound();
  const [t, detail] = await Promise.all([getTranslations("imports"), importDetail(id)]);
  if (!detail) notFound();
  const file = detail.fileName ?? t("run.noFile");
  return (
    <>
      <h1>{detail.dryRun ? t("run.titleDry", { file }) : t("run.titleReal", { file })}</h1>
      {/* Keyed by the import only: the refresh when a run ends brings new rows as props, and must not
          close a confirmation the moderator has just opened (a remount did, in the browser tests). */}
      <ImportRun key={detail.id} detail={detail} initial={visible.view} />
    </>
  );
}
