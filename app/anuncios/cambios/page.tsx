import type { Metadata } from "next";
import Link from "next/link";
import { getLocale } from "next-intl/server";
import { ChangesView } from "@/components/reconciliation/ChangesView.tsx";
import { readChangesPeriod } from "@/components/reconciliation/as-of.ts";
import { dayWords, translator } from "@/components/reconciliation/present.ts";
import styles from "@/components/reconciliation/Reconciliation.module.css";
import { todayInCaracas } from "@/lib/dates.ts";
import { tallyChanges } from "@/lib/tally/changes.ts";
import { publicTallyAsOf } from "@/lib/tally/service.ts";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const t = translator(await getLocale());
  return { title: t("reconciliation.changes.title") };
}

/**
 * What changed between two days (`?from=&to=`, each counted at its end,
 * Caracas time): lib/tally/changes.ts for the releases and announcements, and
 * the public tally (`publicTallyAsOf`) for the figures at both ends.
 */
export default async function ChangesPage({ searchParams }: { searchParams: Promise<{ from?: string | string[]; to?: string | string[] }> }) {
  const today = todayInCaracas();
  const query = await searchParams;
  const period = readChangesPeriod(query.from, query.to, today);
  const [locale, changes, before, after] = await Promise.all([
    getLocale(),
    tallyChanges(period.from, period.to),
    publicTallyAsOf(period.from),
    publicTallyAsOf(period.to),
  ]);
  const t = translator(locale);
  const problem =
    period.problem === null
      ? null
      : period.problem.kind === "order"
        ? t("reconciliation.changes.order", { from: dayWords(locale, period.problem.from), to: dayWords(locale, period.problem.to) })
        : period.problem.kind === "invalid"
          ? t("reconciliation.changes.invalid", { value: period.problem.raw })
          : period.problem.kind === "future"
            ? t("reconciliation.changes.future", { date: dayWords(locale, period.problem.raw) })
            : t("reconciliation.changes.tooEarly");

  return (
    <>
      <p>
        <Link href="/anuncios">{t("reconciliation.changes.back")}</Link>
      </p>
      <h1>{t("reconciliation.changes.title")}</h1>
      <p className="lead">{t("reconciliation.changes.intro")}</p>

      <form method="get" action="/anuncios/cambios" className={styles.asOfForm} data-testid="changes-form">
        <div className={styles.asOfInputs}>
          <div className={styles.asOfField}>
            <label htmlFor="changes-from">{t("reconciliation.changes.from")}</label>
            <input
              id="changes-from"
              name="from"
              type="date"
              className="input"
              min="2000-01-01"
              max={today}
              defaultValue={period.from}
              aria-describedby={problem ? "changes-problem" : undefined}
              aria-invalid={problem ? true : undefined}
            />
          </div>
          <div className={styles.asOfField}>
            <label htmlFor="changes-to">{t("reconciliation.changes.to")}</label>
            <input
              id="changes-to"
              name="to"
              type="date"
              className="input"
              min="2000-01-01"
              max={today}
              defaultValue={period.to}
              aria-describedby={problem ? "changes-problem" : undefined}
              aria-invalid={problem ? true : undefined}
            />
          </div>
        </div>
        <p className={styles.formActions}>
          <button type="submit" className="button">
            {t("reconciliation.changes.submit")}
          </button>
        </p>
        {problem ? (
          <p id="changes-problem" className="error-message" data-testid="changes-problem">
            {problem} {t("reconciliation.changes.shownInstead")}
          </p>
        ) : null}
      </form>

      <ChangesView locale={locale} changes={changes} before={before} after={after} />
    </>
  );
}
