import { getTranslations } from "next-intl/server";
import styles from "./Exports.module.css";

const FORMATS = ["csv", "xlsx"] as const;

/**
 * For moderators and admins (policy "export.internal"): their organization's
 * own records as CSV or XLSX (GET /api/v1/exports/internal). Each download is
 * audited by the route; plain links, so the browser streams the file to disk.
 */
export async function InternalExportPanel({ organizationName }: { organizationName: string }) {
  const t = await getTranslations("exports.internal");
  return (
    <section aria-labelledby="internal-export-title" className={`card ${styles.panel}`} data-testid="internal-export">
      <h2 id="internal-export-title" className={styles.title}>
        {t("title")}
      </h2>
      <p className={`hint ${styles.hint}`}>{t("intro", { organization: organizationName })}</p>
      <p className={`hint ${styles.hint}`}>
        <strong>{t("warning")}</strong>
      </p>
      <div className={styles.links}>
        {FORMATS.map((format) => (
          <a
            key={format}
            href={`/api/v1/exports/internal?format=${format}`}
            className="button button-secondary"
            download
            data-testid={`internal-export-${format}`}
          >
            {t(format)}
          </a>
        ))}
      </div>
    </section>
  );
}
