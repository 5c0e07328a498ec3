import type { ClaimantKind } from "@/lib/announcements/schema.ts";
import { CLAIMANT_KINDS } from "@/lib/announcements/schema.ts";
import { formatNumber } from "@/lib/i18n/format.ts";
import type { AppLocale } from "@/lib/i18n/locale.ts";
import type { PublicTally } from "@/lib/tally/public.ts";
import { chartData, msDay } from "./chart-data.ts";
import { MarkerSample } from "./markers.tsx";
import { announcementWords, dayWords, translator } from "./present.ts";
import { VerifiedChart } from "./VerifiedChart.tsx";
import styles from "./Reconciliation.module.css";

/**
 * The chart and its text alternative. The drawing (a client component) is
 * decoration for those who can see it; the summary and the data table, both
 * rendered here on the server, carry the same facts for everyone.
 */
export function ReconciliationChart({ locale, tally }: { locale: AppLocale; tally: PublicTally }) {
  const t = translator(locale);
  const words = new Map(tally.announcements.map((a) => [a.id, announcementWords(locale, t, a)]));
  const markerLabel = (id: string) => {
    const w = words.get(id)!;
    return t("reconciliation.chart.markerLabel", { claimant: w.claimant, date: w.statedOn, claimed: w.claimed });
  };
  const data = chartData({ asOf: tally.asOf, series: tally.series, announcements: tally.announcements, label: markerLabel });
  const kindLabels = Object.fromEntries(CLAIMANT_KINDS.map((kind) => [kind, t(`claimantKind.${kind}`)])) as Record<ClaimantKind, string>;

  // The summary: where the verified total started and ended, and the range of the claims.
  const changed = tally.series.filter((p, i, all) => i === 0 || p.verifiedCumulative !== all[i - 1]!.verifiedCumulative);
  const first = changed[0];
  const last = tally.series.at(-1);
  const released = tally.announcements.filter((a) => a.measure === "released");
  const values = released.flatMap((a) => (a.claimed.qualifier === "range" ? [a.claimed.min, a.claimed.max] : [a.claimed.value]));
  const summarySeries =
    first && last
      ? t("reconciliation.chart.summarySeries", {
          first: first.verifiedCumulative,
          firstDate: dayWords(locale, first.date),
          last: last.verifiedCumulative,
          lastDate: dayWords(locale, last.date),
        })
      : t("reconciliation.chart.summaryNoSeries");
  const summaryClaims = t("reconciliation.chart.summaryClaims", {
    count: released.length,
    min: values.length ? Math.min(...values) : 0,
    max: values.length ? Math.max(...values) : 0,
  });

  // The table: every day on which the total changed or an announcement was made.
  const totals = new Map(changed.map((p) => [p.date, p.verifiedCumulative]));
  const claimsByDay = new Map<string, typeof released>();
  for (const a of released) claimsByDay.set(a.statedOn, [...(claimsByDay.get(a.statedOn) ?? []), a]);
  const days = [...new Set([...totals.keys(), ...claimsByDay.keys()])].sort();
  // The total at the end of each listed day, in one walk along the series (both are in day order).
  const totalByDay = new Map<string, number>();
  let point = -1;
  for (const day of days) {
    while (point + 1 < tally.series.length && tally.series[point + 1]!.date <= day) point += 1;
    totalByDay.set(day, point >= 0 ? tally.series[point]!.verifiedCumulative : 0);
  }
  const totalOn = (day: string) => totalByDay.get(day) ?? 0;

  return (
    <section aria-labelledby="chart-heading" className={styles.chartSection}>
      <h2 id="chart-heading">{t("reconciliation.chart.heading")}</h2>
      <figure className={styles.figure} data-testid="reconciliation-chart" aria-describedby="chart-summary">
        <figcaption className={styles.figcaption}>{t("reconciliation.chart.description")}</figcaption>
        <VerifiedChart data={data} kindLabels={kindLabels} />
        <p id="chart-summary" className={styles.chartSummary} data-testid="chart-summary">
          {summarySeries} {summaryClaims}
        </p>
      </figure>
      <details className={styles.alternative} data-testid="chart-alternative">
        <summary>{t("reconciliation.chart.alternative")}</summary>
        <div className="table-wrap" role="region" aria-labelledby="chart-table-caption" tabIndex={0}>
          <table className="data-table">
            <caption id="chart-table-caption" className={styles.caption}>
              {t("reconciliation.chart.tableCaption")}
            </caption>
            <thead>
              <tr>
                <th scope="col">{t("reconciliation.chart.columnDay")}</th>
                <th scope="col" className={styles.numeric}>
                  {t("reconciliation.chart.columnVerified")}
                </th>
                <th scope="col">{t("reconciliation.chart.columnAnnouncements")}</th>
              </tr>
            </thead>
            <tbody>
              {days.map((day) => (
                <tr key={day} data-day={day}>
                  <th scope="row">{dayWords(locale, day)}</th>
                  <td className={styles.numeric}>{formatNumber(locale, totalOn(day))}</td>
                  <td>
                    {(claimsByDay.get(day) ?? []).map((a) => {
                      const w = words.get(a.id)!;
                      return (
                        <span key={a.id} className={styles.alternativeClaim}>
                          <MarkerSample kind={a.claimantKind} faded={a.status !== "active"} /> {w.claimant} ({w.kind}): {w.claimed}
                          {a.status !== "active" ? ` — ${w.statusLabel}` : ""}
                        </span>
                      );
                    })}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
      <span hidden data-testid="chart-as-of" data-value={msDay(data.all.to)} />
    </section>
  );
}
