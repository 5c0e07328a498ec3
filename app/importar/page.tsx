import type { Metadata } from "next";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { AccessDenied } from "@/components/account/AccessDenied.tsx";
import { ImportWizard } from "@/components/imports/ImportWizard.tsx";
import { actorOf } from "@/lib/auth/session.ts";
import { viewerFor } from "@/lib/auth/page-guard.ts";
import { env } from "@/lib/env.ts";
import { formatDay } from "@/lib/i18n/format.ts";
import type { AppLocale } from "@/lib/i18n/locale.ts";
import { recentImports } from "@/lib/imports/data.ts";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("imports"))("title"), robots: { index: false } };
}

/** Loading a spreadsheet (moderators): the wizard, and the organization's recent imports. */
export default async function ImportPage() {
  const { viewer, denied } = await viewerFor("import.create", "/importar");
  if (denied) return <AccessDenied />;
  const organizationId = actorOf(viewer).organizationId;
  const [t, locale, recent] = await Promise.all([
    getTranslations("imports"),
    getLocale() as Promise<AppLocale>,
    organizationId ? recentImports(organizationId) : [],
  ]);
  return (
    <>
      <h1>{t("title")}</h1>
      <p className="prose">{t("intro")}</p>
      <ImportWizard limitMb={Math.floor(env.maxUploadBytes() / (1024 * 1024))} />
      <section className="stack" aria-labelledby="recent-imports">
        <h2 id="recent-imports">{t("recent.title")}</h2>
        {recent.length === 0 ? (
          <p>{t("recent.empty")}</p>
        ) : (
          <ul data-testid="recent-imports">
            {recent.map((item) => (
              <li key={item.id}>
                <Link href={`/importar/${item.id}`}>{item.fileName ?? t("run.noFile")}</Link>{" "}
                {t("recent.line", {
                  date: formatDay(locale, new Date(item.createdAt)),
                  who: item.createdBy,
                  kind: item.dryRun ? t("recent.dry") : t("recent.real"),
                  created: item.created,
                  updated: item.updated,
                  unchanged: item.unchanged,
                  duplicates: item.possibleDuplicates,
                })}
              </li>
            ))}
          </ul>
        )}
      </section>
    </>
  );
}
