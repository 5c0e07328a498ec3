import { getTranslations } from "next-intl/server";
import { isDemoLoaded } from "@/lib/system/data.ts";
import styles from "./SiteFooter.module.css";

export async function SiteFooter() {
  const t = await getTranslations("footer");
  const tApiDocs = await getTranslations("apiDocs");
  const demo = await isDemoLoaded().catch((error: unknown) => {
    // The footer must not take the page down with it; the failure is logged.
    console.error("footer: could not read the demo state", error);
    return false;
  });
  return (
    <footer className={styles.footer}>
      <div className={styles.inner}>
        {demo ? (
          <p className={styles.demo} data-testid="demo-notice">
            {t("demo")}
          </p>
        ) : null}
        <p className={styles.about}>{t("about")}</p>
        <p className={styles.links}>
          <a href="/referencia-api" data-testid="footer-api-docs">
            {tApiDocs("footerLink")}
          </a>
        </p>
      </div>
    </footer>
  );
}
