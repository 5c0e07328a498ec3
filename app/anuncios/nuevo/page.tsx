import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { AccessDenied } from "@/components/account/AccessDenied.tsx";
import { AnnouncementForm } from "@/components/announcements/AnnouncementForm.tsx";
import { knownClaimants } from "@/lib/announcements/editor-data.ts";
import { EMPTY_CLAIM_VALUES } from "@/lib/announcements/form.ts";
import { viewerFor } from "@/lib/auth/page-guard.ts";
import { todayInCaracas } from "@/lib/dates.ts";
import { env } from "@/lib/env.ts";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("announcementForm"))("newTitle"), robots: { index: false } };
}

/** Moderators record an announcement (the same checks as POST /api/v1/announcements). */
export default async function NewAnnouncementPage() {
  const { denied } = await viewerFor("announcement.manage", "/anuncios/nuevo");
  if (denied) return <AccessDenied />;
  const [t, claimants] = await Promise.all([getTranslations("announcementForm"), knownClaimants()]);
  return (
    <>
      <h1>{t("newTitle")}</h1>
      <p className="prose">{t("newIntro")}</p>
      <AnnouncementForm mode="create" defaults={EMPTY_CLAIM_VALUES} claimants={claimants} maxUploadBytes={env.maxUploadBytes()} today={todayInCaracas()} />
    </>
  );
}
