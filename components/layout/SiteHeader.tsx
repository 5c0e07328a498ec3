import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { SignOutButton } from "@/components/auth/SignOutButton.tsx";
import { navLinksFor } from "@/components/navigation/links.ts";
import { MainNav } from "@/components/navigation/MainNav.tsx";
import { getViewer } from "@/lib/auth/session.ts";
import { LanguageSwitch } from "./LanguageSwitch.tsx";
import styles from "./SiteHeader.module.css";

export async function SiteHeader() {
  const [viewer, t, tNav, brand, tHeader] = await Promise.all([
    getViewer(),
    getTranslations("auth"),
    getTranslations("nav"),
    getTranslations("layout"),
    getTranslations("header"),
  ]);
  const links = navLinksFor(viewer?.role ?? null).map((link) => ({ ...link, label: tNav(link.labelKey) }));

  return (
    <header className={styles.header}>
      <div className={styles.inner}>
        <div className={styles.top}>
          <Link href="/" className={styles.brand} aria-label={brand("brandHome")} data-testid="brand">
            {brand("brand")}
          </Link>
          <div className={styles.tools}>
            <LanguageSwitch />
            {viewer ? (
              <div className={styles.account} aria-label={t("accountLabel")} role="group">
                <span className={styles.userName} data-testid="viewer-name" title={t("signedInAs", { name: viewer.name })}>
                  {viewer.name}
                </span>
                <SignOutButton label={t("signOut")} className={styles.textButton} />
              </div>
            ) : (
              <Link href="/ingresar" className={styles.signIn} data-testid="sign-in-link">
                {t("signIn")}
              </Link>
            )}
          </div>
        </div>
        <MainNav label={tNav("label")} menuLabel={tNav("menu")} links={links} />
        {viewer?.secondFactor === "missing" ? (
          <p className={styles.reminder} data-testid="second-factor-reminder">
            <Link href="/cuenta/verificacion">{tHeader("secondFactorMissing")}</Link>
          </p>
        ) : null}
      </div>
    </header>
  );
}
