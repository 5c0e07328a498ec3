import { getTranslations } from "next-intl/server";
import styles from "./SearchForm.module.css";

/** A plain GET form to /buscar: works without JavaScript and gives a shareable URL. */
export async function SearchForm({ defaultValue, id = "q", hint }: { defaultValue?: string; id?: string; hint?: boolean }) {
  const t = await getTranslations("home");
  const hintId = `${id}-hint`;
  return (
    <form action="/buscar" method="get" role="search" className={styles.form}>
      <label htmlFor={id} className={styles.label}>
        {t("searchLabel")}
      </label>
      {hint ? (
        <p id={hintId} className="hint">
          {t("searchHint")}
        </p>
      ) : null}
      <div className={styles.row}>
        <input
          id={id}
          name="q"
          type="search"
          className={`input ${styles.input}`}
          defaultValue={defaultValue}
          minLength={2}
          maxLength={200}
          required
          autoComplete="off"
          spellCheck={false}
          enterKeyHint="search"
          aria-describedby={hint ? hintId : undefined}
          data-testid="search-input"
        />
        <button type="submit" className="button" data-testid="search-submit">
          {t("searchButton")}
        </button>
      </div>
    </form>
  );
}
