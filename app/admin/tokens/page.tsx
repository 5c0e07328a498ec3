import type { Metadata } from "next";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { AccessDenied } from "@/components/account/AccessDenied.tsx";
import { RevokeTokenButton } from "@/components/admin/TokenAdmin.tsx";
import styles from "@/components/admin/TokenAdmin.module.css";
import { listAllTokens } from "@/lib/auth/data.ts";
import { viewerFor } from "@/lib/auth/page-guard.ts";
import { ALL_TOKENS_LIMIT, type TokenState } from "@/lib/auth/schema.ts";
import { formatDateTime } from "@/lib/i18n/format.ts";

export const dynamic = "force-dynamic";

/** The filter in the address: ?estado=activas|revocadas|todas (live tokens by default). */
const FILTERS: { param: string; state: TokenState; label: "tokenFilterActive" | "tokenFilterRevoked" | "tokenFilterAll" }[] = [
  { param: "activas", state: "active", label: "tokenFilterActive" },
  { param: "revocadas", state: "revoked", label: "tokenFilterRevoked" },
  { param: "todas", state: "all", label: "tokenFilterAll" },
];

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("admin"))("tokensTitle") };
}

export default async function AdminTokensPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { denied } = await viewerFor("token.manage_all", "/admin/tokens");
  if (denied) return <AccessDenied />;
  const asked = (await searchParams).estado;
  const filter = FILTERS.find((candidate) => candidate.param === asked) ?? FILTERS[0]!;
  const now = new Date();
  const [t, tRoles, locale, tokens] = await Promise.all([
    getTranslations("admin"),
    getTranslations("roles"),
    getLocale(),
    listAllTokens({ state: filter.state, now }),
  ]);
  const when = (date: Date) => formatDateTime(locale, date);

  return (
    <>
      <p>
        <Link href="/admin/usuarios">{t("backToUsers")}</Link>
      </p>
      <h1>{t("tokensTitle")}</h1>
      <p className="prose">{t("tokensIntro")}</p>

      <nav aria-label={t("tokenFilterLabel")}>
        <ul className={styles.filters}>
          {FILTERS.map((candidate) => (
            <li key={candidate.param}>
              <Link
                href={`/admin/tokens?estado=${candidate.param}`}
                className={styles.filter}
                aria-current={candidate === filter ? "page" : undefined}
                data-testid={`token-filter-${candidate.state}`}
              >
                {t(candidate.label)}
              </Link>
            </li>
          ))}
        </ul>
      </nav>

      <h2>{t("tokensCount", { count: tokens.length })}</h2>
      {tokens.length >= ALL_TOKENS_LIMIT ? <p className="muted">{t("tokensLimited", { limit: ALL_TOKENS_LIMIT })}</p> : null}
      {tokens.length === 0 ? (
        <p className="muted" data-testid="token-admin-empty">
          {t("tokensNone")}
        </p>
      ) : (
        <ul className="plain-list" data-testid="token-admin-list">
          {tokens.map((token) => {
            const expired = token.expiresAt !== null && token.expiresAt.getTime() <= now.getTime();
            const owner = token.user.name || token.user.email;
            return (
              <li
                key={token.id}
                className={`card ${styles.row}`}
                data-testid="token-admin-row"
                data-token-id={token.id}
                data-owner={token.user.email}
              >
                <div>
                  <p className={styles.who}>
                    <strong>{token.name}</strong> <code>{token.prefix}…</code>{" "}
                    {token.revokedAt ? <span className="badge">{t("tokenStateRevoked")}</span> : null}
                    {!token.revokedAt && expired ? <span className="badge">{t("tokenStateExpired")}</span> : null}
                  </p>
                  <dl className={styles.facts}>
                    <dt>{t("tokenOwner")}</dt>
                    <dd>
                      {token.user.name} · {token.user.email} · {tRoles(token.user.role)}
                    </dd>
                    <dt>{t("tokenCreatedAt")}</dt>
                    <dd>{when(token.createdAt)}</dd>
                    <dt>{t("tokenLastUsedAt")}</dt>
                    <dd>{token.lastUsedAt ? when(token.lastUsedAt) : t("tokenNeverUsed")}</dd>
                    <dt>{t("tokenExpiresAt")}</dt>
                    <dd>{token.expiresAt ? when(token.expiresAt) : t("tokenNoExpiry")}</dd>
                    {token.revokedAt ? (
                      <>
                        <dt>{t("tokenRevokedAt")}</dt>
                        <dd>{when(token.revokedAt)}</dd>
                      </>
                    ) : null}
                  </dl>
                </div>
                {token.revokedAt ? null : <RevokeTokenButton id={token.id} name={token.name} owner={owner} />}
              </li>
            );
          })}
        </ul>
      )}
    </>
  );
}
