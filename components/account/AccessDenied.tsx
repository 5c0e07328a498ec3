import { getTranslations } from "next-intl/server";

export async function AccessDenied() {
  const t = await getTranslations("access");
  return (
    <>
      <h1>{t("title")}</h1>
      <p className="notice" data-testid="access-denied">
        {t("body")}
      </p>
    </>
  );
}
