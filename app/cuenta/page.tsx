import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { AccessDenied } from "@/components/account/AccessDenied.tsx";
import { TokenManager } from "@/components/account/TokenManager.tsx";
import { listTokensOf } from "@/lib/auth/data.ts";
import { viewerFor } from "@/lib/auth/page-guard.ts";
import { formatDateTime } from "@/lib/i18n/format.ts";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("account"))("title") };
}

export default async function AccountPage() {
  const { viewer, denied } = await viewerFor("account.view", "/cuenta");
  if (denied) return <AccessDenied />;
  const [t, tRoles, locale, tokens] = await Promise.all([
    getTranslations("account"),
    getTranslations("roles"),
    getLocale(),
    listTokensOf(viewer.id),
  ]);

  return (
    <>
      <h1>{t("title")}</h1>
      <dl className="card facts" data-testid="account-profile">
        <dt>{t("name")}</dt>
        <dd>{viewer.name}</dd>
        <dt>{t("email")}</dt>
        <dd>{viewer.email}</dd>
        <dt>{t("role")}</dt>
        <dd data-testid="account-role">{tRoles(viewer.role)}</dd>
        <dt>{t("organization")}</dt>
        <dd>{viewer.organizationName}</dd>
      </dl>

      <h2>{t("tokensTitle")}</h2>
      <p className="prose">{t("tokensIntro")}</p>
      <TokenManager
        tokens={tokens.map((token) => ({
          id: token.id,
          name: token.name,
          prefix: token.prefix,
          created: formatDateTime(locale, token.createdAt),
          lastUsed: token.lastUsedAt ? formatDateTime(locale, token.lastUsedAt) : null,
          expires: token.expiresAt ? formatDateTime(locale, token.expiresAt) : null,
          revoked: token.revokedAt !== null,
        }))}
      />
    </>
  );
}
