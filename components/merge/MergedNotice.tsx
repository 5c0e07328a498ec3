import { getTranslations } from "next-intl/server";

/**
 * The notice the record page shows after a merge: /fusionar sends the
 * moderator to `/expediente/{survivorId}?fusionado={mergedId}`. For the record
 * page to render when that parameter is present.
 */
export async function MergedNotice() {
  const t = await getTranslations("merge");
  return (
    <p className="notice" role="status" data-testid="merged-notice">
      {t("mergedNotice")}
    </p>
  );
}
