import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { SecondFactorSetup } from "@/components/account/SecondFactorSetup.tsx";
import { findTotpState } from "@/lib/auth/data.ts";
import { viewerFor } from "@/lib/auth/page-guard.ts";
import { enrollmentFor } from "@/lib/auth/second-factor.ts";
import { formatDateTime } from "@/lib/i18n/format.ts";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("secondFactor"))("title") };
}

export default async function SecondFactorPage() {
  const { viewer } = await viewerFor("account.view", "/cuenta/verificacion");
  const [t, locale, state] = await Promise.all([getTranslations("secondFactor"), getLocale(), findTotpState(viewer.id)]);
  if (!state) return null;

  if (state.totpEnabledAt) {
    return (
      <>
        <h1>{t("title")}</h1>
        <p className="notice" data-testid="totp-enabled">
          {t("enabledSince", { date: formatDateTime(locale, state.totpEnabledAt) })}
        </p>
        <p className="prose">{t("lostPhone")}</p>
      </>
    );
  }

  const enrollment = state.totpSecret ? await enrollmentFor(state.email, state.totpSecret) : null;
  return (
    <>
      <h1>{t("title")}</h1>
      {viewer.secondFactor === "missing" ? (
        <p className="notice" data-testid="totp-required">
          {t("required")}
        </p>
      ) : null}
      <p className="prose">{t("intro")}</p>
      <SecondFactorSetup enrollment={enrollment ? { secret: enrollment.secret, qrSvg: enrollment.qrSvg } : null} />
    </>
  );
}
