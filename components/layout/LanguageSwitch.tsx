import { getLocale, getTranslations } from "next-intl/server";
import { setLocaleAction } from "@/lib/i18n/actions.ts";
import { locales } from "@/lib/i18n/locale.ts";
import styles from "./SiteHeader.module.css";

/** Two buttons, one per language, posting to a server action: works without JavaScript. */
export async function LanguageSwitch() {
  const locale = await getLocale();
  const t = await getTranslations("language");
  return (
    <form action={setLocaleAction} className={styles.language} aria-label={t("label")}>
      {locales.map((option) => (
        <button
          key={option}
          type="submit"
          name="locale"
          value={option}
          lang={option}
          aria-pressed={option === locale}
          className={styles.languageButton}
          data-testid={`lang-${option}`}
        >
          {t(option)}
        </button>
      ))}
    </form>
  );
}
