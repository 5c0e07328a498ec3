import type { AppLocale } from "@/lib/i18n/locale.ts";
import type { AsOfReading } from "./as-of.ts";
import { dayWords, translator } from "./present.ts";
import styles from "./Reconciliation.module.css";

const PROBLEM_ID = "as-of-problem";

/**
 * Which day the figures below are as of, said first: today, a past day (with
 * the way back to today), or why the date asked for cannot be used (the page
 * then shows today's figures, never an error page).
 */
export function AsOfNotice({ locale, action, reading }: { locale: AppLocale; action: string; reading: AsOfReading }) {
  const t = translator(locale);
  if (reading.kind === "problem") {
    const problem =
      reading.problem === "invalid"
        ? t("reconciliation.asOf.invalid", { value: reading.raw })
        : reading.problem === "future"
          ? t("reconciliation.asOf.future", { date: dayWords(locale, reading.raw) })
          : t("reconciliation.asOf.tooEarly");
    return (
      <>
        <p id={PROBLEM_ID} className="error-message" data-testid="as-of-problem">
          {problem}
        </p>
        <p className={styles.asOfToday} data-testid="as-of-state" data-as-of={reading.day}>
          {t("reconciliation.asOf.showingToday", { date: dayWords(locale, reading.day) })}
        </p>
      </>
    );
  }
  if (reading.kind === "chosen") {
    return (
      <p className={`notice ${styles.asOfPast}`} data-testid="as-of-state" data-as-of={reading.day}>
        <strong>{t("reconciliation.asOf.showingPast", { date: dayWords(locale, reading.day) })}</strong>{" "}
        <a href={action} data-testid="as-of-today">
          {t("reconciliation.asOf.backToToday")}
        </a>
      </p>
    );
  }
  return (
    <p className={styles.asOfToday} data-testid="as-of-state" data-as-of={reading.day}>
      {t("reconciliation.asOf.showingToday", { date: dayWords(locale, reading.day) })}
    </p>
  );
}

/**
 * "See the figures as they stood on…": a plain GET form (`?asOf=YYYY-MM-DD`)
 * that works without JavaScript.
 */
export function AsOfForm({
  locale,
  action,
  reading,
  today,
}: {
  locale: AppLocale;
  action: string;
  reading: AsOfReading;
  today: string;
}) {
  const t = translator(locale);
  const problem = reading.kind === "problem";
  return (
    <form method="get" action={action} className={styles.asOfForm} data-testid="as-of-form">
      <div className={styles.asOfField}>
        <label htmlFor="as-of">{t("reconciliation.asOf.label")}</label>
        <div className={styles.asOfInputs}>
          <input
            id="as-of"
            name="asOf"
            type="date"
            className="input"
            min="2000-01-01"
            max={today}
            defaultValue={reading.kind === "chosen" ? reading.day : ""}
            aria-describedby={problem ? `${PROBLEM_ID} as-of-hint` : "as-of-hint"}
            aria-invalid={problem ? true : undefined}
            data-testid="as-of-input"
          />
          <button type="submit" className="button" data-testid="as-of-submit">
            {t("reconciliation.asOf.submit")}
          </button>
        </div>
        <p id="as-of-hint" className="hint">
          {t("reconciliation.asOf.hint")}
        </p>
      </div>
    </form>
  );
}
