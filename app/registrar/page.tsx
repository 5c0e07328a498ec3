import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { AccessDenied } from "@/components/account/AccessDenied.tsx";
import { RecordForm } from "@/components/record/RecordForm.tsx";
import { viewerFor } from "@/lib/auth/page-guard.ts";
import { env } from "@/lib/env.ts";
import { knownFacilities } from "@/lib/releases/data.ts";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("record"))("title"), robots: { index: false } };
}

export default async function RecordPage() {
  const { denied } = await viewerFor("person.create", "/registrar");
  if (denied) return <AccessDenied />;
  const [t, facilities] = await Promise.all([getTranslations("record"), knownFacilities()]);
  return (
    <>
      <h1>{t("title")}</h1>
      <p className="prose">{t("intro")}</p>
      <RecordForm facilities={facilities} maxUploadBytes={env.maxUploadBytes()} approvalsRequired={env.approvalsRequired()} />
    </>
  );
}
