import Link from "next/link";
import { getTranslations } from "next-intl/server";
import styles from "./History.module.css";

/** "See earlier changes" (the next page, older events) and, past the first page, "back to the latest". */
export async function HistoryPager({ path, nextBeforeId, paged }: { path: string; nextBeforeId: bigint | null; paged: boolean }) {
  if (nextBeforeId === null && !paged) return null;
  const t = await getTranslations("history");
  return (
    <nav className={styles.pager} aria-label={t("pagerLabel")}>
      {nextBeforeId !== null ? (
        <Link href={`${path}?antes=${nextBeforeId.toString()}`} className="button button-secondary" data-testid="history-more">
          {t("more")}
        </Link>
      ) : null}
      {paged ? (
        <Link href={path} className="button button-secondary">
          {t("newest")}
        </Link>
      ) : null}
    </nav>
  );
}
