import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { formatCedula } from "@/components/person/options.ts";
import type { PersonListItem } from "@/lib/persons/data.ts";
import styles from "./Merge.module.css";

/**
 * Choosing the two records when the address does not name them: a search by
 * name or cédula (a plain GET form, so it works without JavaScript), then a
 * link per result. The first choice travels in the address as `a`.
 */
export async function MergePicker({
  first,
  query,
  results,
}: {
  first: { id: string; name: string } | null;
  query: string;
  results: PersonListItem[];
}) {
  const [t, tHistory] = await Promise.all([getTranslations("merge"), getTranslations("history")]);
  const hrefFor = (id: string) => (first ? `/fusionar?a=${first.id}&b=${id}` : `/fusionar?a=${id}`);
  const shown = results.filter((person) => person.id !== first?.id);

  return (
    <section aria-labelledby="merge-pick" data-testid="merge-picker">
      {first ? (
        <p className={`notice ${styles.chosenFirst}`} data-testid="merge-first">
          {t("firstChosen", { name: first.name })} · <Link href="/fusionar">{t("change")}</Link>
        </p>
      ) : null}
      <h2 id="merge-pick">{first ? t("pickSecond") : t("pickFirst")}</h2>
      <form action="/fusionar" method="get" role="search" className={styles.pickerForm}>
        {first ? <input type="hidden" name="a" value={first.id} /> : null}
        <label htmlFor="merge-q" className={styles.pickerLabel}>
          {t("searchLabel")}
        </label>
        <div className={styles.pickerRow}>
          <input
            id="merge-q"
            name="q"
            type="search"
            className="input"
            defaultValue={query}
            maxLength={200}
            autoComplete="off"
            spellCheck={false}
            enterKeyHint="search"
            data-testid="merge-search"
          />
          <button type="submit" className="button">
            {t("searchButton")}
          </button>
        </div>
      </form>
      <h3>{query ? t("resultsFor", { query }) : t("recent")}</h3>
      {shown.length === 0 && query ? (
        <p className="notice" role="status">
          {t("noResults", { query })}
        </p>
      ) : (
        <ul className={styles.results} data-testid="merge-results">
          {shown.map((person) => (
            <li key={person.id} className={`card ${styles.result}`} data-testid="merge-result">
              <p className={styles.resultText}>
                <span className={styles.resultName}>{person.name}</span>
                <br />
                <span className="muted">
                  {person.cedula ? formatCedula(person.cedula) : t("noCedula")} · {person.organizationName} ·{" "}
                  {person.releaseStatuses.length === 0
                    ? t("noReleases")
                    : person.releaseStatuses.map((status) => tHistory(`values.status.${status}`)).join(", ")}
                </span>
              </p>
              <Link href={hrefFor(person.id)} className="button button-secondary" aria-label={t("chooseLabel", { name: person.name })}>
                {t("choose")}
              </Link>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
