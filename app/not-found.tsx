import Link from "next/link";
import { getTranslations } from "next-intl/server";

export default async function NotFound() {
  const t = await getTranslations("errors");
  return (
    <>
      <title>{t("notFoundTitle")}</title>
      <h1>{t("notFoundTitle")}</h1>
      <p className="prose">{t("notFoundText")}</p>
      <p>
        <Link href="/" className="button">
          {t("backHome")}
        </Link>
      </p>
    </>
  );
}
