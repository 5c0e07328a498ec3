import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { AccessDenied } from "@/components/account/AccessDenied.tsx";
import { InternalExportPanel } from "@/components/exports/InternalExportPanel.tsx";
import { PersonList } from "@/components/person/PersonList.tsx";
import { viewerFor } from "@/lib/auth/page-guard.ts";
import { can } from "@/lib/auth/policy.ts";
import { actorOf } from "@/lib/auth/session.ts";
import { firstParam } from "@/lib/navigation/search-params.ts";
import { listPersons } from "@/lib/persons/data.ts";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("person.list"))("title"), robots: { index: false } };
}

export default async function PersonsPage({ searchParams }: { searchParams: Promise<{ purgado?: string | string[] }> }) {
  const { viewer, denied } = await viewerFor("person.view_internal", "/expedientes");
  if (denied) return <AccessDenied />;
  const [t, newest, params] = await Promise.all([getTranslations("person.list"), listPersons({ limit: 50 }), searchParams]);
  return (
    <>
      <h1>{t("title")}</h1>
      <p className="prose">{t("intro")}</p>
      {firstParam(params.purgado) === "1" ? (
        <p className="notice" role="status" data-testid="person-purged">
          {t("purged")}
        </p>
      ) : null}
      <PersonList newest={newest} canMerge={can(actorOf(viewer), "person.merge")} />
      {can(actorOf(viewer), "export.internal") ? <InternalExportPanel organizationName={viewer.organizationName} /> : null}
    </>
  );
}
