import { getTranslations } from "next-intl/server";
import styles from "./Exports.module.css";

const FORMATS = ["csv", "json", "pfif"] as const;

/**
 * The public list's downloads (GET /api/v1/releases/export): CSV · JSON · PFIF,
 * with one line saying what they hold. Plain links: the browser downloads the
 * streamed file itself.
 */
export async function PublicDownloads() {
  const t = await getTranslations("exports.public");
  return (
    <section aria-labelledby="list-downloads-title" className={`card ${styles.panel}`} data-testid="list-downloads">
      <h2 id="list-downloads-title" className={styles.title}>
        {t("title")}
      </h2>
      <p className={`hint ${styles.hint}`}>
        {t("intro")}
      </p>
      <div className={styles.links}>
        {FORMATS.map((format) => (
          <a
            key={format}
            href={`/api/v1/releases/export?format=${format}`}
            className="button button-secondary"
            download
            aria-label={t(`${format}Label`)}
            data-testid={`list-download-${format}`}
          >
            {t(format)}
          </a>
        ))}
      </div>
    </section>
  );
}
